"""A reader driven through its vendor's sdtapi library (devices/idcard/sdtapi.py) instead of the
serial frames: the connector loads the library and opens a port, the link turns each command the
driver polls with into the matching SDK call and the SDK's return code into the reply the serial
driver would have read, so the driver, its events and its statuses are the same for both.

Return codes: the SAM's SW3 values pass through unchanged (0x9F card found, 0x80 no card, 0x81 the
card left before select, 0x41 read failed, 0x60/0x66 SAM faults: the driver's own handling); the
library's 0x01 / 0x02 / 0x05 mean the reader was unplugged or stopped answering (the port is closed
and opened again, as a vanished serial port is); 0x03 is a corrupt reply.

The photo: libraries that decode it themselves hand back a BMP in the photo buffer, or write one to
a file (`photo_bmp`, e.g. photo.bmp beside the library); either becomes the card's decoded photo.
The file is deleted before every read, so a previous card's photo can never pass for this one's.
Otherwise the WLT bytes go through the configured photo decoder, as from a serial reader.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from devices.base import IoThreadGuard
from devices.idcard.connector import Connected
from devices.idcard.errors import Fault, IdCardDecodeError
from devices.idcard.frames import Command, command_frame
from devices.idcard.link import Exchange, PortGone, Stopped
from devices.idcard.photo import PhotoResult, PhotoStatus
from devices.idcard.replies import FIND_OK_DATA, PHOTO_SIZE, SELECT_OK_DATA, TEXT_SIZE, ReadData, Reply
from devices.idcard.sdtapi import ALL_PORTS, GONE, SDK_MEANINGS, SdkCode, SdtApi, port_label
from devices.idcard.status import Sw3, sw3_meaning

log = logging.getLogger(__name__)

REPLY_OVERHEAD = 11
"""Preamble 5, LEN 2, SW1–SW3, CHK: a reply frame's bytes besides its data (devices.md §1)."""


def code_meaning(code: int) -> str:
    return SDK_MEANINGS[SdkCode(code)] if code in SDK_MEANINGS else sw3_meaning(code)


class SdkConnector:
    """The library at `library`, on `port` (1001–1016 USB, 1–16 serial) or, with None, on the first
    of those that opens. The library is loaded on the first connect, on the I/O thread."""

    def __init__(self, library: str, port: int | None = None, *, fingerprint: bool = False,
                 photo_bmp: str | None = None) -> None:
        self.library, self._port, self._fingerprint = library, port, fingerprint
        bmp = Path(photo_bmp) if photo_bmp else None
        self._bmp = bmp if bmp is None or bmp.is_absolute() else Path(library).parent / bmp
        self._api: SdtApi | None = None
        self._last: int | None = None

    def looking(self) -> str:
        where = port_label(self._port) if self._port else "USB ports 1001–1016 and serial ports 1–16"
        return f"opening {where} through {self.library}"

    def connect(self, guard: IoThreadGuard, stop: threading.Event) -> Connected | str:
        guard.check()
        if self._api is None:
            self._api = SdtApi(self.library, fingerprint=self._fingerprint)  # ReaderUnusable
        if self._port:
            ports: tuple[int, ...] = (self._port,)
        else:  # the port that worked last is tried first
            ports = ((self._last,) if self._last else ()) + tuple(p for p in ALL_PORTS if p != self._last)
        problem = ""
        for port in ports:
            if stop.is_set():
                return "stopped"
            code = self._api.open_port(port)
            if code != Sw3.SUCCESS:
                problem = f"{port_label(port)}: {code_meaning(code)} (0x{code:02X})"
                continue
            link = SdkLink(self._api, port, guard, stop, self._bmp)
            first: Exchange | None = None
            if self._api.has_sam_status:
                try:
                    first = link.exchange(Command.SAM_STATUS, 0.0)
                except (PortGone, IdCardDecodeError) as exc:
                    link.close()
                    problem = str(exc)
                    continue
            self._last = port
            log.info("idcard reader on %s through %s", port_label(port), self.library)
            return Connected(link, first)
        if len(ports) > 1:
            return f"no reader answers on USB ports 1001–1016 or serial ports 1–16 through {self.library}"
        return problem


class SdkLink:
    def __init__(self, api: SdtApi, port: int, guard: IoThreadGuard, stop: threading.Event,
                 photo_bmp: Path | None) -> None:
        self._api, self._port, self._guard, self._stop, self._bmp = api, port, guard, stop, photo_bmp
        self.where = f"{port_label(port)} (SDK)"

    def present(self) -> bool:
        return True  # an unplug shows in the return codes

    def close(self) -> None:
        self._api.close_port(self._port)

    def exchange(self, command: Command, timeout: float) -> Exchange:
        """`timeout` is the library's own business: its calls block until it gives up."""
        self._guard.check()
        if self._stop.is_set():
            raise Stopped
        started = time.monotonic()
        read: ReadData | None = None
        data_len = 0
        if command is Command.SAM_STATUS:
            code = self._api.sam_status(self._port) if self._api.has_sam_status else Sw3.SUCCESS
        elif command is Command.FIND_CARD:
            code = self._api.find(self._port)
            data_len = len(FIND_OK_DATA) if code == Sw3.CARD_FOUND else 0
        elif command is Command.SELECT_CARD:
            code = self._api.select(self._port)
            data_len = len(SELECT_OK_DATA) if code == Sw3.SUCCESS else 0
        elif command in (Command.READ, Command.READ_WITH_FINGERPRINT):
            fingerprint = command is Command.READ_WITH_FINGERPRINT
            trusted = self._clear_bmp()
            msg = self._api.read(self._port, fingerprint)
            code = msg.code
            if code == Sw3.SUCCESS:
                read = self._read_data(msg.text, msg.photo, msg.fingerprint, trusted)
                prints = msg.fingerprint
                data_len = 4 + TEXT_SIZE + PHOTO_SIZE + (2 + len(prints) if prints is not None else 0)
        else:
            raise ValueError(f"the SDK link has no call for {command.label}")
        if code in GONE:
            raise PortGone(f"{self.where}: {code_meaning(code)} (SDK code 0x{code:02X})")
        if code == SdkCode.CHECKSUM_ERROR:
            raise IdCardDecodeError(Fault.BAD_CHECKSUM, f"reply to {command.label}: {code_meaning(code)}")
        return Exchange(Reply(0, 0, code, b""), started, len(command_frame(command)),
                        REPLY_OVERHEAD + data_len, (), read)

    def _read_data(self, text: bytes, photo: bytes, prints: bytes | None, trusted: bool) -> ReadData:
        if len(text) != TEXT_SIZE:
            raise IdCardDecodeError(Fault.UNEXPECTED_REPLY, f"the SDK returned {len(text)} text bytes, "
                                                            f"not {TEXT_SIZE}")
        if photo[:2] == b"BM" and len(photo) > PHOTO_SIZE:  # the library decoded the photo into the buffer
            return ReadData(text, b"", prints, PhotoResult(PhotoStatus.DECODED, bmp=photo))
        return ReadData(text, photo, prints, self._bmp_photo(trusted))

    def _clear_bmp(self) -> bool:
        """Delete the last card's BMP before a read; False when it cannot be (so it is not shown)."""
        if self._bmp is None:
            return True
        try:
            self._bmp.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("cannot delete the SDK's photo file %s: %s", self._bmp, exc)
            return False
        return True

    def _bmp_photo(self, trusted: bool) -> PhotoResult | None:
        if self._bmp is None:
            return None
        if not trusted:
            return PhotoResult(PhotoStatus.FAILED, detail=f"the SDK's photo file {self._bmp} could not be "
                                                          "cleared before the read")
        try:
            bmp = self._bmp.read_bytes()
        except OSError:
            return PhotoResult(PhotoStatus.FAILED, detail=f"the SDK wrote no photo to {self._bmp}")
        if bmp[:2] != b"BM":
            return PhotoResult(PhotoStatus.FAILED, detail=f"the SDK's photo file {self._bmp} is not a BMP")
        return PhotoResult(PhotoStatus.DECODED, bmp=bmp)
