"""A serial scanner simulated on a pseudo-terminal (POSIX only), for tests, demos and the CLI.

The simulator owns the master side; the driver opens `path`, a symlink that always points at the
current slave, as it would open /dev/ttyACM0. `unplug()` closes the master (the driver's reads
fail as when a USB cable is pulled) and `plug()` makes a fresh pty behind the same path, as a
re-enumerated USB device would.
"""

from __future__ import annotations

import os
import tempfile
import threading
import time
import tty
from types import TracebackType

TERMINATORS: dict[str, bytes] = {"CR": b"\r", "LF": b"\n", "CRLF": b"\r\n", "NONE": b""}


class ScannerSimulator:
    def __init__(self, link_path: str | None = None, *, plugged: bool = True) -> None:
        self._tmpdir: tempfile.TemporaryDirectory[str] | None = None
        if link_path is None:
            self._tmpdir = tempfile.TemporaryDirectory(prefix="venue-scanner-")
            link_path = os.path.join(self._tmpdir.name, "scanner")
        self.path = link_path
        self._lock = threading.Lock()
        self._master: int | None = None
        self._slave: int | None = None
        if plugged:
            self.plug()

    @property
    def plugged(self) -> bool:
        return self._master is not None

    @property
    def slave_name(self) -> str | None:
        with self._lock:
            return None if self._slave is None else os.ttyname(self._slave)

    def plug(self) -> None:
        with self._lock:
            if self._master is not None:
                return
            master, slave = os.openpty()
            # Raw, so the line discipline neither echoes nor turns CR into LF before the driver
            # has set its own modes.
            tty.setraw(slave)
            tty.setraw(master)
            temp_link = f"{self.path}.{os.getpid()}.tmp"
            if os.path.lexists(temp_link):
                os.unlink(temp_link)
            os.symlink(os.ttyname(slave), temp_link)
            os.replace(temp_link, self.path)  # atomic: the driver never sees a missing link mid-swap
            self._master, self._slave = master, slave

    def unplug(self) -> None:
        with self._lock:
            for fd in (self._master, self._slave):
                if fd is not None:
                    os.close(fd)
            self._master = self._slave = None

    def scan(self, code: str, terminator: bytes | str = b"\r\n", *, pace: float = 0.0,
             encoding: str = "utf-8") -> None:
        """Send one code as a scanner would; `terminator` is bytes or a name (CR, LF, CRLF, NONE)."""
        if isinstance(terminator, str):
            terminator = TERMINATORS[terminator.upper()]
        self.send(code.encode(encoding) + terminator, pace=pace)

    def send(self, data: bytes, *, pace: float = 0.0) -> None:
        """Raw bytes (garbage, half a line); `pace` seconds between bytes imitates a slow scanner."""
        if pace <= 0:
            self._write(data)
            return
        for i in range(len(data)):
            self._write(data[i:i + 1])
            time.sleep(pace)

    def close(self) -> None:
        self.unplug()
        if os.path.lexists(self.path):
            os.unlink(self.path)
        if self._tmpdir is not None:
            self._tmpdir.cleanup()
            self._tmpdir = None

    def __enter__(self) -> ScannerSimulator:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def _write(self, data: bytes) -> None:
        with self._lock:
            if self._master is None:
                raise OSError(f"simulated scanner at {self.path} is unplugged")
            view = memoryview(data)
            while view:
                written = os.write(self._master, view)
                view = view[written:]
