"""The desk's bottom row: the function keys as buttons, and what Enter and Esc do."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


class DeskKeys(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.manual_button = QPushButton(objectName="DeskKey")
        self.search_button = QPushButton(objectName="DeskKey")
        self.sheet_button = QPushButton(objectName="DeskKey")
        self.keys_hint = QLabel(objectName="KeysHint", alignment=Qt.AlignmentFlag.AlignRight)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)  # the desk's own spacing
        for b in (self.manual_button, self.search_button, self.sheet_button):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the desk keeps the keyboard (Enter, Esc, the scanner)
            row.addWidget(b)
        row.addStretch()
        row.addWidget(self.keys_hint)
        self.retranslate()

    def retranslate(self) -> None:
        self.manual_button.setText(self.tr("F2 Manual entry"))
        self.search_button.setText(self.tr("F3 Find by name"))
        self.sheet_button.setText(self.tr("Attendance sheet"))
        self.keys_hint.setText(self.tr("Enter confirm · Esc next candidate"))
