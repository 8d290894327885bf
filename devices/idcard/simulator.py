"""A simulated ID-card reader on a pseudo-terminal: the driver talks to it exactly as to a real one.

The simulator owns the master end of a pty; the driver opens the slave through a stable symlink
(`path`), so an unplug (master closed, symlink removed: the driver's reads then see end-of-file and
its writes EIO, as from a USB adapter pulled out) and a replug (a new pty behind the same symlink)
look to the driver like the device leaving and returning.

Controls are thread-safe. Those that touch file descriptors (unplug, replug) run on the simulator's
own thread and return when done, so no descriptor is closed under a read in progress.
"""

from __future__ import annotations

import os
import queue
import select
import shutil
import tempfile
import threading
import time
import tty
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from devices.idcard.document import CardType, IdDocument
from devices.idcard.errors import Fault
from devices.idcard.events import BITS_PER_BYTE
from devices.idcard.frames import Command, Frame, FrameParser
from devices.idcard.replies import FIND_OK_DATA, SELECT_OK_DATA, encode_read_reply, encode_reply
from devices.idcard.samples import SAMPLES, sample_fingerprint
from devices.idcard.status import Sw3
from devices.idcard.textblock import encode_text_block

BAUDRATE = 115200
SAM_ID = bytes.fromhex("0501000000000000000000000000000000")[:16]


COMMANDS_KEPT = 1000


@dataclass
class _State:
    text: bytes | None = None
    photo: bytes = b""
    fingerprint: bytes | None = None
    sam_failure: int | None = None
    read_failure: int | None = None
    silent: bool = False
    paced: bool = False
    split: int | None = None
    split_gap: float = 0.0
    garbage: bytes = b""
    corrupt_next: bool = False
    # The last commands received, for tests to look at; bounded, since the driver polls a
    # simulated reader every few hundred milliseconds all day long (bench soak's RSS growth).
    commands: deque[Command | None] = field(default_factory=lambda: deque(maxlen=COMMANDS_KEPT))


class ReaderSimulator:
    def __init__(self, *, paced: bool = False, link_dir: str | None = None) -> None:
        self._own_dir = link_dir is None
        self._dir = link_dir or tempfile.mkdtemp(prefix="idcard-sim-")
        self.path = os.path.join(self._dir, "ttyIDCARD")
        self._lock = threading.Lock()
        self._state = _State(paced=paced)
        self._master: int | None = None
        self._slave: int | None = None
        self.slave_name = ""
        self._calls: queue.Queue[tuple[Callable[[], None], threading.Event]] = queue.Queue()
        self._wake_r, self._wake_w = os.pipe()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # --- life cycle -----------------------------------------------------------------------------

    def start(self) -> ReaderSimulator:
        self._plug()
        self._thread = threading.Thread(target=self._run, name="idcard-simulator", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        os.write(self._wake_w, b"x")
        if self._thread is not None:
            self._thread.join(timeout=2.0)
            self._thread = None
        self._unplug()
        os.close(self._wake_r)
        os.close(self._wake_w)
        if self._own_dir:
            shutil.rmtree(self._dir, ignore_errors=True)

    def __enter__(self) -> ReaderSimulator:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    # --- controls -------------------------------------------------------------------------------

    def present(
        self, card: IdDocument | CardType = CardType.RESIDENT, *, fingerprint: bytes | bool = False
    ) -> None:
        """Put a card on the reader. `fingerprint=True` gives it sample fingerprint data."""
        document = SAMPLES[card] if isinstance(card, CardType) else card
        prints = sample_fingerprint(document.number) if fingerprint is True else (fingerprint or None)
        text = encode_text_block(document)
        with self._lock:
            self._state.text, self._state.photo, self._state.fingerprint = text, document.photo_wlt, prints

    def present_text(self, text: bytes, photo: bytes = b"") -> None:
        """Put a card with an arbitrary text block (to test how the driver meets a bad one)."""
        with self._lock:
            self._state.text, self._state.photo, self._state.fingerprint = text, photo, None

    def remove(self) -> None:
        with self._lock:
            self._state.text = None

    def set_sam_failure(self, code: int | None = Sw3.SAM_SELF_TEST_FAILED) -> None:
        """Every command is answered with `code` (None: the SAM works again)."""
        with self._lock:
            self._state.sam_failure = code

    def set_read_failure(self, code: int | None = Sw3.READ_FAILED) -> None:
        with self._lock:
            self._state.read_failure = code

    def set_silent(self, silent: bool = True) -> None:
        """Swallow requests without answering, like a hung reader."""
        with self._lock:
            self._state.silent = silent

    def set_paced(self, paced: bool = True) -> None:
        """Deliver bytes no faster than 115200 baud 8N1 would (86.8 µs a byte), both ways."""
        with self._lock:
            self._state.paced = paced

    def set_split(self, chunk: int | None, gap: float = 0.0002) -> None:
        """Write each reply in pieces of `chunk` bytes, `gap` seconds apart (None: one write)."""
        with self._lock:
            self._state.split, self._state.split_gap = chunk, gap

    def inject_garbage(self, data: bytes) -> None:
        """Send `data` just before the next reply."""
        with self._lock:
            self._state.garbage += data

    def corrupt_next_reply(self) -> None:
        """Flip the checksum of the next reply, as line noise would."""
        with self._lock:
            self._state.corrupt_next = True

    def commands_seen(self) -> list[Command | None]:
        """The last COMMANDS_KEPT commands received (None for a frame that is no known command)."""
        with self._lock:
            return list(self._state.commands)

    def unplug(self) -> None:
        self._on_thread(self._unplug)

    def replug(self) -> None:
        self._on_thread(self._plug)

    def _on_thread(self, call: Callable[[], None]) -> None:
        if self._thread is None or threading.current_thread() is self._thread:
            call()
            return
        done = threading.Event()
        self._calls.put((call, done))
        os.write(self._wake_w, b"x")
        done.wait(timeout=2.0)

    # --- the pty ------------------------------------------------------------------------------

    def _plug(self) -> None:
        if self._master is not None:
            return
        master, slave = os.openpty()
        # Raw until the driver opens it with its own settings: no echo, no line discipline.
        tty.setraw(slave)
        # The simulator keeps the slave open too, so the pty survives the driver closing and
        # reopening it, and reading the master never sees a hang-up in between.
        self._master, self._slave = master, slave
        self.slave_name = os.ttyname(slave)
        staging = self.path + ".new"
        if os.path.lexists(staging):
            os.unlink(staging)
        os.symlink(self.slave_name, staging)
        os.replace(staging, self.path)

    def _unplug(self) -> None:
        if os.path.lexists(self.path):
            os.unlink(self.path)
        for fd in (self._master, self._slave):
            if fd is not None:
                os.close(fd)
        self._master = self._slave = None
        self.slave_name = ""

    # --- the simulator thread -------------------------------------------------------------------

    def _run(self) -> None:
        parser = FrameParser()
        while not self._stop.is_set():
            watched = [self._wake_r] + ([self._master] if self._master is not None else [])
            ready, _, _ = select.select(watched, [], [], 0.1)
            if self._wake_r in ready:
                os.read(self._wake_r, 64)
            while not self._calls.empty():
                call, done = self._calls.get_nowait()
                call()
                parser = FrameParser()
                done.set()
            if self._master is None or self._master not in ready:
                continue
            try:
                data = os.read(self._master, 4096)
            except OSError:
                continue  # no slave open at this instant; the driver will open it again
            arrived = time.monotonic()
            for item in parser.feed(data):
                if isinstance(item, Frame):
                    self._answer(item, arrived)
                elif item.fault is Fault.BAD_CHECKSUM:
                    self._send(encode_reply(Sw3.HOST_CHECKSUM_ERROR), arrived, 10)

    def _answer(self, frame: Frame, arrived: float) -> None:
        command = next((c for c in Command if c.value == frame.payload[:2]), None)
        with self._lock:
            self._state.commands.append(command)
            if self._state.silent:
                return
            reply = self._reply(command)
        self._send(reply, arrived, frame.size)

    def _reply(self, command: Command | None) -> bytes:
        state = self._state
        if command is None:
            return encode_reply(Sw3.COMMAND_ERROR)
        if state.sam_failure is not None:
            return encode_reply(state.sam_failure)
        if command is Command.READ_SAM_ID:
            return encode_reply(Sw3.SUCCESS, SAM_ID)
        if command in (Command.SAM_STATUS, Command.SAM_RESET):
            return encode_reply(Sw3.SUCCESS)
        if command is Command.FIND_CARD:
            return encode_reply(Sw3.CARD_FOUND, FIND_OK_DATA) if state.text else encode_reply(Sw3.FIND_FAILED)
        if command is Command.SELECT_CARD:
            return (
                encode_reply(Sw3.SUCCESS, SELECT_OK_DATA) if state.text else encode_reply(Sw3.SELECT_FAILED)
            )
        if state.text is None or state.read_failure is not None:
            return encode_reply(state.read_failure or Sw3.READ_FAILED)
        if command is Command.READ_WITH_FINGERPRINT:
            return encode_read_reply(state.text, state.photo, state.fingerprint or b"")
        return encode_read_reply(state.text, state.photo)

    def _send(self, reply: bytes, arrived: float, request_size: int) -> None:
        with self._lock:
            if self._state.corrupt_next:
                reply = reply[:-1] + bytes([reply[-1] ^ 0xFF])
                self._state.corrupt_next = False
            data = self._state.garbage + reply
            self._state.garbage = b""
            paced, split, gap = self._state.paced, self._state.split, self._state.split_gap
        try:
            if paced:
                byte_time = BITS_PER_BYTE / BAUDRATE
                # The request reached us at once through the pty; on a wire its last byte lands
                # request_size byte-times after the host started sending it.
                self._sleep_until(arrived + request_size * byte_time)
                self._write_paced(data, byte_time)
            elif split:
                for start in range(0, len(data), split):
                    self._write(data[start : start + split])
                    time.sleep(gap)
            else:
                self._write(data)
        except OSError:
            pass  # the driver side went away mid-reply, as a real cable can

    def _write_paced(self, data: bytes, byte_time: float) -> None:
        # Sending whatever is due at each wake-up keeps the average rate exact although sleeps are
        # coarser than one byte.
        start = time.monotonic()
        sent = 0
        while sent < len(data):
            # A byte is on the far side once its 10 bits have passed: byte i at (i + 1) byte-times.
            due = min(len(data), int((time.monotonic() - start) / byte_time))
            if due > sent:
                self._write(data[sent:due])
                sent = due
            if sent < len(data):
                time.sleep(0.0005)

    def _write(self, data: bytes) -> None:
        if self._master is not None:
            os.write(self._master, data)

    @staticmethod
    def _sleep_until(moment: float) -> None:
        delay = moment - time.monotonic()
        if delay > 0:
            time.sleep(delay)
