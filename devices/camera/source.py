"""Frame sources (视频源): a USB camera index, an RTSP/HTTP URL, a video file, or the simulator,
read through `cv2.VideoCapture` on the source's own capture thread.

The one capture abstraction of the camera family: the paper-room monitor and the camera ticket
scanner both read through `FrameSource`.

A USB camera on Linux (OpenCV's V4L2 backend) that sends YUYV is asked for its frames as they come
(`CAP_PROP_CONVERT_RGB` off): they are recorded and analysed without being converted to BGR, which
only a frame shown or decoded for a barcode is (`devices.camera.pixels`).

Signal loss is not reported reliably by cameras (after an unplug `read()` may keep succeeding with
the last frame), so a watchdog declares the signal lost when no frame arrived for `stall_after_s`,
or when frames kept arriving identical for `frozen_after_s`; the source then reopens with backoff.
"""

from __future__ import annotations

import enum
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from devices.camera.frames import Capture, Frame, FrameQueue, SourceNotice, SourceNoticeKind, signature
from devices.camera.pixels import YUYV_FOURCC, Buffers


class SourceKind(enum.Enum):
    USB = "usb"
    STREAM = "stream"
    FILE = "file"
    SIMULATOR = "simulator"


class FileEnd(enum.Enum):
    """What the end of a video file means."""

    LOOP = "loop"  # rewind seamlessly: a simulator that never ends
    LOST = "lost"  # a lost signal like a camera's: reported, then reopened with backoff
    STOP = "stop"  # report `ended` and stop: a CLI run over a recording


@dataclass(frozen=True)
class SourceSpec:
    kind: SourceKind
    target: str  # the index, URL, path or simulator scenario as given

    @property
    def label(self) -> str:
        return f"{self.kind.value}:{self.target}"


def parse_source(text: str) -> SourceSpec:
    """`0` → USB index 0; `rtsp://…`/`http://…` → stream; `sim` or `sim:SCENARIO` → simulator;
    anything else → a video file path (which must exist). Raises ValueError with technician text."""
    text = text.strip()
    if not text:
        raise ValueError("empty camera source")
    if text.isdigit():
        return SourceSpec(SourceKind.USB, text)
    if "://" in text:
        return SourceSpec(SourceKind.STREAM, text)
    if text == "sim" or text.startswith("sim:"):
        return SourceSpec(SourceKind.SIMULATOR, text.partition(":")[2] or "motion")
    if not Path(text).is_file():
        raise ValueError(
            f"camera source {text!r} is neither a USB index, a URL, 'sim:…' nor an existing file"
        )
    return SourceSpec(SourceKind.FILE, text)


@dataclass(frozen=True)
class SourceConfig:
    stall_after_s: float = 3.0
    frozen_after_s: float | None = 10.0  # None: a still scene is legitimate (a still-image simulator)
    open_timeout_s: float = 20.0  # an RTSP open can hang; give up on the attempt after this
    backoff_s: tuple[float, ...] = (0.5, 1.0, 2.0, 5.0, 10.0)
    file_end: FileEnd = FileEnd.LOOP
    realtime: bool = True  # pace files at their frame rate, as a camera would deliver them
    fps_fallback: float = 15.0
    queue_size: int = 4
    drop_when_busy: bool = True  # live: never hold the camera up; False: deterministic file runs
    width: int | None = None  # requested capture size for USB cameras
    height: int | None = None


Opener = Callable[[SourceSpec], Capture]


def open_capture(spec: SourceSpec, config: SourceConfig = SourceConfig()) -> Capture:
    """Open `spec` with OpenCV (or the simulator). Must run on the thread that will read."""
    if spec.kind is SourceKind.SIMULATOR:
        from devices.camera.simulator import scenario_capture

        return scenario_capture(spec.target)
    if spec.kind is SourceKind.USB:
        return prepare_usb(cv2.VideoCapture(int(spec.target)), config)
    return cv2.VideoCapture(spec.target)


def prepare_usb(cap: Capture, config: SourceConfig) -> Capture:
    """A USB camera at the configured size, asked for raw YUYV where that is what it sends."""
    if config.width and config.height:
        cap.set(cv2.CAP_PROP_FRAME_WIDTH, config.width)
        cap.set(cv2.CAP_PROP_FRAME_HEIGHT, config.height)
    ask_for_raw_yuyv(cap)
    return cap


def ask_for_raw_yuyv(cap: Capture) -> bool:
    """Turn OpenCV's conversion to BGR off for a V4L2 camera sending YUYV: its frames then arrive as
    (h, w, 2) packed YUYV, as the driver filled them. Other formats keep the conversion (MJPEG would
    arrive as compressed bytes), and so do other backends (Media Foundation and DirectShow hand an
    unconverted buffer over as one row of bytes). True when the camera now sends raw YUYV."""
    backend = getattr(cap, "getBackendName", None)
    if backend is None or not cap.isOpened() or backend() != "V4L2":
        return False
    if int(cap.get(cv2.CAP_PROP_FOURCC)) != YUYV_FOURCC:
        return False
    return bool(cap.set(cv2.CAP_PROP_CONVERT_RGB, 0))


class _Health:
    """What a reader tells the watchdog. Plain attribute writes/reads of floats and strings are
    atomic under the GIL, and the watchdog tolerates a value one poll late."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.last_frame = 0.0
        self.last_change = 0.0
        self.outcome: str | None = None  # set when the reader gave up: why
        self.ended = False


class FrameSource:
    """Reads frames on its own threads into a `FrameQueue` (frames and notices, in order).

    A supervisor thread owns the life cycle (open → watch → lost → backoff → reopen); each opening
    gets a fresh reader thread that opens and reads, so a `read()` that never returns cannot hold
    the source hostage: the supervisor abandons that reader (it exits once read returns) and opens
    anew. `reopen_attempts` counts the attempts after the first.
    """

    def __init__(
        self,
        spec: SourceSpec,
        queue: FrameQueue,
        config: SourceConfig = SourceConfig(),
        opener: Opener | None = None,
    ) -> None:
        self.spec = spec
        self.config = config
        self._queue = queue
        self._opener: Opener = opener or (lambda s: open_capture(s, config))
        self._stop = threading.Event()
        self._generation = 0
        self._seq = 0
        self._ever_live = False
        self._supervisor: threading.Thread | None = None
        self.reopen_attempts = 0

    @property
    def frames_offered(self) -> int:
        """Frames read from the capture so far, across reopenings."""
        return self._seq

    def start(self) -> None:
        self._stop.clear()
        self._supervisor = threading.Thread(
            target=self._supervise, name=f"source {self.spec.label}", daemon=True
        )
        self._supervisor.start()

    def stop(self, timeout: float = 2.0) -> None:
        self._stop.set()
        if self._supervisor is not None:
            self._supervisor.join(timeout)

    # --- supervisor thread -------------------------------------------------------------------------

    def _notice(self, kind: SourceNoticeKind, detail: str) -> None:
        self._queue.put_notice(SourceNotice(kind, f"{self.spec.label}: {detail}", time.monotonic()))

    def _supervise(self) -> None:
        failures = 0
        try:
            while not self._stop.is_set():
                self._generation += 1
                health = _Health()
                threading.Thread(
                    target=self._read,
                    args=(self._generation, health),
                    name=f"reader {self.spec.label}",
                    daemon=True,
                ).start()
                reason = self._watch(health)
                self._generation += 1  # orphan the reader: it releases its capture once read() returns
                if self._stop.is_set():
                    break
                if health.ended:
                    self._notice(SourceNoticeKind.ENDED, "end of file")
                    return
                if health.last_frame:
                    self._notice(SourceNoticeKind.LOST, reason)
                    failures = 0
                else:
                    self._notice(SourceNoticeKind.OPEN_FAILED, reason)
                delay = self.config.backoff_s[min(failures, len(self.config.backoff_s) - 1)]
                failures += 1
                self.reopen_attempts += 1
                if self._stop.wait(delay):
                    break
        except Exception as exc:  # the thread must not die silently: say so, in order, to the consumer
            self._notice(SourceNoticeKind.LOST, f"source supervisor failed: {exc!r}")

    def _watch(self, health: _Health) -> str:
        """Wait while the reader is healthy; return why it no longer is ("" on stop)."""
        cfg = self.config
        announced = False
        while not self._stop.wait(0.05):
            outcome = health.outcome  # read before the frame time: a short file may end between polls
            now = time.monotonic()
            last_frame, last_change = health.last_frame, health.last_change
            if last_frame and not announced:
                announced = True
                kind = SourceNoticeKind.RECOVERED if self._ever_live else SourceNoticeKind.OPENED
                self._ever_live = True
                self._notice(kind, "frames flowing")
            if outcome is not None:
                return outcome
            if not last_frame:
                if now - health.started > cfg.open_timeout_s:
                    return f"no frame within {cfg.open_timeout_s:g} s of opening"
                continue
            if now - last_frame > cfg.stall_after_s:
                return f"no new frame for {cfg.stall_after_s:g} s"
            if cfg.frozen_after_s is not None and now - last_change > cfg.frozen_after_s:
                return f"identical frames for {cfg.frozen_after_s:g} s"
        return ""

    # --- reader thread -----------------------------------------------------------------------------

    def _read(self, generation: int, health: _Health) -> None:
        cap: Capture | None = None
        try:
            cap = self._opener(self.spec)
            if not cap.isOpened():
                health.outcome = "could not open"
                return
            self._read_loop(cap, generation, health)
        except Exception as exc:  # a driver error is a lost signal, never a dead thread
            health.outcome = f"capture error: {exc!r}"
        finally:
            if cap is not None:
                try:
                    cap.release()
                except Exception:  # releasing a broken capture may fail too; nothing left to do
                    pass

    def _read_loop(self, cap: Capture, generation: int, health: _Health) -> None:
        cfg = self.config
        is_file = self.spec.kind is SourceKind.FILE
        pace = cfg.realtime and self.spec.kind in (SourceKind.FILE, SourceKind.SIMULATOR)
        fps = cap.get(cv2.CAP_PROP_FPS) or cfg.fps_fallback
        period = 1.0 / fps if 1.0 <= fps <= 240.0 else 1.0 / cfg.fps_fallback
        next_due = time.monotonic()
        previous = b""
        # Frames are read into arrays reused once nothing refers to them (`Buffers`): a camera's
        # megabytes a frame are not mapped afresh each time.
        buffers, shape = Buffers(self.config.queue_size + 4), None
        while generation == self._generation and not self._stop.is_set():
            if pace:
                delay = next_due - time.monotonic()
                if delay > 0 and self._stop.wait(delay):
                    return
                next_due = max(next_due + period, time.monotonic() - period)
            ok, image = cap.read(buffers.take(shape) if shape else None)
            if not ok or image is None:
                if is_file and cfg.file_end is FileEnd.LOOP and health.last_frame:
                    cap.set(cv2.CAP_PROP_POS_FRAMES, 0)
                    ok, image = cap.read()
                if not ok or image is None:
                    health.ended = is_file and cfg.file_end is FileEnd.STOP and bool(health.last_frame)
                    health.outcome = "end of file" if is_file and health.last_frame else "read() failed"
                    return
            shape = image.shape if image.dtype == np.uint8 else None
            now = time.monotonic()
            sig = signature(image)
            if sig != previous:
                health.last_change = now
                previous = sig
            health.last_frame = now
            image.flags.writeable = False
            self._seq += 1
            frame = Frame(pixels=image, seq=self._seq, t_mono=now, t_wall=time.time())
            while not self._queue.put_frame(frame, block=not cfg.drop_when_busy):
                if generation != self._generation or self._stop.is_set():
                    return
                # The consumer is busy, not the camera: keep the watchdog quiet meanwhile.
                health.last_frame = health.last_change = time.monotonic()
