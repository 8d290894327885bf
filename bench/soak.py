"""`python -m bench soak [--seconds S] [--pace P]`: the control room and a busy check-in desk run
together on the demo venue, offscreen, in a child process; the figures say whether the application
would last an exam day.

The desk takes a candidate every P seconds (default 0.5: six times the busiest real desk, one every
3 s) through the demo's simulated reader and scanner, the real drivers over pseudo-terminals; the
control room beside it refreshes on its own timers in real time. At six times the pace, the default
600 s hold an hour of that busy desk (1,200 candidates) and twice the 306 s after which PySide6 6.12.0
aborted an idle control room. The figures are per hour of running.

Figures: `crashes` (the child died: 0), `none_refcount_drift_per_hour` (how `sys.getrefcount(None)`
moves, 0: a leak ends in `none_dealloc`), `rss_growth_mb_per_hour` (≤ 20).

What is accelerated: only the desk's pace (`--pace`, default six times the busiest desk); the
control room, the paper-room engine and the clocks run in real time, so `--seconds 3600` is an
hour of them. The slopes are least-squares fits over the samples after WARM_UP_S (the first
screens' caches, fonts, photos and the SQLAlchemy statement cache fill in the first minute; the
results a refresh holds come and go, which a fit over every sample rides through where a
first-to-last difference would not). Nothing else is left out: every sample to the end counts.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from typing import Any

from bench.common import Figure, note

CANDIDATE_EVERY_S = 3.0  # the busiest real desk
WARM_UP_S = 60.0  # screens fill their caches, the first verdicts load their fonts and photos
SAMPLE_EVERY_S = 10.0


def slope_per_hour(samples: list[dict[str, Any]], key: str) -> float:
    """The least-squares slope of `key` against time, per hour."""
    ts = [s["t"] for s in samples]
    ys = [float(s[key]) for s in samples]
    n = len(ts)
    mt, my = sum(ts) / n, sum(ys) / n
    var = sum((t - mt) ** 2 for t in ts)
    if var <= 0:
        return 0.0
    return sum((t - mt) * (y - my) for t, y in zip(ts, ys, strict=True)) / var * 3600


def _rss_mb() -> float:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:  # not Linux: the figure is measured on the venue's Linux PCs and here
        return 0.0


def child(seconds: float, pace: float) -> None:  # pragma: no cover - runs in the child process
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import gc
    import shutil
    from dataclasses import replace

    from PySide6.QtCore import QTimer

    from app import config
    from app.__main__ import build_engine
    from app.bootstrap import open_demo
    from app.process_memory import keep_big_buffers_unmapped
    from ui.app import make_application, pump_until, sign_in_demo_chief
    from ui.checkin.screen import CheckinScreen
    from ui.checkin.simulator_panel import SimulatorPanel
    from ui.compose import build_main_window
    from ui.runner import OpRunner

    keep_big_buffers_unmapped()  # as app.__main__.main does first
    app, _translations = make_application("zh_CN")
    core = open_demo(replace(config.Settings(), idle_lock_minutes=120))
    runner = OpRunner()
    engine = build_engine(core)  # as the composition root runs it: the paper room records throughout
    engine.start()
    windows = []
    for screen in ("control", "checkin"):
        window = build_main_window(core, runner, "zh_CN", engine)
        window.resize(1366, 768)
        window.show()
        sign_in_demo_chief(window, core, seconds=120)  # a loaded machine
        if not window.workspace.show_screen(screen):
            raise SystemExit(f"soak: no {screen} screen")
        windows.append(window)
    desk = windows[1].findChild(CheckinScreen)
    panel = windows[1].findChild(SimulatorPanel)
    if desk is None or panel is None:
        raise SystemExit("soak: the demo desk has no simulator panel")
    pump_until(lambda: panel.person.count() > 0, 20)
    verdicts = [0]
    desk.outcome_shown.connect(lambda _o: verdicts.__setitem__(0, verdicts[0] + 1))
    steps = [0]

    def step() -> None:
        k, phase = divmod(steps[0], 3)
        steps[0] += 1
        if phase == 0:
            panel.person.setCurrentIndex(k % max(1, panel.person.count()))
            (panel.present_other if k % 10 == 9 else panel.present_card)()
        elif phase == 1:
            panel.scan_ticket()
        else:
            desk.escape()

    driver = QTimer()
    driver.timeout.connect(step)
    driver.start(max(1, int(pace * 1000 / 3)))
    started = time.monotonic()

    def sample() -> None:
        gc.collect()
        print(json.dumps({"t": time.monotonic() - started, "none": sys.getrefcount(None), "rss_mb": _rss_mb(),
                          "candidates": steps[0] // 3, "verdicts": verdicts[0]}), flush=True)

    sample()
    sampler = QTimer()
    sampler.timeout.connect(sample)
    sampler.start(int(SAMPLE_EVERY_S * 1000))
    QTimer.singleShot(int(seconds * 1000), app.quit)
    app.exec()
    driver.stop()
    sample()
    for window in windows:
        window.close()
    runner.wait()
    engine.stop()
    core.close()
    shutil.rmtree(core.settings.data_dir, ignore_errors=True)


def run(argv: list[str]) -> list[Figure]:
    seconds = float(argv[argv.index("--seconds") + 1]) if "--seconds" in argv else 600.0
    pace = float(argv[argv.index("--pace") + 1]) if "--pace" in argv else 0.5
    note(f"soak: {seconds:.0f} s, a candidate every {pace} s ({CANDIDATE_EVERY_S / pace:.0f}× the busiest desk)")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    samples: list[dict[str, Any]] = []
    # The child's stderr goes to a file, not a pipe read at the end: Qt's offscreen plugin warns on
    # every layout change, and a full pipe (64 KB, about 6 minutes of a busy desk) blocked the
    # child in write(2) for the rest of the run.
    with tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace") as err, \
            subprocess.Popen([sys.executable, "-m", "bench.soak", "--child", str(seconds), str(pace)],
                             stdout=subprocess.PIPE, stderr=err, text=True, env=env) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("{"):
                samples.append(json.loads(line))
        rc = proc.wait(timeout=120)
        err.seek(0)
        errors = "".join(line for line in err if "propagateSizeHints" not in line)
    crashed = rc != 0 or "Fatal Python error" in errors
    if crashed:
        note(f"soak: the application died (rc {rc}): {errors[-1500:]}")
    warm = [s for s in samples if s["t"] >= WARM_UP_S] or samples[-1:]
    if not samples or not warm:
        raise SystemExit(f"soak: no sample before the child ended (rc {rc}): {errors[-1500:]}")
    first, last = warm[0], samples[-1]
    # Per hour of running, fitted over the steady state (every sample after the warm-up).
    drift = slope_per_hour(warm, "none") if len(warm) > 1 else 0.0
    growth = slope_per_hour(warm, "rss_mb") if len(warm) > 1 else 0.0
    note(f"soak: {last['candidates']} candidates, {last['verdicts']} verdicts painted in {last['t']:.0f} s; "
         f"after the {WARM_UP_S:.0f} s warm-up, None refcount {first['none']} → {last['none']}; "
         f"RSS {first['rss_mb']:.0f} → {last['rss_mb']:.0f} MB ({len(warm)} samples fitted)")
    return [Figure("soak", "crashes", int(crashed), "count", "== 0"),
            Figure("soak", "none_refcount_drift_per_hour", round(drift, 1), "refs/h", "== 0"),
            Figure("soak", "rss_growth_mb_per_hour", round(growth, 1), "MB/h", "<= 20")]


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(float(sys.argv[2]), float(sys.argv[3]))
    else:
        for figure in run(sys.argv[1:]):
            figure.emit()
