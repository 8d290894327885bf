"""Faults of the ID-card link, with stable codes (the GUI translates by code; details are English
technician text and never carry personal data)."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Fault(enum.Enum):
    GARBAGE = "garbage"
    """Bytes that were not part of any frame were skipped to find the next preamble."""
    BAD_CHECKSUM = "bad_checksum"
    BAD_LENGTH = "bad_length"
    TRUNCATED = "truncated"
    TIMEOUT = "timeout"
    UNEXPECTED_REPLY = "unexpected_reply"
    """A well-formed frame whose shape does not fit the command it answers."""
    BAD_TEXT = "bad_text"
    """The 256-byte text block could not be decoded (bad UCS-2, a field out of range)."""
    UNKNOWN_CARD_TYPE = "unknown_card_type"
    INTERNAL = "internal"
    """A bug in the driver, caught on the I/O thread so that the thread survives."""


@dataclass(frozen=True)
class FrameError:
    """What the streaming parser yields instead of a frame when the bytes are wrong."""

    fault: Fault
    detail: str


class IdCardDecodeError(Exception):
    """A reply or a text block that cannot be understood. `detail` names the fault, not the data."""

    def __init__(self, fault: Fault, detail: str) -> None:
        super().__init__(f"{fault.value}: {detail}")
        self.fault = fault
        self.detail = detail
