"""Small forms of the incident log: the record itself, the second witness, the report."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.rules.misconduct import CATEGORIES
from ui.incidents.categories import category_label


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class IncidentForm(QDialog):
    """Category, facts, action taken; with a reason when it amends a confirmed record."""

    def __init__(self, category: str, facts: str, action: str, *, with_reason: bool, new: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if new:
            self.setWindowTitle(self.tr("New incident"))
        else:
            self.setWindowTitle(self.tr("Amend incident") if with_reason else self.tr("Complete incident"))
        self.category = QComboBox()
        for code in CATEGORIES:
            self.category.addItem(category_label(code), code)
        index = self.category.findData(category)
        if index >= 0:
            self.category.setCurrentIndex(index)
        self.facts = QPlainTextEdit(facts)
        self.action = QPlainTextEdit(action)
        self.reason = QLineEdit()
        self.room = QLineEdit()
        self.tickets = QLineEdit()
        self.tickets.setPlaceholderText(self.tr("Admission tickets, separated by spaces"))
        form = QFormLayout(self)
        if new:
            form.addRow(self.tr("Room"), self.room)
            form.addRow(self.tr("Candidates"), self.tickets)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Facts"), self.facts)
        form.addRow(self.tr("Action taken"), self.action)
        if with_reason:
            form.addRow(self.tr("Reason for the amendment"), self.reason)
        form.addRow(_buttons(self))

    def values(self) -> tuple[str, str, str, str]:
        return (str(self.category.currentData()), self.facts.toPlainText(), self.action.toPlainText(),
                self.reason.text())

    def where(self) -> tuple[str, list[str]]:
        return self.room.text(), self.tickets.text().replace(",", " ").replace("，", " ").split()


class WitnessForm(QDialog):
    """The second staff member who witnessed the refusal proves who they are."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Second witness"))
        self.number = QLineEdit()
        self.credential = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.note = QLineEdit()
        form = QFormLayout(self)
        form.addRow(self.tr("Witness staff number"), self.number)
        form.addRow(self.tr("Witness credential"), self.credential)
        form.addRow(self.tr("What happened"), self.note)
        form.addRow(_buttons(self))

    def values(self) -> tuple[str, str, str]:
        return self.number.text(), self.credential.text(), self.note.text()


class ReportForm(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reported"))
        self.via = QLineEdit()
        self.via.setPlaceholderText(self.tr("e.g. phone, exam-affairs system"))
        self.to = QLineEdit()
        form = QFormLayout(self)
        form.addRow(self.tr("How"), self.via)
        form.addRow(self.tr("To whom"), self.to)
        form.addRow(_buttons(self))

    def values(self) -> tuple[str, str]:
        return self.via.text(), self.to.text()
