"""A USB camera on Linux: OpenCV's V4L2 backend asked for raw YUYV, and its frames recorded and
analysed without a BGR conversion. No camera is attached where the tests run, so the camera is
`V4L2Capture` (what the backend presents); everything after it is the real source, monitor,
encoder and disk."""

from __future__ import annotations

import queue
import time
from pathlib import Path

import cv2
import numpy as np
import pytest

from devices.camera.frames import Frame, FrameQueue, Layout
from devices.camera.monitor import CameraMonitor, MonitorConfig
from devices.camera.motion import MotionEvent
from devices.camera.pixels import Buffers
from devices.camera.recorder import RecordingFailed, SegmentClosed
from devices.camera.simulator import Episode, ListCapture, V4L2Capture
from devices.camera.source import (
    FrameSource,
    SourceConfig,
    SourceKind,
    SourceSpec,
    ask_for_raw_yuyv,
    prepare_usb,
)
from devices.camera.tamper import TamperConfig, TamperEvent, TamperKind
from tests.devices.video_fixtures import frames_of, scene
from tests.disk_support import fill, tmpfs

USB = SourceSpec(SourceKind.USB, "0")
LIVE = SourceConfig(drop_when_busy=False, backoff_s=(30.0,))  # a camera that ends is not reopened here


def yuyv_of(images: list[np.ndarray]) -> list[np.ndarray]:
    return [cv2.cvtColor(image, cv2.COLOR_BGR2YUV_YUYV) for image in images]


class _Backend(V4L2Capture):
    def __init__(self, backend: str, fourcc: str) -> None:
        super().__init__(yuyv_of(frames_of(scene(1))))
        self._backend, self._fourcc = backend, fourcc

    def getBackendName(self) -> str:
        return self._backend

    def get(self, prop_id: int) -> float:
        return float(cv2.VideoWriter.fourcc(*self._fourcc)) if prop_id == cv2.CAP_PROP_FOURCC else super().get(prop_id)


def test_only_a_v4l2_camera_sending_yuyv_is_asked_for_its_frames_unconverted() -> None:
    assert ask_for_raw_yuyv(V4L2Capture(yuyv_of(frames_of(scene(1)))))
    # MJPEG would arrive as compressed bytes; Media Foundation hands raw buffers over as one row.
    for backend, fourcc in (("V4L2", "MJPG"), ("MSMF", "YUY2"), ("MSMF", "YUYV")):
        camera = _Backend(backend, fourcc)
        assert not ask_for_raw_yuyv(camera) and camera.get(cv2.CAP_PROP_CONVERT_RGB) == 1.0
        assert camera.read()[1].shape[2] == 3  # type: ignore[union-attr]
    assert not ask_for_raw_yuyv(ListCapture(frames_of(scene(1))))  # the simulator has no backend


def test_a_usb_source_delivers_raw_yuyv_frames_shown_exactly_as_opencv_converts_them() -> None:
    images = yuyv_of(frames_of(scene(5)))
    q = FrameQueue(8)
    source = FrameSource(USB, q, LIVE, lambda _spec: prepare_usb(V4L2Capture(images), LIVE))
    source.start()
    frames: list[Frame] = []
    deadline = time.monotonic() + 5
    while len(frames) < 5 and time.monotonic() < deadline:
        item = q.get(0.05)
        if isinstance(item, Frame):
            frames.append(item)
    source.stop()
    assert [f.layout for f in frames] == [Layout.YUYV] * 5
    for frame, raw in zip(frames, images, strict=True):
        assert (frame.pixels == raw).all() and (frame.width, frame.height) == (320, 240)
        shown = frame.image
        assert (shown == cv2.cvtColor(raw, cv2.COLOR_YUV2BGR_YUYV)).all()
        assert frame.image is shown and not shown.flags.writeable  # converted once, read-only
        assert (frame.i420()[:240] == raw[:, :, 0]).all()  # the Y plane is the camera's Y bytes


def test_i420_planes_are_only_made_of_yuyv_frames() -> None:
    with pytest.raises(ValueError, match="not a YUYV frame"):
        Frame(frames_of(scene(1))[0], 0, 0.0, 0.0).i420()


def _monitor(images: list[np.ndarray], out_dir: Path) -> tuple[CameraMonitor, queue.Queue[object]]:
    events: queue.Queue[object] = queue.Queue()
    config = MonitorConfig(source=LIVE, out_dir=out_dir, tamper=TamperConfig(cooldown_s=1))
    monitor = CameraMonitor("room-1", USB, events.put, config,
                            opener=lambda _spec: prepare_usb(V4L2Capture(yuyv_of(images)), LIVE))
    return monitor, events


def _run(monitor: CameraMonitor, frames: int) -> None:
    monitor.start()
    deadline = time.monotonic() + 30
    while monitor.frames_analysed < frames // monitor.config.analyse_every and time.monotonic() < deadline:
        time.sleep(0.02)
    monitor.stop()


def _events(events: queue.Queue[object]) -> list[object]:
    seen = []
    while not events.empty():
        seen.append(events.get())
    return seen


def test_a_usb_cameras_yuyv_is_recorded_and_analysed_frame_for_frame(tmp_path: Path) -> None:
    images = frames_of(scene(260, Episode("object", 100, 150), Episode("black", 190, 240)))
    monitor, events = _monitor(images, tmp_path / "rec")
    _run(monitor, 260)
    seen = _events(events)
    assert (monitor.frames_offered, monitor.frames_recorded, monitor.frames_analysed, monitor.frames_dropped) == (
        260, 260, 130, 0)  # every frame recorded, one in two judged (MonitorConfig.analyse_every)
    motion = [e for e in seen if isinstance(e, MotionEvent)]
    assert len(motion) == 1 and abs(motion[0].start_seq - 101) <= 3
    tamper = [(e.kind, e.ended) for e in seen if isinstance(e, TamperEvent) and e.kind is not TamperKind.SIGNAL_LOST]
    assert tamper[:2] == [(TamperKind.COVERED, None), (TamperKind.RECOVERED, TamperKind.COVERED)]
    segments = [e for e in seen if isinstance(e, SegmentClosed)]
    assert sum(s.frames for s in segments) == 260
    capture = cv2.VideoCapture(str(segments[0].path))
    count = 0
    while capture.read()[0]:
        count += 1
    capture.release()
    assert count == segments[0].frames


def test_a_disk_that_fills_up_under_a_usb_camera_is_a_recording_alarm_and_watching_goes_on(tmp_path: Path) -> None:
    images = frames_of(scene(120, Episode("black", 60, 110), noise=40))
    with tmpfs(tmp_path / "disk", "1m") as disk:
        fill(disk)
        (disk / "filler").write_bytes(b"\0" * (1024 * 1024 - 150 * 1024))  # 150 KB free
        monitor, events = _monitor(images, disk / "rec")
        _run(monitor, 120)
        files = sorted(p.name for p in (disk / "rec").iterdir())
    seen = _events(events)
    failed = [e for e in seen if isinstance(e, RecordingFailed)]
    assert [e.code for e in failed] == ["write_failed"] and "No space left on device" in failed[0].detail
    assert not [e for e in seen if isinstance(e, SegmentClosed)]  # nothing half-written is indexed
    assert len(files) == 1 and files[0].endswith(".partial.mp4")
    assert monitor.frames_analysed == 60 and monitor.frames_recorded < 120
    assert any(isinstance(e, TamperEvent) and e.kind is TamperKind.COVERED for e in seen)  # still watched


def test_a_pooled_buffer_is_handed_out_again_only_once_nothing_refers_to_it() -> None:
    buffers = Buffers(keep=2)
    a = buffers.take((4, 4))
    b = buffers.take((4, 4))
    assert a is not b
    first = id(a)
    a.flags.writeable = False  # as a frame's pixels are
    view = a[1:]
    del a
    c = buffers.take((4, 4))
    assert id(c) != first and c is not b  # a view keeps its array from reuse
    del view
    d = buffers.take((4, 4))
    assert id(d) == first and d.flags.writeable  # the freed one again, writable


def test_a_frame_kept_by_a_screen_keeps_its_pixels_while_the_camera_reads_on_into_reused_buffers() -> None:
    images = yuyv_of(frames_of(scene(40, Episode("object", 0, 39))))
    q = FrameQueue(2)
    source = FrameSource(USB, q, LIVE, lambda _spec: prepare_usb(V4L2Capture(images), LIVE))
    source.start()
    kept: Frame | None = None
    arrays: list[int] = []
    deadline = time.monotonic() + 5
    while len(arrays) < 40 and time.monotonic() < deadline:
        item = q.get(0.05)
        if isinstance(item, Frame):
            kept = kept or item
            arrays.append(id(item.pixels))
            item.i420()
            del item
    source.stop()
    assert kept is not None and len(arrays) == 40
    assert (kept.pixels == images[0]).all()  # never overwritten by the 39 frames after it
    assert len(set(arrays)) < 20  # the others' arrays were reused
