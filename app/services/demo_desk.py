"""Demo only: the people of a sitting with their plain document numbers, so the simulator panel
can present their cards. A real desk never lists decrypted numbers."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.db.models import Candidate, Room, Seat, SeatAssignment
from app.domain import DocumentType, Gender
from app.package.state import DOCUMENT_CONTEXT, PHOTO_CONTEXT
from app.security.crypto import PersonalDataCipher


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


def people(sessions: sessionmaker[Session], cipher: PersonalDataCipher, sitting_id: uuid.UUID,
           room_id: uuid.UUID | None, limit: int = 30) -> list[DemoPerson]:
    with sessions() as s:
        stmt = (select(Candidate, Room.code, Seat.number).join(SeatAssignment, SeatAssignment.candidate_id == Candidate.id)
                .join(Room, Room.id == SeatAssignment.room_id).join(Seat, Seat.id == SeatAssignment.seat_id)
                .where(SeatAssignment.sitting_id == sitting_id,
                       Candidate.document_type != DocumentType.SOCIAL_SECURITY)  # no chip the reader reads
                .order_by(Room.code, Seat.number).limit(limit))
        if room_id is not None:
            stmt = stmt.where(SeatAssignment.room_id == room_id)
        return [DemoPerson(c.ticket_number, c.name, c.gender, c.document_type,
                           cipher.decrypt_text(c.document_number_enc, DOCUMENT_CONTEXT), code, number,
                           cipher.decrypt(c.photo_enc, PHOTO_CONTEXT) if c.photo_enc else None)
                for c, code, number in s.execute(stmt)]
