"""The desk's devices: the configured drivers under the registry's supervision, their events and
statuses carried onto the GUI thread by one bridge, and — in demo mode — simulators that speak
the real protocols over pseudo-terminals in place of the hardware."""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject

from devices.idcard.photo import PhotoResult, PhotoStatus
from devices.idcard.simulator import ReaderSimulator
from devices.registry import DeviceConfig, DeviceKind, DeviceRegistry, default_factories
from devices.scanner.simulator import ScannerSimulator
from ui.devices.bridge import DeviceBridge


class DeviceStation(QObject):
    def __init__(self, configs: Iterable[DeviceConfig], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bridge = DeviceBridge(self)
        self.registry = DeviceRegistry(default_factories(), on_event=self.bridge.sink)
        self.registry.subscribe(self.bridge.sink)
        self._configs = [c for c in configs if c.kind in default_factories()]
        self.demo: DemoDevices | None = None

    def start(self) -> None:
        self.registry.start(self._configs)

    def stop(self) -> None:
        self.registry.stop()
        if self.demo is not None:
            self.demo.close()
            self.demo = None

    @classmethod
    def simulated(cls, parent: QObject | None = None) -> DeviceStation:
        """A reader and a serial scanner simulated over pseudo-terminals, driven by the real drivers."""
        demo = DemoDevices.open()
        station = cls(demo.configs(), parent)
        station.demo = demo
        return station


@dataclass
class DemoPhotos:
    """The demo's stand-in for a vendor WLT decoder: the simulator panel registers which image a
    simulated card's photo bytes stand for. Real WLT bytes are never found here."""

    images: dict[bytes, bytes] = field(default_factory=dict)

    def decode(self, wlt: bytes) -> PhotoResult:
        image = self.images.get(wlt)
        if image is None:
            return PhotoResult(PhotoStatus.NOT_DECODABLE, detail="not a demo card")
        return PhotoResult(PhotoStatus.DECODED, image)


@dataclass
class DemoDevices:
    reader: ReaderSimulator
    scanner: ScannerSimulator
    photos: DemoPhotos
    folder: str

    @classmethod
    def open(cls) -> DemoDevices:
        folder = tempfile.mkdtemp(prefix="venue-ops-devices-")
        reader = ReaderSimulator(link_dir=folder).start()
        scanner = ScannerSimulator(f"{folder}/scanner")
        return cls(reader, scanner, DemoPhotos(), folder)

    def configs(self) -> list[DeviceConfig]:
        return [DeviceConfig("idcard", DeviceKind.IDCARD, self.reader.path, {"find_interval": 0.1}),
                DeviceConfig("scanner", DeviceKind.SCANNER_SERIAL, self.scanner.path)]

    def close(self) -> None:
        self.reader.stop()
        self.scanner.close()
