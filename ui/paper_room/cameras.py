"""The paper-room cameras as the GUI shows them. The engine records (app.engine.recording, started
with the application and kept running across sign-out and lock); this object only carries what the
recording tells onto the GUI thread (a `DeviceBridge`) and hands the camera wall its live feeds."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from app.engine.recording import PaperRoomRecording, Recorded
from devices.camera.bank import CameraBank
from ui.devices.bridge import DeviceBridge
from ui.paper_room.wall import CameraFeed


def _nothing() -> None:
    return None


class PaperRoomCameras(QObject):
    event_recorded = Signal(object)  # the CameraEvent row
    status_changed = Signal(object)  # a DeviceStatus

    def __init__(self, recording: PaperRoomRecording | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.recording = recording
        bank = recording.recorder if recording is not None else None
        self.monitors = list(bank.monitors) if isinstance(bank, CameraBank) else []
        self.bridge = DeviceBridge(self)
        self.bridge.event_received.connect(self._on_event)
        self.bridge.status_changed.connect(self.status_changed)
        # A plain callable (no Qt object): the screen's `destroyed` calls it to stop listening.
        self.unsubscribe: Callable[[], None] = recording.subscribe(self.bridge.sink) if recording else _nothing

    @property
    def segments_indexed(self) -> int:
        return self.recording.segments_indexed if self.recording is not None else 0

    def feeds(self) -> list[CameraFeed]:
        return [CameraFeed(m.name, m.latest_frame, lambda m=m: m.status, m.config.out_dir is not None)
                for m in self.monitors]

    def _on_event(self, event: object) -> None:
        if isinstance(event, Recorded) and event.kind != "segment":
            self.event_recorded.emit(event.record)
