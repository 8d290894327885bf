"""The room record signable by its invigilators (arts. 23, 40; issue 18 item 3): an invigilator,
signed in as themselves, finds the room they were drawn to under "My room records", reads its
record and signs it with their own credential; then the chief examiner's S in the control room
completes it. Real SQLite database, the real services and screens, the chief's screen beside."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.engine import make_engine, make_session_factory
from app.db.migrate import upgrade
from app.db.models_control import RoomRecordSignature, RoomSitting
from app.domain import Role
from app.security.permissions import Permission
from app.services import assignment, control
from app.services.control_room import ControlRoomService
from app.services.invigilator_records import InvigilatorRecords
from tests.unit.test_control_support import END, START, Day, exam_day
from tests.unit.test_security_support import DESK, GOOD
from ui.control.screen import ControlRoomScreen
from ui.control.wiring import control_actions
from ui.room_record.screen import RoomRecordScreen
from ui.room_record.wiring import room_record_actions
from ui.runner import OpRunner
from ui.shell.screens import screens_for


@pytest.fixture
def day(tmp_path: Path) -> Day:
    engine = make_engine(f"sqlite:///{tmp_path / 'venue.sqlite'}")
    upgrade(engine)
    d = exam_day(engine)
    yield d
    engine.dispose()


def _through_collection(day: Day) -> list[str]:
    """Invigilators drawn, room 01 opened, the sitting ended and its papers collected; room 01's
    invigilators returned."""
    chief = day.login("Z0001")
    ok = day.two("Z0001", "F0001", Permission.ASSIGN_INVIGILATORS, "assignment.draw")
    room = day.rooms["01"]
    with day.session() as s, s.begin():
        assignment.draw_invigilators(s, ok, day.sitting, seed=5, now=day.clock.now)
        control.sign_checklist(s, chief, day.sitting, room, control.Checklist(True, True), now=START - timedelta(hours=1))
        control.open_room(s, chief, day.sitting, room, now=START - timedelta(minutes=30))
    day.clock.now = END + timedelta(minutes=5)
    with day.session() as s, s.begin():
        control.collect_papers(s, chief, day.sitting, room, now=day.clock())
        return [a.staff_number for a in assignment.assignments(s, day.sitting)[room]]


def _invigilator_screen(qtbot: QtBot, day: Day, number: str, tmp_path: Path) -> RoomRecordScreen:
    user = day.auth.login(number, GOOD, DESK)  # their own sign-in
    service = InvigilatorRecords(make_session_factory(day.engine), day.clock, day.auth, user)
    screen = RoomRecordScreen(OpRunner(), room_record_actions(service), tmp_path / "reports")
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show()
    return screen


def _chief_screen(qtbot: QtBot, day: Day) -> ControlRoomScreen:
    service = ControlRoomService(make_session_factory(day.engine), day.clock, day.auth, day.login("Z0001"))
    screen = ControlRoomScreen(OpRunner(), service.view, day.clock, control_actions(service), tick_ms=3_600_000)
    qtbot.addWidget(screen)
    screen.resize(1920, 1080)
    screen.show()
    qtbot.waitUntil(lambda: screen._view is not None, timeout=5000)
    return screen


def _chief_signs(qtbot: QtBot, screen: ControlRoomScreen) -> str:
    tile = next(w for w in screen._tiles if w.tile is not None and w.tile.code == "01" and w.isVisible())
    screen.activateWindow()  # the chief's own PC: their window in front
    tile.setFocus()
    qtbot.waitUntil(tile.hasFocus, timeout=5000)
    screen.status.setText("")
    screen.sign_record()
    qtbot.waitUntil(lambda: bool(screen.status.text()), timeout=5000)
    return screen.status.text()


def _signatures(day: Day) -> list[tuple[str, str]]:
    with Session(day.engine) as s:
        return [(sg.staff_name, sg.role) for sg in s.scalars(select(RoomRecordSignature).order_by(RoomRecordSignature.at))]


def test_art23_40_invigilator_signs_their_room_record_from_their_own_sign_in_then_the_chief_countersigns(
        qtbot: QtBot, day: Day, tmp_path: Path) -> None:
    first, _second = _through_collection(day)
    assert [spec.key for spec in screens_for(Role.INVIGILATOR, {})].count("room_record") == 1
    chief = _chief_screen(qtbot, day)
    assert "invigilators sign the record before" in _chief_signs(qtbot, chief)  # what the issue saw

    screen = _invigilator_screen(qtbot, day, first, tmp_path)
    qtbot.waitUntil(lambda: screen.record is not None, timeout=5000)
    assert screen.rooms.count() == 1 and "第01考场" in screen.rooms.item(0).text()
    assert "your signature is needed" in screen.rooms.item(0).text()
    assert "Expected 3 · present 0 · absent 3" in screen.details.text() and screen.sign_button.isEnabled()
    screen.save_pdf()
    assert screen.last_pdf is not None and screen.last_pdf.read_bytes().startswith(b"%PDF")

    # A wrong credential signs nothing and says why.
    screen.status.setText("")
    qtbot.keyClicks(screen.credential, "not-my-credential")
    screen.sign()
    qtbot.waitUntil(lambda: bool(screen.status.text()), timeout=5000)
    assert _signatures(day) == [] and "saved" not in screen.status.text()
    qtbot.waitUntil(screen.sign_button.isEnabled, timeout=5000)

    screen.status.setText("")
    qtbot.keyClicks(screen.credential, GOOD)
    qtbot.keyClick(screen.credential, "\r")
    qtbot.waitUntil(lambda: "your signature is on the room record" in screen.status.text(), timeout=5000)
    qtbot.waitUntil(lambda: "You signed at" in screen.rooms.item(0).text(), timeout=5000)
    assert _signatures(day) == [(day_name(day, first), "invigilator")]
    assert not screen.sign_button.isEnabled() and not screen.credential.isEnabled()

    screen.hide()  # the invigilator's PC is another PC
    assert "your signature is on the room record" in _chief_signs(qtbot, chief)
    with Session(day.engine) as s:
        rs = s.scalars(select(RoomSitting).where(RoomSitting.room_id == day.rooms["01"])).one()
        assert rs.record_signed_at is not None
    screen.show()
    screen.refresh()
    qtbot.waitUntil(lambda: "Complete" in screen.rooms.item(0).text(), timeout=5000)


def test_art47_an_invigilator_not_drawn_to_the_room_neither_sees_nor_signs_its_record(
        qtbot: QtBot, day: Day, tmp_path: Path) -> None:
    assigned = _through_collection(day)
    with day.session() as s:
        drawn = {a.staff_number for room in assignment.assignments(s, day.sitting).values() for a in room}
    outsider = next(n for n in ("J0001", "J0002", "J0003", "J0004", "J0005", "J0006", "J0009") if n not in drawn)
    screen = _invigilator_screen(qtbot, day, outsider, tmp_path)
    qtbot.waitUntil(lambda: screen.rooms.count() == 1, timeout=5000)
    assert "not drawn to a room" in screen.rooms.item(0).text() and not screen.sign_button.isEnabled()
    # Asking the core directly for room 01 (as a patched screen would) is refused too.
    user = day.auth.login(outsider, GOOD, DESK)
    service = InvigilatorRecords(make_session_factory(day.engine), day.clock, day.auth, user)
    from app.errors import VenueError

    with pytest.raises(VenueError) as read:
        service.record(day.sitting, day.rooms["01"])
    with pytest.raises(VenueError) as signed:
        service.sign(day.sitting, day.rooms["01"], GOOD)
    assert read.value.code == signed.value.code == "room_record.not_this_room"
    assert _signatures(day) == [] and assigned


def day_name(day: Day, number: str) -> str:
    from app.db.models import Staff

    with Session(day.engine) as s:
        return str(s.scalars(select(Staff.name).where(Staff.staff_number == number)).one())
