"""`venue-ops` / `python -m app`: the composition root.

The one place that wires core, GUI, devices and sync together; `ui` (and with it PySide6) is
imported lazily, only by the code paths that need it, so the commands stay light.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import tempfile
import time
import traceback
from argparse import Namespace
from pathlib import Path
from typing import Any

from sqlalchemy.exc import OperationalError

from app import config
from app.cli.console import Console
from app.cli.parser import build_parser
from app.errors import VenueError

STARTED = time.perf_counter()
log = logging.getLogger("venue_ops")


def main(argv: list[str] | None = None) -> int:
    from app.fsmodes import restrict_process
    from app.process_memory import keep_big_buffers_unmapped

    restrict_process()  # every file 0600, every folder 0700 from here on (app/fsmodes.py)
    keep_big_buffers_unmapped()  # the resident size stays flat over the day (app/process_memory.py)
    args = build_parser().parse_args(argv)
    language = args.lang or config.Settings.language  # until the settings are read
    if not logging.getLogger().handlers:  # before the log file is set up, no traceback reaches stderr
        logging.getLogger().addHandler(logging.NullHandler())
    try:
        settings = config.load(args.settings, required=args.settings is not None).with_overrides(
            db_url=args.db, language=args.lang)
        language = settings.language
        _start_logging(settings, args)
        if args.command:
            return _run_command(args, settings)
        if args.self_check:
            return _self_check(settings)
        return _run_gui(args, settings)
    except Exception as exc:  # one sentence for the user; the traceback only with --debug
        return _fail(exc, args, language)


def _fail(exc: Exception, args: Namespace, language: str) -> int:
    from app.failures import explain

    # The file a command writes or reads, else the database: where a full disk or a refusal is.
    place = str(getattr(args, "dest", None) or getattr(args, "file", None) or args.db or "")
    explained = explain(exc, place)
    if explained is None and isinstance(exc, OperationalError):  # a wrong --db URL, a server that is down
        from app.db.engine import DatabaseUnreachable

        explained = DatabaseUnreachable(str(exc.orig))
    if explained is None or getattr(args, "debug", False):
        log.error("command failed", exc_info=exc)
    if getattr(args, "debug", False):
        traceback.print_exception(exc, file=sys.stderr)
    if _is_window_run(args):
        from ui.app import show_failure

        show_failure(explained or exc, language)
    _say_error(explained or exc, language)
    return 1


def _is_window_run(args: Namespace) -> bool:
    """A run that would have opened the window for a person (not a command, check or screenshot)."""
    unattended = args.command or args.self_check or args.screenshot or args.exit_when_ready
    return not unattended and os.environ.get("QT_QPA_PLATFORM") != "offscreen"


def _start_logging(settings: config.Settings, args: Namespace) -> None:
    from app.logs import configure_logging

    log_dir = settings.log_dir if not args.demo else Path(tempfile.gettempdir()) / "venue-ops-demo-logs"
    configure_logging(log_dir, settings.log_level)


def _translations(language: str) -> Any:
    """One translator for the command line's output and errors (the GUI's catalogue)."""
    from PySide6.QtCore import QCoreApplication

    from ui.i18n import Translations

    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    translations = getattr(app, "_venue_translations", None)
    if translations is None or translations.language != language:
        translations = Translations(app)
        translations.apply(language)
        app._venue_translations = translations  # type: ignore[attr-defined]
    return translations


def _describe(exc: BaseException, language: str) -> str:
    """A core error's sentence in the user's language."""
    from ui.messages import describe

    _translations(language)
    return str(describe(exc))


def _say_error(exc: BaseException, language: str) -> None:
    """Errors go to stderr in the user's language."""
    print(_describe(exc, language), file=sys.stderr)


def _tr(key: str, language: str) -> str:
    from ui.cli_text import cli_text

    _translations(language)
    return str(cli_text(key))


def _console(args: Namespace, language: str) -> Console:
    """What a command prints, with the GUI's catalogue's sentences in the user's language."""
    return Console(args.json, lambda key: _tr(key, language), lambda exc: _describe(exc, language))


def _devices(args: Namespace, settings: config.Settings) -> int:
    """`venue-ops devices …`: the technicians' device diagnostics, their sentences from the GUI's
    catalog in the user's language (devices/ itself has no Qt: devices.cli_text)."""
    from devices.__main__ import main as devices_main
    from ui.device_cli import translate

    _translations(settings.language)
    return devices_main(args.rest, translate=translate, prog="venue-ops devices")


def _run_command(args: Namespace, settings: config.Settings) -> int:
    from app.cli.commands import run_command

    if args.command == "serve":
        return _serve(args, settings)
    if args.command == "devices":
        return _devices(args, settings)
    return run_command(args, settings, _console(args, settings.language), {"sync": _sync})


def _sync(args: Namespace, core: Any, user: Any, console: Console) -> int:
    from sync.commands import run
    from sync.service import for_core
    from ui.sync.cli_text import sync_cli_text

    _translations(core.settings.language)
    args.prompt = sync_cli_text("credential_prompt")

    def say(data: dict[str, Any], key: str, **params: Any) -> None:
        console.emit(data, sync_cli_text(key).format(**params))

    return run(args, for_core(core, user), say)


def _open_for_gui(args: Namespace, settings: config.Settings) -> Any:
    from app.bootstrap import open_core, open_demo

    return open_demo(settings) if args.demo else open_core(settings)


def _run_gui(args: Namespace, settings: config.Settings) -> int:
    from ui.app import make_application
    from ui.compose import build_main_window
    from ui.runner import OpRunner

    if args.screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app, translations = make_application(settings.language)
    settings_file = args.settings or config.config_path()
    if not args.demo and not args.screenshot:
        from app.services.setup import first_run_needed

        if first_run_needed(settings_file, settings):  # a new PC: the set-up wizard first
            from ui.setup.flow import run_setup

            new_settings = run_setup(translations, settings, settings_file)
            if new_settings is None:
                return 0
            settings = new_settings
    core = _open_for_gui(args, settings)
    runner = OpRunner()
    scheduler = _start_backups(core)
    engine = build_engine(core)
    engine.start()
    window = build_main_window(core, runner, settings.language, engine, settings_file)
    window.language_requested.connect(translations.apply)
    width, height = (int(v) for v in args.size.split("x"))
    window.resize(width, height)
    if args.screenshot:
        try:
            return _screenshot(window, runner, core, args)
        finally:
            engine.stop()
    window.show()
    if args.exit_when_ready:
        from PySide6.QtCore import QTimer

        def ready() -> None:
            print(json.dumps({"ready_seconds": time.perf_counter() - STARTED}), flush=True)
            app.quit()

        QTimer.singleShot(0, ready)
    code = int(app.exec())
    runner.wait()
    engine.stop()
    if scheduler is not None:
        scheduler.stop()
    core.close()
    return code


def camera_sources(core: Any) -> list[tuple[str, str]]:
    """The paper room's cameras from this PC's settings (kind "camera"); four simulated ones in the demo."""
    from app.device_settings import CameraSettings, of_kind

    configured = [(d.name, d.source) for d in of_kind(core.settings.devices, CameraSettings)]
    if not configured and core.demo:
        return [(f"保密室-{i}", "sim:motion") for i in range(1, 5)]
    return configured[:4]


def _serve(args: Namespace, settings: config.Settings) -> int:
    """`venue-ops serve`: the engine headless (app.engine.serve), with this PC's backups."""
    from app.engine.serve import serve

    core = _open_for_gui(args, settings)
    backups = _start_backups(core)
    try:
        return serve(build_engine(core))
    finally:
        if backups is not None:
            backups.stop()
        core.close()


def build_engine(core: Any) -> Any:
    """The exam-day engine of this PC (app.engine), with the paper-room cameras of its settings
    plugged in as its recorder (devices.camera.bank). Not started."""
    from app.engine.engine import VenueEngine
    from app.engine.recording import PaperRoomRecording
    from app.services.paper_room import PaperRoomService

    recording = None
    sources = camera_sources(core)
    if sources:
        from devices.camera.bank import CameraBank

        bank = CameraBank.from_sources(sources, core.settings.data_dir / "paper_room", 1 if core.demo else 5)
        recording = PaperRoomRecording(PaperRoomService(core.sessions, core.clock, core.auth), bank, core.clock,
                                       core.system_actor(), core.desk)
    return VenueEngine(core.sessions, core.clock, core.system_actor(), core.desk, recording=recording)


def _start_backups(core: Any) -> Any:
    """Automatic backups to the configured second location (a second disk, a USB stick)."""
    if core.settings.backup_dir is None:
        return None
    from datetime import timedelta

    from app.db.backup import BackupScheduler

    scheduler = BackupScheduler(core.engine, core.settings.backup_dir,
                                timedelta(minutes=core.settings.backup_interval_minutes), core.settings.backups_kept)
    scheduler.run_once()
    scheduler.start()
    return scheduler


def _screenshot(window: Any, runner: Any, core: Any, args: Namespace) -> int:
    from ui.app import pump_until, save_screenshot, sign_in_demo_chief

    window.show()
    if args.screen != "login":
        sign_in_demo_chief(window, core)
        if not window.workspace.show_screen(args.screen):
            raise VenueError("ui.unknown_screen", "There is no screen called {screen}.", screen=args.screen)
    runner.wait()
    pump_until(lambda: False, seconds=0.4)  # let pending paints and loaded data settle
    save_screenshot(args.screenshot, window)
    print(str(args.screenshot))
    return 0


def _self_check(settings: config.Settings) -> int:
    from app.selfcheck import run_self_check
    from ui.selfcheck import sign_in_offscreen

    return run_self_check(settings, sign_in_offscreen, [("barcode decoding (zxing-cpp, zbar, OpenCV)", _decode_check),
                                                        ("video recording (PyAV's FFmpeg)", _encoder_check)])


def _decode_check() -> str:
    """A rendered Code 128 ticket number read back through the scanners' decoders: proves zxing-cpp,
    zbar and OpenCV load (in a bundle they are the libraries most easily left behind)."""
    from devices.camera.render import render_code128
    from devices.scanner.camera import decode_image

    ticket = "2026110100123"
    found = decode_image(render_code128(ticket))
    if [(s.code, s.decoders) for s in found] != [(ticket, ("zbar", "zxing"))]:
        raise RuntimeError(f"decoded {[(s.code, s.decoders) for s in found]!r} instead of {ticket!r} by both decoders")
    return f"Code 128 {ticket} decoded by zxing-cpp and zbar"


def _encoder_check() -> str:
    """A few frames written with every recording codec: proves PyAV and its FFmpeg load (the
    paper room's recorder writes its segments through them)."""
    from devices.camera.encoder import probe_codecs

    works = probe_codecs()
    if not all(works.values()):
        raise RuntimeError(f"cannot write {', '.join(c for c, ok in works.items() if not ok)}")
    return f"{', '.join(works)} written"


if __name__ == "__main__":
    sys.exit(main())
