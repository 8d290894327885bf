"""The devices screen's editing pane (配置设备): the set-up wizard's device list with its live tests,
the serial ports this PC has (pyserial's list, vendor and product where known), save and cancel.

A device new or changed here must pass its live test before it is saved; an unchanged one need not.
The screen decides what saving does (the core checks, audits and writes)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.device_settings import DeviceSettings, DeviceSettingsError, parse_device
from devices.serial_ports import SerialPortInfo
from ui.devices.editor import DeviceListEditor
from ui.tables import TextList


def port_line(port: SerialPortInfo) -> str:
    """"COM3 — WCH USB-SERIAL CH340 (1A86:7523)": what the PC knows of the port, nothing invented."""
    maker = " ".join(p for p in (port.manufacturer, port.product) if p) or port.description
    parts = [port.device] + ([maker] if maker else [])
    text = " — ".join(parts)
    return f"{text} ({port.usb_id})" if port.usb_id else text


def _normal(entry: dict[str, Any]) -> dict[str, Any] | None:
    try:
        return parse_device(entry, "devices").to_dict()
    except DeviceSettingsError:
        return None


class DeviceConfigPane(QWidget):
    save_requested = Signal(object)  # the entries (list of dicts), each new or changed one tested
    cancelled = Signal()

    def __init__(self, ports: Callable[[], list[SerialPortInfo]], timeout_s: float = 30.0,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ports = ports
        self._saved: list[dict[str, Any]] = []
        self.title = QLabel(objectName="ScreenTitle")
        self.note = QLabel(objectName="DevicesNote", wordWrap=True)
        self.error = QLabel(objectName="SetupError", wordWrap=True)
        self.keys = QLabel(objectName="DevicesNote")
        self.editor = DeviceListEditor(self.error, timeout_s)
        self.ports_title = QLabel(objectName="SectionTitle")
        self.ports = TextList(objectName="SerialPorts")
        self.ports.setMaximumHeight(90)
        self.refresh_ports = QPushButton()
        self.save = QPushButton(objectName="DevicesPrimary")
        self.cancel = QPushButton()
        self.save.clicked.connect(self.request_save)
        self.cancel.clicked.connect(self.cancelled)
        self.refresh_ports.clicked.connect(self.list_ports)
        for key, slot in (("Ctrl+S", self.request_save), ("Esc", self.cancelled.emit),
                          ("F5", lambda: self.editor.test_row(self.editor.table.currentRow())),
                          ("Ctrl+N", self.editor.add.click), ("Del", self.editor.remove_selected)):
            QShortcut(QKeySequence(key), self, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(self.note)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.keys)
        ports_row = QHBoxLayout()
        ports_row.addWidget(self.ports_title)
        ports_row.addStretch()
        ports_row.addWidget(self.refresh_ports)
        layout.addLayout(ports_row)
        layout.addWidget(self.ports)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save)
        buttons.addWidget(self.cancel)
        buttons.addStretch()
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(QCoreApplication.translate("DevicesScreen", "Configure the devices"))
        self.note.setText(QCoreApplication.translate(
            "DevicesScreen", "The desk's devices are stopped while you edit them and start again when you save or "
                             "cancel. Test each new or changed device before saving: read a card, scan a code, "
                             "see the picture."))
        self.keys.setText(QCoreApplication.translate(
            "DevicesScreen", "Ctrl+N add a device · Del remove it · F5 test it · Ctrl+S save · Esc cancel"))
        self.ports_title.setText(QCoreApplication.translate("DevicesScreen", "Serial ports on this PC"))
        self.refresh_ports.setText(QCoreApplication.translate("DevicesScreen", "List again"))
        self.save.setText(QCoreApplication.translate("DevicesScreen", "Ctrl+S  Save"))
        self.cancel.setText(QCoreApplication.translate("DevicesScreen", "Esc  Cancel"))
        self.editor.retranslate()
        if self.isVisible():
            self.list_ports()

    def load(self, devices: Sequence[DeviceSettings]) -> None:
        self._saved = [d.to_dict() for d in devices]
        self.error.clear()
        self.editor.preview.clear()
        self.editor.load(tuple(devices))
        self.list_ports()
        self.editor.table.setFocus()

    def list_ports(self) -> None:
        found = self._ports()
        rows: list[tuple[str, Any]] = [(port_line(p), None) for p in found] or [
            (QCoreApplication.translate("DevicesScreen", "No serial port found on this PC."), None)]
        self.ports.show_rows(rows)

    def request_save(self) -> None:
        if not self.editor.validate("devices"):
            return
        untested = set(self.editor.untested())
        entries = self.editor.configs()
        must = [e["name"] for e in entries if e["name"] in untested and _normal(e) not in self._saved]
        if must:
            self.error.setText(QCoreApplication.translate(
                "DevicesScreen", "Test these devices before saving: {names}").format(names=", ".join(must)))
            return
        self.editor.stop_checks()
        self.save_requested.emit(entries)
