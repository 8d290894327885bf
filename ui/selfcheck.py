"""The GUI step of `venue-ops --self-check`."""

from __future__ import annotations

from typing import Any


def sign_in_offscreen(core: Any) -> str:
    """The self-check's GUI step: the main window opens offscreen and the demo chief signs in."""
    from app.engine.engine import VenueEngine
    from ui.app import make_application, sign_in_demo_chief
    from ui.compose import build_main_window
    from ui.runner import OpRunner

    app, _ = make_application(core.settings.language)
    runner = OpRunner()
    engine = VenueEngine(core.sessions, core.clock, core.system_actor(), core.desk)  # not started: no cameras here
    window = build_main_window(core, runner, core.settings.language, engine)
    window.show()
    sign_in_demo_chief(window, core)
    screens = len(window.workspace.specs)
    runner.wait()
    window.close()
    app.processEvents()
    return f"signed in as {window.workspace.user.name}; {screens} screens"
