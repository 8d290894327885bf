"""Random assignment of invigilators to rooms on exam day (art. 19, 20(二), 49). Pure and seeded.

The constraints:

- every room gets at least `per_room` (2) invigilators (art. 19);
- a computer-based room gets at least one invigilator with computer skills (art. 19);
- nobody with a declared relation to a candidate seated in a room invigilates that room (art. 49);
- only active invigilators whose employer type is allowed take part (art. 20(二): no volunteers,
  no public recruits).

The draw is a maximum bipartite matching between *slots* (per room: one "computer skills" slot
when the room needs it, the rest "anyone") and staff, built by augmenting paths in an order fixed
by the seed. Staff and rooms are first sorted by their own keys, so the same seed and the same
inputs give the same assignment whatever order the caller lists them in: anyone can re-run it.

When no assignment satisfies every constraint, nothing is relaxed: the refusal names a set of
rooms whose slots together have fewer eligible candidates than they need (a Hall violator, read
from the maximum matching), which is a proof that those rooms cannot all be staffed.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from app.domain import INELIGIBLE_INVIGILATOR_EMPLOYERS, EmployerType, Role
from app.errors import VenueError

MIN_PER_ROOM = 2


@dataclass(frozen=True)
class StaffInfo:
    key: str  # staff number: stable across databases, so a re-run elsewhere gives the same draw
    role: Role
    employer_type: EmployerType
    computer_skills: bool
    active: bool = True


@dataclass(frozen=True)
class RoomNeed:
    code: str
    computer_based: bool
    candidates: frozenset[str]  # ticket numbers seated in the room


@dataclass(frozen=True)
class DrawInputs:
    staff: tuple[StaffInfo, ...]
    rooms: tuple[RoomNeed, ...]
    relations: frozenset[tuple[str, str]]  # (staff key, candidate ticket), art. 49
    per_room: int = MIN_PER_ROOM

    def canonical(self) -> dict[str, object]:
        """A JSON-able form, sorted, that `from_canonical` reads back: what the draw records."""
        return {
            "per_room": self.per_room,
            "staff": [
                {"key": s.key, "role": s.role.value, "employer_type": s.employer_type.value,
                 "computer_skills": s.computer_skills, "active": s.active}
                for s in sorted(self.staff, key=lambda s: s.key)
            ],
            "rooms": [
                {"code": r.code, "computer_based": r.computer_based, "candidates": sorted(r.candidates)}
                for r in sorted(self.rooms, key=lambda r: r.code)
            ],
            "relations": sorted([list(p) for p in self.relations]),
        }

    @classmethod
    def from_canonical(cls, data: Mapping[str, object]) -> DrawInputs:
        staff = data["staff"]
        rooms = data["rooms"]
        relations = data["relations"]
        assert isinstance(staff, list) and isinstance(rooms, list) and isinstance(relations, list)
        per_room = data.get("per_room", MIN_PER_ROOM)
        assert isinstance(per_room, int)
        return cls(
            tuple(StaffInfo(s["key"], Role(s["role"]), EmployerType(s["employer_type"]),
                            bool(s["computer_skills"]), bool(s["active"])) for s in staff),
            tuple(RoomNeed(r["code"], bool(r["computer_based"]), frozenset(r["candidates"])) for r in rooms),
            frozenset((str(a), str(b)) for a, b in relations),
            per_room,
        )

    def digest(self) -> str:
        text = json.dumps(self.canonical(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class RoomProblem:
    """One room of a set of rooms that cannot all be staffed.

    `skilled_needed` + `other_needed` are the room's share of the blocked places; all the blocked
    places of the refusal together have fewer eligible people than places (`blocked_is_infeasible`).
    `available` is how many eligible people are free (no declared relation) for this room."""

    room: str
    reason: str  # "too_few_free" | "no_computer_skills" | "shared_shortage"
    skilled_needed: int
    other_needed: int
    available: int


class AssignmentImpossible(VenueError):
    def __init__(self, problems: tuple[RoomProblem, ...]) -> None:
        rooms = ", ".join(p.room for p in problems)
        super().__init__(
            "assignment.impossible",
            "Invigilators cannot be assigned as the rules require; rooms that cannot be staffed: {rooms}.",
            rooms=rooms,
        )
        self.problems = problems


@dataclass(frozen=True)
class Draw:
    seed: int
    inputs_digest: str
    rooms: Mapping[str, tuple[str, ...]]  # room code -> staff keys, computer-skilled slot first
    reserve: tuple[str, ...]  # eligible staff not placed in a room (e.g. roving duty)
    excluded: Mapping[str, str] = field(default_factory=dict)  # staff key -> reason

    def as_json(self) -> dict[str, object]:
        return {"seed": self.seed, "inputs_digest": self.inputs_digest,
                "rooms": {k: list(v) for k, v in sorted(self.rooms.items())},
                "reserve": list(self.reserve), "excluded": dict(sorted(self.excluded.items()))}


def exclusion_reason(s: StaffInfo) -> str | None:
    """Why a staff member takes no part in the draw at all, or None."""
    if s.role is not Role.INVIGILATOR:
        return "not_invigilator"
    if not s.active:
        return "inactive"
    if s.employer_type in INELIGIBLE_INVIGILATOR_EMPLOYERS:
        return "ineligible_employer"  # art. 20(二)
    return None


@dataclass(frozen=True)
class _Slot:
    room: str
    skilled: bool


def _slots(rooms: Iterable[RoomNeed], per_room: int) -> list[_Slot]:
    out: list[_Slot] = []
    for r in rooms:
        skilled = 1 if r.computer_based else 0
        out += [_Slot(r.code, True)] * skilled + [_Slot(r.code, False)] * (per_room - skilled)
    return out


def allowed(staff: StaffInfo, room: RoomNeed, relations: frozenset[tuple[str, str]]) -> bool:
    """Art. 49: no staff member with a declared relation to anyone seated in the room."""
    return not any((staff.key, c) in relations for c in room.candidates)


def draw(inputs: DrawInputs, seed: int) -> Draw:
    """The assignment for `seed`, or AssignmentImpossible naming the rooms that block it."""
    if inputs.per_room < MIN_PER_ROOM:
        raise ValueError("art. 19: at least two invigilators per room")
    rooms = sorted(inputs.rooms, key=lambda r: r.code)
    if len({r.code for r in rooms}) != len(rooms):
        raise ValueError("room codes must be unique")
    staff_all = sorted(inputs.staff, key=lambda s: s.key)
    excluded = {s.key: why for s in staff_all if (why := exclusion_reason(s)) is not None}
    eligible = [s for s in staff_all if s.key not in excluded]

    rng = random.Random(seed)
    order = eligible[:]
    rng.shuffle(order)
    room_order = rooms[:]
    rng.shuffle(room_order)
    slots = _slots(room_order, inputs.per_room)
    by_code = {r.code: r for r in rooms}
    # Room compatibility once per (staff, room); a slot adds the skills condition.
    free = {(s.key, r.code): allowed(s, r, inputs.relations) for s in order for r in rooms}

    def fits(i: int, s: StaffInfo) -> bool:
        slot = slots[i]
        return free[(s.key, slot.room)] and (s.computer_skills or not slot.skilled)

    edges = [[j for j, s in enumerate(order) if fits(i, s)] for i in range(len(slots))]
    match_of_staff: dict[int, int] = {}
    match_of_slot: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in match_of_staff or augment(match_of_staff[j], seen):
                match_of_staff[j] = i
                match_of_slot[i] = j
                return True
        return False

    for i in range(len(slots)):
        augment(i, set())

    if len(match_of_slot) < len(slots):
        free_count = {r.code: sum(1 for s in order if free[(s.key, r.code)]) for r in rooms}
        raise AssignmentImpossible(_explain(slots, edges, match_of_slot, match_of_staff, by_code, free_count))

    placed: dict[str, list[tuple[bool, str]]] = {r.code: [] for r in rooms}
    for i, j in match_of_slot.items():
        placed[slots[i].room].append((not slots[i].skilled, order[j].key))
    result = {code: tuple(k for _, k in sorted(v)) for code, v in placed.items()}
    taken = set(match_of_staff)
    reserve = tuple(sorted(order[j].key for j in range(len(order)) if j not in taken))
    return Draw(seed, inputs.digest(), result, reserve, excluded)


def _explain(
    slots: list[_Slot],
    edges: list[list[int]],
    match_of_slot: dict[int, int],
    match_of_staff: dict[int, int],
    rooms: Mapping[str, RoomNeed],
    free_count: Mapping[str, int],
) -> tuple[RoomProblem, ...]:
    """Slots reachable by alternating paths from the unfilled ones form a set S with |N(S)| < |S|
    (König/Hall): name its rooms, each with its places in S and who could serve it."""
    unfilled = [i for i in range(len(slots)) if i not in match_of_slot]
    reach_slots: set[int] = set(unfilled)
    reach_staff: set[int] = set()
    stack = list(unfilled)
    while stack:
        i = stack.pop()
        for j in edges[i]:
            if j not in reach_staff:
                reach_staff.add(j)
                k = match_of_staff.get(j)
                if k is not None and k not in reach_slots:
                    reach_slots.add(k)
                    stack.append(k)
    problems = []
    for code in sorted({slots[i].room for i in reach_slots}):
        mine = [slots[i] for i in reach_slots if slots[i].room == code]
        skilled = sum(1 for sl in mine if sl.skilled)
        room_slots = [i for i in range(len(slots)) if slots[i].room == code]
        skilled_people = {j for i in room_slots if slots[i].skilled for j in edges[i]}
        if rooms[code].computer_based and not skilled_people:
            reason = "no_computer_skills"
        elif free_count[code] < len(room_slots):
            reason = "too_few_free"
        else:
            reason = "shared_shortage"
        problems.append(RoomProblem(code, reason, skilled, len(mine) - skilled, free_count[code]))
    return tuple(problems)


def blocked_is_infeasible(inputs: DrawInputs, problems: Iterable[RoomProblem]) -> bool:
    """Independent check of a refusal (for the tests and for anyone re-running a draw): the
    blocked places together have fewer eligible people who could take one than there are places."""
    rooms = {r.code: r for r in inputs.rooms}
    eligible = [s for s in inputs.staff if exclusion_reason(s) is None]
    places = 0
    people: set[str] = set()
    for p in problems:
        room = rooms[p.room]
        places += p.skilled_needed + p.other_needed
        for s in eligible:
            if allowed(s, room, inputs.relations) and (p.other_needed > 0 or s.computer_skills):
                people.add(s.key)
    return places > 0 and len(people) < places
