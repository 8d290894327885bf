"""The random invigilator draw of a sitting (art. 19, 20(二), 49), recorded so anyone can re-run it.

A draw needs two people (art. 42: `Confirmation` for `Permission.ASSIGN_INVIGILATORS`). Its seed,
its canonical inputs (rooms with their candidates' tickets, invigilators with role, employer
type, skills, and the declared relations) and its result are stored; `rerun` recomputes it from
those alone. A redraw needs a reason: the earlier draw stays, marked superseded."""

from __future__ import annotations

import json
import secrets
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Candidate, Room, SeatAssignment, Sitting, Staff, StaffRelation
from app.db.models_control import InvigilatorAssignment, InvigilatorDraw
from app.domain import RoomKind, SittingMode
from app.errors import VenueError
from app.rules.assignment import Draw, DrawInputs, RoomNeed, StaffInfo, draw
from app.security.permissions import Permission, require
from app.security.two_person import Confirmation
from app.services import audit


class SittingNotFound(VenueError):
    def __init__(self, sitting: str) -> None:
        super().__init__("control.sitting_not_found", "No sitting {sitting} in this venue's package.", sitting=sitting)


def _sitting(session: Session, sitting_id: uuid.UUID) -> Sitting:
    sitting = session.get(Sitting, sitting_id)
    if sitting is None:
        raise SittingNotFound(str(sitting_id))
    return sitting


def sitting_rooms(session: Session, sitting_id: uuid.UUID) -> list[Room]:
    """The rooms in use in a sitting: those where the province seated candidates."""
    ids = select(SeatAssignment.room_id).where(SeatAssignment.sitting_id == sitting_id).distinct()
    return list(session.scalars(select(Room).where(Room.id.in_(ids)).order_by(Room.code)))


def build_inputs(session: Session, sitting_id: uuid.UUID) -> DrawInputs:
    sitting = _sitting(session, sitting_id)
    tickets: dict[uuid.UUID, set[str]] = defaultdict(set)
    rows = session.execute(
        select(SeatAssignment.room_id, Candidate.ticket_number)
        .join(Candidate, Candidate.id == SeatAssignment.candidate_id)
        .where(SeatAssignment.sitting_id == sitting_id, Candidate.withdrawn.is_(False))
    )
    for room_id, ticket in rows:
        tickets[room_id].add(ticket)
    rooms = tuple(
        RoomNeed(r.code, r.kind is RoomKind.COMPUTER or sitting.mode is SittingMode.COMPUTER,
                 frozenset(tickets.get(r.id, set())))
        for r in sitting_rooms(session, sitting_id)
    )
    staff = tuple(
        StaffInfo(s.staff_number, s.role, s.employer_type, s.computer_skills, s.active)
        for s in session.scalars(select(Staff).order_by(Staff.staff_number))
    )
    relations = frozenset(
        (number, ticket) for number, ticket in session.execute(
            select(Staff.staff_number, Candidate.ticket_number)
            .join(StaffRelation, StaffRelation.staff_id == Staff.id)
            .join(Candidate, Candidate.id == StaffRelation.candidate_id)
        )
    )
    return DrawInputs(staff, rooms, relations)


def current_draw(session: Session, sitting_id: uuid.UUID) -> InvigilatorDraw | None:
    return session.scalars(
        select(InvigilatorDraw)
        .where(InvigilatorDraw.sitting_id == sitting_id, InvigilatorDraw.superseded_by_id.is_(None))
        .order_by(InvigilatorDraw.drawn_at.desc())
        .limit(1)
    ).first()


# What a draw is confirmed for (TwoPersonRule.confirm, entity the sitting id).
DRAW_ACTION = "assignment.draw"


def draw_invigilators(
    session: Session,
    confirmation: Confirmation,
    sitting_id: uuid.UUID,
    *,
    seed: int | None = None,
    reason: str = "",
    now: datetime,
) -> InvigilatorDraw:
    """Draw and record, in the caller's transaction. Raises AssignmentImpossible naming rooms."""
    require(session, confirmation.initiator, Permission.ASSIGN_INVIGILATORS)
    require(session, confirmation.second, Permission.ASSIGN_INVIGILATORS)
    previous = current_draw(session, sitting_id)
    reason = reason.strip()
    if previous is not None and not reason:
        raise VenueError("assignment.reason_required", "A redraw needs a reason; the earlier draw is kept.")
    confirmation.redeem(DRAW_ACTION, sitting_id)
    inputs = build_inputs(session, sitting_id)
    chosen = secrets.randbits(63) if seed is None else seed
    result = draw(inputs, chosen)
    rooms = {r.code: r for r in sitting_rooms(session, sitting_id)}
    staff = {s.staff_number: s for s in session.scalars(select(Staff))}
    record = InvigilatorDraw(
        id=uuid.uuid4(), sitting_id=sitting_id, seed=str(chosen),
        inputs_json=json.dumps(inputs.canonical(), ensure_ascii=False, sort_keys=True),
        inputs_sha256=result.inputs_digest, result_json=json.dumps(result.as_json(), ensure_ascii=False, sort_keys=True),
        drawn_at=now, drawn_by=confirmation.actor.name, confirmed_by=confirmation.cosigner.name, reason=reason,
    )
    session.add(record)
    session.flush()
    for code, keys in result.rooms.items():
        for position, key in enumerate(keys):
            session.add(InvigilatorAssignment(draw_id=record.id, room_id=rooms[code].id,
                                              staff_id=staff[key].id, position=position))
    before = None
    if previous is not None:
        previous.superseded_by_id = record.id
        before = {"draw": str(previous.id), "seed": previous.seed}
    audit.record(
        session, confirmation.actor, "assignment.redraw" if previous else "assignment.draw", "invigilator_draw",
        record.id, desk=confirmation.initiator.desk, before=before,
        after={"sitting": str(sitting_id), **result.as_json()}, reason=reason,
        cosigner=confirmation.cosigner, now=now,
    )
    session.flush()
    return record


def rerun(record: InvigilatorDraw) -> Draw:
    """Recompute a recorded draw from its seed and inputs alone (anyone can; no database needed)."""
    return draw(DrawInputs.from_canonical(json.loads(record.inputs_json)), int(record.seed))


def reproduces(record: InvigilatorDraw) -> bool:
    recorded: object = json.loads(record.result_json)
    return rerun(record).as_json() == recorded


@dataclass(frozen=True)
class Assigned:
    room_code: str
    staff_number: str
    name: str
    computer_skills: bool


def assignments(session: Session, sitting_id: uuid.UUID) -> dict[uuid.UUID, list[Assigned]]:
    """Room id → its invigilators in the current draw (empty when nothing is drawn yet)."""
    record = current_draw(session, sitting_id)
    out: dict[uuid.UUID, list[Assigned]] = defaultdict(list)
    if record is None:
        return out
    rows = session.execute(
        select(InvigilatorAssignment, Staff, Room)
        .join(Staff, Staff.id == InvigilatorAssignment.staff_id)
        .join(Room, Room.id == InvigilatorAssignment.room_id)
        .where(InvigilatorAssignment.draw_id == record.id)
        .order_by(Room.code, InvigilatorAssignment.position)
    )
    for a, s, r in rows:
        out[a.room_id].append(Assigned(r.code, s.staff_number, s.name, s.computer_skills))
    return out


@dataclass(frozen=True)
class DrawSheet:
    """The current draw of a sitting, for printing and for anyone who wants to re-run it."""

    sitting_code: str
    subject: str
    starts_at: datetime
    seed: str
    inputs_sha256: str
    drawn_at: datetime
    drawn_by: str
    confirmed_by: str
    reason: str
    earlier_draws: int
    rooms: tuple[tuple[str, tuple[tuple[str, str, bool], ...]], ...]  # room code -> (number, name, skills)
    reserve: tuple[tuple[str, str], ...]
    excluded: tuple[tuple[str, str, str], ...]  # (number, name, reason code)
    reproduces: bool


def draw_sheet(session: Session, sitting_id: uuid.UUID) -> DrawSheet | None:
    record = current_draw(session, sitting_id)
    if record is None:
        return None
    sitting = _sitting(session, sitting_id)
    result = json.loads(record.result_json)
    names = {s.staff_number: s for s in session.scalars(select(Staff))}
    by_room = assignments(session, sitting_id)
    rooms = tuple(
        (people[0].room_code, tuple((a.staff_number, a.name, a.computer_skills) for a in people))
        for people in sorted(by_room.values(), key=lambda p: p[0].room_code) if people
    )
    earlier = len(session.scalars(select(InvigilatorDraw.id).where(
        InvigilatorDraw.sitting_id == sitting_id, InvigilatorDraw.superseded_by_id.is_not(None))).all())
    return DrawSheet(
        sitting.code, sitting.subject, sitting.starts_at, record.seed, record.inputs_sha256, record.drawn_at,
        record.drawn_by, record.confirmed_by, record.reason, earlier, rooms,
        tuple((k, names[k].name if k in names else "") for k in result.get("reserve", [])),
        tuple((k, names[k].name if k in names else "", why) for k, why in sorted(result.get("excluded", {}).items())),
        reproduces(record),
    )
