"""The camera monitor end to end: real video files through OpenCV, events through one sink."""

from __future__ import annotations

import queue
import threading
import time
from pathlib import Path

from devices.base import DeviceState
from devices.camera.monitor import CameraMonitor, MonitorConfig
from devices.camera.motion import MotionEvent
from devices.camera.recorder import SegmentClosed
from devices.camera.simulator import Episode, SyntheticCapture
from devices.camera.source import FileEnd, SourceConfig, SourceKind, SourceSpec, parse_source
from devices.camera.status import CameraProblem, CameraStatus
from devices.camera.tamper import TamperConfig, TamperEvent, TamperKind
from tests.devices.video_fixtures import collect, frames_of, of_type, scene, write_video

FILE_RUN = SourceConfig(realtime=False, drop_when_busy=False, file_end=FileEnd.STOP)


def ended(events: list[object]) -> bool:
    return any(isinstance(e, CameraStatus) and e.problem is CameraProblem.SOURCE_ENDED for e in events)


def test_recorded_video_gives_one_motion_episode_covered_and_a_hashed_segment(tmp_path: Path) -> None:
    images = frames_of(scene(260, Episode("object", 100, 150), Episode("black", 190, 240)))
    video = write_video(tmp_path / "room.avi", images)
    events: queue.Queue[object] = queue.Queue()
    config = MonitorConfig(source=FILE_RUN, out_dir=tmp_path / "rec", tamper=TamperConfig(cooldown_s=1))
    monitor = CameraMonitor("room-1", parse_source(str(video)), events.put, config)
    monitor.start()
    seen = collect(events, ended, 20)
    monitor.stop()
    seen += collect(events, lambda _e: False, 0.2)
    motion = of_type(seen, MotionEvent)
    assert len(motion) == 1
    assert isinstance(motion[0], MotionEvent) and abs(motion[0].start_seq - 101) <= 3  # seq counts from 1
    tamper = [(e.kind, e.ended) for e in of_type(seen, TamperEvent) if isinstance(e, TamperEvent)]
    assert tamper == [(TamperKind.COVERED, None), (TamperKind.RECOVERED, TamperKind.COVERED)]
    segments = of_type(seen, SegmentClosed)
    assert sum(s.frames for s in segments if isinstance(s, SegmentClosed)) == 260
    states = [e.state for e in seen if isinstance(e, CameraStatus)]
    assert states[:2] == [DeviceState.CONNECTING, DeviceState.CONNECTED] and states[-1] is DeviceState.STOPPED


def test_lost_signal_is_reported_as_tamper_and_status_then_recovered() -> None:
    short = scene(20)
    events: queue.Queue[object] = queue.Queue()
    config = MonitorConfig(source=SourceConfig(realtime=False, drop_when_busy=False, backoff_s=(0.05,)))
    monitor = CameraMonitor(
        "room-2",
        SourceSpec(SourceKind.SIMULATOR, "short"),
        events.put,
        config,
        lambda _s: SyntheticCapture(short),
    )
    monitor.start()
    seen = collect(events, lambda ev: any(getattr(e, "ended", None) is TamperKind.SIGNAL_LOST for e in ev), 5)
    monitor.stop()
    kinds = [e.kind for e in of_type(seen, TamperEvent) if isinstance(e, TamperEvent)]
    assert kinds[:2] == [TamperKind.SIGNAL_LOST, TamperKind.RECOVERED]
    lost = [e for e in seen if isinstance(e, CameraStatus) and e.problem is CameraProblem.SIGNAL_LOST]
    assert lost and lost[0].state is DeviceState.DISCONNECTED


def test_latest_frame_is_available_from_another_thread_and_stop_is_prompt() -> None:
    endless = scene(None)  # type: ignore[arg-type]
    monitor = CameraMonitor(
        "room-3",
        SourceSpec(SourceKind.SIMULATOR, "x"),
        lambda _e: None,
        MonitorConfig(),
        lambda _s: SyntheticCapture(endless),
    )
    monitor.start()
    deadline = time.monotonic() + 3
    while monitor.latest_frame() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    frame = monitor.latest_frame()
    assert frame is not None and frame.width == 320
    started = time.monotonic()
    monitor.stop()
    assert time.monotonic() - started < 1.0
    assert monitor.status.state is DeviceState.STOPPED


def test_a_failing_event_receiver_does_not_stop_monitoring(tmp_path: Path) -> None:
    video = write_video(tmp_path / "v.avi", frames_of(scene(60)))
    received: list[object] = []
    done = threading.Event()

    def sink(event: object) -> None:
        received.append(event)
        if ended([event]):
            done.set()
        raise RuntimeError("receiver bug")

    monitor = CameraMonitor("room-4", parse_source(str(video)), sink, MonitorConfig(source=FILE_RUN))
    monitor.start()
    assert done.wait(10)
    monitor.stop()
    assert received[-1] == monitor.status


def test_unopenable_source_is_reported_with_a_stable_problem_code(tmp_path: Path) -> None:
    bogus = tmp_path / "x.mp4"
    bogus.write_bytes(b"\0" * 100)
    events: queue.Queue[object] = queue.Queue()
    config = MonitorConfig(source=SourceConfig(backoff_s=(0.05,)))
    monitor = CameraMonitor("room-5", parse_source(str(bogus)), events.put, config)
    monitor.start()
    seen = collect(events, lambda ev: any(getattr(e, "problem", None) for e in ev), 5)
    monitor.stop()
    problem = next(e for e in seen if isinstance(e, CameraStatus) and e.problem)
    assert problem.problem is CameraProblem.SOURCE_OPEN_FAILED and str(bogus) in problem.detail
