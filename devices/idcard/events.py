"""What the ID-card reader reports through its EventSink (besides devices.base.DeviceStatus)."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from devices.base import DeviceStatus
from devices.idcard.document import IdDocument
from devices.idcard.errors import Fault
from devices.idcard.photo import PhotoResult

BITS_PER_BYTE = 10
"""8N1: a start bit, 8 data bits, a stop bit."""


@dataclass(frozen=True)
class CycleStats:
    """One find → select → read cycle as the driver timed it: from just before the first byte of
    `find` was written to the document parsed."""

    seconds: float
    bytes_exchanged: int
    baudrate: int

    @property
    def wire_seconds(self) -> float:
        """The time the bytes alone need on the line: the floor any driver is measured against."""
        return self.bytes_exchanged * BITS_PER_BYTE / self.baudrate


@dataclass(frozen=True)
class CardRead:
    """`photo`: the chip photo as the reader's configured vendor decoder gave it (decoded on the
    reader's I/O thread); None when this reader has no decoder configured."""

    reader: str
    document: IdDocument
    cycle: CycleStats
    photo: PhotoResult | None = None


@dataclass(frozen=True)
class CardRemoved:
    """The card that was last reported has left the field (find failed)."""

    reader: str


@dataclass(frozen=True)
class ReadFailed:
    """The reader answered with a status other than success; `meaning` is the SW3 table's text."""

    reader: str
    code: int
    meaning: str
    command: str


@dataclass(frozen=True)
class ProtocolError:
    """Bytes on the line that do not make a good reply; `detail` names the fault, never the data."""

    reader: str
    fault: Fault
    detail: str


class ReaderProblem(enum.StrEnum):
    """Why a reader is not working, by a stable code the GUI words (the detail stays English)."""

    UNPLUGGED = "unplugged"
    """The reader was there and has gone (port vanished, the SDK says the port is closed or silent)."""
    NOT_FOUND = "not_found"
    """No port answers as a reader (yet)."""
    LIBRARY_MISSING = "library_missing"
    NOT_A_LIBRARY = "not_a_library"
    """The file exists but does not load (not a library, or a library it needs is missing)."""
    WRONG_ARCHITECTURE = "wrong_architecture"
    """A library built for another machine: 32- vs 64-bit, another processor, a Windows DLL on Linux."""
    MISSING_SYMBOL = "missing_symbol"
    """The library loads but lacks an sdtapi function the reader needs."""


@dataclass(frozen=True)
class ReaderStatus(DeviceStatus):
    problem: ReaderProblem | None = None
