"""Screenshots of every screen, in zh_CN and en, at 1366×768 and 1920×1080 (issue 18), offscreen,
in the whole main window, as `python -m app --demo` builds it (engine, simulated devices):

    python -m tests.screenshots out/            # every screen, both languages, both sizes
    python -m tests.screenshots out/ en 1366x768

The chief examiner signs in for every screen the chief has; an invigilator signs in for their own
room-record screen. Prints each file written ({screen}-{lang}-{size}.png); the desk with each
verdict is `python -m tests.checkin.desk_screenshots`."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

LANGUAGES = ("zh_CN", "en")
SIZES = ("1366x768", "1920x1080")


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out = Path(argv[0]) if argv else Path("screenshots")
    languages = (argv[1],) if len(argv) > 1 else LANGUAGES
    sizes = (argv[2],) if len(argv) > 2 else SIZES
    out.mkdir(parents=True, exist_ok=True)

    import logging
    import tempfile

    from app import config
    from app.__main__ import build_engine
    from app.bootstrap import DEMO_CREDENTIAL, open_demo
    from app.logs import configure_logging
    from ui.app import make_application, pump_until, save_screenshot, sign_in_demo_chief
    from ui.compose import build_main_window
    from ui.runner import OpRunner

    # As `python -m app --demo` does first: the program log screen shows this run's log.
    logging_setup = configure_logging(Path(tempfile.mkdtemp(prefix="venue-ops-shots-logs-")), logging.INFO)
    for lang in languages:
        _app, _translations = make_application(lang)
        core = open_demo(config.Settings(language=lang))
        runner = OpRunner()
        engine = build_engine(core)
        engine.start()
        try:
            for size in sizes:
                width, height = (int(v) for v in size.split("x"))
                window = build_main_window(core, runner, lang, engine)
                window.resize(width, height)
                window.show()
                save_screenshot(out / f"login-{lang}-{size}.png", window)
                sign_in_demo_chief(window, core, seconds=60)
                for spec in list(window.workspace.specs):
                    window.workspace.show_screen(spec.key)
                    pump_until(lambda: False, 1.5)  # its data loaded and painted
                    path = out / f"{spec.key}-{lang}-{size}.png"
                    save_screenshot(path, window)
                    print(path, flush=True)
                    if spec.key == "devices":  # and its editing pane, with the PC's serial ports
                        _devices_editing(window, out / f"devices-edit-{lang}-{size}.png")
                window.sign_out()
                pump_until(lambda w=window: w.workspace is None, 10)
                window.login.staff_number.setText("T320107004")  # an invigilator: their own room records
                window.login.credential.setText(DEMO_CREDENTIAL)
                window.login.attempt()
                if pump_until(lambda w=window: w.workspace is not None, 60):
                    for spec in window.workspace.specs:
                        if spec.key == "room_record":
                            window.workspace.show_screen(spec.key)
                            pump_until(lambda: False, 1.5)
                            path = out / f"{spec.key}-{lang}-{size}.png"
                            save_screenshot(path, window)
                            print(path, flush=True)
                window.close()
                runner.wait()
        finally:
            engine.stop()
            core.close()
    logging_setup.close()
    return 0


def _devices_editing(window: Any, path: Path) -> None:
    from ui.app import pump_until, save_screenshot
    from ui.devices.screen import DevicesScreen

    screen = window.workspace.stack.currentWidget()
    assert isinstance(screen, DevicesScreen)
    screen.configure()
    pump_until(lambda: screen.pages.currentWidget() is screen.pane, 10)
    pump_until(lambda: False, 0.5)
    save_screenshot(path, window)
    print(path, flush=True)
    screen.pane.cancelled.emit()
    pump_until(lambda: screen.pages.currentWidget() is screen.list_page, 10)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
