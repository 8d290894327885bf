"""The set-up wizard's pages, one class each. A page shows what the core says about its answers
(`describe(VenueError)`) under its fields and does not let the administrator on until they hold."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from app.errors import VenueError
from app.services.setup import (
    ChiefCredential,
    ProvinceLink,
    VenueIdentity,
)
from ui.messages import describe
from ui.setup.finisher import Finisher

if TYPE_CHECKING:
    from ui.setup.wizard import SetupServices


class SetupPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.error = QLabel(objectName="SetupError", wordWrap=True)
        self.form = QFormLayout()
        self.form.setVerticalSpacing(12)
        self.body = QVBoxLayout(self)
        self.body.addLayout(self.form)

    def finish_layout(self) -> None:
        self.body.addStretch()
        self.body.addWidget(self.error)
        self.retranslate()

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def row(self, field: QWidget) -> QLabel:
        label = QLabel()
        label.setBuddy(field)
        self.form.addRow(label, field)
        return label

    def refused(self, exc: BaseException, focus: QWidget | None = None) -> bool:
        self.error.setText(describe(exc))
        if focus is not None:
            focus.setFocus()
        return False


class WelcomePage(SetupPage):
    language_requested = Signal(str)

    def __init__(self, language: str) -> None:
        super().__init__()
        self.intro = QLabel(wordWrap=True, objectName="SetupIntro")
        self.language_box = QComboBox()
        self.language_box.addItem("中文", "zh_CN")
        self.language_box.addItem("English", "en")
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(language)))
        self.body.insertWidget(0, self.intro)
        self._language_label = self.row(self.language_box)
        self.language_box.currentIndexChanged.connect(lambda _i: self.language_requested.emit(self.language()))
        self.finish_layout()

    def language(self) -> str:
        return str(self.language_box.currentData())

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome"))
        self.intro.setText(self.tr(
            "This PC has not been set up yet. The next pages ask for the venue, the provincial server, "
            "the database, the devices at this desk and the first chief examiner. Nothing is saved "
            "until the last page is done."))
        self._language_label.setText(self.tr("Language"))


class VenuePage(SetupPage):
    def __init__(self, services: SetupServices) -> None:
        super().__init__()
        self._services = services
        self.code, self.name, self.district, self.address = QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit()
        # Records name the desk ("由 周玲月 在 1号检录台 放行"): the PC's host name is only a default.
        self.desk_name = QLineEdit(services.desk_name)
        self._labels = [self.row(w) for w in (self.code, self.name, self.district, self.address, self.desk_name)]
        self.finish_layout()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Venue"))
        self.setSubTitle(self.tr("The venue code is the one in the province's notice and on the exam package."))
        for label, text in zip(self._labels, (self.tr("Venue code"), self.tr("Venue name"), self.tr("District"),
                                              self.tr("Address"), self.tr("This desk's name")), strict=True):
            label.setText(text)
        self.desk_name.setPlaceholderText(self.tr("e.g. Desk 1 at the east gate"))

    def identity(self) -> VenueIdentity:
        return VenueIdentity(self.code.text(), self.name.text(), self.district.text(), self.address.text())

    def validatePage(self) -> bool:
        try:
            self._services.check_venue(self.identity())
        except VenueError as exc:
            return self.refused(exc, self.code if not self.code.text().strip() else self.name)
        self.error.clear()
        return True


class ProvincePage(SetupPage):
    def __init__(self, services: SetupServices) -> None:
        super().__init__()
        self._services = services
        self.url, self.key_id = QLineEdit(), QLineEdit()
        self.key = QPlainTextEdit()
        self.key.setTabChangesFocus(True)
        self.key.setFixedHeight(120)
        self.load_key = QPushButton()
        self.load_key.clicked.connect(self._load_key)
        self._labels = [self.row(self.url), self.row(self.key_id), self.row(self.key)]
        self.form.addRow("", self.load_key)
        self.finish_layout()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Provincial server"))
        self.setSubTitle(self.tr("Where results are sent, and the key the province signs exam packages with."))
        for label, text in zip(self._labels, (self.tr("Server address"), self.tr("Key id"), self.tr("Public key")),
                               strict=True):
            label.setText(text)
        self.url.setPlaceholderText("https://")
        self.key.setPlaceholderText(self.tr("64 hex digits, or a PEM block"))
        self.load_key.setText(self.tr("Load the key from a file…"))

    def _load_key(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Public key"))
        if path:
            try:
                self.key.setPlainText(Path(path).read_text(encoding="ascii").strip())
            except (OSError, UnicodeDecodeError):
                self.error.setText(self.tr("This file does not hold a key."))

    def link(self) -> ProvinceLink:
        return ProvinceLink(self.url.text(), self.key_id.text(), self.key.toPlainText())

    def validatePage(self) -> bool:
        try:
            self._services.check_province(self.link())
        except VenueError as exc:
            return self.refused(exc)
        self.error.clear()
        return True


class ChiefPage(SetupPage):
    """The last page: the first chief examiner's credential; Finish sets everything up."""

    def __init__(self, services: SetupServices, finisher: Finisher) -> None:
        super().__init__()
        self._services, self._finisher = services, finisher
        self.staff_number, self.name = QLineEdit(), QLineEdit()
        self.credential = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.repeated = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self._labels = [self.row(w) for w in (self.staff_number, self.name, self.credential, self.repeated)]
        self.finish_layout()

    def retranslate(self) -> None:
        self.setTitle(self.tr("First chief examiner"))
        self.setSubTitle(self.tr("The chief examiner signs in with this credential and then manages every "
                                 "other account."))
        for label, text in zip(self._labels, (self.tr("Staff number"), self.tr("Name"), self.tr("Credential"),
                                              self.tr("Credential again")), strict=True):
            label.setText(text)

    def chief(self) -> ChiefCredential:
        return ChiefCredential(self.staff_number.text(), self.name.text(), self.credential.text(),
                               self.repeated.text())

    def validatePage(self) -> bool:
        if not self._finisher.done and not self._finisher.working:
            try:
                self._services.check_chief(self.chief())
            except VenueError as exc:
                return self.refused(exc)
        return self._finisher.finish(self, self._clear_credentials)

    def _clear_credentials(self) -> None:
        self.credential.clear()
        self.repeated.clear()
        self.credential.setFocus()
