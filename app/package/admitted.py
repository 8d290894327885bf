"""A new package revision against the check-ins already made: a candidate admitted to a room must
not silently vanish from the sitting or move to another room (the admission would keep the old
room, and the room record would be wrong). Such a revision is refused, naming the candidate,
unless the package lists the candidate under `deliberate_changes`; then it is applied and an
incident draft tells the chief examiner what the province changed and why (opened by the caller's
`DraftOpener`, app.services.package_drafts: incidents are a service, above this layer).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Candidate, Room, Sitting
from app.db.models_checkin import Admission
from app.package import errors
from app.package.content import PackageContent
from app.services import audit

WITHDRAWN, UNSEATED, MOVED = "withdrawn", "unseated", "moved"


@dataclass(frozen=True)
class AdmittedChange:
    ticket: str
    sitting: str
    room: str
    change: str
    new_room: str | None
    candidate_id: uuid.UUID
    sitting_id: uuid.UUID
    room_id: uuid.UUID


def admitted_changes(session: Session, content: PackageContent, exam_id: uuid.UUID) -> list[AdmittedChange]:
    """Every admission this package would contradict, in ticket order."""
    rows = session.execute(
        select(Candidate.ticket_number, Sitting.code, Room.code, Candidate.id, Sitting.id, Room.id)
        .select_from(Admission)
        .join(Candidate, Admission.candidate_id == Candidate.id)
        .join(Sitting, Admission.sitting_id == Sitting.id)
        .join(Room, Admission.room_id == Room.id)
        .where(Sitting.exam_id == exam_id)
        .order_by(Candidate.ticket_number, Sitting.code)
    ).all()
    found = []
    for ticket, sitting, room, candidate_id, sitting_id, room_id in rows:
        seat = content.assignments.get((ticket, sitting))
        if ticket not in content.candidates:
            change, new_room = WITHDRAWN, None
        elif seat is None:
            change, new_room = UNSEATED, None
        elif seat[0] != room:
            change, new_room = MOVED, seat[0]
        else:
            continue
        found.append(AdmittedChange(ticket, sitting, room, change, new_room, candidate_id, sitting_id, room_id))
    return found


def check(session: Session, content: PackageContent, exam_id: uuid.UUID, *,
          drafts_possible: bool) -> list[AdmittedChange]:
    """The deliberate changes to admitted candidates, or `package.admitted_changed` for the first
    one the package does not declare. A caller that cannot open the chief's incident drafts
    (`drafts_possible` False) may not apply even a declared one."""
    changes = admitted_changes(session, content, exam_id)
    undeclared = [c for c in changes if c.ticket not in content.deliberate or not drafts_possible]
    if undeclared:
        first = undeclared[0]
        raise errors.admitted_changed(first.ticket, first.sitting, first.room, first.change, len(undeclared))
    return changes


# (session, deliberate changes, content, revision, actor, desk, now): opens the chief's drafts.
DraftOpener = Callable[[Session, list[AdmittedChange], PackageContent, int, audit.Actor, str, datetime], object]
