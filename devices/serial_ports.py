"""The serial ports this PC has, as pyserial's `serial.tools.list_ports` finds them, with the
vendor and product a USB adapter or reader names (many report only their USB ids, some nothing)."""

from __future__ import annotations

from dataclasses import dataclass

from serial.tools import list_ports


@dataclass(frozen=True)
class SerialPortInfo:
    device: str
    """What goes in a device's port setting: COM3, /dev/ttyUSB0."""
    description: str = ""
    manufacturer: str = ""
    product: str = ""
    vid: int | None = None
    pid: int | None = None
    serial_number: str = ""

    @property
    def usb_id(self) -> str:
        """"1A86:7523" for a USB device, "" otherwise."""
        return f"{self.vid:04X}:{self.pid:04X}" if self.vid is not None and self.pid is not None else ""


def serial_ports() -> list[SerialPortInfo]:
    """Every serial port pyserial lists, sorted by name. A description of "n/a" (Linux, no driver
    text) counts as none."""
    found = []
    for port in list_ports.comports():
        description = port.description if port.description and port.description != "n/a" else ""
        found.append(SerialPortInfo(port.device, description, port.manufacturer or "", port.product or "",
                                    port.vid, port.pid, port.serial_number or ""))
    return sorted(found, key=lambda p: p.device)
