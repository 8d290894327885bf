"""The pre-exam checklist of one room (art. 20(三)), signed off by the chief examiner's office."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.services.control import Checklist


class ChecklistDialog(QDialog):
    def __init__(self, room: str, computer_based: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pre-exam checklist · room {room}").format(room=room))
        self.inspected = QCheckBox(self.tr("Room inspected (no materials, seats numbered)"))
        self.monitoring = QCheckBox(self.tr("Monitoring works"))
        self.seal = QCheckBox(self.tr("Computer room seal-tested"))
        self.seal.setVisible(computer_based)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Note (optional)"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Art. 20(三): every item must be checked before the room opens.")))
        for w in (self.inspected, self.monitoring, self.seal, self.note):
            layout.addWidget(w)
        layout.addWidget(buttons)
        self._computer = computer_based

    def checklist(self) -> Checklist:
        return Checklist(self.inspected.isChecked(), self.monitoring.isChecked(),
                         self.seal.isChecked() if self._computer else None, self.note.text())
