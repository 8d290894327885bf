"""What one device is: its kind, its name, where it is and its options; and how a driver is built from it."""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from devices.base import Device, EventSink


class DeviceKind(enum.StrEnum):
    IDCARD = "idcard"
    IDCARD_SDK = "idcard-sdk"
    """An ID-card reader through its vendor's sdtapi library: `source` is the library's path."""
    SCANNER_SERIAL = "scanner-serial"
    SCANNER_WEDGE = "scanner-wedge"
    SCANNER_CAMERA = "scanner-camera"
    CAMERA = "camera"


Scalar = str | int | float | bool | None
OptionValue = Scalar | Mapping[str, Scalar]
"""A nested mapping is one option's parts (the reader's photo_decoder: library and flavour)."""


@dataclass(frozen=True)
class DeviceConfig:
    """`source` is where the device is: a serial port path, a camera index or URL, empty for a wedge."""

    name: str
    kind: DeviceKind
    source: str = ""
    options: Mapping[str, OptionValue] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("device name is empty")
        object.__setattr__(self, "kind", DeviceKind(self.kind))
        object.__setattr__(self, "options", MappingProxyType(dict(self.options)))

    @classmethod
    def of(cls, name: str, kind: str, source: str, options: Mapping[str, OptionValue]
           ) -> DeviceConfig:
        """From the plain values the core's typed settings give (app.device_settings, registry_entry())."""
        return cls(name=name, kind=DeviceKind(kind), source=source, options=dict(options))


DriverFactory = Callable[[DeviceConfig, EventSink], Device]
