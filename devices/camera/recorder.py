"""Segment recorder (录像分段): wall-clock segments written under a temporary name, renamed when
closed, each closed segment's SHA-256 reported for the evidence index.

Segments are MPEG-4 Part 2 (`mp4v`) in `.mp4` (or `XVID` in `.avi`), or Motion-JPEG (`MJPG`) in
`.avi`, encoded by FFmpeg through PyAV from each frame's I420 planes (`devices.camera.encoder`).
`probe_codecs()` says which work in this build.

Segments start on a multiple of `segment_minutes` of the local wall clock (minute 0, 5, 10… for
5-minute segments), so files from several cameras line up. Closing (release, rename, hash) runs on a
small finaliser thread: hashing a minute of 720p video must not stall the analysis of live frames.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import queue
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from devices.camera.encoder import CODECS, RecorderError, VideoFile, extension, probe_codecs
from devices.camera.frames import Frame
from devices.camera.pixels import even_size

__all__ = ["CODECS", "RecorderError", "RecordingFailed", "SegmentClosed", "SegmentRecorder", "probe_codecs",
           "segment_bounds", "sha256_file"]


@dataclass(frozen=True)
class SegmentClosed:
    camera: str
    path: Path
    start_wall: float  # time.time() of the first and last frame in the segment
    end_wall: float
    frames: int
    sha256: str
    bytes: int


@dataclass(frozen=True)
class RecordingFailed:
    camera: str
    code: str  # a RecorderError code
    detail: str


def segment_bounds(t_wall: float, minutes: int) -> tuple[float, float]:
    """The wall-clock segment holding `t_wall`: aligned to multiples of `minutes` since local midnight."""
    moment = dt.datetime.fromtimestamp(t_wall).astimezone()
    midnight = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    minute_of_day = moment.hour * 60 + moment.minute
    start = midnight + dt.timedelta(minutes=minute_of_day - minute_of_day % minutes)
    return start.timestamp(), (start + dt.timedelta(minutes=minutes)).timestamp()


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


class _Segment:
    def __init__(self, final: Path, partial: Path, video: VideoFile, size: tuple[int, int], end: float) -> None:
        self.final = final
        self.partial = partial
        self.video = video
        self.size = size
        self.end = end  # wall-clock end of the segment's slot
        self.start_wall = 0.0
        self.last_wall = 0.0
        self.frames = 0


class SegmentRecorder:
    """Call `write()` for every frame on one thread; `close()` finishes the open segment and waits
    for the finaliser. `on_closed` is called on the finaliser thread, with a `SegmentClosed` or, when
    a segment could not be closed, a `RecordingFailed`."""

    def __init__(
        self,
        camera: str,
        out_dir: Path,
        on_closed: Callable[[SegmentClosed | RecordingFailed], None],
        fps: float = 15.0,
        segment_minutes: int = 1,
        codec: str = "mp4v",
    ) -> None:
        extension(codec)  # an unknown codec is refused here, before any frame
        if segment_minutes < 1:
            raise ValueError("segment_minutes must be at least 1")
        self.camera = camera
        self.out_dir = out_dir
        self.fps = fps
        self.minutes = segment_minutes
        self.codec = codec
        self._on_closed = on_closed
        self._stem = re.sub(r"[^A-Za-z0-9_-]+", "_", camera) or "camera"
        self._segment: _Segment | None = None
        self._jobs: queue.Queue[_Segment | None] = queue.Queue()
        self._finaliser: threading.Thread | None = None

    def write(self, frame: Frame) -> None:
        seg = self._segment
        size = (frame.width, frame.height)
        # A new slot, a clock set backwards, or a camera that came back at another resolution.
        if seg is not None and (frame.t_wall >= seg.end or frame.t_wall < seg.last_wall or size != seg.size):
            self._hand_over()
            seg = None
        if seg is None:
            seg = self._segment = self._open(frame)
        try:
            seg.video.write(frame)
        except RecorderError:
            self._segment = None  # the encoder closed the file as it was; it stays .partial
            raise
        seg.last_wall = frame.t_wall
        seg.frames += 1

    def cut(self) -> None:
        """End the open segment now (a gap in the feed); the next frame opens a new one."""
        self._hand_over()

    def close(self) -> None:
        self._hand_over()
        if self._finaliser is not None:
            self._jobs.put(None)
            self._finaliser.join()
            self._finaliser = None

    def _open(self, frame: Frame) -> _Segment:
        start, end = segment_bounds(frame.t_wall, self.minutes)
        ext = extension(self.codec)
        label = dt.datetime.fromtimestamp(start).strftime("%Y%m%d-%H%M%S")
        try:
            self.out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise RecorderError("out_dir_unwritable", f"cannot create {self.out_dir}: {exc}") from exc
        n = 0
        while True:
            # A restart, or a clock set back, inside the same slot must not overwrite evidence, nor a
            # segment still waiting for the finaliser (its partial file exists until the rename).
            final = self.out_dir / f"{self._stem}_{label}{f'-{n}' if n else ''}{ext}"
            # The container is chosen from the extension, so the temporary name keeps it at the end.
            partial = final.with_name(final.stem + ".partial" + ext)
            if not final.exists() and not partial.exists():
                break
            n += 1
        size = (frame.width, frame.height)
        video = VideoFile(partial, self.codec, self.fps, *even_size(*size))
        seg = _Segment(final, partial, video, size, end)
        seg.start_wall = frame.t_wall
        return seg

    def _hand_over(self) -> None:
        seg, self._segment = self._segment, None
        if seg is None:
            return
        if self._finaliser is None:
            self._finaliser = threading.Thread(
                target=self._finalise_loop, name=f"recorder {self.camera}", daemon=True
            )
            self._finaliser.start()
        self._jobs.put(seg)

    def _finalise_loop(self) -> None:
        while (seg := self._jobs.get()) is not None:
            try:
                seg.video.close()
                seg.partial.replace(seg.final)
                event = SegmentClosed(
                    self.camera,
                    seg.final,
                    seg.start_wall,
                    seg.last_wall,
                    seg.frames,
                    sha256_file(seg.final),
                    seg.final.stat().st_size,
                )
            except RecorderError as exc:  # a full or vanished disk: the partial file stays for inspection
                self._on_closed(RecordingFailed(self.camera, exc.code, exc.detail))
                continue
            except OSError as exc:
                self._on_closed(
                    RecordingFailed(self.camera, "finalise_failed", f"could not close {seg.partial}: {exc}")
                )
                continue
            self._on_closed(event)
