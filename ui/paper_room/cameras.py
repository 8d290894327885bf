"""The paper-room cameras as the GUI runs them: the `CameraMonitor`s (recording and analysing on
their own threads), their events carried onto the GUI thread by a `DeviceBridge`, and each event
handed to the paper-room service on a worker: closed segments are indexed with their hash, motion
and tamper are recorded with a snapshot."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

import cv2
from PySide6.QtCore import QObject, Signal

from app.services.audit import Actor
from app.services.paper_room import PaperRoomService
from devices.base import DeviceStatus
from devices.camera.monitor import CameraMonitor
from devices.camera.motion import MotionStarted
from devices.camera.recorder import RecordingFailed, SegmentClosed
from devices.camera.tamper import TamperEvent
from ui.custody.guarded import while_alive
from ui.devices.bridge import DeviceBridge
from ui.paper_room.wall import CameraFeed
from ui.runner import OpRunner

log = logging.getLogger(__name__)
THUMB_WIDTH = 128


def thumbnail_path(snapshot: Path) -> Path:
    return snapshot.with_name(snapshot.stem + ".thumb.jpg")


class PaperRoomCameras(QObject):
    event_recorded = Signal(object)  # the CameraEvent row
    status_changed = Signal(object)  # a DeviceStatus

    def __init__(self, runner: OpRunner, service: PaperRoomService, actor: Actor, desk: str,
                 make_monitors: Callable[[Callable[[object], None]], Sequence[CameraMonitor]],
                 snapshots_dir: Path, clock: Callable[[], datetime], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner, self._service, self._actor, self._desk = runner, service, actor, desk
        self._snapshots, self._clock = snapshots_dir, clock
        self.bridge = DeviceBridge(self)
        self.monitors = list(make_monitors(self.bridge.sink))
        self.bridge.event_received.connect(self._on_event)
        self.bridge.status_changed.connect(self.status_changed)
        self.segments_indexed = 0
        self._started = False

    def feeds(self) -> list[CameraFeed]:
        return [CameraFeed(m.name, m.latest_frame, lambda m=m: m.status, m.config.out_dir is not None)
                for m in self.monitors]

    def start(self) -> None:
        if not self._started:
            self._started = True
            for m in self.monitors:
                m.start()

    def stop(self) -> None:
        if self._started:
            self._started = False
            for m in self.monitors:
                m.stop()

    def _monitor(self, name: str) -> CameraMonitor | None:
        return next((m for m in self.monitors if m.name == name), None)

    def _on_event(self, event: object) -> None:
        if isinstance(event, DeviceStatus):
            self.status_changed.emit(event)
        elif isinstance(event, SegmentClosed):
            self._index(event)
        elif isinstance(event, MotionStarted):
            self._record(event.camera, "motion", "")
        elif isinstance(event, TamperEvent):
            self._record(event.camera, event.kind.value, event.detail)
        elif isinstance(event, RecordingFailed):
            self._record(event.camera, "recording_failed", f"{event.code}: {event.detail}")

    def _index(self, e: SegmentClosed) -> None:
        # The job holds no reference to this QObject: a worker must never drop the last one.
        service, actor, desk = self._service, self._actor, self._desk

        def run() -> object:
            return service.index_segment(actor, desk, e.camera, e.path, datetime.fromtimestamp(e.start_wall, UTC),
                                         datetime.fromtimestamp(e.end_wall, UTC), e.frames, e.sha256, e.bytes)

        self._runner.submit(run, while_alive(self, self._indexed),
                            lambda exc: log.error("segment %s not indexed: %s", e.path.name, exc))

    def _indexed(self, _id: object) -> None:
        self.segments_indexed += 1

    def _record(self, camera: str, kind: str, detail: str) -> None:
        at = self._clock()
        monitor = self._monitor(camera)
        frame = monitor.latest_frame() if monitor is not None else None
        service, actor, desk, snapshots = self._service, self._actor, self._desk, self._snapshots

        def run() -> object:
            snapshot: Path | None = None
            if frame is not None:
                snapshots.mkdir(parents=True, exist_ok=True)
                snapshot = snapshots / f"{camera}_{at:%Y%m%dT%H%M%S%f}_{kind}.jpg"
                if cv2.imwrite(str(snapshot), frame.image):
                    # The event list shows this small copy: decoding full frames would stall the GUI.
                    small = cv2.resize(frame.image, (THUMB_WIDTH, THUMB_WIDTH * frame.height // frame.width),
                                       interpolation=cv2.INTER_AREA)
                    cv2.imwrite(str(thumbnail_path(snapshot)), small)
                else:
                    snapshot = None
            return service.record_event(actor, desk, camera, kind, at, detail, snapshot)

        self._runner.submit(run, while_alive(self, self.event_recorded.emit),
                            lambda exc: log.error("camera event %s/%s not recorded: %s", camera, kind, exc))
