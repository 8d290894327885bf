"""What the venue holds, for the overview screen and the self-check: the exam, its sittings with
their art. 30 limits, and counts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import Candidate, Exam, ImportedPackage, Room, SeatAssignment, Sitting, Staff, Venue
from app.domain import SittingMode
from app.rules.timing import entry_closes_at, sealing_ends_at


@dataclass(frozen=True)
class SittingLine:
    code: str
    subject: str
    mode: SittingMode
    starts_at: datetime
    ends_at: datetime
    entry_closes_at: datetime
    sealing_ends_at: datetime
    candidates: int


@dataclass(frozen=True)
class Overview:
    exam_name: str | None
    venue_name: str | None
    package_revision: int | None
    rooms: int
    candidates: int
    staff: int
    sittings: tuple[SittingLine, ...]

    @property
    def has_package(self) -> bool:
        return self.exam_name is not None


def overview(session: Session) -> Overview:
    exam = session.scalars(select(Exam).limit(1)).first()
    venue = session.scalars(select(Venue).limit(1)).first()
    revision = session.scalar(select(func.max(ImportedPackage.revision)))
    per_sitting = dict(
        session.execute(select(SeatAssignment.sitting_id, func.count()).group_by(SeatAssignment.sitting_id)).all()
    )
    lines = []
    for s in session.scalars(select(Sitting).order_by(Sitting.starts_at)):
        schedule = s.schedule
        lines.append(
            SittingLine(
                s.code, s.subject, s.mode, s.starts_at, s.ends_at,
                entry_closes_at(schedule), sealing_ends_at(schedule), per_sitting.get(s.id, 0),
            )
        )
    return Overview(
        exam.name if exam else None,
        venue.name if venue else None,
        revision,
        session.scalar(select(func.count()).select_from(Room)) or 0,
        session.scalar(select(func.count()).select_from(Candidate)) or 0,
        session.scalar(select(func.count()).select_from(Staff)) or 0,
        tuple(lines),
    )


class OverviewService:
    """What the overview screen and the window's title read, each in its own session."""

    def __init__(self, sessions: Callable[[], Session]) -> None:
        self._sessions = sessions

    def overview(self) -> Overview:
        with self._sessions() as s:
            return overview(s)

    def ticket_pattern(self) -> str:
        """The exam's admission-ticket pattern from its package ("" before a package is imported):
        what a camera scanner judges a read by."""
        with self._sessions() as s:
            return s.scalars(select(Exam.ticket_pattern).limit(1)).first() or ""

    def names(self) -> tuple[str, str]:
        """The exam's and the venue's names for the window title ("" before a package is imported)."""
        with self._sessions() as s:
            exam = s.scalars(select(Exam.name).limit(1)).first()
            venue = s.scalars(select(Venue.name).limit(1)).first()
            return exam or "", venue or ""
