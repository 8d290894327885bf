"""The desk's devices: the configured drivers under the registry's supervision, their events and
statuses carried onto the GUI thread by one bridge, and — in demo mode — simulators that speak
the real protocols over pseudo-terminals in place of the hardware."""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from app.device_settings import DeviceKindName, DeviceSettings
from devices.base import Device, EventSink
from devices.device_config import DeviceConfig, DeviceKind, DriverFactory
from devices.factories import default_factories
from devices.idcard.driver import IdCardReader, ReaderSettings
from devices.idcard.photo import PhotoResult, PhotoStatus
from devices.idcard.simulator import ReaderSimulator
from devices.registry import DeviceRegistry
from devices.scanner.simulator import ScannerSimulator
from devices.scanner.wedge import WedgeConfig
from devices.scanner.wedge_device import wedge_config
from ui.devices.bridge import DeviceBridge
from ui.devices.wedge_filter import WedgeFilter
from ui.screen import disconnect_on_destroy

log = logging.getLogger(__name__)


def registry_config(device: DeviceSettings) -> DeviceConfig:
    """The registry's config of one typed device setting (app/device_settings.py)."""
    return DeviceConfig.of(*device.registry_entry())


def desk_configs(devices: Sequence[DeviceSettings], ticket_pattern: str = "") -> list[DeviceConfig]:
    """Every device of the desk for the registry. Monitoring cameras are the paper-room recorder's
    (one owner per camera) and go there from the same settings, not through the desk's registry.
    A camera scanner judges its reads by the exam's `ticket_pattern`: the signed package's, never
    a local setting (settings.json has no such option)."""
    configs = []
    for d in devices:
        if d.kind is DeviceKindName.CAMERA:
            continue
        name, kind, source, options = d.registry_entry()
        if d.kind is DeviceKindName.SCANNER_CAMERA and ticket_pattern:
            options = {**options, "ticket_pattern": ticket_pattern}
        configs.append(DeviceConfig.of(name, kind, source, options))
    return configs


class DeviceStation(QObject):
    reconfigured = Signal()
    """The desk's devices were saved anew (emitted on the GUI thread by whoever saved them)."""

    def __init__(self, configs: Iterable[DeviceConfig], parent: QObject | None = None, *,
                 factories: Mapping[str, DriverFactory] | None = None) -> None:
        super().__init__(parent)
        self.bridge = DeviceBridge(self)
        self._factories = dict(factories) if factories is not None else default_factories()
        self.registry = DeviceRegistry(self._factories, on_event=self.bridge.sink)
        self.registry.subscribe(self.bridge.sink)
        self._configs = list(configs)
        for config in self._configs:
            if config.kind not in self._factories:  # the registry reports it (no driver), never dropped
                log.warning("device %s: no desk driver for kind %s", config.name, config.kind.value)
        self.demo: DemoDevices | None = None
        self._ticket_pattern = ""  # the exam's, for camera scanners (from_settings)

    @classmethod
    def from_settings(cls, devices: Sequence[DeviceSettings], parent: QObject | None = None, *,
                      ticket_pattern: str = "") -> DeviceStation:
        station = cls(desk_configs(devices, ticket_pattern), parent)
        station._ticket_pattern = ticket_pattern
        return station

    def wedge_config(self) -> WedgeConfig | None:
        """The thresholds of the desk's keyboard-wedge scanner (the first configured one: all
        wedges type into the same key stream); None when none is configured."""
        wedges = [c for c in self._configs if c.kind is DeviceKind.SCANNER_WEDGE]
        if len(wedges) > 1:
            log.warning("%d keyboard-wedge scanners configured; the key filter uses %s's settings",
                        len(wedges), wedges[0].name)
        return wedge_config(wedges[0].options) if wedges else None

    def wedge_name(self) -> str | None:
        wedges = [c.name for c in self._configs if c.kind is DeviceKind.SCANNER_WEDGE]
        return wedges[0] if wedges else None

    def start(self) -> None:
        self.registry.start(self._configs)

    def configs(self) -> list[DeviceConfig]:
        return list(self._configs)

    def reconfigure(self, devices: Sequence[DeviceSettings]) -> None:
        """The desk's devices from now on (the devices screen saved them): unchanged ones keep
        running, held ones start again. Blocks while drivers stop: call it off the GUI thread."""
        self._configs = desk_configs(devices, self._ticket_pattern)
        self.registry.reconfigure(self._configs)

    def hold_all(self) -> None:
        """Every device stopped, its port free, while a person edits and tests the list (off the GUI thread)."""
        for name in self.registry.statuses():
            self.registry.hold(name)

    def release_all(self) -> None:
        for name in self.registry.statuses():
            self.registry.release(name)

    def stop(self) -> None:
        self.registry.stop()
        if self.demo is not None:
            self.demo.close()
            self.demo = None

    @classmethod
    def simulated(cls, parent: QObject | None = None) -> DeviceStation:
        """A reader and a serial scanner simulated over pseudo-terminals, driven by the real drivers."""
        demo = DemoDevices.open()

        def demo_reader(config: DeviceConfig, sink: EventSink) -> Device:
            # The real driver, with the demo's stand-in decoder built on the reader's own thread.
            return IdCardReader(sink, config.source or None, name=config.name,
                                settings=ReaderSettings.from_options(config.options), photo_decoder=lambda: demo.photos)

        station = cls(demo.configs(), parent, factories={**default_factories(), DeviceKind.IDCARD: demo_reader})
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


def follow_wedge(owner: QObject, station: DeviceStation, wedge: WedgeFilter) -> None:
    """Keeps `wedge` (a screen's key filter) judging with the station's configured keyboard scanner,
    its options and its name, now and after each save on the devices screen, for as long as `owner` lives."""

    def apply() -> None:
        wedge.configure(station.wedge_config(), device=station.wedge_name() or "wedge")

    apply()
    disconnect_on_destroy(owner, station.reconfigured, apply)
