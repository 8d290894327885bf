"""The room record (考场情况记录, arts. 23, 25, 40): built from the data, signed by the room's
invigilators then the chief's office, then queued for the province; on both engines."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.db.models_checkin import Admission, CheckinScan
from app.db.models_sync import OutboxEntry
from app.errors import VenueError
from app.rules.lifecycle import Phase
from app.security.permissions import Permission
from app.services import assignment, control, incidents, room_record
from tests.unit.test_control_support import END, START, Day, exam_day


def _sitting_through(day: Day) -> tuple[str, str]:
    chief = day.login("Z0001")
    ok = day.two("Z0001", "F0001", Permission.ASSIGN_INVIGILATORS, "assignment.draw")
    room = day.rooms["01"]
    with day.session() as s, s.begin():
        draw = assignment.draw_invigilators(s, ok, day.sitting, seed=5, now=day.clock.now)
        control.sign_checklist(s, chief, day.sitting, room, control.Checklist(True, True), now=START - timedelta(hours=1))
        control.open_room(s, chief, day.sitting, room, now=START - timedelta(minutes=30))
        for ticket in ("2026000000011", "2026000000012"):
            s.add(Admission(candidate_id=day.candidates[ticket], sitting_id=day.sitting, room_id=room,
                            seat_number=int(ticket[-1]), admitted_at=START - timedelta(minutes=10), desk="d",
                            staff_name="x", method="card_and_ticket"))
        s.add(CheckinScan(at=START + timedelta(minutes=7), desk="d", staff_name="x", sitting_id=day.sitting,
                          desk_room_id=room, candidate_id=day.candidates["2026000000013"],
                          ticket_number="2026000000013", inputs="ticket", verdict="refuse", reason="entry_closed"))
        s.flush()
        incidents.open_draft(s, chief.actor, desk="d", category="late_refused", facts="08:37 到达",
                             sitting_id=day.sitting, room_id=room, candidate_ids=[day.candidates["2026000000013"]],
                             now=START + timedelta(minutes=7))
    with day.session() as s, s.begin():
        for ticket in ("2026000000011", "2026000000012"):
            control.record_exit(s, chief, day.sitting, room, day.candidates[ticket], now=START + timedelta(hours=2, minutes=5))
        control.collect_papers(s, chief, day.sitting, room, now=START + timedelta(hours=2, minutes=10))
        names = [a.staff_number for a in assignment.assignments(s, day.sitting)[room]]
    assert draw is not None
    return names[0], names[1]


def test_art40_room_record_is_built_from_the_data(engine: Engine) -> None:
    day = exam_day(engine)
    _sitting_through(day)
    with day.session() as s:
        r = room_record.room_record(s, day.sitting, day.rooms["01"])
    assert (r.expected, r.present, r.absent) == (3, 2, 1)
    assert [(a[0], a[2]) for a in r.absentees] == [("2026000000013", 3)]
    assert [x[1] for x in r.refused] == ["2026000000013"] and r.refused[0][3] == "entry_closed"
    assert [i[1] for i in r.incidents] == ["late_refused"]
    assert [h[1] for h in r.hand_ins] == ["2026000000011", "2026000000012"]
    assert len(r.invigilators) == 2 and r.checklist_signed_by == "主考 王"
    assert json.loads(json.dumps(r.as_json()))["room_code"] == "01"


def test_art23_invigilators_sign_then_the_chief_countersigns_and_it_is_queued(engine: Engine) -> None:
    day = exam_day(engine)
    first, _second = _sitting_through(day)
    room = day.rooms["01"]
    chief = day.login("Z0001")
    with day.session() as s, s.begin(), pytest.raises(VenueError) as err:
        room_record.sign_room_record(s, chief, day.sitting, room, now=day.clock.now)
    assert err.value.code == "room_record.invigilators_first"
    outsider = next(n for n in ("J0001", "J0002", "J0003", "J0004", "J0005", "J0006")
                    if n not in _assigned(day, room))
    with day.session() as s, s.begin(), pytest.raises(VenueError) as err:
        room_record.sign_room_record(s, day.login(outsider), day.sitting, room, now=day.clock.now)
    assert err.value.code == "room_record.not_this_room"
    with day.session() as s, s.begin():
        room_record.sign_room_record(s, day.login(first), day.sitting, room, now=END)
        room_record.sign_room_record(s, chief, day.sitting, room, now=END + timedelta(minutes=1))
    with day.session() as s:
        view = control.control_view(s, day.sitting, END + timedelta(minutes=2))
        tile = next(t for t in view.tiles if t.code == "01")
        assert tile.phase(view.schedule, END + timedelta(minutes=2)) is Phase.SIGNED
    with Session(engine) as s:
        (entry,) = s.scalars(select(OutboxEntry).where(OutboxEntry.kind == "room_record")).all()
        payload = json.loads(entry.payload_json)
    assert payload["present"] == 2 and len(payload["signatures"]) == 2
    with day.session() as s, s.begin(), pytest.raises(VenueError) as err:
        room_record.sign_room_record(s, day.login(_second), day.sitting, room, now=day.clock.now)
    assert err.value.code == "room_record.complete"


def _assigned(day: Day, room: object) -> list[str]:
    with day.session() as s:
        return [a.staff_number for a in assignment.assignments(s, day.sitting)[room]]  # type: ignore[index]
