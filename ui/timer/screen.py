"""The timer view as a screen of the main window (current sitting); F11 puts it on a full screen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.changes import DataKind
from app.services.control import ControlView
from ui.runner import OpRunner
from ui.screen import Screen
from ui.timer.view import TimerView


class TimerScreen(Screen):
    DATA_KINDS = frozenset({DataKind.SITTINGS})
    RELOAD_MS = 30_000  # the next sitting takes over after this one ends: look again now and then

    def __init__(self, runner: OpRunner, load: Callable[[datetime], ControlView | None],
                 clock: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self._clock = clock
        self.view = TimerView(clock)
        self.full: TimerView | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        QShortcut(QKeySequence("F11"), self, self.full_screen, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._load = load
        self._data: ControlView | None = None
        self.refresh()

    def refresh(self) -> None:
        now = self._clock()
        load = self._load  # the job captures the callable, never the widget
        self.submit(lambda: load(now), self._show)

    def _show(self, data: ControlView | None) -> None:
        self._data = data
        if data is not None:
            self.view.set_sitting(data.schedule, data.exam_name, data.subject)

    def full_screen(self) -> None:
        data = self._data
        self.full = TimerView(self._clock, data.schedule if data else None, data.exam_name if data else "",
                              data.subject if data else "")
        self.full.showFullScreen()
