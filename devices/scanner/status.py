"""Scanner health: `DeviceStatus` plus a stable problem code the GUI translates."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from devices.base import DeviceStatus


class ScannerProblem(enum.StrEnum):
    """Stable codes: the GUI maps these to translated text; `detail` stays English for technicians."""

    PORT_NOT_FOUND = "port_not_found"
    PORT_ACCESS_DENIED = "port_access_denied"
    PORT_OPEN_FAILED = "port_open_failed"
    PORT_LOST = "port_lost"
    BAD_SETTINGS = "bad_settings"
    INTERNAL_ERROR = "internal_error"


@dataclass(frozen=True)
class ScannerStatus(DeviceStatus):
    """A `DeviceStatus` (so anything that accepts one accepts this) with a machine-readable problem."""

    problem: ScannerProblem | None = None
