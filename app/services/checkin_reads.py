"""What the check-in desk shows (art. 30): the sittings and rooms to choose from, the desk's
sitting, its counters, its recent scans and the name search. Read-only sessions: under WAL they
neither wait for nor hold up a desk's next admission."""

from __future__ import annotations

import json
import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select, true
from sqlalchemy.orm import Session, sessionmaker

from app.db.engine import read_session_factory
from app.db.models import Candidate, Exam, Room, Seat, SeatAssignment, Sitting
from app.db.models_checkin import Absence, Admission, CheckinScan
from app.errors import VenueError
from app.rules.timing import entry_closes_at
from app.services.checkin_types import Counters, DeskInfo, DeskSetup, RecentScan, SearchHit


class UnknownSitting(VenueError):
    def __init__(self) -> None:
        super().__init__("checkin.unknown_sitting", "This sitting is not in the exam package of this venue.")


class SearchTooShort(VenueError):
    def __init__(self) -> None:
        super().__init__("checkin.search_too_short", "Type at least two characters of the name.")


def sitting_of(s: Session, sitting_id: uuid.UUID) -> Sitting:
    sitting = s.get(Sitting, sitting_id)
    if sitting is None:
        raise UnknownSitting()
    return sitting


class DeskReads:
    """The desk's read-only queries; the check-in service (app.services.checkin) adds the decisions."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._reads = read_session_factory(sessions)

    def sittings(self) -> list[DeskInfo]:
        with self._reads() as s:
            return [self._info(s, sit, None) for sit in s.scalars(select(Sitting).order_by(Sitting.starts_at))]

    def rooms(self) -> list[tuple[uuid.UUID, str, str]]:
        with self._reads() as s:
            return [(r.id, r.code, r.name) for r in s.scalars(select(Room).order_by(Room.code))]

    def desk_info(self, setup: DeskSetup) -> DeskInfo:
        with self._reads() as s:
            return self._info(s, sitting_of(s, setup.sitting_id), setup.room_id)

    def _info(self, s: Session, sitting: Sitting, room_id: uuid.UUID | None) -> DeskInfo:
        exam = s.get(Exam, sitting.exam_id)
        room = s.get(Room, room_id) if room_id else None
        schedule = sitting.schedule
        return DeskInfo(sitting.id, sitting.code, sitting.subject, exam.name if exam else "", sitting.mode, schedule,
                        entry_closes_at(schedule), room.id if room else None, room.code if room else None,
                        room.name if room else None, exam.ticket_pattern if exam else r".+")

    def counters(self, setup: DeskSetup) -> Counters:
        with self._reads() as s:
            def in_room(col: Any) -> ColumnElement[bool]:
                return col == setup.room_id if setup.room_id else true()

            def count(stmt: Select[Any]) -> int:
                return int(s.scalar(stmt) or 0)

            admitted_ids = select(Admission.candidate_id).where(Admission.sitting_id == setup.sitting_id)
            absent_ids = select(Absence.candidate_id).where(Absence.sitting_id == setup.sitting_id)
            seated = (select(func.count()).select_from(SeatAssignment).join(Candidate)
                      .where(SeatAssignment.sitting_id == setup.sitting_id, ~Candidate.withdrawn,
                             in_room(SeatAssignment.room_id)))
            expected = count(seated)
            not_yet = count(seated.where(SeatAssignment.candidate_id.not_in(admitted_ids),
                                         SeatAssignment.candidate_id.not_in(absent_ids)))
            admitted = count(select(func.count()).select_from(Admission)
                             .where(Admission.sitting_id == setup.sitting_id, in_room(Admission.room_id)))
            absent = count(select(func.count()).select_from(Absence)
                           .where(Absence.sitting_id == setup.sitting_id, in_room(Absence.room_id)))
            refusals = (CheckinScan.sitting_id == setup.sitting_id, CheckinScan.verdict == "refuse",
                        in_room(CheckinScan.desk_room_id))
            known = count(select(func.count(func.distinct(CheckinScan.candidate_id)))
                          .where(*refusals, CheckinScan.candidate_id.is_not(None),
                                 CheckinScan.candidate_id.not_in(admitted_ids)))
            # Nobody's registration: one person per ticket (or card) presented, however often.
            unknown = count(select(func.count(func.distinct(CheckinScan.ticket_number + "|" + CheckinScan.document_masked)))
                            .where(*refusals, CheckinScan.candidate_id.is_(None)))
            return Counters(expected, admitted, absent, known + unknown, not_yet)

    def recent(self, setup: DeskSetup, limit: int = 8) -> list[RecentScan]:
        with self._reads() as s:
            stmt = (select(CheckinScan, Candidate.name).outerjoin(Candidate, CheckinScan.candidate_id == Candidate.id)
                    .where(CheckinScan.sitting_id == setup.sitting_id, CheckinScan.desk == setup.desk)
                    .order_by(CheckinScan.seq.desc()).limit(limit))
            out = []
            for scan, name in s.execute(stmt):
                detail = json.loads(scan.detail_json or "{}")
                late = detail.get("late_seconds")
                out.append(RecentScan(scan.at, scan.verdict, scan.reason, name or "", scan.ticket_number,
                                      detail.get("room_code"), detail.get("seat_number"),
                                      timedelta(seconds=late) if late is not None else None))
            return out

    def search(self, setup: DeskSetup, text: str, limit: int = 20) -> list[SearchHit]:
        """Candidates of the sitting whose name contains `text` (≥ 2 characters)."""
        needle = "".join(text.split())
        if len(needle) < 2:
            raise SearchTooShort()
        with self._reads() as s:
            stmt = (select(Candidate, Room.code, Seat.number).join(SeatAssignment, SeatAssignment.candidate_id == Candidate.id)
                    .join(Room, Room.id == SeatAssignment.room_id).join(Seat, Seat.id == SeatAssignment.seat_id)
                    .where(SeatAssignment.sitting_id == setup.sitting_id, Candidate.name.contains(needle, autoescape=True))
                    .order_by(Candidate.name, Candidate.ticket_number).limit(limit))
            return [SearchHit(c.id, c.name, c.ticket_number, c.document_number_masked, code, number)
                    for c, code, number in s.execute(stmt)]
