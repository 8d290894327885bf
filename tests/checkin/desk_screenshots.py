"""Screenshots of the demo desk with each verdict, offscreen, in the whole main window (issue 18):

    python -m tests.checkin.desk_screenshots zh_CN out/ [1366x768]
    python -m tests.checkin.desk_screenshots en out/ [1366x768]

The demo as `python -m app --demo` builds it (engine, simulated reader and scanner), the chief
signed in, room 01's door; the simulator panel presents each case, then the window is grabbed:
ready, wait, admit, check (amber), expired, unknown_ticket, wrong_room, late, late_twice,
restored (after "back to real time"), locked. Prints each file written."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    lang, out = argv[0], Path(argv[1])
    width, height = (int(v) for v in (argv[2] if len(argv) > 2 else "1366x768").split("x"))
    out.mkdir(parents=True, exist_ok=True)

    from app import config
    from app.__main__ import build_engine
    from app.bootstrap import open_demo
    from app.services.checkin import Outcome
    from ui.app import make_application, pump_until, sign_in_demo_chief
    from ui.checkin.screen import CheckinScreen
    from ui.checkin.simulator_panel import SimulatorPanel
    from ui.compose import build_main_window
    from ui.runner import OpRunner

    settings = config.load(None).with_overrides(language=lang)
    _app, _translations = make_application(lang)
    core = open_demo(settings)
    runner = OpRunner()
    engine = build_engine(core)
    engine.start()
    try:
        window = build_main_window(core, runner, lang, engine)
        window.resize(width, height)
        window.show()
        sign_in_demo_chief(window, core)
        window.workspace.show_screen("checkin")
        desk, panel = window.findChild(CheckinScreen), window.findChild(SimulatorPanel)
        assert desk is not None and panel is not None
        pump_until(lambda: desk.info is not None and bool(panel.people))
        assert desk.info is not None
        desk.choose(desk.info.sitting_code, "01")
        pump_until(lambda: desk.info is not None and desk.info.room_code == "01" and bool(panel.people)
                   and panel.people[0].room_code == "01")
        shown: list[Outcome] = []
        desk.outcome_shown.connect(shown.append)

        def settle(outcomes: int = 0, seconds: float = 0.6) -> None:
            pump_until(lambda: len(shown) >= outcomes, 10)
            runner.wait()
            pump_until(lambda: False, seconds)

        def shot(name: str) -> None:
            settle()
            path = out / f"desk_{lang}_{width}x{height}_{name}.png"
            window.grab().save(str(path))
            print(path)

        def pick(i: int) -> None:
            desk.escape()
            panel.person.setCurrentIndex(i)

        settle(seconds=1.0)
        shot("ready")
        pick(0)
        panel.present_card()
        settle(1)
        shot("wait")
        panel.scan_ticket()
        settle(2)
        shot("admit")
        pick(1)
        panel.scan_ticket()
        settle(3)
        desk.enter()  # no card: the invigilator must look
        settle(4)
        shot("check")
        pick(2)
        panel.present_expired()
        settle(5)
        shot("expired")
        desk.escape()
        desk.present_ticket("2699999999999")
        settle(6)
        shot("unknown_ticket")
        desk.escape()
        panel.choose_room("02")
        pick(0)
        panel.present_card()
        settle(7)
        shot("wrong_room")
        panel.choose_room(None)
        panel.arrive_late()
        settle(seconds=2.5)  # the engine's tick marks the absences
        pick(4)
        panel.scan_ticket()
        settle(8)
        shot("late")
        panel.scan_ticket()
        settle(9, seconds=1.0)
        shot("late_twice")
        panel.back_on_time()
        settle(seconds=2.5)
        shot("restored")
        window.lock()
        shot("locked")
    finally:
        engine.stop()
        runner.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
