"""What all drivers share: their health, and the callback through which they report."""

from __future__ import annotations

import enum
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar


class DeviceState(enum.Enum):
    STOPPED = "stopped"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    DISCONNECTED = "disconnected"
    FAILED = "failed"


@dataclass(frozen=True)
class DeviceStatus:
    """A device's health as the UI shows it. `detail` is for technicians (English, no personal data)."""

    name: str
    kind: str
    state: DeviceState
    detail: str = ""


E = TypeVar("E", contravariant=True)

EventSink = Callable[[object], None]
"""A driver reports every event (its own dataclasses, and DeviceStatus changes) through one callback,
called on the driver's I/O thread. The receiver must not block."""


class Device(Protocol):
    name: str
    kind: str

    def start(self) -> None: ...

    def stop(self) -> None: ...

    @property
    def status(self) -> DeviceStatus: ...


class IoThreadGuard:
    """Catches a call made from the wrong thread (the Electrum habit): drivers assert that
    their I/O methods run on their own I/O thread."""

    def __init__(self) -> None:
        self._ident: int | None = None

    def bind(self) -> None:
        self._ident = threading.get_ident()

    def check(self) -> None:
        if self._ident is not None and threading.get_ident() != self._ident:
            raise RuntimeError("device I/O called from outside its I/O thread")
