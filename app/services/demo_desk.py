"""Demo only: the people of a sitting with their plain document numbers, so the simulator panel
can present their cards (a real desk never lists decrypted numbers), and the undoing of the
demo's time travel ("arrive late", then "back to real time")."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.db.models import Candidate, Room, Seat, SeatAssignment
from app.db.models_checkin import Absence
from app.db.models_sync import OutboxEntry
from app.domain import DocumentType, Gender
from app.package.state import DOCUMENT_CONTEXT, PHOTO_CONTEXT
from app.security.crypto import PersonalDataCipher
from app.services import audit
from app.services.audit import Actor


@dataclass(frozen=True)
class DemoPerson:
    ticket_number: str
    name: str
    gender: Gender
    document_type: DocumentType
    document_number: str
    room_code: str
    seat_number: int
    photo: bytes | None = field(default=None, repr=False)


class DemoDesk:
    """The simulator panel's reads and the demo's return to real time, on the venue clock that the
    demo's time travel moves (app.engine.clock.VenueClock.travel)."""

    def __init__(self, sessions: Callable[[], Session], cipher: PersonalDataCipher,
                 clock: Callable[[], datetime]) -> None:
        self._sessions, self._cipher, self._clock = sessions, cipher, clock

    def people(self, sitting_id: uuid.UUID, room_id: uuid.UUID | None, limit: int = 30) -> list[DemoPerson]:
        with self._sessions() as s:
            stmt = (select(Candidate, Room.code, Seat.number)
                    .join(SeatAssignment, SeatAssignment.candidate_id == Candidate.id)
                    .join(Room, Room.id == SeatAssignment.room_id).join(Seat, Seat.id == SeatAssignment.seat_id)
                    .where(SeatAssignment.sitting_id == sitting_id,
                           Candidate.document_type != DocumentType.SOCIAL_SECURITY)  # no chip the reader reads
                    .order_by(Room.code, Seat.number).limit(limit))
            if room_id is not None:
                stmt = stmt.where(SeatAssignment.room_id == room_id)
            cipher = self._cipher
            return [DemoPerson(c.ticket_number, c.name, c.gender, c.document_type,
                               cipher.decrypt_text(c.document_number_enc, DOCUMENT_CONTEXT), code, number,
                               cipher.decrypt(c.photo_enc, PHOTO_CONTEXT) if c.photo_enc else None)
                    for c, code, number in s.execute(stmt)]

    def withdraw_travelled_absences(self, actor: Actor, desk: str) -> int:
        """Back to real time (the clock's travel already undone): the absences that were marked while
        the demo's clock stood past a cutoff (recorded after the clock's `now`) are withdrawn, with
        their sync entries not yet acknowledged, so nobody stays absent for good and the counts add
        up again. The audit trail keeps both the marking and this withdrawal. Returns how many were
        withdrawn."""
        now = self._clock()
        with self._sessions() as s, s.begin():
            rows = list(s.scalars(select(Absence).where(Absence.recorded_at > now)))
            if not rows:
                return 0
            audit.lock_chain(s)
            ids = [a.id for a in rows]
            s.execute(delete(OutboxEntry).where(OutboxEntry.kind == "absence", OutboxEntry.acked_at.is_(None),
                                                OutboxEntry.record_id.in_([str(i) for i in ids])))
            s.execute(delete(Absence).where(Absence.id.in_(ids)))
            for sitting_id in sorted({a.sitting_id for a in rows}, key=str):
                audit.record(s, actor, "demo.absences_withdrawn", "sitting", sitting_id, desk=desk,
                             after={"withdrawn": sum(1 for a in rows if a.sitting_id == sitting_id)},
                             reason="demo: back to real time", now=now)
            return len(rows)
