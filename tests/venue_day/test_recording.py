"""Art. 22(五): the paper-room recording belongs to the engine, not to a screen or a session: it
starts with the engine, runs with nobody signed in, and its last segment is closed, hashed and
indexed when the engine stops. A simulated camera (`sim:motion`) through the real CameraBank,
CameraMonitor and recorder, on SQLite and on PostgreSQL."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

from sqlalchemy import select

from app.db.models_custody import CameraEvent, VideoSegment
from app.engine.recording import PaperRoomRecording
from app.services.paper_room import PaperRoomService
from devices.camera.bank import CameraBank, thumbnail_path
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
