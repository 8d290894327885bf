"""The set-up wizard's devices page: the readers, scanners and cameras at this desk, each with a live test."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
)

from app.device_settings import DeviceSettingsError, parse_device
from devices.device_config import DeviceKind
from ui.devices.station import registry_config
from ui.messages import describe
from ui.setup.device_check import DeviceCheck
from ui.setup.finisher import Finisher
from ui.setup.pages import SetupPage

_KINDS = (DeviceKind.IDCARD, DeviceKind.IDCARD_SDK, DeviceKind.SCANNER_WEDGE, DeviceKind.SCANNER_SERIAL, DeviceKind.SCANNER_CAMERA,
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
                                  "Camera: its number (0, 1, …), an rtsp:// address or a video file. "
                                  "Reader through its vendor's SDK: the path of its sdtapi library "
                                  "(sdtapi.dll, libsdtapi.so)."))
        for row in range(self.table.rowCount()):
            box = self.table.cellWidget(row, self.KIND)
            if isinstance(box, QComboBox):
                for i, kind in enumerate(_KINDS):
                    box.setItemText(i, self.kind_name(kind))

    def kind_name(self, kind: DeviceKind) -> str:
        return {
            DeviceKind.IDCARD: self.tr("ID-card reader"),
            DeviceKind.IDCARD_SDK: self.tr("ID-card reader (vendor SDK)"),
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
