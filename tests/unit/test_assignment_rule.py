"""The random invigilator assignment (art. 19, 20(二), 49): examples and properties (hypothesis)."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain import EmployerType, Role
from app.rules.assignment import (
    AssignmentImpossible,
    Draw,
    DrawInputs,
    RoomNeed,
    StaffInfo,
    allowed,
    blocked_is_infeasible,
    draw,
    exclusion_reason,
)

CIVIL = EmployerType.PUBLIC_INSTITUTION


def inv(key: str, skills: bool = False, employer: EmployerType = CIVIL, active: bool = True) -> StaffInfo:
    return StaffInfo(key, Role.INVIGILATOR, employer, skills, active)


def room(code: str, computer: bool = False, *tickets: str) -> RoomNeed:
    return RoomNeed(code, computer, frozenset(tickets))


def check(inputs: DrawInputs, result: Draw) -> None:
    """Every constraint of art. 19, 20(二), 49 holds in `result`."""
    staff = {s.key: s for s in inputs.staff}
    seen: list[str] = []
    for r in inputs.rooms:
        keys = result.rooms[r.code]
        assert len(keys) >= inputs.per_room
        assert all(exclusion_reason(staff[k]) is None for k in keys)
        assert all(allowed(staff[k], r, inputs.relations) for k in keys)
        if r.computer_based:
            assert any(staff[k].computer_skills for k in keys)
        seen += keys
    assert len(seen) == len(set(seen)), "nobody invigilates two rooms at once"


def test_art19_two_invigilators_per_room_and_the_rest_in_reserve() -> None:
    inputs = DrawInputs(tuple(inv(f"J{i:02d}") for i in range(7)), (room("01"), room("02"), room("03")), frozenset())
    result = draw(inputs, seed=42)
    check(inputs, result)
    assert len(result.reserve) == 1


def test_art19_computer_based_room_gets_an_invigilator_with_computer_skills() -> None:
    inputs = DrawInputs((inv("A"), inv("B"), inv("C"), inv("D", skills=True)), (room("01"), room("02", True)), frozenset())
    for seed in range(30):
        result = draw(inputs, seed)
        check(inputs, result)
        assert result.rooms["02"][0] == "D"  # the computer-skills place is listed first


def test_art49_related_staff_never_invigilate_the_candidate_s_room() -> None:
    inputs = DrawInputs((inv("A"), inv("B"), inv("C"), inv("D")),
                        (room("01", False, "T1"), room("02", False, "T2")),
                        frozenset({("A", "T1"), ("B", "T1")}))
    for seed in range(30):
        result = draw(inputs, seed)
        check(inputs, result)
        assert set(result.rooms["02"]) == {"A", "B"}


def test_art20_volunteers_public_recruits_and_inactive_staff_take_no_part() -> None:
    inputs = DrawInputs((inv("A"), inv("B"), inv("V", employer=EmployerType.VOLUNTEER),
                         inv("P", employer=EmployerType.PUBLIC_RECRUITMENT), inv("X", active=False),
                         StaffInfo("S", Role.SECURITY_STAFF, CIVIL, True)), (room("01"),), frozenset())
    result = draw(inputs, 7)
    assert set(result.rooms["01"]) == {"A", "B"}
    assert result.excluded == {"V": "ineligible_employer", "P": "ineligible_employer", "X": "inactive",
                               "S": "not_invigilator"}


def test_art19_same_seed_same_inputs_same_draw_whatever_their_order() -> None:
    staff = [inv(f"J{i:02d}", skills=i % 3 == 0) for i in range(20)]
    rooms = [room(f"{i:02d}", i % 2 == 0, f"T{i}") for i in range(8)]
    rel = frozenset({("J01", "T2"), ("J05", "T3")})
    a = draw(DrawInputs(tuple(staff), tuple(rooms), rel), 123456789)
    shuffled_staff, shuffled_rooms = staff[:], rooms[:]
    random.Random(1).shuffle(shuffled_staff)
    random.Random(2).shuffle(shuffled_rooms)
    b = draw(DrawInputs(tuple(shuffled_staff), tuple(shuffled_rooms), rel), 123456789)
    assert a == b
    # Another seed draws differently (with 20 people and 8 rooms, practically always).
    assert any(draw(DrawInputs(tuple(staff), tuple(rooms), rel), s).rooms != a.rooms for s in range(5))


def test_art19_inputs_round_trip_through_their_recorded_form() -> None:
    inputs = DrawInputs((inv("A", True), inv("B"), inv("C")), (room("01", True, "T1"),), frozenset({("C", "T1")}))
    again = DrawInputs.from_canonical(inputs.canonical())
    assert again == inputs and again.digest() == inputs.digest()
    assert draw(again, 5) == draw(inputs, 5)


def test_art19_impossible_room_is_named_not_relaxed() -> None:
    inputs = DrawInputs((inv("A"), inv("B"), inv("C")), (room("01", False, "T1"), room("07", True)),
                        frozenset())
    with pytest.raises(AssignmentImpossible) as err:
        draw(inputs, 1)
    assert err.value.code == "assignment.impossible"
    assert [(p.room, p.reason) for p in err.value.problems] == [("07", "no_computer_skills")]
    assert blocked_is_infeasible(inputs, err.value.problems)
    assert "07" in str(err.value)


def test_art49_relations_that_empty_a_room_are_explained_by_that_room() -> None:
    inputs = DrawInputs((inv("A"), inv("B"), inv("C"), inv("D"), inv("E")),
                        (room("01", False, "T1", "T2"), room("02", False, "T3")),
                        frozenset({("A", "T1"), ("B", "T2"), ("C", "T1"), ("D", "T2")}))
    with pytest.raises(AssignmentImpossible) as err:
        draw(inputs, 3)
    (problem,) = err.value.problems
    assert (problem.room, problem.reason, problem.available) == ("01", "too_few_free", 1)
    assert blocked_is_infeasible(inputs, err.value.problems)


@st.composite
def scenarios(draw_: st.DrawFn) -> DrawInputs:
    n_staff = draw_(st.integers(0, 14))
    staff = tuple(
        StaffInfo(f"S{i:02d}", draw_(st.sampled_from([Role.INVIGILATOR] * 4 + [Role.ROVING_INVIGILATOR])),
                  draw_(st.sampled_from([CIVIL, CIVIL, CIVIL, EmployerType.VOLUNTEER])),
                  draw_(st.booleans()), draw_(st.sampled_from([True, True, True, False])))
        for i in range(n_staff)
    )
    n_rooms = draw_(st.integers(1, 6))
    rooms = tuple(
        RoomNeed(f"{r:02d}", draw_(st.booleans()),
                 frozenset(f"T{r}{c}" for c in range(draw_(st.integers(0, 3)))))
        for r in range(n_rooms)
    )
    tickets = sorted({t for r in rooms for t in r.candidates})
    relations = frozenset()
    if staff and tickets:
        relations = frozenset(draw_(st.lists(st.tuples(st.sampled_from([s.key for s in staff]),
                                                       st.sampled_from(tickets)), max_size=12)))
    return DrawInputs(staff, rooms, relations, draw_(st.sampled_from([2, 2, 3])))


@settings(max_examples=300, deadline=None)
@given(scenarios(), st.integers(0, 2**63))
def test_art19_art49_every_constraint_holds_or_the_refusal_names_the_blocking_rooms(
    inputs: DrawInputs, seed: int
) -> None:
    try:
        result = draw(inputs, seed)
    except AssignmentImpossible as err:
        assert err.problems
        assert blocked_is_infeasible(inputs, err.problems)
        assert {p.room for p in err.problems} <= {r.code for r in inputs.rooms}
    else:
        check(inputs, result)
        assert result == draw(inputs, seed)
