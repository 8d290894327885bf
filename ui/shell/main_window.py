"""The main window: the login screen until someone signs in, then their workspace, locked when idle.

Someone whose credential another person set is asked to set their own before the workspace opens.
Whenever the core says the session has ended (the runner's `session_ended`: deactivated, or the
credential reset by someone else), the window signs out and the login screen says why."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QWidget

from app.security.auth import SessionEnded
from ui.login.screen import LoginScreen
from ui.messages import describe
from ui.runner import OpRunner
from ui.shell.credential import ChangeCredentialDialog, SetOwnCredentialPage
from ui.shell.lock import ActivityWatcher, LockOverlay
from ui.shell.workspace import SignedIn, Workspace


@dataclass
class ShellServices:
    """What the shell needs from the core, as plain callables (run on a worker by the runner)."""

    login: Callable[[str, str], SignedIn]
    unlock: Callable[[SignedIn, str], object]
    sign_out: Callable[[SignedIn], object]
    screen_factories: Callable[[SignedIn], dict[str, Callable[[], QWidget]]]
    title: str = ""
    venue_name: str = ""
    idle_lock_seconds: float = 600.0
    monotonic: Callable[[], float] = field(default=time.monotonic)
    clock: Callable[[], datetime] | None = None  # the venue clock the header shows
    # (session, current credential, new credential) -> the session from now on; None: not offered
    change_credential: Callable[[SignedIn, str, str], SignedIn] | None = None


class MainWindow(QMainWindow):
    language_requested = Signal(str)
    lock_changed = Signal(bool, object)
    """(locked, session): the desk was covered (session None), or unlocked by `session`. Screens
    that take device input (the check-in desk) stop deciding while it is locked."""

    def __init__(self, runner: OpRunner, services: ShellServices, language: str = "zh_CN") -> None:
        super().__init__()
        self._runner = runner
        self._services = services
        self.workspace: Workspace | None = None
        self.own_credential: SetOwnCredentialPage | None = None  # shown before the workspace, after a reset
        self.credential_dialog: ChangeCredentialDialog | None = None
        self._pending: SignedIn | None = None  # who is setting their own credential
        self._lock: LockOverlay | None = None
        self._last_input = services.monotonic()

        self.pages = QStackedWidget()
        self.login = LoginScreen(runner, services.login, services.venue_name, language)
        self.pages.addWidget(self.login)
        self.setCentralWidget(self.pages)
        self.login.signed_in.connect(self._enter)
        self.login.language_requested.connect(self.language_requested)
        runner.session_ended.connect(self._session_ended)

        self._watcher = ActivityWatcher(self._note_input, self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self._watcher)
        self._idle_timer = QTimer(self, interval=5000)
        self._idle_timer.timeout.connect(self.check_idle)
        self._idle_timer.start()
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Venue Ops"))
        if self._lock is not None:
            self._lock.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def locked(self) -> bool:
        return self._lock is not None and self._lock.isVisible()

    def _note_input(self) -> None:
        self._last_input = self._services.monotonic()

    def check_idle(self) -> None:
        if self.workspace is None or self.locked:
            return
        if self._services.monotonic() - self._last_input >= self._services.idle_lock_seconds:
            self.lock()

    def _enter(self, user: SignedIn) -> None:
        change = self._services.change_credential
        if change is not None and getattr(user, "credential_reset", False):
            self._pending = user
            self.own_credential = SetOwnCredentialPage(
                self._runner, lambda current, new: change(user, current, new), user.name)
            self.own_credential.changed.connect(self._own_credential_set)
            self.own_credential.sign_out_requested.connect(self.sign_out)
            self.pages.addWidget(self.own_credential)
            self.pages.setCurrentWidget(self.own_credential)
            self.own_credential.form.focus_first()
            return
        self._open_workspace(user)

    def _own_credential_set(self, fresh: SignedIn) -> None:
        self._drop_own_credential_page()
        self._open_workspace(fresh)

    def _drop_own_credential_page(self) -> None:
        if self.own_credential is not None:
            self.pages.removeWidget(self.own_credential)
            self.own_credential.deleteLater()
        self.own_credential = None
        self._pending = None

    def change_credential(self) -> None:
        """The account action (header button, Ctrl+Shift+P): a dialog for one's own credential."""
        change = self._services.change_credential
        if self.workspace is None or change is None or self.locked:
            return
        user = self.workspace.user
        dialog = ChangeCredentialDialog(self._runner, lambda current, new: change(user, current, new),
                                        user.name, self)
        dialog.accepted.connect(lambda: self._credential_changed(dialog))
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        self.credential_dialog = dialog
        dialog.open()

    def _credential_changed(self, dialog: ChangeCredentialDialog) -> None:
        if self.workspace is not None and dialog.session is not None:
            self.workspace.user = dialog.session
        self.credential_dialog = None

    def _session_ended(self) -> None:
        if self.workspace is None and self.own_credential is None:
            return
        self.sign_out()
        self.login.error.setText(describe(SessionEnded()))

    def _open_workspace(self, user: SignedIn) -> None:
        self.workspace = Workspace(user, self._services.screen_factories(user), self._services.title,
                                   clock=self._services.clock)
        self.workspace.sign_out_requested.connect(self.sign_out)
        self.workspace.lock_requested.connect(self.lock)
        self.workspace.change_credential_requested.connect(self.change_credential)
        self.workspace.credential_button.setVisible(self._services.change_credential is not None)
        self.pages.addWidget(self.workspace)
        self.pages.setCurrentWidget(self.workspace)
        self._lock = LockOverlay(
            self._runner, lambda credential: self._services.unlock(user, credential), user.name, self.workspace
        )
        self._lock.sign_out_requested.connect(self.sign_out)
        self._lock.unlocked_as.connect(lambda session: self.lock_changed.emit(False, session))
        self._last_input = self._services.monotonic()

    def lock(self) -> None:
        if self._lock is not None:
            self._lock.show_over_parent()
            self.lock_changed.emit(True, None)

    def sign_out(self) -> None:
        user: Any = self.workspace.user if self.workspace is not None else self._pending
        if user is None:
            return
        sign_out = self._services.sign_out  # the job captures the callable, never the window
        self._runner.submit(lambda: sign_out(user))
        if self.credential_dialog is not None:
            self.credential_dialog.reject()
            self.credential_dialog = None
        self._drop_own_credential_page()
        if self.workspace is not None:
            self.pages.removeWidget(self.workspace)
            self.workspace.deleteLater()
        self.workspace = None
        self._lock = None
        self.pages.setCurrentWidget(self.login)
        self.login.reset()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.locked and self._lock is not None:
            self._lock.show_over_parent()
