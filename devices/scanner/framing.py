"""Cutting a serial scanner's byte stream into codes, without any I/O (so it is tested on its own).

Scanners end a code with CR, LF or CRLF, or with nothing at all; in the last case only a pause
(`silence`) tells one code from the next. Any CR or LF ends a line and empty lines are dropped,
which is what keeps CRLF (even split across two reads) from producing an extra empty scan.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

DEFAULT_TERMINATORS = b"\r\n"


def strip_controls(text: str) -> str:
    """Scanners configured with STX/ETX framing or AIM identifiers send control characters that
    are never part of a ticket number."""
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cc").strip()


@dataclass
class LineFramer:
    terminators: bytes = DEFAULT_TERMINATORS
    silence: float | None = 0.1
    """Seconds without a byte after which a partial line counts as complete; None waits for a terminator."""
    encoding: str = "utf-8"
    max_line: int = 4096
    """Garbage on the line (wrong baud rate) must not grow the buffer without end."""
    _buffer: bytearray = field(default_factory=bytearray, init=False)
    _last_byte_at: float = field(default=0.0, init=False)
    _discarding: bool = field(default=False, init=False)
    overflows: int = field(default=0, init=False)

    def feed(self, data: bytes, now: float) -> list[str]:
        codes: list[str] = []
        for byte in data:
            if byte in self.terminators:
                if self._discarding:
                    self._discarding = False
                else:
                    codes.extend(self._take())
            elif not self._discarding:
                self._buffer.append(byte)
                if len(self._buffer) > self.max_line:
                    # The whole over-long line is garbage, up to its terminator: no code is made of its tail.
                    self._buffer.clear()
                    self._discarding = True
                    self.overflows += 1
        if data:
            self._last_byte_at = now
        return codes

    def flush_if_silent(self, now: float) -> list[str]:
        if self.silence is None or now - self._last_byte_at < self.silence:
            return []
        self._discarding = False
        return self._take() if self._buffer else []

    def discard(self) -> int:
        """Drop a partial line (the port went away mid-code); returns how many bytes were lost."""
        lost = len(self._buffer)
        self._buffer.clear()
        self._discarding = False
        return lost

    @property
    def pending(self) -> int:
        return len(self._buffer)

    def _take(self) -> list[str]:
        raw = bytes(self._buffer)
        self._buffer.clear()
        code = strip_controls(raw.decode(self.encoding, errors="replace"))
        return [code] if code else []
