"""The GUI step of `venue-ops --self-check`."""

from __future__ import annotations

import time
from typing import Any


def sign_in_offscreen(core: Any) -> str:
    """The self-check's GUI step: the main window opens offscreen and the demo chief signs in."""
    from PySide6.QtWidgets import QApplication

    from app.bootstrap import DEMO_CREDENTIAL, enable_demo_accounts
    from ui.app import make_application
    from ui.compose import build_main_window
    from ui.runner import OpRunner

    number = enable_demo_accounts(core)[0]
    app, _ = make_application(core.settings.language)
    runner = OpRunner()
    window = build_main_window(core, runner, core.settings.language)
    window.show()
    window.login.staff_number.setText(number)
    window.login.credential.setText(DEMO_CREDENTIAL)
    window.login.attempt()
    deadline = time.monotonic() + 20
    while window.workspace is None:
        if time.monotonic() > deadline:
            raise RuntimeError("sign-in did not complete: " + window.login.error.text())
        QApplication.processEvents()
        time.sleep(0.01)
    screens = len(window.workspace.specs)
    runner.wait()
    window.close()
    app.processEvents()
    return f"signed in as {window.workspace.user.name}; {screens} screens"
