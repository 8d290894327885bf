"""Step 1 of the handover wizard: from where, to where, for which sitting."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.rules.custody import ESCORT, EXAM_OFFICE, SECURE_ROOM
from ui.custody.names import place_name


class HandoverRoute(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.from_box, self.to_box, self.sitting_box = QComboBox(), QComboBox(), QComboBox()
        self.route_next = QPushButton(objectName="Primary")
        self._route_form = QFormLayout()
        self._from_label, self._to_label, self._sitting_label = QLabel(), QLabel(), QLabel()
        self._route_form.addRow(self._from_label, self.from_box)
        self._route_form.addRow(self._to_label, self.to_box)
        self._route_form.addRow(self._sitting_label, self.sitting_box)
        v = QVBoxLayout(self)
        self.route_title = QLabel(objectName="StepTitle")
        v.addWidget(self.route_title)
        v.addLayout(self._route_form)
        v.addWidget(self.route_next, 0, Qt.AlignmentFlag.AlignLeft)
        v.addStretch()

    def show_choices(self, sittings: list[tuple[uuid.UUID, str]], rooms: list[str]) -> None:
        places = [ESCORT, SECURE_ROOM, EXAM_OFFICE, *rooms]
        for box in (self.from_box, self.to_box):
            box.clear()
            for place in places:
                box.addItem(place_name(place), place)
        self.from_box.setCurrentIndex(1)
        self.to_box.setCurrentIndex(2)
        self.sitting_box.clear()
        for sid, label in sittings:
            self.sitting_box.addItem(label, sid)
        self.sitting_box.addItem(self.tr("Every sitting"), None)

    def choose(self, from_place: str, to_place: str, sitting_id: uuid.UUID | None) -> None:
        self.from_box.setCurrentIndex(self.from_box.findData(from_place))
        self.to_box.setCurrentIndex(self.to_box.findData(to_place))
        self.sitting_box.setCurrentIndex(self.sitting_box.findData(sitting_id))

    def route(self) -> tuple[str, str, uuid.UUID | None]:
        return str(self.from_box.currentData()), str(self.to_box.currentData()), self.sitting_box.currentData()

    def retranslate(self) -> None:
        self.route_title.setText(self.tr("1 · Where do the papers go?"))
        self._from_label.setText(self.tr("From"))
        self._to_label.setText(self.tr("To"))
        self._sitting_label.setText(self.tr("Sitting"))
        self.route_next.setText(self.tr("Next: scan packages"))
        for box in (self.from_box, self.to_box):
            for i in range(box.count()):
                box.setItemText(i, place_name(box.itemData(i)))
