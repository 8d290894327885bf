"""The ID-card reader driver: a reader polled on the driver's own I/O thread, through a serial port
(the SAM frames) or a vendor SDK (devices/idcard/sdk_link.py), whichever link its connector gives.

Every event goes through the one EventSink, on the I/O thread: DeviceStatus changes, CardRead,
CardRemoved, ReadFailed, ProtocolError. Nothing raised on the I/O thread escapes it: each fault is
reported and polling carries on, and a vanished port is reopened until it returns.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from devices.base import DeviceState, DeviceStatus, EventSink, IoThreadGuard
from devices.idcard.connector import Connected, Connector, Link, ReaderUnusable, SerialConnector
from devices.idcard.errors import Fault, FrameError, IdCardDecodeError
from devices.idcard.events import (
    CardRead,
    CardRemoved,
    CycleStats,
    ProtocolError,
    ReaderProblem,
    ReaderStatus,
    ReadFailed,
)
from devices.idcard.frames import Command
from devices.idcard.link import Exchange, LinkTimeout, PortGone, Stopped
from devices.idcard.photo import PhotoDecoder, PhotoResult, PhotoStatus, UnusableDecoder
from devices.idcard.ports import list_candidate_ports
from devices.idcard.replies import ReadData, parse_read_data
from devices.idcard.status import SAM_FAULTS, Sw3, sw3_meaning
from devices.idcard.textblock import decode_text_block

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReaderSettings:
    find_interval: float = 0.3
    status_interval: float = 3.0
    command_timeout: float = 5.0
    connect_timeout: float = 1.0
    """How long a port has to answer SAM status before it is taken for a reader (also on reopen)."""
    reopen_interval: float = 0.25
    read_fingerprint: bool = False
    """Read with `30 10`: text, photo and fingerprints."""
    baudrate: int = 115200
    absent_finds_to_clear: int = 1
    """Failed finds in a row before a reported card counts as gone. Some readers are said to fail one
    find right after a read while the card stays (*unverified*); raise this if cards repeat."""

    @classmethod
    def from_options(cls, options: Mapping[str, object]) -> ReaderSettings:
        """From a device config's options (same names as the fields); errors name the option."""
        defaults = cls()
        values: dict[str, Any] = {}
        for name, value in options.items():
            if not hasattr(defaults, name):
                raise ValueError(f"idcard: unknown option {name!r}")
            wanted = type(getattr(defaults, name))
            if wanted is float and isinstance(value, int) and not isinstance(value, bool):
                value = float(value)
            if type(value) is not wanted:
                raise ValueError(f"idcard: option {name!r} must be {wanted.__name__}")
            if isinstance(value, (int, float)) and not isinstance(value, bool) and value <= 0:
                raise ValueError(f"idcard: option {name!r} must be positive")
            values[name] = value
        return replace(defaults, **values)


class IdCardReader:
    def __init__(
        self,
        sink: EventSink,
        port: str | None = None,
        *,
        name: str = "idcard",
        settings: ReaderSettings | None = None,
        candidates: Callable[[], list[str]] = list_candidate_ports,
        photo_decoder: Callable[[], PhotoDecoder] | None = None,
        connector: Connector | None = None,
        kind: str = "idcard",
    ) -> None:
        """`port` None: find the reader among `candidates()` (the system's serial ports); a
        `connector` (a vendor SDK's) replaces both. `photo_decoder` builds the vendor WLT decoder; it
        is called on the I/O thread, which then decodes each card's photo before reporting the card
        (vendor libraries are not known to be thread-safe, so one thread owns the library)."""
        self.name = name
        self.kind = kind
        self._sink = sink
        self._port = port
        self._settings = settings or ReaderSettings()
        self._connector = connector or SerialConnector(
            port, candidates, self._settings.baudrate, self._settings.connect_timeout
        )
        self._make_decoder = photo_decoder
        self._decoder: PhotoDecoder | None = None
        self._guard = IoThreadGuard()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._status = DeviceStatus(name, self.kind, DeviceState.STOPPED)
        self._link: Link | None = None
        self._card_present = False
        self._misses = 0
        self._reported: set[tuple[str, int]] = set()
        """Failures already reported for the card in the field: each is reported once per presentation."""

    @property
    def status(self) -> DeviceStatus:
        return self._status

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=f"{self.name}-io", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        thread, self._thread = self._thread, None
        if thread is None:
            return
        self._stop.set()
        thread.join(timeout=2.0)

    # --- the I/O thread -------------------------------------------------------------------------

    def _run(self) -> None:
        self._guard.bind()
        if self._make_decoder is not None and self._decoder is None:
            try:
                self._decoder = self._make_decoder()
            except Exception as exc:  # a vendor library may raise anything while loading
                log.exception("idcard photo decoder cannot be built")
                self._decoder = UnusableDecoder(f"{type(exc).__name__}: {exc}")
        self._set_status(DeviceState.CONNECTING, self._connector.looking())
        next_status_check = 0.0
        while not self._stop.is_set():
            pause = self._settings.find_interval
            try:
                if self._link is None:
                    if not self._connect():
                        self._stop.wait(self._settings.reopen_interval)
                        continue
                    next_status_check = time.monotonic() + self._settings.status_interval
                if self._link is not None and not self._link.present():
                    raise PortGone(f"{self._where()} disappeared")
                if time.monotonic() >= next_status_check:
                    next_status_check = time.monotonic() + self._settings.status_interval
                    self._note_reader_state(
                        self._exchange(Command.SAM_STATUS, self._settings.command_timeout)
                    )
                self._poll_card()
            except Stopped:
                break
            except ReaderUnusable as exc:
                log.error("idcard reader unusable: %s", exc.detail)
                self._set_status(DeviceState.FAILED, exc.detail, exc.problem)
                self._stop.wait()  # nothing changes until the configuration does (a restart)
                break
            except PortGone as exc:
                self._drop_link(str(exc))
                pause = self._settings.reopen_interval
            except LinkTimeout as exc:
                self._report_faults(exc.faults)
                self._emit(ProtocolError(self.name, Fault.TIMEOUT, exc.detail))
                self._set_status(DeviceState.FAILED, f"{self._where()}: reader not answering")
            except IdCardDecodeError as exc:
                self._emit_once(exc.fault.value, 0, ProtocolError(self.name, exc.fault, exc.detail))
            except Exception as exc:  # the I/O thread must survive its own bugs
                log.exception("idcard driver fault")
                self._emit(ProtocolError(self.name, Fault.INTERNAL, f"{type(exc).__name__} in the driver"))
            self._stop.wait(pause)
        if self._link is not None:
            self._link.close()
            self._link = None
        self._set_status(DeviceState.STOPPED)

    def _where(self) -> str:
        return self._link.where if self._link is not None else f"port {self._port or ''}"

    def _connect(self) -> bool:
        outcome = self._connector.connect(self._guard, self._stop)
        if isinstance(outcome, Connected):
            self._link = outcome.link
            self._card_present, self._misses = False, 0
            self._reported.clear()
            if outcome.first is None:
                self._set_status(DeviceState.CONNECTED, self._link.where)
            else:
                self._note_reader_state(outcome.first)
            return True
        if self._status.state is DeviceState.CONNECTED:
            self._set_status(DeviceState.DISCONNECTED, outcome, ReaderProblem.UNPLUGGED)
        elif self._status.state is not DeviceState.DISCONNECTED:
            self._set_status(DeviceState.CONNECTING, outcome, ReaderProblem.NOT_FOUND)
        return False

    def _drop_link(self, detail: str) -> None:
        if self._link is not None:
            self._link.close()
            self._link = None
        log.warning("idcard reader lost: %s", detail)
        self._set_status(DeviceState.DISCONNECTED, detail, ReaderProblem.UNPLUGGED)

    def _exchange(self, command: Command, timeout: float) -> Exchange:
        assert self._link is not None
        exchange = self._link.exchange(command, timeout)
        self._report_faults(exchange.faults)
        return exchange

    def _note_reader_state(self, exchange: Exchange) -> None:
        """Any answer proves the reader is there; a SAM fault code says it cannot read cards."""
        code = exchange.reply.sw3
        where = self._where()
        if code in SAM_FAULTS:
            self._set_status(DeviceState.FAILED, f"{where}: {sw3_meaning(code)} (0x{code:02X})")
        else:
            self._set_status(DeviceState.CONNECTED, where)

    def _poll_card(self) -> None:
        timeout = self._settings.command_timeout
        find = self._exchange(Command.FIND_CARD, timeout)
        self._note_reader_state(find)
        if find.reply.sw3 == Sw3.FIND_FAILED:
            self._misses += 1
            if self._misses >= self._settings.absent_finds_to_clear:
                if self._card_present:
                    self._emit(CardRemoved(self.name))
                self._card_present = False
                self._reported.clear()
            return
        if find.reply.sw3 != Sw3.CARD_FOUND:
            self._report_failure(find, Command.FIND_CARD)
            return
        self._misses = 0
        if self._card_present:
            return  # the same presentation: reported already
        select = self._exchange(Command.SELECT_CARD, timeout)
        if select.reply.sw3 != Sw3.SUCCESS:
            if select.reply.sw3 != Sw3.SELECT_FAILED:  # 0x81: the card slid away between find and select
                self._report_failure(select, Command.SELECT_CARD)
            return
        command = Command.READ_WITH_FINGERPRINT if self._settings.read_fingerprint else Command.READ
        read = self._exchange(command, timeout)
        if read.reply.sw3 != Sw3.SUCCESS:
            self._report_failure(read, command)
            return
        data = read.read_data if read.read_data is not None else parse_read_data(read.reply.data)
        document = decode_text_block(data.text, data.photo, data.fingerprint)
        finished = time.monotonic()
        exchanged = sum(e.bytes_sent + e.bytes_received for e in (find, select, read))
        self._card_present = True
        self._reported.clear()
        self._emit(
            CardRead(
                self.name, document, CycleStats(finished - find.started, exchanged, self._settings.baudrate),
                self._photo(data),
            )
        )

    def _photo(self, data: ReadData) -> PhotoResult | None:
        """The SDK's own BMP first; else the WLT bytes through the configured decoder; else why the
        SDK's BMP is missing; else None (no decoder here)."""
        sdk, wlt = data.sdk_photo, data.photo
        if sdk is not None and (sdk.status is PhotoStatus.DECODED or self._decoder is None):
            return sdk
        if self._decoder is None:
            return None
        if not wlt:
            return PhotoResult(PhotoStatus.FAILED, detail="the card returned no photo")
        try:
            return self._decoder.decode(wlt)
        except Exception as exc:  # the vendor's code must not stop the reader
            log.exception("idcard photo decoder failed")
            return PhotoResult(PhotoStatus.FAILED, detail=f"{type(exc).__name__} in the photo decoder")

    def _report_failure(self, exchange: Exchange, command: Command) -> None:
        code = exchange.reply.sw3
        if code in SAM_FAULTS:
            self._note_reader_state(exchange)
            return
        self._emit_once(command.label, code, ReadFailed(self.name, code, sw3_meaning(code), command.label))

    def _report_faults(self, faults: Sequence[FrameError]) -> None:
        for fault in faults:
            self._emit(ProtocolError(self.name, fault.fault, fault.detail))

    def _emit_once(self, what: str, code: int, event: object) -> None:
        key = (what, code)
        if key in self._reported:
            return
        self._reported.add(key)
        self._emit(event)

    def _set_status(self, state: DeviceState, detail: str = "", problem: ReaderProblem | None = None) -> None:
        if (state, detail) == (self._status.state, self._status.detail):
            return
        self._status = ReaderStatus(self.name, self.kind, state, detail, problem)
        self._emit(self._status)

    def _emit(self, event: object) -> None:
        try:
            self._sink(event)
        except Exception:  # a receiver's bug must not stop the reader
            log.exception("idcard event receiver failed")
