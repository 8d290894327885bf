"""One open serial port to a reader, and the request/reply exchange over it.

Every method runs on the owner's I/O thread (checked through IoThreadGuard). Reads are greedy: the
parser says how many bytes complete the frame in progress and the port is asked for exactly that, so
a 1295-byte reply costs a handful of wake-ups rather than one per byte; the short port timeout only
bounds how late a stop request is noticed.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass

import serial

from devices.base import IoThreadGuard
from devices.idcard.errors import Fault, FrameError, IdCardDecodeError
from devices.idcard.frames import Command, FrameParser, command_frame
from devices.idcard.replies import ReadData, Reply, parse_reply

try:
    import termios

    # pyserial lets termios.error (not an OSError) through from tcflush on a pty whose master closed.
    PORT_ERRORS: tuple[type[Exception], ...] = (serial.SerialException, OSError, termios.error)
except ImportError:  # Windows
    PORT_ERRORS = (serial.SerialException, OSError)

OPEN_ERRORS: tuple[type[Exception], ...] = (*PORT_ERRORS, ValueError)
"""ValueError: pyserial's answer to settings the port refuses."""

READ_SLICE = 0.05
"""Seconds a single port read may block: how quickly stop() is noticed mid-exchange."""


class PortGone(Exception):
    """The port cannot be used any more (unplugged, closed under us, never there)."""


class LinkTimeout(Exception):
    def __init__(self, detail: str, faults: list[FrameError]) -> None:
        super().__init__(detail)
        self.detail = detail
        self.faults = faults


class Stopped(Exception):
    """stop() was asked for while an exchange was in progress."""


@dataclass(frozen=True)
class Exchange:
    reply: Reply
    started: float
    """time.monotonic() just before the request was written."""
    bytes_sent: int
    bytes_received: int
    faults: tuple[FrameError, ...]
    """Recoverable faults seen on the way to the reply (skipped garbage)."""
    read_data: ReadData | None = None
    """A read's contents when the link has them apart already (a vendor SDK's buffers); None: they
    are in `reply.data`, laid out as the read reply frame has them."""


class ReaderLink:
    def __init__(self, port: serial.Serial, path: str, guard: IoThreadGuard, stop: threading.Event) -> None:
        self._serial = port
        self.path = path
        self._guard = guard
        self._stop = stop

    @classmethod
    def open(cls, path: str, baudrate: int, guard: IoThreadGuard, stop: threading.Event) -> ReaderLink:
        guard.check()
        try:
            port = serial.Serial(
                path,
                baudrate=baudrate,
                bytesize=serial.EIGHTBITS,
                parity=serial.PARITY_NONE,
                stopbits=serial.STOPBITS_ONE,
                timeout=READ_SLICE,
                write_timeout=1.0,
            )
        except OPEN_ERRORS as exc:
            raise PortGone(f"port {path} cannot be opened: {exc}") from None
        return cls(port, path, guard, stop)

    @property
    def where(self) -> str:
        return f"port {self.path}"

    def present(self) -> bool:
        return os.path.exists(self.path)

    def close(self) -> None:
        try:
            self._serial.close()
        except PORT_ERRORS:
            pass  # closing a port that vanished may fail; it is closed either way

    def exchange(self, command: Command, timeout: float) -> Exchange:
        """Send one command and wait for its reply. Raises PortGone, LinkTimeout, Stopped, or
        IdCardDecodeError (a reply frame that is corrupt or not a reply)."""
        self._guard.check()
        request = command_frame(command)
        try:
            # Bytes still in the buffer belong to an earlier, abandoned exchange; they must not be
            # taken for this command's reply.
            self._serial.reset_input_buffer()
            started = time.monotonic()
            self._serial.write(request)
            return self._await_reply(command, started, len(request), timeout)
        except PORT_ERRORS as exc:
            raise PortGone(f"port {self.path}: {exc}") from None

    def _await_reply(self, command: Command, started: float, sent: int, timeout: float) -> Exchange:
        parser = FrameParser()
        faults: list[FrameError] = []
        received = 0
        deadline = started + timeout
        while True:
            if self._stop.is_set():
                raise Stopped
            chunk = self._serial.read(parser.wanted())
            received += len(chunk)
            for item in parser.feed(chunk):
                if isinstance(item, FrameError):
                    if item.fault is not Fault.GARBAGE:
                        raise IdCardDecodeError(item.fault, f"reply to {command.label}: {item.detail}")
                    faults.append(item)
                    continue
                reply = parse_reply(item)
                return Exchange(reply, started, sent, received, tuple(faults))
            if time.monotonic() >= deadline:
                faults.extend(parser.finish())
                raise LinkTimeout(f"no complete reply to {command.label} within {timeout:g} s", faults)
