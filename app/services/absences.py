"""Art. 30(二): once entry has closed, everyone seated in the sitting (or in one room) who was not
admitted is absent (缺考). The one place absences are written: the engine's scheduler calls it at
each sitting's entry close for every room, and the check-in service's `close_entry` for one door.

Idempotent and safe when every desk runs it at once: the audit chain's lock (PostgreSQL: an
advisory transaction lock; SQLite: BEGIN IMMEDIATE) lets one closer in at a time, and each sees
what the one before it committed, so a candidate is marked once. One statement for all the rows
(3,000 candidates in well under a second)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.db.models import Candidate, SeatAssignment
from app.db.models_checkin import Absence, Admission
from app.domain import RetentionClass
from app.services import audit, outbox
from app.services.audit import Actor

MARK_ABSENT = "checkin.mark_absent"


def mark_absences(session: Session, actor: Actor, desk: str, sitting_id: uuid.UUID, room_id: uuid.UUID | None,
                  now: datetime) -> int:
    """Mark the not-admitted of the sitting (room_id None) or of one room; returns how many were
    marked now (0 when a closer before already did). The caller checks that entry has closed."""
    audit.lock_chain(session)  # one closer at a time across desks
    admitted = select(Admission.candidate_id).where(Admission.sitting_id == sitting_id)
    marked = select(Absence.candidate_id).where(Absence.sitting_id == sitting_id)
    stmt = (select(SeatAssignment.candidate_id, SeatAssignment.room_id).join(Candidate)
            .where(SeatAssignment.sitting_id == sitting_id, ~Candidate.withdrawn,
                   SeatAssignment.candidate_id.not_in(admitted), SeatAssignment.candidate_id.not_in(marked)))
    if room_id is not None:
        stmt = stmt.where(SeatAssignment.room_id == room_id)
    rows = [{"id": uuid.uuid4(), "candidate_id": candidate_id, "sitting_id": sitting_id, "room_id": room,
             "recorded_at": now, "desk": desk, "staff_name": actor.name, "retention_class": RetentionClass.ROOM_RECORD}
            for candidate_id, room in session.execute(stmt)]
    if not rows:
        return 0
    session.execute(insert(Absence), rows)
    outbox.enqueue_many(session, "absence", [
        (r["id"], {"candidate_id": str(r["candidate_id"]), "sitting_id": str(sitting_id), "room_id": str(r["room_id"]),
                   "recorded_at": now.isoformat(), "desk": desk}) for r in rows])
    audit.record(session, actor, MARK_ABSENT, "sitting", sitting_id, desk=desk,
                 after={"room_id": str(room_id) if room_id else None, "absent": len(rows)}, now=now)
    return len(rows)
