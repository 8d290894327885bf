"""The paper-room camera monitor (试卷保密室监控): one camera's source, motion and tamper detection and
segment recording, on its own threads, reporting through one `EventSink`.

Threads: the frame source's supervisor and reader, one analysis thread, and the recorder's
finaliser. Only the analysis thread calls the sink (source notices and closed segments are handed
to it), so events arrive in order. Events: `CameraStatus` (a `DeviceStatus`), `MotionStarted`, `MotionEvent`,
`TamperEvent` (covered, defocused, moved, signal_lost, recovered), `SegmentClosed`,
`RecordingFailed`.

CPU: everything is judged on a 320-pixel-wide copy of the frame; tamper checks run every few frames;
only the recorder touches full frames. A V4L2 camera's YUYV frame is sliced into I420 planes once,
which the encoder codes and the analysis shrinks; nothing converts it to BGR unless it is shown.
`python -m bench camera-monitor` and `python -m bench engine` measure four 720p streams.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from devices.base import DeviceState, EventSink
from devices.camera.analysis import downscale
from devices.camera.frames import Frame, FrameQueue, SourceNotice, SourceNoticeKind
from devices.camera.motion import MotionConfig, MotionDetector
from devices.camera.recorder import RecorderError, RecordingFailed, SegmentClosed, SegmentRecorder
from devices.camera.source import FrameSource, Opener, SourceConfig, SourceSpec
from devices.camera.status import CameraProblem, CameraStatus
from devices.camera.tamper import TamperConfig, TamperDetector, TamperEvent, TamperKind

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MonitorConfig:
    source: SourceConfig = field(default_factory=SourceConfig)
    motion: MotionConfig = field(default_factory=MotionConfig)
    tamper: TamperConfig = field(default_factory=TamperConfig)
    analysis_width: int = 320
    # Motion and tamper judge one frame in this many: 7.5 a second from a 15 fps camera, three
    # judged frames within 0.4 s of a person stepping in. The background model (1.5 ms a 320-pixel
    # frame) was a third of a camera's CPU on every frame (issue 12, recorder_cores); every frame
    # is still recorded.
    analyse_every: int = 2
    out_dir: Path | None = None  # None: no recording
    segment_minutes: int = 1
    codec: str = "mp4v"
    record_fps: float = 15.0
    max_consecutive_errors: int = 25  # then the monitor gives up as FAILED rather than spin


class CameraMonitor:
    kind = "camera"

    def __init__(
        self,
        name: str,
        spec: SourceSpec,
        sink: EventSink,
        config: MonitorConfig = MonitorConfig(),
        opener: Opener | None = None,
    ) -> None:
        self.name = name
        self.spec = spec
        self.config = config
        self._sink = sink
        self._queue = FrameQueue(config.source.queue_size)
        self.source = FrameSource(spec, self._queue, config.source, opener)
        self.motion = MotionDetector(name, config.motion)
        self.tamper = TamperDetector(name, config.tamper)
        self._recorder: SegmentRecorder | None = None
        self._closed: deque[SegmentClosed | RecordingFailed] = deque()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._latest: Frame | None = None
        self._status = CameraStatus(name, self.kind, DeviceState.STOPPED)
        self._rebaseline = threading.Event()
        # Counted on the analysis thread, read anywhere (plain ints: a read may be one frame late).
        self.frames_recorded = 0  # handed to the segment writer
        self._frames_seen = 0
        self.frames_analysed = 0  # judged for motion: 1 in `analyse_every` (1 in `tamper.check_every` of those for tamper)
        self.recording_cpu = 0.0  # CPU seconds of this thread spent writing frames (encoding) and judging them
        self.analysis_cpu = 0.0

    # --- any thread --------------------------------------------------------------------------------

    @property
    def status(self) -> CameraStatus:
        with self._lock:
            return self._status

    @property
    def frames_offered(self) -> int:
        """Frames the camera delivered (across reopenings)."""
        return self.source.frames_offered

    @property
    def frames_dropped(self) -> int:
        """Frames the camera delivered that were dropped because analysis was behind."""
        return self._queue.dropped

    def latest_frame(self) -> Frame | None:
        """The newest frame (read-only image), for a live view or a snapshot; None before the first."""
        with self._lock:
            return self._latest

    def reset_reference(self) -> None:
        """Accept the current view as normal (after the camera was deliberately re-aimed)."""
        self._rebaseline.set()

    def start(self) -> None:
        if self._thread is not None:
            return
        if self.config.out_dir is not None:
            self._recorder = SegmentRecorder(
                self.name,
                self.config.out_dir,
                self._closed.append,
                self.config.record_fps,
                self.config.segment_minutes,
                self.config.codec,
            )
        self._stop.clear()
        self._set_status(DeviceState.CONNECTING, f"opening {self.spec.label}")
        self._thread = threading.Thread(target=self._run, name=f"camera {self.name}", daemon=True)
        self._thread.start()
        self.source.start()

    def stop(self, timeout: float = 3.0) -> None:
        """Stops promptly: the source is told to stop (a reader stuck in read() is abandoned), the
        open segment is closed and hashed, then STOPPED is reported."""
        self._stop.set()
        self.source.stop(timeout)
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        self._set_status(DeviceState.STOPPED, "")

    # --- analysis thread ---------------------------------------------------------------------------

    def _emit(self, event: object) -> None:
        try:
            self._sink(event)
        except Exception:  # a receiver's bug must not end the monitoring
            log.exception("camera %s: event receiver failed on %r", self.name, type(event).__name__)

    def _set_status(self, state: DeviceState, detail: str, problem: CameraProblem | None = None) -> None:
        status = CameraStatus(self.name, self.kind, state, detail, problem)
        with self._lock:
            if status == self._status:
                return
            self._status = status
        self._emit(status)

    def _run(self) -> None:
        errors = 0
        try:
            while not self._stop.is_set():
                item = self._queue.get(timeout=0.1)
                self._drain_closed()
                if item is None:
                    continue
                try:
                    if isinstance(item, SourceNotice):
                        if not self._on_notice(item):
                            break
                    else:
                        self._on_frame(item)
                    errors = 0
                except Exception as exc:
                    errors += 1
                    log.exception("camera %s: analysis failed", self.name)
                    if errors >= self.config.max_consecutive_errors:
                        self._set_status(
                            DeviceState.FAILED,
                            f"analysis keeps failing: {exc!r}",
                            CameraProblem.ANALYSIS_FAILED,
                        )
                        self.source.stop(0.1)
                        return
        finally:
            self._finish()

    def _finish(self) -> None:
        try:
            if self.motion.active:
                self._emit(self.motion.finish())
            if self._recorder is not None:
                self._recorder.close()
            self._drain_closed()
        except Exception as exc:
            log.exception("camera %s: shutdown failed", self.name)
            self._set_status(DeviceState.FAILED, f"shutdown failed: {exc!r}", CameraProblem.ANALYSIS_FAILED)

    def _drain_closed(self) -> None:
        while self._closed:
            self._emit(self._closed.popleft())

    def _on_notice(self, notice: SourceNotice) -> bool:
        """Handle a source notice; False when the monitor has nothing more to do."""
        kind = notice.kind
        if kind is SourceNoticeKind.OPENED:
            self._set_status(DeviceState.CONNECTED, notice.detail)
        elif kind is SourceNoticeKind.OPEN_FAILED:
            state = (
                DeviceState.DISCONNECTED
                if self.status.state is DeviceState.DISCONNECTED
                else DeviceState.CONNECTING
            )
            self._set_status(state, f"{notice.detail}; retrying", CameraProblem.SOURCE_OPEN_FAILED)
        elif kind is SourceNoticeKind.LOST:
            self._interrupted()
            self._emit(TamperEvent(self.name, TamperKind.SIGNAL_LOST, notice.t_mono, notice.detail))
            self._set_status(
                DeviceState.DISCONNECTED, f"{notice.detail}; reopening", CameraProblem.SIGNAL_LOST
            )
        elif kind is SourceNoticeKind.RECOVERED:
            self._emit(
                TamperEvent(
                    self.name, TamperKind.RECOVERED, notice.t_mono, notice.detail, TamperKind.SIGNAL_LOST
                )
            )
            self._set_status(DeviceState.CONNECTED, notice.detail)
        elif kind is SourceNoticeKind.ENDED:
            self._interrupted()
            self._set_status(DeviceState.DISCONNECTED, notice.detail, CameraProblem.SOURCE_ENDED)
            return False
        return True

    def _interrupted(self) -> None:
        # A gap in the feed ends the motion episode and the segment: neither may span it.
        if self.motion.active:
            self._emit(self.motion.finish())
        if self._recorder is not None:
            self._recorder.cut()

    def _on_frame(self, frame: Frame) -> None:
        with self._lock:
            self._latest = frame
        if self._recorder is not None:
            try:
                started = time.thread_time()
                self._recorder.write(frame)
                self.recording_cpu += time.thread_time() - started
                self.frames_recorded += 1
            except RecorderError as exc:
                self._emit(RecordingFailed(self.name, exc.code, exc.detail))
                # Keep watching: detection matters even when recording cannot. The segments closed
                # before the failure are still finished and reported.
                recorder, self._recorder = self._recorder, None
                recorder.close()
                self._drain_closed()
        if self._rebaseline.is_set():
            self._rebaseline.clear()
            self.tamper.reset_reference()
            self.motion.reset()
        self._frames_seen += 1
        if self._frames_seen % max(1, self.config.analyse_every):
            return
        started = time.thread_time()
        small = downscale(frame, self.config.analysis_width)
        events = [*self.motion.feed(small), *self.tamper.feed(small)]
        self.analysis_cpu += time.thread_time() - started
        self.frames_analysed += 1
        for event in events:
            self._emit(event)
