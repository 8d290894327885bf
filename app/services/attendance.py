"""Attendance of one room in one sitting (签到表 / 考场情况): who was expected, who was admitted
(when, at which desk), who is absent, and the entries refused at the room's door."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Candidate, Room, Seat, SeatAssignment, Sitting
from app.db.models_checkin import Absence, Admission, CheckinScan


@dataclass(frozen=True)
class AttendanceLine:
    candidate_id: uuid.UUID
    ticket_number: str
    name: str
    document_masked: str
    seat_number: int
    status: str  # "admitted" | "absent" | "expected"
    admitted_at: datetime | None
    desk: str
    cosigner: str | None


@dataclass(frozen=True)
class RefusedEntry:
    at: datetime
    ticket_number: str
    name: str
    reason: str
    desk: str
    late_seconds: int | None


@dataclass(frozen=True)
class RoomAttendance:
    sitting_id: uuid.UUID
    room_id: uuid.UUID
    sitting_code: str
    subject: str
    starts_at: datetime
    ends_at: datetime
    room_code: str
    room_name: str
    lines: tuple[AttendanceLine, ...]
    refused: tuple[RefusedEntry, ...]

    @property
    def expected(self) -> int:
        return len(self.lines)

    @property
    def admitted(self) -> int:
        return sum(1 for line in self.lines if line.status == "admitted")

    @property
    def absent(self) -> int:
        return sum(1 for line in self.lines if line.status == "absent")


def room_attendance(session: Session, sitting_id: uuid.UUID, room_id: uuid.UUID) -> RoomAttendance:
    sitting = session.get(Sitting, sitting_id)
    room = session.get(Room, room_id)
    if sitting is None or room is None:
        raise LookupError("unknown sitting or room")
    admissions = {a.candidate_id: a for a in session.scalars(
        select(Admission).where(Admission.sitting_id == sitting_id, Admission.room_id == room_id))}
    absent = set(session.scalars(select(Absence.candidate_id).where(Absence.sitting_id == sitting_id,
                                                                     Absence.room_id == room_id)))
    lines = []
    rows = session.execute(
        select(Candidate, Seat.number).join(SeatAssignment, SeatAssignment.candidate_id == Candidate.id)
        .join(Seat, Seat.id == SeatAssignment.seat_id)
        .where(SeatAssignment.sitting_id == sitting_id, SeatAssignment.room_id == room_id, ~Candidate.withdrawn)
        .order_by(Seat.number))
    for c, seat in rows:
        a = admissions.get(c.id)
        status = "admitted" if a else "absent" if c.id in absent else "expected"
        lines.append(AttendanceLine(c.id, c.ticket_number, c.name, c.document_number_masked, seat, status,
                                    a.admitted_at if a else None, a.desk if a else "", a.cosigner_name if a else None))
    refused = []
    for scan, name in session.execute(
        select(CheckinScan, Candidate.name).outerjoin(Candidate, Candidate.id == CheckinScan.candidate_id)
        .where(CheckinScan.sitting_id == sitting_id, CheckinScan.verdict == "refuse",
               CheckinScan.desk_room_id == room_id).order_by(CheckinScan.seq)):
        late = json.loads(scan.detail_json or "{}").get("late_seconds")
        refused.append(RefusedEntry(scan.at, scan.ticket_number, name or "", scan.reason, scan.desk, late))
    return RoomAttendance(sitting.id, room.id, sitting.code, sitting.subject, sitting.starts_at, sitting.ends_at,
                          room.code, room.name, tuple(lines), tuple(refused))


class AttendanceService:
    """A room's attendance for the desk's attendance sheet, in its own session."""

    def __init__(self, sessions: Callable[[], Session]) -> None:
        self._sessions = sessions

    def room(self, sitting_id: uuid.UUID, room_id: uuid.UUID) -> RoomAttendance:
        with self._sessions() as s:
            return room_attendance(s, sitting_id, room_id)
