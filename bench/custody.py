"""`python -m bench custody [--rounds N] [--window]`: the real custody screen offscreen on the demo
venue, for the chief examiner (`--window`: inside the whole main window, the other screens built
beside it, the paper room's simulated cameras running); the handover escort → secure paper room of
the first paper sitting lists its 61 packages (two per room, the spare papers). Each package is
scanned through a device bridge, as the serial or camera scanner delivers it, and timed from the
scan to its row painted (the table's viewport painting with the row coloured).

Figures: `scan_to_row_ms_p95` (≤ 50), over N rounds of the 61 packages (default 3). The CPU time per
scan goes to stderr: on a loaded machine the wall time includes waiting for a core.
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import replace

from bench.common import Figure, note, percentile

PACKAGES = 61


def run(argv: list[str]) -> list[Figure]:
    rounds = int(argv[argv.index("--rounds") + 1]) if "--rounds" in argv else 3
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QWidget

    from app import config
    from app.bootstrap import DEMO_CREDENTIAL, demo_chief_number, open_demo
    from app.rules.custody import ESCORT, SECURE_ROOM
    from devices.scanner.scan import Scan, ScanSource
    from ui.app import make_application, pump_until, sign_in_demo_chief
    from ui.compose import build_main_window
    from ui.custody.screen import CustodyScreen
    from ui.custody.wiring import from_core
    from ui.devices.bridge import DeviceBridge
    from ui.runner import OpRunner

    app, _translations = make_application("zh_CN")
    core = open_demo(replace(config.Settings(), idle_lock_minutes=120))
    runner = OpRunner()
    window: QWidget
    engine = None
    if "--window" in argv:
        from app.__main__ import build_engine

        engine = build_engine(core)  # as the application runs it: clock, scheduler, paper-room cameras
        engine.start()
        main = build_main_window(core, runner, "zh_CN", engine)
        main.resize(1366, 768)
        main.show()
        sign_in_demo_chief(main, core)
        if not main.workspace.show_screen("custody"):
            raise SystemExit("bench: no custody screen for the chief examiner")
        found = main.findChild(CustodyScreen)
        if found is None:
            raise SystemExit("bench: the custody screen was not built")
        window, screen, bridge = main, found, main.station.bridge
    else:
        bridge = DeviceBridge()
        user = core.auth.login(demo_chief_number(core), DEMO_CREDENTIAL, core.desk)
        screen = from_core(core, runner, user, bridge)
        screen.resize(1366, 768)
        screen.show()
        window = screen
    wizard = screen.wizard
    if not pump_until(lambda: wizard.route_page.sitting_box.count() > 1, 20):
        raise SystemExit("bench: the wizard did not list the sittings")

    class Paints(QObject):
        count = 0

        def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    paints = Paints()
    wizard.table.viewport().installEventFilter(paints)
    times: list[float] = []
    cpu: list[float] = []
    for r in range(rounds):
        for index in range(wizard.route_page.sitting_box.count()):  # the first sitting whose route has 61 packages
            wizard.restart()
            wizard.choose(ESCORT, SECURE_ROOM, wizard.route_page.sitting_box.itemData(index))
            wizard.load_manifest()
            if not pump_until(lambda: wizard.current_step() == 1, 20):
                raise SystemExit("bench: the manifest did not load")
            if len(wizard.line_codes()) == PACKAGES:
                break
        else:
            raise SystemExit(f"bench: no sitting lists {PACKAGES} packages from the escort")
        pump_until(lambda: False, 0.2)  # the first paint of the list
        for code in wizard.line_codes():
            before = paints.count
            started, cpu_started = time.perf_counter(), time.process_time()
            bridge.sink(Scan(code=code, source=ScanSource.SERIAL, device="bench", at=time.monotonic()))
            deadline = started + 10
            while not (wizard.row_colour(code) and paints.count > before):  # tight: pump_until sleeps 10 ms
                app.processEvents()
                time.sleep(0.0002)
                if time.perf_counter() > deadline:
                    raise SystemExit(f"bench: the row of {code} was not painted")
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - cpu_started) * 1000)
        note(f"round {r + 1}: {PACKAGES} packages, median {percentile(times[-PACKAGES:], 50):.1f} ms")
    note(f"custody: median {percentile(times, 50):.1f} ms, p95 {percentile(times, 95):.1f} ms, "
         f"max {max(times):.1f} ms over {len(times)} scans; a round of {PACKAGES}: {sum(times) / rounds / 1000:.2f} s")
    slow = [i for i, t in enumerate(times) if t > 50]
    note(f"custody: {len(slow)} scans over 50 ms, of which {sum(1 for i in slow if cpu[i] > 15)} used over 15 ms "
         f"of CPU (the list scrolled)")
    note(f"custody: CPU per scan median {percentile(cpu, 50):.1f} ms, p95 {percentile(cpu, 95):.1f} ms; "
         f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    window.close()
    runner.wait()
    if engine is not None:
        engine.stop()
    app.processEvents()
    core.close()
    shutil.rmtree(core.settings.data_dir, ignore_errors=True)
    return [Figure("custody", "scan_to_row_ms_p95", round(percentile(times, 95), 1), "ms", "<= 50")]
