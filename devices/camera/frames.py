"""What travels from a frame source to its consumer: frames and notices, in order, through one queue."""

from __future__ import annotations

import enum
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from devices.camera.pixels import Image, Layout, layout_of, to_display, to_i420

__all__ = ["Capture", "Frame", "FrameQueue", "Image", "Layout", "SourceNotice", "SourceNoticeKind", "signature"]


class Capture(Protocol):
    """The part of `cv2.VideoCapture` a source uses (the simulator implements it too)."""

    def isOpened(self) -> bool: ...

    def read(self, image: Image | None = None) -> tuple[bool, Image | None]:
        """The next frame, written into `image` when it is given and of the frame's size and type
        (then the same array is returned), else into a new array."""
        ...

    def get(self, prop_id: int) -> float: ...

    def set(self, prop_id: int, value: float) -> bool: ...

    def release(self) -> None: ...


@dataclass(frozen=True, eq=False)
class Frame:
    """One captured frame. `pixels` are read-only and as the source delivered them: BGR, grayscale,
    or packed YUYV from a V4L2 camera (see `devices.camera.pixels`); `seq` counts frames of the
    source across reopenings; `t_mono` is `time.monotonic()` at capture and `t_wall` is
    `time.time()` at capture (segments are cut on the wall clock).

    `image` (BGR or grey) and, for a YUYV frame, `i420()` (the encoder's and the analysis' planes)
    are converted from `pixels` on first use and kept: a frame nobody shows is never converted to
    BGR. Two threads asking at once may both convert; either result is the same."""

    pixels: Image
    seq: int
    t_mono: float
    t_wall: float
    _derived: dict[str, Image] = field(default_factory=dict, init=False, repr=False)

    @property
    def layout(self) -> Layout:
        return layout_of(self.pixels)

    @property
    def width(self) -> int:
        return int(self.pixels.shape[1])

    @property
    def height(self) -> int:
        return int(self.pixels.shape[0])

    @property
    def image(self) -> Image:
        """BGR (or grayscale from a grayscale source), read-only: for a screen, a snapshot, a barcode."""
        if self.layout is not Layout.YUYV:
            return self.pixels
        return self._derive("bgr", to_display)

    def i420(self) -> Image:
        """A YUYV frame as I420 planes, read-only (`devices.camera.pixels.to_i420`)."""
        return self._derive("i420", to_i420)

    def _derive(self, key: str, convert: Callable[[Image], Image]) -> Image:
        found = self._derived.get(key)
        if found is None:
            found = convert(self.pixels)
            found.flags.writeable = False
            self._derived[key] = found
        return found


class SourceNoticeKind(enum.Enum):
    OPENED = "opened"  # first frames after start
    OPEN_FAILED = "open_failed"  # an opening attempt produced no frame
    LOST = "lost"  # frames stopped, froze, or read() failed after they had flowed
    RECOVERED = "recovered"  # frames flow again after a loss
    ENDED = "ended"  # a file source reached its end and was told to stop there


@dataclass(frozen=True)
class SourceNotice:
    kind: SourceNoticeKind
    detail: str  # technician text naming the source
    t_mono: float


def signature(image: Image) -> bytes:
    """A cheap fingerprint for spotting a frozen feed: a strided ~32×18 sample of the pixels.
    Live sensors never repeat a frame bit for bit, so an identical sample means a repeated frame."""
    h, w = image.shape[:2]
    return np.ascontiguousarray(image[:: max(1, h // 18), :: max(1, w // 32)]).tobytes()


class FrameQueue:
    """A bounded queue of frames plus an unbounded lane of notices, delivered in arrival order.

    When full, `put_frame(block=False)` drops the oldest frame (a live camera must never wait for
    analysis); `block=True` waits instead, for deterministic runs over a file. Notices are never
    dropped."""

    def __init__(self, maxsize: int = 4) -> None:
        self._items: deque[Frame | SourceNotice] = deque()
        self._frames = 0
        self._maxsize = max(1, maxsize)
        self._cond = threading.Condition()
        self.dropped = 0

    def put_notice(self, notice: SourceNotice) -> None:
        with self._cond:
            self._items.append(notice)
            self._cond.notify_all()

    def put_frame(self, frame: Frame, block: bool, timeout: float = 0.1) -> bool:
        """Queue a frame; with `block`, wait at most `timeout` for room and return False if none."""
        with self._cond:
            if self._frames >= self._maxsize:
                if block:
                    if not self._cond.wait_for(lambda: self._frames < self._maxsize, timeout):
                        return False
                else:
                    self._drop_oldest_frame()
            self._items.append(frame)
            self._frames += 1
            self._cond.notify_all()
            return True

    def _drop_oldest_frame(self) -> None:
        for i, item in enumerate(self._items):
            if isinstance(item, Frame):
                del self._items[i]
                self._frames -= 1
                self.dropped += 1
                return

    def get(self, timeout: float) -> Frame | SourceNotice | None:
        with self._cond:
            if not self._cond.wait_for(lambda: bool(self._items), timeout):
                return None
            item = self._items.popleft()
            if isinstance(item, Frame):
                self._frames -= 1
            self._cond.notify_all()
            return item
