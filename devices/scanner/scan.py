"""The one event every scanner transport reports."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class ScanSource(enum.StrEnum):
    WEDGE = "wedge"
    SERIAL = "serial"
    CAMERA = "camera"


@dataclass(frozen=True)
class Scan:
    """A code read from a ticket. `code` is the decoded text with control characters removed; it is
    not yet checked against the exam's ticket pattern (see `devices.scanner.ticket`).

    `at` is a monotonic timestamp (seconds) of when the scan completed, for ordering and for
    telling a fresh scan from a repeat; it is not wall-clock time.
    """

    code: str
    source: str = ScanSource.WEDGE
    device: str = ""
    at: float = 0.0
    symbology: str = ""
