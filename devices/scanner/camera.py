"""Camera ticket scanner (摄像头扫码): admission tickets read by a camera instead of a hand scanner.

Frames come from the camera family's `FrameSource` (USB index, RTSP URL, video file, simulator);
a worker thread decodes the newest frame (`devices.scanner.decoding`: zxing-cpp every frame, pyzbar
as the second opinion and fallback, preprocessing within a CPU budget) while the source keeps only
the latest frame, so a slow decode skips frames rather than lagging behind the ticket in front of
the lens. A read is reported only when it matches the exam's ticket pattern or both decoders agree.

Each code is reported once per appearance: a code that stays in view is not reported again; once it
has been missing from `absent_frames` decoded frames and for `absent_s` seconds, showing it again is
a new scan. Reports go through one `EventSink`: `Scan` (source="camera") and `CameraStatus`.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field

from devices.base import DeviceState, EventSink
from devices.camera.frames import Frame, FrameQueue, Image, SourceNotice, SourceNoticeKind
from devices.camera.source import FrameSource, Opener, SourceConfig, SourceSpec
from devices.camera.status import CameraProblem, CameraStatus
from devices.scanner.decoding import FrameDecoder, Sighting, decode_still, to_gray
from devices.scanner.scan import Scan, ScanSource
from devices.scanner.ticket import DEFAULT_TICKET_PATTERN, TicketPattern

log = logging.getLogger(__name__)

__all__ = ["AppearanceTracker", "CameraScanner", "CameraScannerConfig", "Sighting", "decode_image", "to_gray"]


def decode_image(image: Image, pattern: TicketPattern | None = None) -> list[Sighting]:
    """The codes in a still image (BGR or grey) that may be reported: every decoder and pass tried."""
    return decode_still(image, pattern or TicketPattern())[0]


class AppearanceTracker:
    """Tells a new appearance of a code from the same code still in view."""

    def __init__(self, absent_frames: int = 8, absent_s: float = 0.5) -> None:
        self.absent_frames = absent_frames
        self.absent_s = absent_s
        self._frame = 0
        self._last_seen: dict[tuple[str, str], tuple[int, float]] = {}

    def update(self, sightings: list[Sighting], now: float) -> list[Sighting]:
        """Feed one decoded frame's sightings; return those that are new appearances."""
        self._frame += 1
        new: list[Sighting] = []
        for s in sightings:
            key = (s.symbology, s.code)
            if key not in self._last_seen and s not in new:
                new.append(s)
            self._last_seen[key] = (self._frame, now)
        for key, (frame, at) in list(self._last_seen.items()):
            if self._frame - frame >= self.absent_frames and now - at >= self.absent_s:
                del self._last_seen[key]
        return new

    def in_view(self, sighting: Sighting) -> bool:
        """Whether this code was reported and has not been absent long enough to be new again."""
        return (sighting.symbology, sighting.code) in self._last_seen

    def clear(self) -> None:
        self._last_seen.clear()


@dataclass(frozen=True)
class CameraScannerConfig:
    # One frame of queue: the worker always decodes the newest frame, never a backlog.
    source: SourceConfig = field(default_factory=lambda: SourceConfig(queue_size=1))
    absent_frames: int = 8
    absent_s: float = 0.5
    # The exam's ticket-number rule: a read outside it is reported only when both decoders agree.
    ticket_pattern: str = DEFAULT_TICKET_PATTERN
    # CPU time the fallback passes may spend, as a fraction of the primary decoder's.
    budget: float = 0.06


class CameraScanner:
    """A ticket scanner on a camera. `start()`/`stop()` from any thread; events arrive on the worker."""

    kind = "scanner"

    def __init__(
        self,
        name: str,
        spec: SourceSpec,
        sink: EventSink,
        config: CameraScannerConfig = CameraScannerConfig(),
        opener: Opener | None = None,
    ) -> None:
        self.name = name
        self.spec = spec
        self.config = config
        self._sink = sink
        self._queue = FrameQueue(config.source.queue_size)
        self.source = FrameSource(spec, self._queue, config.source, opener)
        self.tracker = AppearanceTracker(config.absent_frames, config.absent_s)
        self.decoder = FrameDecoder(TicketPattern(config.ticket_pattern), config.budget)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._status = CameraStatus(name, self.kind, DeviceState.STOPPED)
        self.frames_decoded = 0

    @property
    def status(self) -> CameraStatus:
        with self._lock:
            return self._status

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._set_status(DeviceState.CONNECTING, f"opening {self.spec.label}")
        self._thread = threading.Thread(target=self._run, name=f"camera scanner {self.name}", daemon=True)
        self._thread.start()
        self.source.start()

    def stop(self, timeout: float = 3.0) -> None:
        self._stop.set()
        self.source.stop(timeout)
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        self._set_status(DeviceState.STOPPED, "")

    def wait_idle(self, timeout: float) -> bool:
        """Wait until the worker has ended (a file source that reached its end); for CLIs and tests."""
        thread = self._thread
        if thread is None:
            return True
        thread.join(timeout)
        return not thread.is_alive()

    def _emit(self, event: object) -> None:
        try:
            self._sink(event)
        except Exception:  # a receiver's bug must not stop the scanner
            log.exception("camera scanner %s: event receiver failed", self.name)

    def _set_status(self, state: DeviceState, detail: str, problem: CameraProblem | None = None) -> None:
        status = CameraStatus(self.name, self.kind, state, detail, problem)
        with self._lock:
            if status == self._status:
                return
            self._status = status
        self._emit(status)

    def _run(self) -> None:
        while not self._stop.is_set():
            item = self._queue.get(timeout=0.1)
            try:
                if item is None:
                    continue
                if isinstance(item, SourceNotice):
                    if not self._on_notice(item):
                        return
                else:
                    self.process(item)
            except Exception as exc:  # a decoder or a broken frame: report, keep scanning
                log.exception("camera scanner %s: decoding failed", self.name)
                self._set_status(
                    DeviceState.CONNECTED, f"decoding failed: {exc!r}", CameraProblem.ANALYSIS_FAILED
                )

    def process(self, frame: Frame) -> list[Scan]:
        """Decode one frame and report the codes that newly appeared (the worker's per-frame work)."""
        sightings = self.decoder.decode(frame.image, self.tracker.in_view)
        self.frames_decoded += 1
        scans = [
            Scan(
                code=s.code,
                source=ScanSource.CAMERA,
                device=self.name,
                at=frame.t_mono,
                symbology=s.symbology,
            )
            for s in self.tracker.update(sightings, frame.t_mono)
        ]
        for scan in scans:
            self._emit(scan)
        return scans

    def _on_notice(self, notice: SourceNotice) -> bool:
        kind = notice.kind
        if kind in (SourceNoticeKind.OPENED, SourceNoticeKind.RECOVERED):
            self._set_status(DeviceState.CONNECTED, notice.detail)
        elif kind is SourceNoticeKind.OPEN_FAILED:
            state = (
                DeviceState.DISCONNECTED
                if self.status.state is DeviceState.DISCONNECTED
                else DeviceState.CONNECTING
            )
            self._set_status(state, f"{notice.detail}; retrying", CameraProblem.SOURCE_OPEN_FAILED)
        elif kind is SourceNoticeKind.LOST:
            # A ticket still in view after the camera returns is shown anew: report it again.
            self.tracker.clear()
            self._set_status(
                DeviceState.DISCONNECTED, f"{notice.detail}; reopening", CameraProblem.SIGNAL_LOST
            )
        elif kind is SourceNoticeKind.ENDED:
            self._set_status(DeviceState.DISCONNECTED, notice.detail, CameraProblem.SOURCE_ENDED)
            return False
        return True
