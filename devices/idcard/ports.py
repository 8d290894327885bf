"""Which serial ports exist, and which of them answer as an ID-card reader."""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass

from serial.tools import list_ports

from devices.base import IoThreadGuard
from devices.idcard.errors import IdCardDecodeError
from devices.idcard.frames import Command
from devices.idcard.link import LinkTimeout, PortGone, ReaderLink, Stopped
from devices.idcard.status import sw3_meaning


def list_candidate_ports() -> list[str]:
    return sorted(port.device for port in list_ports.comports())


def port_present(path: str) -> bool:
    """The serial port exists on this PC now: a device file (POSIX), a COM port Windows lists, or a
    pyserial URL (socket://, rfc2217://, loop://), which only a connection can test."""
    if "://" in path:
        return True
    return os.path.exists(path) or path.upper() in {p.upper() for p in list_candidate_ports()}


@dataclass(frozen=True)
class ProbeResult:
    port: str
    is_reader: bool
    detail: str
    sam_status: int | None = None


def probe_port(path: str, timeout: float = 0.5, baudrate: int = 115200) -> ProbeResult:
    """Open `path`, send SAM status, and judge the answer. Runs on the caller's thread."""
    if not port_present(path):
        return ProbeResult(path, False, f"port {path} is not present")
    guard = IoThreadGuard()
    guard.bind()
    try:
        link = ReaderLink.open(path, baudrate, guard, threading.Event())
    except PortGone as exc:
        return ProbeResult(path, False, str(exc))
    try:
        reply = link.exchange(Command.SAM_STATUS, timeout).reply
    except (LinkTimeout, IdCardDecodeError) as exc:
        return ProbeResult(path, False, exc.detail)
    except (PortGone, Stopped) as exc:
        return ProbeResult(path, False, str(exc) or "probe stopped")
    finally:
        link.close()
    return ProbeResult(path, True, f"SAM status: {sw3_meaning(reply.sw3)} (0x{reply.sw3:02X})", reply.sw3)
