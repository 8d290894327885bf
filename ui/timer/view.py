"""The full-screen timer for a room (projector or second monitor): subject, current time, end
time, time left, and when hand-in becomes possible. Huge digits, high contrast, nothing else.
It reads the anchored clock, so it keeps counting correctly if the PC's clock is changed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.rules.timing import Schedule, may_hand_in, sealing_ends_at, venue_time
from ui.durations import duration


class TimerView(QWidget):
    def __init__(self, clock: Callable[[], datetime], schedule: Schedule | None = None, exam: str = "",
                 subject: str = "", room: str = "", *, tick_ms: int = 500, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="TimerView")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._clock = clock
        self._schedule = schedule
        self._exam, self._subject, self._room = exam, subject, room
        self.title = QLabel(objectName="TimerTitle", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.now_label = QLabel(objectName="TimerNow", alignment=Qt.AlignmentFlag.AlignCenter)
        self.end_label = QLabel(objectName="TimerEnd", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.hand_in = QLabel(objectName="TimerHandIn", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for w in (self.title, self.now_label, self.end_label, self.hand_in):
            layout.addWidget(w)
        layout.addStretch(1)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.tick)
        self._timer.start(tick_ms)
        self._scale()
        self.tick()

    def set_sitting(self, schedule: Schedule | None, exam: str, subject: str, room: str = "") -> None:
        self._schedule, self._exam, self._subject, self._room = schedule, exam, subject, room
        self.tick()

    def tick(self) -> None:
        now = self._clock()
        self.now_label.setText(f"{venue_time(now):%H:%M:%S}")
        s = self._schedule
        if s is None:
            self.title.setText(self.tr("No sitting today."))
            self.end_label.setText("")
            self.hand_in.setText("")
            return
        parts = [p for p in (self._exam, self._subject) if p]
        if self._room:
            parts.append(self.tr("Room {room}").format(room=self._room))
        self.title.setText(" · ".join(parts))
        end = f"{venue_time(s.ends_at):%H:%M}"
        if now < s.starts_at:
            # A duration reads as one ("距开考 22 分 56 秒"), never as a second clock ("22:56").
            self.end_label.setText(self.tr("Starts in {left} (at {start})").format(
                start=f"{venue_time(s.starts_at):%H:%M}", left=duration(s.starts_at - now, round_up=True)))
        elif now < s.ends_at:
            self.end_label.setText(self.tr("Time left {left} (ends {end})").format(
                end=end, left=duration(s.ends_at - now, round_up=True)))
        else:
            self.end_label.setText(self.tr("The exam has ended ({end}).").format(end=end))
        if now >= s.ends_at:
            self.hand_in.setText("")
        elif may_hand_in(s, now):
            self.hand_in.setText(self.tr("Hand-in and leaving are allowed now"))
        else:
            self.hand_in.setText(self.tr("Hand-in and leaving from {time}").format(
                time=f"{venue_time(sealing_ends_at(s)):%H:%M}"))

    def _scale(self) -> None:
        # A style sheet, not setFont: the application's style sheet sets every widget's font size.
        h = max(self.height(), 300)
        for label, share, weight in ((self.title, 0.055, 400), (self.now_label, 0.24, 700),
                                     (self.end_label, 0.085, 600), (self.hand_in, 0.065, 400)):
            label.setStyleSheet(f"font-size: {max(14, int(h * share))}px; font-weight: {weight};")

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._scale()
        super().resizeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.isWindow():
            self.close()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.tick()
        super().changeEvent(event)
