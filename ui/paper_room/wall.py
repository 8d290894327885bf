"""The camera wall: up to four live tiles (2×2), each with the camera's name, a recording dot and
its health in words. Frames are pulled from each `CameraMonitor.latest_frame()` on a timer and
shrunk to the tile before they become a pixmap, so four 720p streams cost the GUI thread little."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import cv2
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from devices.base import DeviceState
from devices.camera.frames import Frame
from devices.camera.status import CameraStatus
from ui.restyle import restyle


@dataclass
class CameraFeed:
    """What a tile reads: the newest frame and the health, both callable from the GUI thread."""

    name: str
    latest_frame: Callable[[], Frame | None]
    status: Callable[[], CameraStatus]
    recording: bool


class CameraTile(QFrame):
    def __init__(self, feed: CameraFeed | None, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="CameraTile")
        self.feed = feed
        self.image = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, objectName="CameraImage")
        self.image.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.image.setMinimumSize(160, 90)
        self.name = QLabel(objectName="CameraName")
        self.dot = QLabel("●", objectName="RecordingDot")
        self.state = QLabel(objectName="CameraState")
        top = QHBoxLayout()
        top.addWidget(self.dot)
        top.addWidget(self.name)
        top.addStretch()
        top.addWidget(self.state)
        v = QVBoxLayout(self)
        v.setContentsMargins(6, 6, 6, 6)
        v.addLayout(top)
        v.addWidget(self.image, 1)
        self._last_seq = -1
        self.frames_shown = 0
        self.retranslate()

    def retranslate(self) -> None:
        if self.feed is None:
            self.name.setText(self.tr("No camera"))
            self.dot.setProperty("on", False)
            self.state.setText("")
            return
        self.name.setText(self.feed.name)
        self.refresh_status()

    def refresh_status(self) -> None:
        if self.feed is None:
            return
        status = self.feed.status()
        connected = status.state is DeviceState.CONNECTED
        self.dot.setProperty("on", connected and self.feed.recording)
        self.dot.setToolTip(self.tr("Recording") if connected and self.feed.recording else self.tr("Not recording"))
        self.state.setText({
            DeviceState.CONNECTED: self.tr("live"),
            DeviceState.CONNECTING: self.tr("connecting…"),
            DeviceState.DISCONNECTED: self.tr("signal lost"),
            DeviceState.FAILED: self.tr("failed"),
            DeviceState.STOPPED: self.tr("stopped"),
        }[status.state])
        restyle(self.dot)

    def show_latest(self) -> None:
        if self.feed is None:
            return
        frame = self.feed.latest_frame()
        if frame is None or frame.seq == self._last_seq:
            return
        self._last_seq = frame.seq
        w, h = max(16, self.image.width()), max(9, self.image.height())
        scale = min(w / frame.width, h / frame.height)
        size = (max(1, int(frame.width * scale)), max(1, int(frame.height * scale)))
        small = cv2.resize(frame.image, size, interpolation=cv2.INTER_NEAREST)
        if small.ndim == 2:
            small = cv2.cvtColor(small, cv2.COLOR_GRAY2BGR)
        qimage = QImage(small.data, size[0], size[1], small.strides[0], QImage.Format.Format_BGR888)
        self.image.setPixmap(QPixmap.fromImage(qimage))
        self.frames_shown += 1


class CameraWall(QWidget):
    """2×2 tiles; `fps` bounds how often the live view repaints (recording is not affected)."""

    def __init__(self, feeds: Sequence[CameraFeed], fps: float = 10.0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setSpacing(8)
        grid.setContentsMargins(0, 0, 0, 0)
        self.tiles = [CameraTile(feeds[i] if i < len(feeds) else None) for i in range(4)]
        for i, tile in enumerate(self.tiles):
            grid.addWidget(tile, i // 2, i % 2)
        self._timer = QTimer(self, interval=max(1, int(1000 / fps)))
        self._timer.timeout.connect(self._tick)
        self._timer.start()
        self._ticks = 0

    def _tick(self) -> None:
        self._ticks += 1
        for tile in self.tiles:
            tile.show_latest()
            if self._ticks % 10 == 0:
                tile.refresh_status()

    def refresh_status(self) -> None:
        for tile in self.tiles:
            tile.refresh_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            for tile in self.tiles:
                tile.retranslate()
        super().changeEvent(event)
