"""The paper-room screen end to end (art. 22(五)): real frames from simulated cameras through
CameraMonitor (recording and analysis), segments indexed with the hash of the file on disk, a
covered camera recorded as an alert with a snapshot, and the duty list turning red and back as
staff sign on with their credentials. Real SQLite file."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.engine import make_engine
from app.db.migrate import upgrade
from app.db.models_custody import CameraEvent, VideoSegment
from app.domain import RetentionClass
from app.engine.clock import VenueClock
from app.engine.recording import PaperRoomRecording
from app.rules.custody import ESCORT, SECURE_ROOM
from app.security.auth import StaffSession
from app.services.audit import Actor
from devices.base import DeviceState, EventSink
from devices.camera.bank import CameraBank
from devices.camera.monitor import CameraMonitor, MonitorConfig
from devices.camera.simulator import Episode, Scene, SyntheticCapture
from devices.camera.source import SourceConfig, SourceKind, SourceSpec
from tests.qt_support import drain
from tests.unit.test_custody_support import Venue, make_venue
from tests.unit.test_security_support import GOOD
from ui.paper_room.screen import PaperRoomScreen
from ui.paper_room.wiring import paper_room_screen
from ui.runner import OpRunner

# 60 frames/s so that the covered lens comes a second in, not four.
SCENE = Scene(width=320, height=240, fps=60.0, period=240, episodes=(Episode("black", 90, 200),))


@pytest.fixture
def venue(tmp_path: Path) -> Iterator[Venue]:
    engine = make_engine(f"sqlite:///{tmp_path / 'venue.sqlite'}")
    upgrade(engine)
    v = make_venue(engine)
    v.clock.now = datetime.now(UTC)  # camera events carry the real time
    yield v
    drain()
    engine.dispose()


def _recording(v: Venue, recordings: Path, record_fps: float = 60) -> PaperRoomRecording:
    """The engine's recording over one simulated camera, started (as the application starts it)."""
    def make(sink: EventSink) -> list[CameraMonitor]:
        config = MonitorConfig(source=SourceConfig(frozen_after_s=None), out_dir=recordings / "cam-1",
                               record_fps=record_fps)
        return [CameraMonitor("cam-1", SourceSpec(SourceKind.SIMULATOR, "test"), sink,
                              config, opener=lambda _spec: SyntheticCapture(SCENE))]

    recording = PaperRoomRecording(v.paper_room, CameraBank(make, recordings / "snapshots"), VenueClock(),
                                   Actor.system("paper-room"), "paper-room-pc")
    recording.start()
    return recording


def _screen(qtbot: QtBot, v: Venue, recording: PaperRoomRecording, recordings: Path,
            user: StaffSession | None = None) -> PaperRoomScreen:
    screen = paper_room_screen(OpRunner(), v.paper_room, v.clock, "paper-room-pc", recordings, recording, user)
    qtbot.addWidget(screen)
    screen.resize(1600, 900)
    screen.show()
    return screen


def test_art22_5_camera_wall_records_indexes_hashes_and_alerts_on_a_covered_camera(
        qtbot: QtBot, venue: Venue, tmp_path: Path) -> None:
    recording = _recording(venue, tmp_path / "rec")
    screen = _screen(qtbot, venue, recording, tmp_path / "rec", user=venue.login("Z0001"))
    tile = screen.wall.tiles[0]
    qtbot.waitUntil(lambda: tile.frames_shown > 3, timeout=10000)
    assert tile.dot.property("on") is True and screen.wall.tiles[1].feed is None
    qtbot.waitUntil(lambda: any("⚠" in screen.events.item(i).text() for i in range(screen.events.count())),
                    timeout=15000)
    recording.stop()  # closes and hashes the open segment
    assert screen.cameras.segments_indexed >= 1
    with Session(venue.engine) as s:
        segment = s.scalars(select(VideoSegment)).first()
        covered = s.scalars(select(CameraEvent).where(CameraEvent.kind == "covered")).first()
    assert segment is not None and segment.frames > 0
    assert hashlib.sha256(Path(segment.path).read_bytes()).hexdigest() == segment.sha256
    assert covered is not None and covered.alert and Path(covered.snapshot_path).is_file()
    # The chief keeps the last ten minutes as evidence: the segment moves to the 2-year class (art. 29).
    venue.clock.now = datetime.now(UTC)
    screen.evidence_reason.setText("门锁异常")  # QTest types ASCII only
    qtbot.mouseClick(screen.evidence_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.message.text() != "", timeout=5000)
    with Session(venue.engine) as s:
        assert s.scalars(select(VideoSegment)).first().retention_class is RetentionClass.SERIOUS  # type: ignore[union-attr]


def test_art22_5_duty_list_is_red_with_papers_and_fewer_than_two_on_duty(
        qtbot: QtBot, venue: Venue, tmp_path: Path) -> None:
    venue.hand_over(ESCORT, SECURE_ROOM, venue.ok("01Q", "01A"), ("Z0001", "F0001"), ("B0001", "B0002"))
    recording = _recording(venue, tmp_path / "rec")
    screen = _screen(qtbot, venue, recording, tmp_path / "rec", user=venue.login("B0001"))
    assert not screen.evidence_button.isVisibleTo(screen)  # security staff do not decide what is evidence
    qtbot.waitUntil(lambda: screen.duty_status.property("bad") is True, timeout=5000)

    def sign_on(number: str) -> None:
        qtbot.keyClicks(screen.staff_number, number)
        qtbot.keyClicks(screen.credential, GOOD)
        qtbot.keyClick(screen.credential, Qt.Key.Key_Return)

    sign_on("B0001")
    qtbot.waitUntil(lambda: screen.duty_list.count() == 2, timeout=5000)  # one person and the warning line
    assert screen.duty_status.property("bad") is True
    sign_on("B0002")
    qtbot.waitUntil(lambda: screen.duty_status.property("bad") is False, timeout=5000)
    assert screen.duty_list.count() == 2
    sign_on("J0701")  # an invigilator does not stand watch in the secure room
    qtbot.waitUntil(lambda: screen.message.text() != "", timeout=5000)
    recording.stop()


def test_art22_5_cameras_keep_recording_when_the_screen_goes_at_sign_out(
        qtbot: QtBot, venue: Venue, tmp_path: Path) -> None:
    recording = _recording(venue, tmp_path / "rec", record_fps=15)
    bank = recording.recorder
    assert isinstance(bank, CameraBank)
    monitor = bank.monitors[0]
    try:
        first = paper_room_screen(OpRunner(), venue.paper_room, venue.clock, "pc", tmp_path / "rec", recording)
        qtbot.waitUntil(lambda: monitor.status.state is DeviceState.CONNECTED, timeout=5000)
        first.deleteLater()
        qtbot.waitUntil(lambda: not shiboken6.isValid(first), timeout=5000)
        frame = monitor.latest_frame()
        qtbot.waitUntil(lambda: monitor.latest_frame() is not frame, timeout=5000)
        assert monitor.status.state is DeviceState.CONNECTED
        second = paper_room_screen(OpRunner(), venue.paper_room, venue.clock, "pc", tmp_path / "rec", recording)
        qtbot.addWidget(second)
        second.show()
        qtbot.waitUntil(lambda: second.wall.tiles[0].frames_shown > 0, timeout=5000)
    finally:
        recording.stop()
