"""Frames of the ID-card reader link (devices.md §1, "Frames"), and a streaming parser.

    AA AA AA 96 69 | LEN (2, big-endian) | payload | CHK

LEN counts every byte after itself, CHK included; CHK is the XOR of the LEN bytes through the last
payload byte. Requests and replies share this framing: a request's payload is CMD PARA [DATA], a
reply's is SW1 SW2 SW3 [DATA].
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass
from functools import reduce

from devices.idcard.errors import Fault, FrameError

PREAMBLE = b"\xaa\xaa\xaa\x96\x69"
HEADER_SIZE = len(PREAMBLE) + 2
MIN_LEN = 3
"""The shortest frame on this link is a request: CMD PARA CHK."""
MAX_LEN = 0x1000
"""The longest reply is a read with fingerprints (0x0508 + 2 + up to 1024 fingerprint bytes, i.e.
under 0x0910); anything far beyond is a corrupted LEN, rejected rather than waited for."""


class Command(bytes, enum.Enum):
    """CMD PARA of each command the host sends."""

    SAM_STATUS = b"\x11\xff"
    SAM_RESET = b"\x10\xff"
    READ_SAM_ID = b"\x12\xff"
    FIND_CARD = b"\x20\x01"
    SELECT_CARD = b"\x20\x02"
    READ = b"\x30\x01"
    READ_WITH_FINGERPRINT = b"\x30\x10"

    @property
    def label(self) -> str:
        """Technician text for messages ("find card")."""
        return _LABELS[self]


_LABELS = {
    Command.SAM_STATUS: "SAM status",
    Command.SAM_RESET: "SAM reset",
    Command.READ_SAM_ID: "read SAM id",
    Command.FIND_CARD: "find card",
    Command.SELECT_CARD: "select card",
    Command.READ: "read",
    Command.READ_WITH_FINGERPRINT: "read with fingerprint",
}


def xor_checksum(data: bytes) -> int:
    return reduce(lambda acc, byte: acc ^ byte, data, 0)


def encode_frame(payload: bytes) -> bytes:
    """The whole frame for a payload (request CMD PARA [DATA], or reply SW1 SW2 SW3 [DATA])."""
    length = len(payload) + 1
    if not MIN_LEN <= length <= MAX_LEN:
        raise ValueError(f"payload of {len(payload)} bytes does not fit a frame")
    body = length.to_bytes(2, "big") + payload
    return PREAMBLE + body + bytes([xor_checksum(body)])


def command_frame(command: Command) -> bytes:
    return encode_frame(command.value)


@dataclass(frozen=True)
class Frame:
    payload: bytes
    size: int
    """Bytes of the whole frame on the wire, preamble and CHK included."""


class FrameParser:
    """Turns a byte stream, fed in pieces of any size, into frames and typed errors.

    Bytes before a preamble are skipped and reported once as GARBAGE when the next frame (or the end
    of the stream) is reached. A frame whose LEN is impossible or whose CHK is wrong is reported and
    the search resumes one byte after its first preamble byte, so a corrupted LEN cannot swallow the
    good frames behind it.
    """

    def __init__(self) -> None:
        self._buffer = bytearray()
        self._skipped = 0
        # Bytes of a frame already reported as bad are not reported again as garbage.
        self._absorbed = 0

    def _skip(self, count: int) -> None:
        absorbed = min(count, self._absorbed)
        self._absorbed -= absorbed
        self._skipped += count - absorbed
        del self._buffer[:count]

    def feed(self, data: bytes) -> Iterator[Frame | FrameError]:
        self._buffer += data
        while True:
            start = self._buffer.find(PREAMBLE)
            if start < 0:
                # Keep a tail that may be the start of a preamble split across two reads.
                keep = len(PREAMBLE) - 1
                if len(self._buffer) > keep:
                    self._skip(len(self._buffer) - keep)
                return
            if start:
                self._skip(start)
            self._absorbed = 0
            if len(self._buffer) < HEADER_SIZE:
                return
            length = int.from_bytes(self._buffer[5:7], "big")
            if not MIN_LEN <= length <= MAX_LEN:
                yield from self._garbage_report()
                yield FrameError(Fault.BAD_LENGTH, f"frame length {length} outside {MIN_LEN}..{MAX_LEN}")
                del self._buffer[:1]
                self._absorbed = HEADER_SIZE - 1
                continue
            size = HEADER_SIZE + length
            if len(self._buffer) < size:
                return
            body = bytes(self._buffer[5 : size - 1])
            received = self._buffer[size - 1]
            yield from self._garbage_report()
            expected = xor_checksum(body)
            if received != expected:
                yield FrameError(
                    Fault.BAD_CHECKSUM,
                    f"checksum 0x{received:02X} where 0x{expected:02X} was due, frame of {size} bytes",
                )
                del self._buffer[:1]
                self._absorbed = size - 1
                continue
            del self._buffer[:size]
            yield Frame(payload=body[2:], size=size)

    def wanted(self) -> int:
        """How many more bytes would complete the frame in progress (at least 1): lets a reader ask the
        port for exactly that many and wake once, instead of once per byte."""
        start = self._buffer.find(PREAMBLE)
        if start < 0 or len(self._buffer) - start < HEADER_SIZE:
            return max(1, HEADER_SIZE - len(self._buffer))
        length = int.from_bytes(self._buffer[start + 5 : start + 7], "big")
        return max(1, start + HEADER_SIZE + length - len(self._buffer))

    def finish(self) -> Iterator[FrameError]:
        """The stream ended (or timed out): report a frame left half-received, and skipped bytes."""
        start = self._buffer.find(PREAMBLE)
        if start >= 0:
            self._skip(start)
            yield from self._garbage_report()
            have = len(self._buffer) - start
            if have >= HEADER_SIZE:
                due = HEADER_SIZE + int.from_bytes(self._buffer[start + 5 : start + 7], "big")
                yield FrameError(Fault.TRUNCATED, f"frame cut short: {have} of {due} bytes received")
            else:
                yield FrameError(Fault.TRUNCATED, f"frame cut short in its header: {have} bytes received")
        else:
            self._skip(len(self._buffer))
            yield from self._garbage_report()
        self._buffer.clear()
        self._absorbed = 0

    def _garbage_report(self) -> Iterator[FrameError]:
        if self._skipped:
            yield FrameError(Fault.GARBAGE, f"skipped {self._skipped} bytes that belong to no frame")
            self._skipped = 0
