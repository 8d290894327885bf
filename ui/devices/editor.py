"""The list of a desk's devices being edited, each with a live test (设备列表编辑与现场测试): the part the
set-up wizard's devices page and the devices screen share.

One row a device: its kind, name, port or source, its options (the object settings.json holds,
empty for the defaults: `{"max_gap_ms": 90}`), and the result of its last live test. A row
remembers the settings it passed its test with:
`untested()` names the rows whose settings have not passed a test as they stand.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.device_settings import (
    DeviceSettings,
    DeviceSettingsError,
    options_as_text,
    options_from_text,
    parse_device,
)
from devices.device_config import DeviceKind
from ui.devices.station import registry_config
from ui.messages import describe
from ui.setup.device_check import DeviceCheck

KINDS = (DeviceKind.IDCARD, DeviceKind.IDCARD_SDK, DeviceKind.SCANNER_WEDGE, DeviceKind.SCANNER_SERIAL,
         DeviceKind.SCANNER_CAMERA, DeviceKind.CAMERA)
_PASSED = Qt.ItemDataRole.UserRole  # on the result item: the settings (JSON) that passed the test


def kind_name(kind: DeviceKind | str) -> str:
    return {
        DeviceKind.IDCARD: QCoreApplication.translate("DevicesPage", "ID-card reader"),
        DeviceKind.IDCARD_SDK: QCoreApplication.translate("DevicesPage", "ID-card reader (vendor SDK)"),
        DeviceKind.SCANNER_WEDGE: QCoreApplication.translate("DevicesPage", "Scanner (keyboard)"),
        DeviceKind.SCANNER_SERIAL: QCoreApplication.translate("DevicesPage", "Scanner (serial port)"),
        DeviceKind.SCANNER_CAMERA: QCoreApplication.translate("DevicesPage", "Scanner (camera)"),
        DeviceKind.CAMERA: QCoreApplication.translate("DevicesPage", "Camera"),
    }[DeviceKind(kind)]


class DeviceListEditor(QWidget):
    """Rows of devices with add, remove and a live test; refusals go to `error` (the owner's label)."""

    KIND, NAME, SOURCE, OPTIONS, RESULT = range(5)
    tested = Signal(int, bool)
    """(row, passed) when a live test ends."""

    def __init__(self, error: QLabel, timeout_s: float = 30.0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.error = error
        self.timeout_s = timeout_s
        self.wedge_clock: Callable[[], float] | None = None  # tests: a keyboard scanner's pace without real time
        self.table = QTableWidget(0, 5)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(self.KIND, 200)
        self.table.setColumnWidth(self.NAME, 160)
        self.table.setColumnWidth(self.SOURCE, 260)
        self.table.setColumnWidth(self.OPTIONS, 220)
        self.table.setMinimumHeight(150)
        self.add, self.remove, self.test = QPushButton(), QPushButton(), QPushButton(objectName="SetupTest")
        self.preview = QLabel(objectName="SetupPreview", alignment=Qt.AlignmentFlag.AlignCenter)
        self.preview.setFixedSize(320, 180)
        self.preview.hide()  # until a camera's test brings a picture
        self.hint = QLabel(wordWrap=True)
        buttons = QHBoxLayout()
        for button in (self.add, self.remove, self.test):
            buttons.addWidget(button)
        buttons.addStretch()
        lower = QHBoxLayout()
        lower.addWidget(self.hint, 1)
        lower.addWidget(self.preview)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addLayout(lower)
        self.checks: dict[int, DeviceCheck] = {}
        self.add.clicked.connect(lambda: self.add_device(DeviceKind.IDCARD))
        self.remove.clicked.connect(self.remove_selected)
        self.test.clicked.connect(lambda: self.test_row(self.table.currentRow()))
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([
            QCoreApplication.translate("DevicesPage", "Kind"),
            QCoreApplication.translate("DevicesPage", "Name"),
            QCoreApplication.translate("DevicesPage", "Port or source"),
            QCoreApplication.translate("DevicesPage", "Options"),
            QCoreApplication.translate("DevicesPage", "Test"),
        ])
        self.add.setText(QCoreApplication.translate("DevicesPage", "Add a device"))
        self.remove.setText(QCoreApplication.translate("DevicesPage", "Remove"))
        self.test.setText(QCoreApplication.translate("DevicesPage", "Test the selected device"))
        where = QCoreApplication.translate(
            "DevicesPage", "Port: COM3 on Windows, /dev/ttyUSB0 on Linux; empty finds the reader. "
                           "Camera: its number (0, 1, …), an rtsp:// address or a video file. "
                           "Reader through its vendor's SDK: the path of its sdtapi library "
                           "(sdtapi.dll, libsdtapi.so).")
        options = QCoreApplication.translate(
            "DevicesPage", "Options: as settings.json holds them, e.g. {example}; empty for the defaults.")
        self.hint.setText(where + " " + options.format(example='{"max_gap_ms": 90}'))
        for row in range(self.table.rowCount()):
            box = self.table.cellWidget(row, self.KIND)
            if isinstance(box, QComboBox):
                for i, kind in enumerate(KINDS):
                    box.setItemText(i, kind_name(kind))

    # -- rows ------------------------------------------------------------------------------

    def add_device(self, kind: DeviceKind, name: str = "", source: str = "",
                   options: Mapping[str, Any] | None = None) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        box = QComboBox()
        for k in KINDS:
            box.addItem(kind_name(k), k.value)
        box.setCurrentIndex(KINDS.index(kind))
        self.table.setCellWidget(row, self.KIND, box)
        self.table.setItem(row, self.NAME, QTableWidgetItem(name or kind_name(kind) + str(row + 1)))
        self.table.setItem(row, self.SOURCE, QTableWidgetItem(source))
        self.table.setItem(row, self.OPTIONS, QTableWidgetItem(options_as_text(options or {})))
        result = QTableWidgetItem("")
        result.setFlags(result.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, self.RESULT, result)
        self.table.setCurrentCell(row, self.NAME)
        return row

    def load(self, devices: tuple[DeviceSettings, ...]) -> None:
        """The rows of these devices (their options kept), none tested yet."""
        self.stop_checks()
        self.table.setRowCount(0)
        for device in devices:
            self.add_device(DeviceKind(device.kind.value), device.name, device.source, device.options())

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.stop_checks()
            self.table.removeRow(row)

    def config_of(self, row: int) -> dict[str, Any]:
        """The row as a settings.json entry; options that are no JSON object raise DeviceSettingsError."""
        box = self.table.cellWidget(row, self.KIND)
        assert isinstance(box, QComboBox)
        name, source = self.table.item(row, self.NAME), self.table.item(row, self.SOURCE)
        entry: dict[str, Any] = {"name": name.text().strip() if name else "", "kind": str(box.currentData()),
                                 "source": source.text().strip() if source else ""}
        options = self.table.item(row, self.OPTIONS)
        parsed = options_from_text(options.text() if options else "", entry["name"], "set-up")
        if parsed:
            entry["options"] = parsed
        return entry

    def configs(self) -> list[dict[str, Any]]:
        return [self.config_of(row) for row in range(self.table.rowCount())]

    def result_text(self, row: int) -> str:
        item = self.table.item(row, self.RESULT)
        return item.text() if item else ""

    def untested(self) -> list[str]:
        """Names of the rows whose settings, as they stand, have not passed a live test."""
        names = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, self.RESULT)
            try:
                entry = self.config_of(row)
            except DeviceSettingsError:
                names.append(self._cell(row, self.NAME))
                continue
            if item is None or item.data(_PASSED) != json.dumps(entry, sort_keys=True):
                names.append(entry["name"])
        return names

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item else ""

    def validate(self, source: str) -> bool:
        """Every row as settings.json would read it, names unique; the first refusal in `error`."""
        for row in range(self.table.rowCount()):
            try:
                parse_device(self.config_of(row), source, row + 1)
            except DeviceSettingsError as exc:
                self.table.setCurrentCell(row, self.NAME)
                self._refuse(exc)
                return False
        names = [c["name"] for c in self.configs()]
        if len(set(names)) != len(names):
            self.error.setText(QCoreApplication.translate("DevicesPage", "Two devices have the same name."))
            return False
        self.error.clear()
        return True

    def _refuse(self, exc: DeviceSettingsError) -> None:
        text = QCoreApplication.translate("DevicesPage", "This device's settings are not valid: {detail}")
        self.error.setText(text.format(detail=describe(exc)))

    # -- live tests --------------------------------------------------------------------------

    def _set_result(self, row: int, text: str, passed: dict[str, Any] | None = None) -> None:
        item = self.table.item(row, self.RESULT)
        if item is not None:
            item.setText(text)
            item.setData(_PASSED, None if passed is None else json.dumps(passed, sort_keys=True))

    def test_row(self, row: int) -> DeviceCheck | None:
        if row < 0 or row >= self.table.rowCount():
            return None
        self.stop_checks()
        try:
            entry = self.config_of(row)
            config = registry_config(parse_device(entry, "set-up", row + 1))
        except DeviceSettingsError as exc:
            self._refuse(exc)
            return None
        self.error.clear()
        self.preview.clear()
        self.preview.hide()
        check = DeviceCheck(config, timeout_s=self.timeout_s, wedge_clock=self.wedge_clock, parent=self)
        check.progress.connect(lambda text: self._set_result(row, text))
        check.succeeded.connect(lambda text, image: self._succeeded(row, text, image, entry))
        check.failed.connect(lambda text: self._failed(row, text))
        self.checks[row] = check
        check.start()
        return check

    def _succeeded(self, row: int, text: str, image: Any, entry: dict[str, Any]) -> None:
        self._set_result(row, "✔ " + text, entry)
        if image is not None:
            self.preview.setPixmap(QPixmap.fromImage(image).scaled(
                self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
            self.preview.show()
        self.tested.emit(row, True)

    def _failed(self, row: int, text: str) -> None:
        self._set_result(row, "✖ " + text)
        self.tested.emit(row, False)

    def stop_checks(self) -> None:
        for check in self.checks.values():
            check.stop()
        self.checks.clear()
