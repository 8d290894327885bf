"""The one base of the main window's screens.

A screen is built at sign-in and deleted at sign-out, while the runner, the device bridges and
the paper-room cameras live as long as the window. So every connection a screen makes to such a
long-lived signal goes through `listen()`, which disconnects it when the screen is destroyed:
no signal reaches a deleted screen ("already deleted"), and connections do not pile up with each
sign-in. Work runs through `submit()`, with the screen as the owner, so an answer that arrives
after the screen is gone is dropped.

A subclass says which data kinds it shows (`DATA_KINDS`: it refreshes when a finished operation
committed one of them) and, where other desks write the same data, how often to read again
(`RELOAD_MS`: only while the screen is on view; on being shown again it reads at once if a reload
was skipped meanwhile). It implements `refresh()` and `retranslate()`; the base calls
`retranslate()` on every language change.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, SignalInstance
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from app.changes import DataKind
from ui.runner import OpRunner

log = logging.getLogger(__name__)


def disconnect_on_destroy(owner: QObject, signal: SignalInstance, slot: Callable[..., Any]) -> None:
    """Connects `slot` to `signal` for as long as `owner` lives. The clean-up is a plain function
    holding the connection, never `owner` (whose wrapper is already invalid when it runs)."""
    connection = signal.connect(slot)

    def drop(*_args: object) -> None:
        try:
            QObject.disconnect(connection)
        except RuntimeError:  # the signal's object went first (application shutdown)
            pass

    owner.destroyed.connect(drop)


class Screen(QWidget):
    DATA_KINDS: frozenset[DataKind] = frozenset()
    RELOAD_MS = 0  # 0: nobody else writes what this screen shows

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._reload_missed = False
        self.listen(runner.changed, self._data_changed)
        self.reload_timer: QTimer | None = None
        if self.RELOAD_MS > 0:
            self.reload_timer = QTimer(self, interval=self.RELOAD_MS)
            self.reload_timer.timeout.connect(self._periodic_reload)
            self.reload_timer.start()

    # -- what subclasses implement ------------------------------------------------------------------

    def refresh(self) -> None:
        """Reads what the screen shows (through `submit`)."""

    def retranslate(self) -> None:
        """Sets every text in the current language."""

    # -- what the base gives --------------------------------------------------------------------------

    def listen(self, signal: SignalInstance, slot: Callable[..., Any]) -> None:
        """Connects a long-lived object's signal to this screen for the screen's lifetime."""
        disconnect_on_destroy(self, signal, slot)

    def submit(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None) -> None:
        """Runs `fn` on a worker; the answer reaches this screen only while it exists."""
        self._runner.submit(fn, on_done, on_error, owner=self)

    def _data_changed(self, kinds: frozenset[DataKind]) -> None:
        if kinds & self.DATA_KINDS:
            self.refresh()

    def _periodic_reload(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._reload_missed = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._reload_missed:
            self._reload_missed = False
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

