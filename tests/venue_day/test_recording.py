"""Art. 22(五): the paper-room recording belongs to the engine, not to a screen or a session: it
starts with the engine, runs with nobody signed in, and its last segment is closed, hashed and
indexed when the engine stops. A simulated camera (`sim:motion`) through the real CameraBank,
CameraMonitor and recorder, on SQLite and on PostgreSQL."""

from __future__ import annotations

import hashlib
import time
from dataclasses import replace
from pathlib import Path

import cv2
from sqlalchemy import select

from app.db.models_custody import CameraEvent, VideoSegment
from app.engine.recording import PaperRoomRecording
from app.services.paper_room import PaperRoomService
from devices.camera.bank import CameraBank, thumbnail_path
from devices.camera.monitor import MonitorConfig
from devices.camera.simulator import Episode
from devices.camera.source import FileEnd, SourceConfig
from tests.devices.video_fixtures import frames_of, scene, write_video
from tests.venue_day.conftest import VenueDay


def test_art22_5_recording_runs_from_engine_start_to_stop_with_nobody_signed_in(venue_day: VenueDay,
                                                                               tmp_path: Path) -> None:
    day = venue_day
    core = day.core
    bank = CameraBank.from_sources([("保密室-1", "sim:motion")], tmp_path / "paper_room", segment_minutes=1)
    recording = PaperRoomRecording(PaperRoomService(core.sessions, core.clock, core.auth), bank, core.clock,
                                   core.system_actor(), "paper-room-pc")
    engine = day.engine(desk="paper-room-pc", recording=recording)
    seen: list[object] = []
    recording.subscribe(seen.append)
    engine.start()
    started = time.time()
    try:
        deadline = time.monotonic() + 40  # a loaded machine analyses slowly
        while time.monotonic() < deadline and not any(getattr(e, "kind", "") == "motion" for e in seen):
            time.sleep(0.1)
    finally:
        engine.stop()
    stopped = time.time()
    assert not engine.running and not recording.running and recording.failures == 0
    with core.sessions() as s:
        segments = list(s.scalars(select(VideoSegment).order_by(VideoSegment.start_at)))
        motion = list(s.scalars(select(CameraEvent).where(CameraEvent.kind == "motion")))
    assert segments  # one, or two when the run crossed a minute (segments are cut on the minute)
    for segment in segments:
        assert hashlib.sha256(Path(segment.path).read_bytes()).hexdigest() == segment.sha256
        assert segment.frames > 0
    assert started - 1 <= segments[0].start_at.timestamp() and segments[-1].end_at.timestamp() <= stopped + 1
    assert motion and motion[0].snapshot_path and Path(motion[0].snapshot_path).is_file()
    assert thumbnail_path(Path(motion[0].snapshot_path)).is_file()


def test_art22_5_every_frame_of_four_cameras_is_recorded_and_analysed_with_nobody_signed_in(
        venue_day: VenueDay, tmp_path: Path) -> None:
    """Four cameras each deliver a short feed (a person crossing) to the engine's recording, with no
    session open: every frame a camera offers is in its recording, read back through OpenCV, and was
    judged for motion; nothing is dropped. The sources wait for a busy consumer here (a live camera
    would drop), so a slow machine makes the run longer, never the count lower."""
    frames = 75
    video = write_video(tmp_path / "feed.avi", frames_of(scene(frames, Episode("object", 30, 55))))
    names = [f"保密室-{i}" for i in range(1, 5)]
    config = replace(MonitorConfig(), source=SourceConfig(realtime=False, drop_when_busy=False,
                                                          file_end=FileEnd.STOP))
    bank = CameraBank.from_sources([(name, str(video)) for name in names], tmp_path / "paper_room",
                                   segment_minutes=1, config=config)
    core = venue_day.core
    recording = PaperRoomRecording(PaperRoomService(core.sessions, core.clock, core.auth), bank, core.clock,
                                   core.system_actor(), "paper-room-pc")
    engine = venue_day.engine(desk="paper-room-pc", recording=recording)
    engine.start()
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and any(m.frames_analysed < frames // m.config.analyse_every for m in bank.monitors):
            time.sleep(0.05)
    finally:
        engine.stop()
    assert recording.failures == 0
    for monitor in bank.monitors:
        assert (monitor.frames_offered, monitor.frames_recorded, monitor.frames_analysed,
                monitor.frames_dropped) == (frames, frames, frames // 2, 0), monitor.name  # 1 in 2 judged
        assert monitor.tamper.checks == frames // 2 // monitor.config.tamper.check_every
    with core.sessions() as s:
        segments = list(s.scalars(select(VideoSegment)))
        motion = {e.camera for e in s.scalars(select(CameraEvent).where(CameraEvent.kind == "motion"))}
    assert motion == set(names)
    for name in names:
        mine = [seg for seg in segments if seg.camera == name]
        assert sum(seg.frames for seg in mine) == frames, name
        assert sum(_frames_in(Path(seg.path)) for seg in mine) == frames, name


def _frames_in(path: Path) -> int:
    capture = cv2.VideoCapture(str(path))
    count = 0
    while capture.read()[0]:
        count += 1
    capture.release()
    return count
