"""Live test of one configured device in the set-up wizard (设备现场测试): read a card, scan a code,
see a camera's picture.

The driver runs exactly as on exam day (its own I/O thread, the same factories as the device
registry); its callbacks reach the GUI thread through a `DeviceBridge`. The first card, code or
frame ends the test with `succeeded`; silence until the time limit ends it with `failed`.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from devices.base import Device, DeviceState, DeviceStatus
from devices.camera.frames import Frame, FrameQueue, SourceNotice
from devices.camera.source import FrameSource, SourceConfig, parse_source
from devices.device_config import DeviceConfig, DeviceKind
from devices.factories import default_factories
from devices.idcard.events import CardRead, ReaderProblem, ReaderStatus, ReadFailed
from devices.idcard.ports import list_candidate_ports, port_present
from devices.scanner.scan import Scan
from devices.scanner.wedge_device import wedge_config
from ui.devices.bridge import DeviceBridge
from ui.devices.state_text import state_text
from ui.devices.wedge_filter import WedgeFilter

log = logging.getLogger(__name__)

CAMERA_KINDS = {DeviceKind.CAMERA, DeviceKind.SCANNER_CAMERA}
SERIAL_KINDS = {DeviceKind.IDCARD, DeviceKind.SCANNER_SERIAL}
READER_KINDS = {DeviceKind.IDCARD, DeviceKind.IDCARD_SDK}
SETTINGS_PROBLEMS = {ReaderProblem.LIBRARY_MISSING, ReaderProblem.NOT_A_LIBRARY, ReaderProblem.WRONG_ARCHITECTURE,
                     ReaderProblem.MISSING_SYMBOL}
"""A reader failing for one of these waits in vain: only other settings help, so the test ends at once."""


def frame_image(frame: Frame) -> QImage:
    """A deep-copied QImage of a BGR (or grayscale) frame."""
    image = np.ascontiguousarray(frame.image)
    height, width = image.shape[:2]
    if image.ndim == 2:
        return QImage(image.data, width, height, image.strides[0], QImage.Format.Format_Grayscale8).copy()
    return QImage(image.data, width, height, image.strides[0], QImage.Format.Format_BGR888).copy()


class _CameraFeed:
    """A `FrameSource` whose first frames and notices are handed to the bridge from a reader thread."""

    def __init__(self, config: DeviceConfig, sink: Any) -> None:
        self.name, self.kind = config.name, config.kind.value
        self._queue = FrameQueue(2)
        self._source = FrameSource(parse_source(config.source), self._queue,
                                   SourceConfig(stall_after_s=5.0, frozen_after_s=None))
        self._sink = sink
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._pump, name=f"{config.name}-check", daemon=True)

    def start(self) -> None:
        self._source.start()
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._source.stop()
        self._thread.join(timeout=2.0)

    def _pump(self) -> None:
        while not self._stop.is_set():
            item = self._queue.get(0.1)
            if isinstance(item, Frame | SourceNotice):
                self._sink(item)


class DeviceCheck(QObject):
    """One live test. `progress(text)` while waiting; then exactly one of `succeeded(text, QImage|None)`
    or `failed(text)`; the driver is stopped before either is emitted."""

    progress = Signal(str)
    succeeded = Signal(str, object)
    failed = Signal(str)

    def __init__(self, config: DeviceConfig, *, timeout_s: float = 30.0, wedge_clock: Callable[[], float] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.config = config
        self._wedge_clock = wedge_clock or time.monotonic
        self._timeout_s = timeout_s
        self._bridge = DeviceBridge(self)
        self._bridge.event_received.connect(self._on_event)
        self._bridge.status_changed.connect(self._on_status)
        self._driver: Device | _CameraFeed | None = None
        self._wedge: WedgeFilter | None = None
        self._last_problem = ""
        self._done = False
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._time_out)

    def start(self) -> None:
        kind = self.config.kind
        if kind in SERIAL_KINDS and not port_present(self.config.source):
            # Said at once: waiting out the time limit on a port that is not there helps nobody.
            ports = ", ".join(list_candidate_ports()) or self.tr("none")
            self._finish(False, self.tr("There is no serial port {port} on this PC. Ports found: {ports}.")
                         .format(port=self.config.source or "—", ports=ports))
            return
        try:
            if kind is DeviceKind.SCANNER_WEDGE:
                # Judged with this scanner's own thresholds, prefix and suffix: what passes here passes at the desk.
                self._wedge = WedgeFilter(wedge_config(self.config.options), device=self.config.name,
                                          clock=self._wedge_clock, parent=self)
                self._wedge.scanned.connect(lambda code: self._finish(True, self._scanned_text(code)))
                app = QApplication.instance()
                assert app is not None
                self._wedge.install(app)
                self.progress.emit(self.tr("Scan any code with this scanner now."))
            elif kind in CAMERA_KINDS:
                self._driver = _CameraFeed(self.config, self._bridge.sink)
                self._driver.start()
                self.progress.emit(self.tr("Waiting for the camera's picture…"))
            else:
                self._driver = default_factories()[kind](self.config, self._bridge.sink)
                self._driver.start()
                self.progress.emit(self.tr("Place an ID card on the reader now.") if kind in READER_KINDS
                                   else self.tr("Scan any code with this scanner now."))
        except (ValueError, OSError, KeyError) as exc:
            self._finish(False, self.tr("This device cannot be started: {detail}").format(detail=str(exc)))
            return
        self._timer.start(int(self._timeout_s * 1000))

    def stop(self) -> None:
        self._timer.stop()
        driver, self._driver = self._driver, None
        if driver is not None:
            driver.stop()
        if self._wedge is not None:
            app = QApplication.instance()
            if app is not None:
                self._wedge.uninstall(app)
            self._wedge = None

    # -- what the device says --------------------------------------------------------------

    def _scanned_text(self, code: str) -> str:
        return self.tr("Code scanned: {code}").format(code=code)

    def _on_event(self, event: object) -> None:
        if isinstance(event, CardRead):
            doc = event.document
            self._finish(True, self.tr("Card read: {name}, {number}").format(name=doc.name,
                                                                              number=doc.masked_number))
        elif isinstance(event, Scan):
            self._finish(True, self._scanned_text(event.code))
        elif isinstance(event, Frame):
            self._finish(True, self.tr("Picture received: {width} × {height}").format(
                width=event.width, height=int(event.image.shape[0])), frame_image(event))
        elif isinstance(event, ReadFailed):
            log.info("%s: card not read: %s", self.config.name, event.meaning)
            self._last_problem = self.tr("The reader could not read the last card.")
            self.progress.emit(self.tr("The reader could not read this card; place it again."))
        elif isinstance(event, SourceNotice):
            log.info("%s: %s", self.config.name, event.detail)
            self._last_problem = self.tr("The camera sent no usable picture.")

    def _on_status(self, status: DeviceStatus) -> None:
        if isinstance(status, ReaderStatus) and status.problem in SETTINGS_PROBLEMS:
            self._finish(False, state_text(status))
        elif status.state is DeviceState.CONNECTED:
            self.progress.emit(self.tr("Connected. Waiting for the device…"))
        elif status.state in (DeviceState.DISCONNECTED, DeviceState.FAILED):
            self._last_problem = state_text(status)
            self.progress.emit(self.tr("Not connected yet: {state}").format(state=state_text(status)))

    def _time_out(self) -> None:
        text = self.tr("Nothing arrived within {seconds} seconds.").format(seconds=int(self._timeout_s))
        if self._last_problem:
            text += " " + self._last_problem
        self._finish(False, text)

    def _finish(self, ok: bool, text: str, image: QImage | None = None) -> None:
        if self._done:
            return
        self._done = True
        self.stop()
        if ok:
            self.succeeded.emit(text, image)
        else:
            self.failed.emit(text)
