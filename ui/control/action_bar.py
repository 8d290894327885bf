"""The control room's action buttons, one per key, in one row where their labels fit, else two."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget


class ControlBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checklist_button = QPushButton()
        self.open_button = QPushButton()
        self.collect_button = QPushButton()
        self.hand_in_button = QPushButton()
        self.sign_button = QPushButton()
        self.record_button = QPushButton()
        self.draw_button = QPushButton()
        self.sheet_button = QPushButton()
        self.timer_button = QPushButton(objectName="Primary")
        self._buttons = [self.draw_button, self.sheet_button, self.checklist_button, self.open_button,
                         self.hand_in_button, self.collect_button, self.sign_button, self.record_button,
                         self.timer_button]
        for button in self._buttons:
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(6)
        self._columns = 0
        self._lay_out((len(self._buttons) + 1) // 2)  # one row once the labels fit (fit)

    def _lay_out(self, columns: int) -> None:
        """One row of action buttons on a wide screen, two on a 1366-pixel one."""
        if columns == self._columns:
            return
        self._columns = columns
        for i, button in enumerate(self._buttons):
            self.grid.addWidget(button, i // columns, i % columns)

    def fit(self, width: int) -> None:
        """One row of action buttons where their labels fit in `width` (a wide screen, short labels), else two."""
        needed = sum(b.sizeHint().width() for b in self._buttons) + 8 * (len(self._buttons) - 1)
        one_row = needed <= width
        self._lay_out(len(self._buttons) if one_row else (len(self._buttons) + 1) // 2)

    def retranslate(self) -> None:
        self.draw_button.setText(self.tr("D  Draw invigilators"))
        self.sheet_button.setText(self.tr("A  Assignment PDF"))
        self.checklist_button.setText(self.tr("C  Sign checklist"))
        self.open_button.setText(self.tr("O  Open room"))
        self.collect_button.setText(self.tr("P  Papers collected"))
        self.hand_in_button.setText(self.tr("H  Hand-in"))
        self.sign_button.setText(self.tr("S  Sign record"))
        self.record_button.setText(self.tr("R  Room record PDF"))
        self.timer_button.setText(self.tr("T  Timer view"))
