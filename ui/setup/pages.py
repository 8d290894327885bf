"""The set-up wizard's pages, one class each. A page shows what the core says about its answers
(`describe(VenueError)`) under its fields and does not let the administrator on until they hold."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from app.device_settings import DeviceSettingsError, parse_device
from app.errors import VenueError
from app.services.setup import (
    ChiefCredential,
    ProvinceLink,
    SetupAnswers,
    SetupResult,
    VenueIdentity,
)
from devices.registry import DeviceKind
from ui.devices.station import registry_config
from ui.messages import describe
from ui.runner import OpRunner
from ui.setup.device_check import DeviceCheck

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


_KINDS = (DeviceKind.IDCARD, DeviceKind.SCANNER_WEDGE, DeviceKind.SCANNER_SERIAL, DeviceKind.SCANNER_CAMERA,
          DeviceKind.CAMERA)


class DevicesPage(SetupPage):
    """Devices at this desk (ID-card readers, scanners, cameras), each with a live test."""

    KIND, NAME, SOURCE, RESULT = range(4)

    def __init__(self, finisher: Finisher, joining: Callable[[], bool], timeout_s: float = 30.0) -> None:
        super().__init__()
        self._finisher, self._joining = finisher, joining
        self.timeout_s = timeout_s
        self.wedge_clock: Callable[[], float] | None = None  # tests: a keyboard scanner's pace without real time
        self.table = QTableWidget(0, 4)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(self.KIND, 200)
        self.table.setColumnWidth(self.NAME, 160)
        self.table.setColumnWidth(self.SOURCE, 220)
        self.add, self.remove, self.test = QPushButton(), QPushButton(), QPushButton(objectName="SetupTest")
        self.preview = QLabel(objectName="SetupPreview", alignment=Qt.AlignmentFlag.AlignCenter)
        self.preview.setFixedSize(320, 180)
        self.hint = QLabel(wordWrap=True)
        buttons = QHBoxLayout()
        for button in (self.add, self.remove, self.test):
            buttons.addWidget(button)
        buttons.addStretch()
        lower = QHBoxLayout()
        lower.addWidget(self.hint, 1)
        lower.addWidget(self.preview)
        self.body.insertWidget(0, self.table, 1)
        self.body.insertLayout(1, buttons)
        self.body.insertLayout(2, lower)
        self.checks: dict[int, DeviceCheck] = {}
        self.add.clicked.connect(lambda: self.add_device(DeviceKind.IDCARD))
        self.remove.clicked.connect(self._remove_selected)
        self.test.clicked.connect(lambda: self.test_row(self.table.currentRow()))
        self.finish_layout()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Devices at this desk"))
        self.setSubTitle(self.tr("Add each reader, scanner and camera, then test it: read a card, scan a "
                                 "code, see the picture. Devices can also be added later."))
        self.table.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Name"), self.tr("Port or source"),
                                              self.tr("Test")])
        self.add.setText(self.tr("Add a device"))
        self.remove.setText(self.tr("Remove"))
        self.test.setText(self.tr("Test the selected device"))
        self.hint.setText(self.tr("Port: COM3 on Windows, /dev/ttyUSB0 on Linux; empty finds the reader. "
                                  "Camera: its number (0, 1, …), an rtsp:// address or a video file."))
        for row in range(self.table.rowCount()):
            box = self.table.cellWidget(row, self.KIND)
            if isinstance(box, QComboBox):
                for i, kind in enumerate(_KINDS):
                    box.setItemText(i, self.kind_name(kind))

    def kind_name(self, kind: DeviceKind) -> str:
        return {
            DeviceKind.IDCARD: self.tr("ID-card reader"),
            DeviceKind.SCANNER_WEDGE: self.tr("Scanner (keyboard)"),
            DeviceKind.SCANNER_SERIAL: self.tr("Scanner (serial port)"),
            DeviceKind.SCANNER_CAMERA: self.tr("Scanner (camera)"),
            DeviceKind.CAMERA: self.tr("Camera"),
        }[kind]

    def add_device(self, kind: DeviceKind, name: str = "", source: str = "") -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        box = QComboBox()
        for k in _KINDS:
            box.addItem(self.kind_name(k), k.value)
        box.setCurrentIndex(_KINDS.index(kind))
        self.table.setCellWidget(row, self.KIND, box)
        self.table.setItem(row, self.NAME, QTableWidgetItem(name or self.kind_name(kind) + str(row + 1)))
        self.table.setItem(row, self.SOURCE, QTableWidgetItem(source))
        result = QTableWidgetItem("")
        result.setFlags(result.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, self.RESULT, result)
        self.table.setCurrentCell(row, self.NAME)
        return row

    def _remove_selected(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.stop_checks()
            self.table.removeRow(row)

    def config_of(self, row: int) -> dict[str, Any]:
        box = self.table.cellWidget(row, self.KIND)
        assert isinstance(box, QComboBox)
        name, source = self.table.item(row, self.NAME), self.table.item(row, self.SOURCE)
        return {"name": name.text().strip() if name else "", "kind": str(box.currentData()),
                "source": source.text().strip() if source else ""}

    def configs(self) -> list[dict[str, Any]]:
        return [self.config_of(row) for row in range(self.table.rowCount())]

    def result_text(self, row: int) -> str:
        item = self.table.item(row, self.RESULT)
        return item.text() if item else ""

    def _set_result(self, row: int, text: str) -> None:
        item = self.table.item(row, self.RESULT)
        if item is not None:
            item.setText(text)

    def test_row(self, row: int) -> DeviceCheck | None:
        if row < 0 or row >= self.table.rowCount():
            return None
        self.stop_checks()
        try:
            config = registry_config(parse_device(self.config_of(row), "set-up", row + 1))
        except DeviceSettingsError as exc:
            self.error.setText(self.tr("This device's settings are not valid: {detail}").format(detail=describe(exc)))
            return None
        self.error.clear()
        self.preview.clear()
        check = DeviceCheck(config, timeout_s=self.timeout_s, wedge_clock=self.wedge_clock, parent=self)
        check.progress.connect(lambda text: self._set_result(row, text))
        check.succeeded.connect(lambda text, image: self._succeeded(row, text, image))
        check.failed.connect(lambda text: self._set_result(row, "✖ " + text))
        self.checks[row] = check
        check.start()
        return check

    def _succeeded(self, row: int, text: str, image: Any) -> None:
        self._set_result(row, "✔ " + text)
        if image is not None:
            self.preview.setPixmap(QPixmap.fromImage(image).scaled(
                self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))

    def stop_checks(self) -> None:
        for check in self.checks.values():
            check.stop()
        self.checks.clear()

    def validatePage(self) -> bool:
        for row in range(self.table.rowCount()):
            try:
                parse_device(self.config_of(row), "set-up", row + 1)
            except DeviceSettingsError as exc:
                self.table.setCurrentCell(row, self.NAME)
                self.error.setText(self.tr("This device's settings are not valid: {detail}").format(detail=describe(exc)))
                return False
        names = [c["name"] for c in self.configs()]
        if len(set(names)) != len(names):
            self.error.setText(self.tr("Two devices have the same name."))
            return False
        self.stop_checks()
        self.error.clear()
        return self._finisher.finish(self) if self._joining() else True

    def nextId(self) -> int:
        """A desk joining a database that is set up already enrols no chief: this page is the last."""
        return -1 if self._joining() else super().nextId()


class Finisher:
    """Sets everything up off the GUI thread when the last page is accepted (the chief examiner's
    page, or the devices page of a desk joining a database that is set up already)."""

    def __init__(self, services: SetupServices, runner: OpRunner, answers: Callable[[], SetupAnswers],
                 applied: Callable[[SetupResult], None]) -> None:
        self._services, self._runner, self._answers, self._applied = services, runner, answers, applied
        self.working = False
        self.done = False

    def finish(self, page: SetupPage, after_failure: Callable[[], None] = lambda: None) -> bool:
        """QWizardPage.validatePage of the last page: False until the set-up has succeeded."""
        if self.done:
            return True
        if self.working:
            return False
        try:
            answers = self._answers()
        except VenueError as exc:
            return page.refused(exc)
        self.working = True
        page.error.setText(QCoreApplication.translate("SetupWizard", "Setting up the database…"))
        finish = page.wizard().button(page.wizard().WizardButton.FinishButton)
        finish.setEnabled(False)

        def done(result: SetupResult) -> None:
            self.working, self.done = False, True
            page.error.clear()
            self._applied(result)

        def failed(exc: BaseException) -> None:
            self.working = False
            finish.setEnabled(True)
            after_failure()
            page.refused(exc)

        apply = self._services.apply  # the job captures the service, never the wizard (runner.py)
        self._runner.submit(lambda: apply(answers), done, failed)
        return False


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
