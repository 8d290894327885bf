"""The desk's three dialogs: manual entry (F2), search by name (F3), the second invigilator's
confirmation of a check (Enter on an amber verdict). Keyboard-first: Enter accepts, Esc cancels."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.rules.checkin import PresentedDocument, PresentedTicket, PresentedType
from app.services.checkin import SearchHit
from ui.messages import describe
from ui.runner import OpRunner


def document_type_names() -> list[tuple[PresentedType, str]]:
    return [
        (PresentedType.RESIDENT_ID, QCoreApplication.translate("Checkin", "Resident identity card")),
        (PresentedType.SOCIAL_SECURITY, QCoreApplication.translate("Checkin", "Social security card")),
        (PresentedType.FOREIGN_PERMANENT_2023, QCoreApplication.translate("Checkin", "Foreigner's permanent residence card")),
        (PresentedType.HKMT_PERMIT, QCoreApplication.translate("Checkin", "Residence permit for Hong Kong, Macao and Taiwan residents")),
        (PresentedType.PASSPORT, QCoreApplication.translate("Checkin", "Passport")),
        (PresentedType.DRIVING_LICENCE, QCoreApplication.translate("Checkin", "Driving licence")),
        (PresentedType.OTHER, QCoreApplication.translate("Checkin", "Other document")),
    ]


class _Dialog(QDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("DeskDialog")
        self.setMinimumWidth(560)
        self.error = QLabel(objectName="DialogError", wordWrap=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

    def _accept(self) -> None:
        self.accept()


class ManualEntryDialog(_Dialog):
    """F2: a ticket number and/or a document typed by hand, with the reason (always recorded)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Manual entry"))
        self.ticket = QLineEdit()
        self.kind = QComboBox()
        for kind, name in document_type_names():
            self.kind.addItem(name, kind)
        self.number = QLineEdit()
        self.name = QLineEdit()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. the ticket's barcode does not scan"))
        form = QFormLayout()
        form.addRow(self.tr("Admission ticket number"), self.ticket)
        form.addRow(self.tr("Document type"), self.kind)
        form.addRow(self.tr("Document number"), self.number)
        form.addRow(self.tr("Name on the document"), self.name)
        form.addRow(self.tr("Reason (required)"), self.reason)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _accept(self) -> None:
        if not self.ticket.text().strip() and not self.number.text().strip():
            self.error.setText(self.tr("Type a ticket number, a document number, or both."))
            return
        if self.number.text().strip() and not self.name.text().strip():
            self.error.setText(self.tr("Type the name as printed on the document."))
            return
        if not self.reason.text().strip():
            self.error.setText(self.tr("Write down why the entry is typed by hand."))
            self.reason.setFocus()
            return
        self.accept()

    def values(self) -> tuple[PresentedTicket | None, PresentedDocument | None, str]:
        ticket = PresentedTicket(self.ticket.text().strip(), manual=True) if self.ticket.text().strip() else None
        document = None
        if self.number.text().strip():
            document = PresentedDocument(PresentedType(self.kind.currentData()), self.number.text().strip().upper(),
                                         self.name.text().strip(), manual=True)
        return ticket, document, self.reason.text().strip()


class SearchDialog(_Dialog):
    """F3: find a candidate of the sitting by name (≥ 2 characters) when the ticket is lost."""

    def __init__(self, runner: OpRunner, search: Callable[[str], list[SearchHit]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner, self._search = runner, search
        self.setWindowTitle(self.tr("Find by name"))
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("At least two characters of the name"))
        self.results = QListWidget(objectName="SearchResults")
        self.reason = QLineEdit()
        self.reason.setText(self.tr("Admission ticket lost"))
        self.query.textChanged.connect(self._find)
        self.query.returnPressed.connect(lambda: self.results.setFocus())
        self.results.itemActivated.connect(lambda _item: self._accept())
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.query)
        form.addRow(self.tr("Reason"), self.reason)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(680, 520)

    def _find(self, text: str) -> None:
        if len("".join(text.split())) < 2:
            self.results.clear()
            return

        def show(hits: list[SearchHit]) -> None:
            if text != self.query.text():
                return  # an older answer
            self.results.clear()
            for h in hits:
                place = self.tr("room {room} seat {seat}").format(room=h.room_code, seat=h.seat_number)
                item = QListWidgetItem(f"{h.name}    {h.document_masked}    {h.ticket_number}    {place}")
                item.setData(Qt.ItemDataRole.UserRole, h)
                self.results.addItem(item)
            if hits:
                self.results.setCurrentRow(0)
            self.error.setText("" if hits else self.tr("Nobody of this sitting has that name."))

        search = self._search
        self._runner.submit(lambda: search(text), show, lambda exc: self.error.setText(describe(exc)), owner=self)

    def _accept(self) -> None:
        if self.results.currentItem() is None:
            self.error.setText(self.tr("Pick the candidate from the list."))
            return
        if not self.reason.text().strip():
            self.error.setText(self.tr("Write down why."))
            return
        self.accept()

    def values(self) -> tuple[PresentedTicket, str]:
        hit: SearchHit = self.results.currentItem().data(Qt.ItemDataRole.UserRole)
        return PresentedTicket(hit.ticket_number, searched=True), self.reason.text().strip()


class ConfirmCheckDialog(_Dialog):
    """The second invigilator confirms an admission after a check with their own credential."""

    def __init__(self, summary: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Admit after a check"))
        self.summary = QLabel(summary, wordWrap=True, objectName="DialogSummary")
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("What you checked, e.g. the face matches the registration photo"))
        self.staff = QLineEdit()
        self.credential = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Reason (required)"), self.reason)
        form.addRow(self.tr("Second invigilator's staff number"), self.staff)
        form.addRow(self.tr("Their credential"), self.credential)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _accept(self) -> None:
        if not self.reason.text().strip():
            self.error.setText(self.tr("Write down what you checked."))
            self.reason.setFocus()
            return
        if not self.staff.text().strip() or not self.credential.text():
            self.error.setText(self.tr("The second invigilator enters their staff number and credential."))
            self.staff.setFocus()
            return
        self.accept()

    def values(self) -> tuple[str, str, str]:
        return self.reason.text().strip(), self.staff.text().strip(), self.credential.text()
