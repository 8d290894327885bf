"""Which sitting and which door a desk checks in for: the two choosers at the top of the desk."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox

from app.rules.timing import current_sitting, venue_time
from app.services.checkin import DeskInfo


class DeskChoice(QObject):
    """Owns the sitting and door combo boxes (the screen lays them out); `changed` when either moves."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sitting = QComboBox(objectName="DeskSetup")
        self.door = QComboBox(objectName="DeskSetup")
        self._room_codes: list[str | None] = [None]
        for combo in (self.sitting, self.door):
            combo.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # the desk keeps the keyboard
            combo.currentIndexChanged.connect(self.changed)

    def fill(self, sittings: list[DeskInfo], rooms: list[tuple[Any, str, str]], now: datetime) -> None:
        """Without `changed`: the caller reads the choice once both are filled."""
        self.sitting.blockSignals(True)
        self.door.blockSignals(True)
        self.sitting.clear()
        for info in sittings:
            start = venue_time(info.schedule.starts_at)
            self.sitting.addItem(f"{info.sitting_code} {info.subject} {start:%m-%d %H:%M}", info.sitting_id)
        self.sitting.setCurrentIndex(current_sitting([info.closes_at for info in sittings], now))
        self.door.clear()
        self.door.addItem(self.tr("Venue gate"), None)
        self._room_codes = [None]
        for room_id, code, _name in rooms:
            self.door.addItem(self.tr("Room {room} door").format(room=code), room_id)
            self._room_codes.append(code)
        self.sitting.blockSignals(False)
        self.door.blockSignals(False)

    def choose(self, sitting_code: str, room_code: str | None) -> None:
        for i in range(self.sitting.count()):
            if self.sitting.itemText(i).split(" ")[0] == sitting_code:
                self.sitting.setCurrentIndex(i)
        if room_code in self._room_codes:
            self.door.setCurrentIndex(self._room_codes.index(room_code))

    def sitting_id(self) -> uuid.UUID | None:
        return self.sitting.currentData()

    def room_id(self) -> uuid.UUID | None:
        return self.door.currentData()

    def retranslate(self) -> None:
        if self.door.count():
            self.door.setItemText(0, self.tr("Venue gate"))
