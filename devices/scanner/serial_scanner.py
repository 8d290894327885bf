"""A barcode scanner in USB COM / serial mode (串口扫码枪), read on its own I/O thread.

The driver opens the port, cuts the byte stream into codes (`framing.LineFramer`), and reports
`Scan` events and `ScannerStatus` changes through the sink. When the port disappears (cable
pulled, USB re-enumerated) it reports DISCONNECTED, drops the partial code, and keeps trying to
reopen the same path, so a scanner plugged back in simply works again. Nothing raised on the I/O
thread escapes it: an unexpected error is reported as FAILED and the thread ends, for the registry
to restart the driver. Codes are never logged (a ticket number identifies a candidate).
"""

from __future__ import annotations

import errno
import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import serial

from devices.base import DeviceState, DeviceStatus, EventSink, IoThreadGuard
from devices.scanner.framing import DEFAULT_TERMINATORS, LineFramer
from devices.scanner.scan import Scan, ScanSource
from devices.scanner.status import ScannerProblem, ScannerStatus

log = logging.getLogger(__name__)

KIND = "scanner-serial"
PARITIES = {"N": serial.PARITY_NONE, "E": serial.PARITY_EVEN, "O": serial.PARITY_ODD}


@dataclass(frozen=True)
class SerialSettings:
    port: str
    baudrate: int = 9600
    bytesize: int = 8
    parity: str = "N"
    stopbits: float = 1
    terminators: bytes = DEFAULT_TERMINATORS
    silence: float | None = 0.1
    """Ends a code sent without terminator; None if the scanner always sends one."""
    encoding: str = "utf-8"
    read_timeout: float = 0.02
    """How long one read may block: bounds how quickly stop() and silence take effect."""
    reconnect_interval: float = 0.5

    def __post_init__(self) -> None:
        if not self.port:
            raise ValueError("serial port is empty")
        if self.baudrate <= 0:
            raise ValueError(f"baud rate must be positive, not {self.baudrate}")
        if self.bytesize not in (5, 6, 7, 8):
            raise ValueError(f"data bits must be 5–8, not {self.bytesize}")
        if self.parity not in PARITIES:
            raise ValueError(f"parity must be one of {sorted(PARITIES)}, not {self.parity!r}")
        if self.stopbits not in (1, 1.5, 2):
            raise ValueError(f"stop bits must be 1, 1.5 or 2, not {self.stopbits}")
        if self.silence is not None and self.silence <= 0:
            raise ValueError("silence must be positive (or None)")
        if self.read_timeout <= 0 or self.reconnect_interval <= 0:
            raise ValueError("read_timeout and reconnect_interval must be positive")

    @classmethod
    def from_options(cls, port: str, options: Mapping[str, object]) -> SerialSettings:
        """Build from a registry config's options ({"baudrate": 115200, "silence": 0.2, …})."""
        known = {"baudrate", "bytesize", "parity", "stopbits", "terminators", "silence", "encoding"}
        unknown = set(options) - known
        if unknown:
            raise ValueError(f"unknown serial scanner options: {', '.join(sorted(unknown))}")
        values = dict(options)
        if isinstance(values.get("terminators"), str):
            values["terminators"] = str(values["terminators"]).encode("latin-1")
        return cls(port=port, **values)  # type: ignore[arg-type]


class SerialScanner:
    """Implements `devices.base.Device`. `sink` is called on the I/O thread and must not block."""

    def __init__(self, name: str, settings: SerialSettings, sink: EventSink, *, kind: str = KIND,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.name = name
        self.kind = kind
        self._settings = settings
        self._sink = sink
        self._clock = clock
        self._lock = threading.Lock()
        self._status: DeviceStatus = DeviceStatus(name, kind, DeviceState.STOPPED)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._guard = IoThreadGuard()

    @property
    def status(self) -> DeviceStatus:
        with self._lock:
            return self._status

    @property
    def settings(self) -> SerialSettings:
        return self._settings

    def start(self) -> None:
        with self._lock:
            if self._thread is not None:
                return
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name=f"scanner-serial:{self.name}", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Ends the I/O thread within about `read_timeout`. The final STOPPED is reported on the
        caller's thread, as the I/O thread is gone by then."""
        with self._lock:
            thread, self._thread = self._thread, None
        if thread is None:
            return
        self._stop.set()
        if thread is not threading.current_thread():
            # A read blocks at most read_timeout, so this is quick; the bound is a safety net.
            thread.join(timeout=2.0)
            if thread.is_alive():
                log.warning("scanner %s: I/O thread did not end within 2 s", self.name)
        self._report(DeviceState.STOPPED, "stopped")

    # -- I/O thread ------------------------------------------------------------------------

    def _run(self) -> None:
        self._guard.bind()
        # Reported from here, not from start(): the sink contract is "called on the I/O thread".
        self._report(DeviceState.CONNECTING, f"opening {self._settings.port}")
        try:
            while not self._stop.is_set():
                port = self._open()
                if port is None:
                    self._stop.wait(self._settings.reconnect_interval)
                    continue
                try:
                    self._read_until_lost(port)
                finally:
                    port.close()
        except _BadSettings as exc:
            self._report(DeviceState.FAILED, f"{self._settings.port} refuses the settings: {exc}",
                         ScannerProblem.BAD_SETTINGS)
        except Exception as exc:  # the thread must not die silently: report and let the registry restart us
            log.exception("scanner %s: unexpected error on the I/O thread", self.name)
            self._report(DeviceState.FAILED, f"internal error: {type(exc).__name__}: {exc}",
                         ScannerProblem.INTERNAL_ERROR)

    def _open(self) -> serial.Serial | None:
        self._guard.check()
        s = self._settings
        try:
            port = serial.Serial(s.port, baudrate=s.baudrate, bytesize=s.bytesize, parity=PARITIES[s.parity],
                                 stopbits=s.stopbits, timeout=s.read_timeout)
        except (ValueError, OverflowError) as exc:
            # pyserial rejects settings the port cannot take (an odd baud rate): retrying will not help.
            raise _BadSettings(str(exc)) from exc
        except (serial.SerialException, OSError) as exc:
            problem, text = _describe_open_error(exc)
            self._report(DeviceState.DISCONNECTED, f"cannot open {s.port}: {text}", problem)
            return None
        self._report(DeviceState.CONNECTED, f"{s.port} at {s.baudrate} {s.bytesize}{s.parity}{s.stopbits:g}")
        return port

    def _read_until_lost(self, port: serial.Serial) -> None:
        framer = LineFramer(self._settings.terminators, self._settings.silence, self._settings.encoding)
        while not self._stop.is_set():
            try:
                data = port.read(max(1, port.in_waiting))
            except (serial.SerialException, OSError) as exc:
                lost = framer.discard()
                detail = f"{self._settings.port} lost: {exc}"
                if lost:
                    detail += f" ({lost} bytes of an unfinished code dropped)"
                self._report(DeviceState.DISCONNECTED, detail, ScannerProblem.PORT_LOST)
                return
            now = self._clock()
            for code in framer.feed(data, now) + framer.flush_if_silent(now):
                self._emit(Scan(code=code, source=ScanSource.SERIAL, device=self.name, at=now))

    def _report(self, state: DeviceState, detail: str, problem: ScannerProblem | None = None) -> None:
        status = ScannerStatus(self.name, self.kind, state, detail, problem)
        with self._lock:
            if self._status == status:
                return
            self._status = status
        self._emit(status)

    def _emit(self, event: object) -> None:
        try:
            self._sink(event)
        except Exception:  # a faulty receiver must not take the scanner down with it
            log.exception("scanner %s: event sink raised", self.name)


class _BadSettings(Exception):
    pass


def _describe_open_error(exc: BaseException) -> tuple[ScannerProblem, str]:
    code = getattr(exc, "errno", None)
    if code is None and isinstance(exc.__context__, OSError):
        code = exc.__context__.errno
    text = str(exc)
    if code == errno.ENOENT:
        return ScannerProblem.PORT_NOT_FOUND, "no such port"
    if code in (errno.EACCES, errno.EPERM):
        return ScannerProblem.PORT_ACCESS_DENIED, "permission denied (is the user in the dialout group?)"
    if code == errno.EBUSY:
        return ScannerProblem.PORT_OPEN_FAILED, "port busy (another program has it open)"
    return ScannerProblem.PORT_OPEN_FAILED, text
