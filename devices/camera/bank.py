"""The paper room's cameras as one recorder (试卷保密室监控): a `CameraMonitor` per configured camera,
started and stopped together, reporting to one listener in plain values (no app import: the
engine's `RecorderListener` protocol has this shape).

For each monitor's events: a closed segment → `listener.segment(...)`; motion, tamper and a failed
recording → a JPEG snapshot of the latest frame (and a small thumbnail beside it) written here,
then `listener.alarm(camera, kind, detail, snapshot)`; a status change → `listener.status(status)`.
All of it happens on the monitor's analysis thread, which keeps the events in order.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Protocol

import cv2

from devices.base import DeviceStatus, EventSink
from devices.camera.frames import Frame
from devices.camera.monitor import CameraMonitor, MonitorConfig
from devices.camera.motion import MotionStarted
from devices.camera.recorder import RecordingFailed, SegmentClosed
from devices.camera.source import parse_source
from devices.camera.tamper import TamperEvent

log = logging.getLogger(__name__)
THUMB_WIDTH = 128


class BankListener(Protocol):
    def segment(self, camera: str, path: Path, start_wall: float, end_wall: float, frames: int, sha256: str,
                size: int) -> None: ...

    def alarm(self, camera: str, kind: str, detail: str, snapshot: Path | None) -> None: ...

    def status(self, status: object) -> None: ...


def thumbnail_path(snapshot: Path) -> Path:
    return snapshot.with_name(snapshot.stem + ".thumb.jpg")


def write_snapshot(frame: Frame, folder: Path, camera: str, kind: str) -> Path | None:
    """The frame as a JPEG, plus a 128-pixel-wide copy for event lists; None when it cannot be written."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{camera}_{time.strftime('%Y%m%dT%H%M%S')}_{time.time_ns() % 10**9:09d}_{kind}.jpg"
    if not cv2.imwrite(str(path), frame.image):
        return None
    small = cv2.resize(frame.image, (THUMB_WIDTH, max(1, THUMB_WIDTH * frame.height // frame.width)),
                       interpolation=cv2.INTER_AREA)
    cv2.imwrite(str(thumbnail_path(path)), small)
    return path


class CameraBank:
    def __init__(self, make_monitors: Callable[[EventSink], Sequence[CameraMonitor]], snapshots: Path) -> None:
        """`make_monitors(sink)` builds the monitors reporting to `sink`; snapshots go to `snapshots`."""
        self.snapshots = snapshots
        self.monitors = list(make_monitors(self._sink))
        self._listener: BankListener | None = None
        self._lock = threading.Lock()

    @classmethod
    def from_sources(cls, sources: Sequence[tuple[str, str]], recordings: Path, segment_minutes: int = 5,
                     config: MonitorConfig | None = None) -> CameraBank:
        """`sources`: (camera name, source text as `parse_source` reads it); each camera records
        into `recordings/<name>`, snapshots go to `recordings/snapshots`."""
        base = config or MonitorConfig()

        def make(sink: EventSink) -> list[CameraMonitor]:
            return [CameraMonitor(name, parse_source(source), sink,
                                  replace(base, out_dir=recordings / name, segment_minutes=segment_minutes))
                    for name, source in sources]

        return cls(make, recordings / "snapshots")

    def start(self, listener: BankListener) -> None:
        with self._lock:
            if self._listener is not None:
                return
            self._listener = listener
        # Each camera has its own analysis thread already; OpenCV's worker pool (for the process)
        # would only add wake-ups and busy waiting between them on every small resize and MOG2 call.
        cv2.setNumThreads(1)
        for monitor in self.monitors:
            monitor.start()

    def stop(self) -> None:
        with self._lock:
            if self._listener is None:
                return
        for monitor in self.monitors:
            monitor.stop()  # closes and reports its open segment
        with self._lock:
            self._listener = None

    def monitor(self, name: str) -> CameraMonitor | None:
        return next((m for m in self.monitors if m.name == name), None)

    def _sink(self, event: object) -> None:
        listener = self._listener
        if listener is None:
            return
        if isinstance(event, DeviceStatus):
            listener.status(event)
        elif isinstance(event, SegmentClosed):
            listener.segment(event.camera, event.path, event.start_wall, event.end_wall, event.frames, event.sha256,
                             event.bytes)
        elif isinstance(event, MotionStarted):
            self._alarm(listener, event.camera, "motion", "")
        elif isinstance(event, TamperEvent):
            self._alarm(listener, event.camera, event.kind.value, event.detail)
        elif isinstance(event, RecordingFailed):
            self._alarm(listener, event.camera, "recording_failed", f"{event.code}: {event.detail}")

    def _alarm(self, listener: BankListener, camera: str, kind: str, detail: str) -> None:
        monitor = self.monitor(camera)
        frame = monitor.latest_frame() if monitor is not None else None
        snapshot = None
        if frame is not None:
            try:
                snapshot = write_snapshot(frame, self.snapshots, camera, kind)
            except (OSError, cv2.error):
                log.exception("camera %s: snapshot not written", camera)
        listener.alarm(camera, kind, detail, snapshot)
