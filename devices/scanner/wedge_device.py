"""A keyboard-wedge scanner as the registry sees it (键盘扫码枪登记).

A wedge has no port to open: its codes arrive as key presses, which the GUI's key filter tells
from typing with this device's `WedgeConfig`. The registry still holds it like any device, so a
configured wedge appears on the desk with its own name, and its thresholds reach the filter.
"""

from __future__ import annotations

from collections.abc import Mapping

from devices.base import DeviceState, DeviceStatus, EventSink
from devices.scanner.wedge import WedgeConfig

MS = 1000.0


def wedge_config(options: Mapping[str, object]) -> WedgeConfig:
    """From a registry config's options, thresholds in milliseconds (the settings' unit):
    min_length, max_median_gap_ms, max_gap_ms, silence_ms, terminators, prefix, suffix."""
    known = {"min_length", "max_median_gap_ms", "max_gap_ms", "silence_ms", "terminators", "prefix", "suffix"}
    unknown = set(options) - known
    if unknown:
        raise ValueError(f"unknown wedge scanner options: {', '.join(sorted(unknown))}")
    defaults = WedgeConfig()

    def seconds(key: str, default: float) -> float:
        value = options.get(key)
        if value is None:
            return default
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise ValueError(f"wedge scanner option {key!r} must be a number of milliseconds")
        return float(value) / MS

    def char(key: str) -> str | None:
        value = options.get(key)
        if value is not None and not isinstance(value, str):
            raise ValueError(f"wedge scanner option {key!r} must be one character")
        return value

    length = options.get("min_length", defaults.min_length)
    terminators = options.get("terminators")
    if not isinstance(length, int) or (terminators is not None and not isinstance(terminators, str)):
        raise ValueError("wedge scanner: min_length must be a whole number and terminators text")
    return WedgeConfig(
        min_length=length,
        max_median_gap=seconds("max_median_gap_ms", defaults.max_median_gap),
        max_gap=seconds("max_gap_ms", defaults.max_gap),
        silence=seconds("silence_ms", defaults.silence),
        terminators=frozenset(terminators) if terminators is not None else defaults.terminators,
        prefix=char("prefix"),
        suffix=char("suffix"),
    )


class KeyboardWedge:
    """Reports itself connected: a wedge cannot be detected, only recognised by its pace."""

    kind = "scanner-wedge"

    def __init__(self, name: str, config: WedgeConfig, sink: EventSink) -> None:
        self.name = name
        self.config = config
        self._sink = sink
        self._status = DeviceStatus(name, self.kind, DeviceState.STOPPED)

    @property
    def status(self) -> DeviceStatus:
        return self._status

    def start(self) -> None:
        self._status = DeviceStatus(self.name, self.kind, DeviceState.CONNECTED, "keyboard wedge")
        self._sink(self._status)

    def stop(self) -> None:
        self._status = DeviceStatus(self.name, self.kind, DeviceState.STOPPED)
        self._sink(self._status)
