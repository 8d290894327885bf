"""Builds the Qt side: application, translations, style, the main window. Called by the
composition root (`app/__main__.py`), which hands in everything the window needs."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from app.resources import resources_dir
from ui.i18n import Translations


def make_application(language: str) -> tuple[QApplication, Translations]:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("venue-ops")
    app.setOrganizationName("venue-ops")
    translations = Translations(app)
    translations.apply(language)
    style = resources_dir() / "style.qss"
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    app.setFont(_ui_font())
    return app, translations


def _ui_font() -> QFont:
    """A CJK-capable font where one is installed, so Chinese never falls back to boxes."""
    families = set(QFontDatabase.families())
    for name in ("Microsoft YaHei UI", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC",
                 "WenQuanYi Micro Hei", "PingFang SC"):
        if name in families:
            return QFont(name, 11)
    return QFont()


def save_screenshot(widget_path: Path, widget: object) -> None:
    from PySide6.QtWidgets import QWidget

    assert isinstance(widget, QWidget)
    widget_path.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(widget_path)):
        raise OSError(f"cannot write {widget_path}")


def pump_until(condition: Callable[[], bool], seconds: float = 20.0) -> bool:
    """Runs the event loop until `condition` holds (True) or `seconds` pass (False): for headless runs."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        QApplication.processEvents()
        time.sleep(0.01)
    return True


def sign_in_demo_chief(window: Any, core: Any, seconds: float = 20.0) -> None:
    """Signs the demo chief examiner in, headless (screenshots, the self-check, the soak)."""
    from app.bootstrap import DEMO_CREDENTIAL, demo_chief_number

    window.login.staff_number.setText(demo_chief_number(core))
    window.login.credential.setText(DEMO_CREDENTIAL)
    window.login.attempt()
    if not pump_until(lambda: window.workspace is not None, seconds):
        raise RuntimeError("sign-in did not complete: " + window.login.error.text())


def show_failure(exc: BaseException, language: str) -> None:
    """A start-up failure of the window (settings, data folder, database) in a dialog, in the
    user's language: who double-clicked the program sees no console."""
    from PySide6.QtWidgets import QMessageBox

    from ui.messages import describe

    make_application(language)
    QMessageBox.critical(None, QCoreApplication.translate("Startup", "Venue Ops cannot start"), describe(exc))
