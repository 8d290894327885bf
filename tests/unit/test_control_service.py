"""A room through its sitting (art. 20(三), 30(三)) with a fake clock, on SQLite and PostgreSQL;
the anchored clock (a PC clock change moves nothing and is logged)."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import pytest
from sqlalchemy import Engine, select

from app.db.models_checkin import Admission
from app.db.models_incidents import Incident
from app.errors import VenueError
from app.rules.clock import AnchoredClock
from app.rules.lifecycle import Phase
from app.security.permissions import Permission
from app.services import assignment, control
from tests.unit.test_control_support import END, START, Day, exam_day
from tests.unit.test_security_support import audit_events


def _admit(day: Day, ticket: str, room: str = "01", at: datetime = START) -> uuid.UUID:
    with day.session() as s, s.begin():
        s.add(Admission(candidate_id=day.candidates[ticket], sitting_id=day.sitting, room_id=day.rooms[room],
                        seat_number=int(ticket[-1]), admitted_at=at, desk="desk-01", staff_name="监考 张一",
                        method="card_and_ticket"))
    return day.candidates[ticket]


def _code(fn: object, *args: object, **kw: object) -> str:
    with pytest.raises(VenueError) as err:
        fn(*args, **kw)  # type: ignore[operator]
    return err.value.code


def _phase(day: Day, at: datetime, room: str = "01") -> Phase:
    with day.session() as s:
        view = control.control_view(s, day.sitting, at)
    (tile,) = [t for t in view.tiles if t.code == room]
    return tile.phase(view.schedule, at)


def test_art20_room_opens_only_after_the_checklist_is_signed_off(engine: Engine) -> None:
    day = exam_day(engine)
    chief, room = day.login("Z0001"), day.rooms["01"]
    at = START - timedelta(minutes=40)
    assert _phase(day, at) is Phase.PENDING
    with day.session() as s, s.begin():
        assert _code(control.open_room, s, chief, day.sitting, room, now=at) == "control.checklist_required"
    with day.session() as s, s.begin():
        err = _code(control.sign_checklist, s, chief, day.sitting, room, control.Checklist(True, False), now=at)
    assert err == "control.checklist_incomplete"
    with day.session() as s, s.begin():
        control.sign_checklist(s, chief, day.sitting, room, control.Checklist(True, True), now=at)
    assert _phase(day, at) is Phase.READY
    with day.session() as s, s.begin():
        control.open_room(s, chief, day.sitting, room, now=at)
    assert _phase(day, at) is Phase.OPEN
    assert [e.action for e in audit_events(engine, "room.")] == ["room.checklist_signed", "room.open"]


def test_art20_computer_based_room_must_be_seal_tested(engine: Engine) -> None:
    day = exam_day(engine)
    chief = day.login("Z0001")
    with day.session() as s, s.begin():
        with pytest.raises(VenueError) as err:
            control.sign_checklist(s, chief, day.computer_sitting, day.rooms["03"], control.Checklist(True, True),
                                   now=START - timedelta(hours=1))
    assert err.value.params["missing"] == ["seal_tested"]
    with day.session() as s, s.begin():
        control.sign_checklist(s, chief, day.computer_sitting, day.rooms["03"], control.Checklist(True, True, True),
                               now=START - timedelta(hours=1))


def test_art30_hand_in_refused_while_sealed_emergency_exit_becomes_an_incident(engine: Engine) -> None:
    day = exam_day(engine)
    chief, inv, room = day.login("Z0001"), day.login("J0001"), day.rooms["01"]
    with day.session() as s, s.begin():
        control.sign_checklist(s, chief, day.sitting, room, control.Checklist(True, True), now=START - timedelta(hours=1))
        control.open_room(s, chief, day.sitting, room, now=START - timedelta(minutes=30))
    a, b = _admit(day, "2026000000011"), _admit(day, "2026000000012")
    # 2.5 h sitting: sealed for 2 h from the start (art. 30(三)), 08:30–10:30 venue time.
    sealed_at = START + timedelta(hours=1, minutes=59, seconds=59)
    with day.session() as s, s.begin():
        with pytest.raises(VenueError) as err:
            control.record_exit(s, inv, day.sitting, room, a, now=sealed_at)
    assert err.value.code == "control.sealed" and err.value.params["until"] == "10:30"
    with day.session() as s, s.begin():
        ex = control.record_exit(s, inv, day.sitting, room, b, emergency_reason="突发疾病，送医", now=sealed_at)
    with day.session() as s:
        inc = s.get(Incident, ex.incident_id)
        assert inc is not None and (inc.category, inc.status, inc.facts) == ("emergency_exit", "draft", "突发疾病，送医")
    with day.session() as s, s.begin():
        ok = control.record_exit(s, inv, day.sitting, room, a, now=START + timedelta(hours=2))
    assert ok.kind == "hand_in"
    with day.session() as s, s.begin():
        assert _code(control.record_exit, s, inv, day.sitting, room, a, now=START + timedelta(hours=2)) == "control.already_left"
    with day.session() as s, s.begin():
        stranger = day.candidates["2026000000021"]
        assert _code(control.record_exit, s, inv, day.sitting, room, stranger,
                     now=START + timedelta(hours=2)) == "control.not_admitted"


def test_art30_phases_follow_the_schedule_through_the_whole_sitting(engine: Engine) -> None:
    day = exam_day(engine)
    chief, room = day.login("Z0001"), day.rooms["01"]
    ok = day.two("Z0001", "F0001", Permission.ASSIGN_INVIGILATORS, "assignment.draw")
    with day.session() as s, s.begin():
        assignment.draw_invigilators(s, ok, day.sitting, seed=9, now=day.clock.now)
        control.sign_checklist(s, chief, day.sitting, room, control.Checklist(True, True), now=START - timedelta(hours=1))
        control.open_room(s, chief, day.sitting, room, now=START - timedelta(minutes=30))
    a = _admit(day, "2026000000011")
    timeline = [
        (START - timedelta(minutes=1), Phase.OPEN),
        (START, Phase.STARTED),
        (START + timedelta(minutes=5), Phase.ENTRY_CLOSED),
        (START + timedelta(hours=2), Phase.SEALING_ENDED),
        (END, Phase.ENDED),
    ]
    for at, expected in timeline:
        assert _phase(day, at) is expected, at
    with day.session() as s, s.begin():
        code = _code(control.collect_papers, s, chief, day.sitting, room, now=START + timedelta(hours=2, minutes=1))
    assert code == "control.still_sitting"
    with day.session() as s, s.begin():
        control.record_exit(s, day.login("J0001"), day.sitting, room, a, now=START + timedelta(hours=2, minutes=2))
        control.collect_papers(s, chief, day.sitting, room, now=START + timedelta(hours=2, minutes=3))
    assert _phase(day, END) is Phase.COLLECTED
    with day.session() as s:
        view = control.control_view(s, day.sitting, START + timedelta(hours=2, minutes=3))
    tile = next(t for t in view.tiles if t.code == "01")
    assert (tile.expected, tile.admitted, tile.handed_in, len(tile.invigilators)) == (3, 1, 1, 2)


def test_art26_control_room_alerts_name_the_room_and_what_is_missing(engine: Engine) -> None:
    day = exam_day(engine)
    chief = day.login("Z0001")
    at = START - timedelta(minutes=20)
    with day.session() as s, s.begin():
        control.sign_checklist(s, chief, day.sitting, day.rooms["02"], control.Checklist(True, True), now=at)
        from app.services import incidents

        incidents.open_draft(s, chief.actor, desk=chief.desk, category="paper_leak", facts="试卷袋破损",
                             sitting_id=day.sitting, room_id=day.rooms["02"], now=at)
    with day.session() as s:
        view = control.control_view(s, day.sitting, at)
    kinds = [(a.kind, a.room_code) for a in view.alerts]
    assert kinds[0] == ("report_now", "02")  # the most urgent first
    assert ("checklist_missing", "01") in kinds and ("not_opened", "02") in kinds
    assert ("invigilators_short", "01") in kinds and ("incident_draft", "02") in kinds


def test_anchored_clock_ignores_a_pc_clock_change_and_reports_it_once(engine: Engine) -> None:
    wall = [START - timedelta(minutes=30)]
    mono = [1000.0]
    clock = AnchoredClock(lambda: wall[0], lambda: mono[0])
    clock.anchor()
    mono[0] += 600
    wall[0] += timedelta(seconds=600)
    assert clock.now() == START - timedelta(minutes=20) and clock.check() is None
    wall[0] += timedelta(hours=1, seconds=1)  # somebody sets the PC's clock an hour ahead, a second later
    mono[0] += 1
    assert clock.now() == START - timedelta(minutes=20) + timedelta(seconds=1)
    jump = clock.check()
    assert jump is not None and jump.change == timedelta(hours=1)
    assert clock.check() is None  # reported once
    day = exam_day(engine)
    with day.session() as s, s.begin():
        control.note_clock_jump(s, day.login("Z0001").actor, "control", jump)
    (event,) = audit_events(engine, "clock.jump")
    assert '"change_seconds": 3600.0' in (event.after_json or "") and event.entity_id == str(day.sitting)
    with day.session() as s:  # the control room alerts on it from the record, on every desk
        view = control.control_view(s, day.sitting, START)
    assert [(a.kind, a.count) for a in view.alerts if a.kind == "clock_jump"] == [("clock_jump", 3600)]


def test_current_sitting_is_the_running_one_else_the_next(engine: Engine) -> None:
    day = exam_day(engine)
    with day.session() as s:
        running = control.current_sitting(s, START + timedelta(hours=1))
        later = control.current_sitting(s, END + timedelta(hours=1))
        assert running is not None and running.id == day.sitting
        assert later is not None and later.id == day.computer_sitting
        assert s.scalars(select(Admission)).first() is None


def test_art30_hand_in_by_ticket_number(engine: Engine) -> None:
    day = exam_day(engine)
    chief, room = day.login("Z0001"), day.rooms["01"]
    _admit(day, "2026000000011")
    with day.session() as s, s.begin():
        assert _code(control.record_exit_by_ticket, s, chief, day.sitting, room, "2099",
                     now=START + timedelta(hours=2)) == "control.unknown_ticket"
    with day.session() as s, s.begin():
        ex = control.record_exit_by_ticket(s, chief, day.sitting, room, " 2026000000011 ", now=START + timedelta(hours=2))
    assert ex.candidate_id == day.candidates["2026000000011"]
