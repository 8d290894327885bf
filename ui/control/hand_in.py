"""A candidate hands in and leaves (art. 30(三)): refused while the room is sealed, unless it is an
emergency, which is then recorded as an incident with its reason."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget


class HandInDialog(QDialog):
    def __init__(self, room: str, sealed_until: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hand-in · room {room}").format(room=room))
        self.ticket = QLineEdit()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Only for an emergency exit while sealed"))
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        form = QFormLayout(self)
        if sealed_until:
            form.addRow(QLabel(self.tr("The room is sealed until {time}: only an emergency exit is recorded now.")
                               .format(time=sealed_until)))
        form.addRow(self.tr("Admission ticket"), self.ticket)
        form.addRow(self.tr("Emergency (reason)"), self.reason)
        form.addRow(box)

    def values(self) -> tuple[str, str]:
        return self.ticket.text(), self.reason.text()
