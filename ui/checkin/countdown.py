"""The desk's entry countdown (Art. 30(二)): how long entry stays open, red in its last minutes."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from app.rules.timing import entry_closing, venue_time
from ui.durations import duration
from ui.restyle import restyle


class EntryCountdown(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="Countdown", alignment=Qt.AlignmentFlag.AlignRight)

    def show_time(self, closes: datetime, now: datetime) -> None:
        if now < closes:
            self.setText(self.tr("Entry closes {time}\n{left} left").format(
                time=f"{venue_time(closes):%H:%M}", left=duration(closes - now, round_up=True)))
        else:
            self.setText(self.tr("Entry closed at {time}").format(time=f"{venue_time(closes):%H:%M}"))
        closing = entry_closing(closes, now)
        if self.property("closing") != closing:  # restyle only when the colour changes
            self.setProperty("closing", closing)
            restyle(self)
