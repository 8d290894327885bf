"""The room record (考场情况记录) of one room in one sitting, built from the data: times,
invigilators, expected / present / absent with the absentees, refused entries, incidents,
hand-in times and signatures (arts. 23, 25, 40).

Signing: the room's invigilators sign, then the chief examiner's office (chief or deputy)
countersigns; with that the record is complete, the room's phase becomes "record signed" and the
record is queued for the province (kind "room_record")."""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Candidate, Exam, Room, Sitting, Venue
from app.db.models_control import CandidateExit, RoomRecordSignature, RoomSitting
from app.domain import Role
from app.errors import VenueError
from app.rules.timing import entry_closes_at, sealing_ends_at, venue_date
from app.security.auth import StaffSession
from app.security.permissions import Permission, require
from app.services import assignment, attendance, audit, control, outbox
from app.services.incident_log import incident_log

LEADERS = frozenset({Role.CHIEF_EXAMINER, Role.DEPUTY})


@dataclass(frozen=True)
class RoomRecord:
    exam_name: str
    venue_name: str
    sitting_code: str
    subject: str
    mode: str
    starts_at: datetime
    ends_at: datetime
    entry_closes_at: datetime
    sealing_ends_at: datetime
    room_code: str
    room_name: str
    checklist_signed_at: datetime | None
    checklist_signed_by: str | None
    opened_at: datetime | None
    collected_at: datetime | None
    invigilators: tuple[tuple[str, str], ...]  # (staff number, name)
    expected: int
    present: int
    absentees: tuple[tuple[str, str, int], ...]  # (ticket, name, seat)
    refused: tuple[tuple[datetime, str, str, str], ...]  # (at, ticket, name, reason code)
    incidents: tuple[tuple[datetime, str, str, str, str], ...]  # (at, category, status, candidates, facts)
    hand_ins: tuple[tuple[datetime, str, str, str], ...]  # (at, ticket, name, kind)
    signatures: tuple[tuple[str, str, datetime], ...]  # (name, role, at)
    signed_at: datetime | None

    @property
    def absent(self) -> int:
        return len(self.absentees)

    def as_json(self) -> dict[str, Any]:
        def plain(value: Any) -> Any:
            if isinstance(value, datetime):
                return value.isoformat()
            if isinstance(value, (list, tuple)):
                return [plain(v) for v in value]
            return value

        return {k: plain(v) for k, v in asdict(self).items()}


def room_record(session: Session, sitting_id: uuid.UUID, room_id: uuid.UUID) -> RoomRecord:
    sitting, room = control._pair(session, sitting_id, room_id)
    schedule = sitting.schedule
    exam = session.get(Exam, sitting.exam_id)
    venue = session.get(Venue, room.venue_id)
    att = attendance.room_attendance(session, sitting_id, room_id)
    rs = session.scalars(select(RoomSitting).where(RoomSitting.sitting_id == sitting_id,
                                                   RoomSitting.room_id == room_id)).first()
    staff = assignment.assignments(session, sitting_id).get(room_id, [])
    exits = session.execute(
        select(CandidateExit, Candidate).join(Candidate, Candidate.id == CandidateExit.candidate_id)
        .where(CandidateExit.sitting_id == sitting_id, CandidateExit.room_id == room_id)
        .order_by(CandidateExit.at))
    sigs = session.scalars(select(RoomRecordSignature).where(RoomRecordSignature.sitting_id == sitting_id,
                                                             RoomRecordSignature.room_id == room_id)
                           .order_by(RoomRecordSignature.at))
    log = sorted(incident_log(session, sitting_id=sitting_id, room_id=room_id), key=lambda i: i.occurred_at)
    return RoomRecord(
        exam.name if exam else "", venue.name if venue else "", sitting.code, sitting.subject, sitting.mode.value,
        sitting.starts_at, sitting.ends_at, entry_closes_at(schedule), sealing_ends_at(schedule),
        room.code, room.name,
        rs.checklist_signed_at if rs else None, rs.checklist_signed_by if rs else None,
        rs.opened_at if rs else None, rs.collected_at if rs else None,
        tuple((a.staff_number, a.name) for a in staff),
        att.expected, att.admitted,
        tuple((line.ticket_number, line.name, line.seat_number) for line in att.lines if line.status != "admitted"),
        tuple((r.at, r.ticket_number, r.name, r.reason) for r in att.refused),
        tuple((i.occurred_at, i.category, i.status, "、".join(f"{t} {n}" for t, n in i.candidates), i.facts)
              for i in log),
        tuple((e.at, c.ticket_number, c.name, e.kind) for e, c in exits),
        tuple((sg.staff_name, sg.role, sg.at) for sg in sigs),
        rs.record_signed_at if rs else None,
    )


def sign_room_record(session: Session, user: StaffSession, sitting_id: uuid.UUID, room_id: uuid.UUID,
                     *, now: datetime) -> RoomRecordSignature:
    """An invigilator of the room signs, or the chief's office countersigns after them."""
    require(session, user, Permission.SIGN_ROOM_RECORD)
    sitting, room = control._pair(session, sitting_id, room_id)
    rs = control._room_sitting(session, sitting_id, room_id, create=False)
    if rs is None or rs.collected_at is None:
        raise VenueError("room_record.not_ready",
                         "Room {room}: the record is signed after the papers are collected.", room=room.code)
    if rs.record_signed_at is not None:
        raise VenueError("room_record.complete", "Room {room}: the record is already signed and complete.",
                         room=room.code)
    existing = session.scalars(select(RoomRecordSignature).where(
        RoomRecordSignature.sitting_id == sitting_id, RoomRecordSignature.room_id == room_id)).all()
    if any(sg.staff_id == user.staff_id for sg in existing):
        raise VenueError("room_record.signed_twice", "You have already signed this room record.")
    assigned = [a.staff_number for a in assignment.assignments(session, sitting_id).get(room_id, [])]
    if user.role is Role.INVIGILATOR and user.staff_number not in assigned:
        raise VenueError("room_record.not_this_room",
                         "Only the invigilators of room {room} sign its record.", room=room.code)
    if user.role in LEADERS and not any(sg.role == Role.INVIGILATOR.value for sg in existing):
        raise VenueError("room_record.invigilators_first",
                         "The room's invigilators sign the record before the chief examiner's office.")
    sig = RoomRecordSignature(sitting_id=sitting_id, room_id=room_id, staff_id=user.staff_id, staff_name=user.name,
                              role=user.role.value, at=now)
    session.add(sig)
    session.flush()
    audit.record(session, user.actor, "room_record.sign", "room_sitting", rs.id, desk=user.desk,
                 after={"room": room.code, "sitting": sitting.code, "role": user.role.value}, now=now)
    if user.role in LEADERS:
        rs.record_signed_at = now
        session.flush()
        record = room_record(session, sitting_id, room_id)
        outbox.enqueue(session, "room_record", rs.id, record.as_json(), now=now)
        audit.record(session, user.actor, "room_record.complete", "room_sitting", rs.id, desk=user.desk,
                     after={"room": room.code, "sitting": sitting.code, "expected": record.expected,
                            "present": record.present, "absent": record.absent,
                            "incidents": len(record.incidents)}, now=now)
    return sig


@dataclass(frozen=True)
class RoomToSign:
    """One room an invigilator watched in one of today's sittings, and where its record stands."""

    sitting_id: uuid.UUID
    room_id: uuid.UUID
    sitting_code: str
    subject: str
    starts_at: datetime
    ends_at: datetime
    room_code: str
    room_name: str
    collected: bool  # the papers are collected: the record can be signed
    signed_by_me: datetime | None
    signatures: tuple[tuple[str, str, datetime], ...]  # (name, role, at)
    complete: bool  # countersigned by the chief examiner's office

    @property
    def can_sign(self) -> bool:
        return self.collected and self.signed_by_me is None and not self.complete


def rooms_to_sign(session: Session, user: StaffSession, now: datetime) -> list[RoomToSign]:
    """The rooms `user` is drawn to in today's sittings (venue date), in time order (art. 23)."""
    require(session, user, Permission.SIGN_ROOM_RECORD)
    today = venue_date(now)
    out = []
    for sitting in session.scalars(select(Sitting).order_by(Sitting.starts_at)):
        if venue_date(sitting.starts_at) != today:
            continue
        for room_id, staff in assignment.assignments(session, sitting.id).items():
            if user.staff_number not in {a.staff_number for a in staff}:
                continue
            room = session.get(Room, room_id)
            rs = session.scalars(select(RoomSitting).where(RoomSitting.sitting_id == sitting.id,
                                                           RoomSitting.room_id == room_id)).first()
            sigs = list(session.scalars(select(RoomRecordSignature).where(
                RoomRecordSignature.sitting_id == sitting.id, RoomRecordSignature.room_id == room_id)
                .order_by(RoomRecordSignature.at)))
            mine = next((sg.at for sg in sigs if sg.staff_id == user.staff_id), None)
            out.append(RoomToSign(
                sitting.id, room_id, sitting.code, sitting.subject, sitting.starts_at, sitting.ends_at,
                room.code if room else "", room.name if room else "",
                rs is not None and rs.collected_at is not None, mine,
                tuple((sg.staff_name, sg.role, sg.at) for sg in sigs),
                rs is not None and rs.record_signed_at is not None))
    return out


def require_own_room(session: Session, user: StaffSession, sitting_id: uuid.UUID, room_id: uuid.UUID) -> None:
    """An invigilator reads the record of a room they were drawn to, no other (arts. 47–48)."""
    require(session, user, Permission.SIGN_ROOM_RECORD)
    if user.role in LEADERS:
        return
    _sitting, room = control._pair(session, sitting_id, room_id)
    assigned = [a.staff_number for a in assignment.assignments(session, sitting_id).get(room_id, [])]
    if user.staff_number not in assigned:
        raise VenueError("room_record.not_this_room",
                         "Only the invigilators of room {room} sign its record.", room=room.code)
