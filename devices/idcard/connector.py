"""How the reader driver reaches a reader: a `Connector` gives it a `Link` (a serial port speaking the
SAM frames, or a vendor SDK), and the driver polls through the link without knowing which.

Everything here runs on the driver's I/O thread.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from devices.base import IoThreadGuard
from devices.idcard.errors import IdCardDecodeError
from devices.idcard.events import ReaderProblem
from devices.idcard.frames import Command
from devices.idcard.link import Exchange, LinkTimeout, PortGone, ReaderLink

log = logging.getLogger(__name__)


class Link(Protocol):
    @property
    def where(self) -> str:
        """Where the reader is, for status details ("port /dev/ttyUSB0", "USB port 1001 (SDK)")."""
        ...

    def present(self) -> bool:
        """False once the reader is known to be gone without asking it (its device file vanished)."""
        ...

    def exchange(self, command: Command, timeout: float) -> Exchange:
        """One command and its reply. Raises PortGone, LinkTimeout, Stopped or IdCardDecodeError."""
        ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class Connected:
    link: Link
    first: Exchange | None
    """The reader's first answer (its SAM status), None when the reader offers no way to ask."""


class ReaderUnusable(Exception):
    """The reader cannot work as configured (its library is missing, of the wrong architecture, lacks a
    function): retrying does not help, the configuration must change."""

    def __init__(self, problem: ReaderProblem, detail: str) -> None:
        super().__init__(detail)
        self.problem = problem
        self.detail = detail


class Connector(Protocol):
    def looking(self) -> str:
        """What the driver says while it connects ("opening COM3")."""
        ...

    def connect(self, guard: IoThreadGuard, stop: threading.Event) -> Connected | str:
        """A link to a reader that answered, or why none did. Raises ReaderUnusable."""
        ...


class SerialConnector:
    """A reader on a serial port (`port`), or the first of `candidates()` that answers SAM status."""

    def __init__(self, port: str | None, candidates: Callable[[], list[str]], baudrate: int,
                 connect_timeout: float) -> None:
        self._port, self._candidates = port, candidates
        self._baudrate, self._timeout = baudrate, connect_timeout

    def looking(self) -> str:
        return f"opening {self._port}" if self._port else "looking for a reader"

    def connect(self, guard: IoThreadGuard, stop: threading.Event) -> Connected | str:
        paths = [self._port] if self._port else self._candidates()
        problem = "no serial port answers as an ID-card reader"
        for path in paths:
            if not os.path.exists(path):
                problem = f"port {path} is not present"
                continue
            link: ReaderLink | None = None
            try:
                link = ReaderLink.open(path, self._baudrate, guard, stop)
                exchange = link.exchange(Command.SAM_STATUS, self._timeout)
            except (PortGone, LinkTimeout, IdCardDecodeError) as exc:
                problem = exc.detail if isinstance(exc, (LinkTimeout, IdCardDecodeError)) else str(exc)
                if link is not None:
                    problem = f"port {path}: {problem}"
                    link.close()
                continue
            log.info("idcard reader on %s", path)
            return Connected(link, exchange)
        return problem
