"""The recorded invigilator draw (art. 19, 20(二), 42, 49) on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import Engine, select

from app.db.models_control import InvigilatorDraw
from app.errors import VenueError
from app.rules.assignment import AssignmentImpossible
from app.security.permissions import Permission
from app.services import assignment
from tests.unit.test_control_support import exam_day
from tests.unit.test_security_support import audit_events


def test_art19_draw_is_recorded_with_seed_and_inputs_and_reruns_identically(engine: Engine) -> None:
    day = exam_day(engine)
    ok = day.two("Z0001", "F0001", Permission.ASSIGN_INVIGILATORS, "assignment.draw")
    with day.session() as s, s.begin():
        record = assignment.draw_invigilators(s, ok, day.sitting, seed=20260516, now=day.clock.now)
    with day.session() as s:
        stored = s.get(InvigilatorDraw, record.id)
        assert stored is not None and stored.seed == "20260516"
        assert assignment.reproduces(stored)
        rooms = assignment.assignments(s, day.sitting)
    assert sorted(len(v) for v in rooms.values()) == [2, 2]
    everyone = [a.staff_number for v in rooms.values() for a in v]
    assert "J0009" not in everyone  # art. 20(二): the volunteer takes no part
    # Art. 49: J0002 is related to a candidate seated in room 01.
    assert "J0002" not in [a.staff_number for a in rooms[day.rooms["01"]]]
    (event,) = audit_events(engine, "assignment.")
    assert (event.actor_name, event.cosigner_name) == ("主考 王", "副主考 李")
    assert json.loads(event.after_json or "{}")["seed"] == 20260516


def test_art19_computer_based_sitting_has_a_skilled_invigilator_in_its_room(engine: Engine) -> None:
    day = exam_day(engine)
    ok = day.two("Z0001", "F0001", Permission.ASSIGN_INVIGILATORS, "assignment.draw", day.computer_sitting)
    with day.session() as s, s.begin():
        assignment.draw_invigilators(s, ok, day.computer_sitting, now=day.clock.now)
    with day.session() as s:
        (room,) = assignment.assignments(s, day.computer_sitting).values()
    assert any(a.computer_skills for a in room)


def test_art19_redraw_needs_a_reason_and_keeps_the_earlier_draw(engine: Engine) -> None:
    day = exam_day(engine)
    ok = day.two("Z0001", "F0001", Permission.ASSIGN_INVIGILATORS, "assignment.draw")
    with day.session() as s, s.begin():
        first = assignment.draw_invigilators(s, ok, day.sitting, seed=1, now=day.clock.now)
    with day.session() as s, s.begin(), pytest.raises(VenueError) as err:
        assignment.draw_invigilators(s, ok, day.sitting, seed=2, reason="  ", now=day.clock.now)
    assert err.value.code == "assignment.reason_required"
    again = day.two("Z0001", "F0001", Permission.ASSIGN_INVIGILATORS, "assignment.draw")  # each draw its own
    with day.session() as s, s.begin():
        second = assignment.draw_invigilators(s, again, day.sitting, seed=2, reason="J0004 病假", now=day.clock.now)
    with day.session() as s:
        rows = s.scalars(select(InvigilatorDraw).order_by(InvigilatorDraw.drawn_at)).all()
        assert {r.id: r.superseded_by_id for r in rows} == {first.id: second.id, second.id: None}
        current = assignment.current_draw(s, day.sitting)
        assert current is not None and current.id == second.id
    assert [e.action for e in audit_events(engine, "assignment.")] == ["assignment.draw", "assignment.redraw"]
    assert audit_events(engine, "assignment.redraw")[0].reason == "J0004 病假"


def test_art42_draw_needs_a_leader_and_a_second_person(engine: Engine) -> None:
    day = exam_day(engine)
    with pytest.raises(VenueError) as err:
        day.two("Z0001", "J0001", Permission.ASSIGN_INVIGILATORS, "assignment.draw")
    assert err.value.code == "two_person.role_not_allowed"
    ok = day.two("J0001", "Z0001", Permission.CONFIRM_CHECK, "x")  # an invigilator initiating
    with day.session() as s, s.begin(), pytest.raises(VenueError) as err:
        assignment.draw_invigilators(s, ok, day.sitting, now=day.clock.now)
    assert err.value.code == "security.permission_denied"


def test_art49_impossible_draw_names_the_room_and_writes_nothing(engine: Engine) -> None:
    day = exam_day(engine)
    ok = day.two("Z0001", "F0001", Permission.ASSIGN_INVIGILATORS, "assignment.draw", day.computer_sitting)
    # Computer room 03 needs a skilled invigilator; J0001 and J0003 (the skilled ones) step aside.
    from app.db.models import StaffRelation

    with day.session() as s, s.begin():
        for number in ("J0001", "J0003"):
            s.add(StaffRelation(staff_id=day.staff[number], candidate_id=day.candidates["2026000000031"],
                                relation="亲属"))
    with day.session() as s, s.begin(), pytest.raises(AssignmentImpossible) as err:
        assignment.draw_invigilators(s, ok, day.computer_sitting, now=day.clock.now)
    assert [(p.room, p.reason) for p in err.value.problems] == [("03", "no_computer_skills")]
    with day.session() as s:
        assert s.scalars(select(InvigilatorDraw)).first() is None
