"""What the database holds now for one exam at one venue, as snapshots keyed by natural keys.

A snapshot is a plain dict of the fields a package sets, in the same form for a stored row and a
package row, so "changed" is dict inequality and the same dict is the audit before/after. Personal
fields sit under the audit's personal keys (document_number, phone, photo) so the audit masks them;
they hold a keyed hash or a digest, never the plaintext.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import (
    Candidate,
    CustodyItem,
    Room,
    Seat,
    SeatAssignment,
    Sitting,
    Staff,
    StaffRelation,
)
from app.package.content import CandidateRow, CustodyRow, RoomRow, SittingRow, StaffRow
from app.security.crypto import PersonalDataCipher, mask_document_number

Snapshot = dict[str, Any]

PHONE_CONTEXT = "candidate.phone"
PHOTO_CONTEXT = "candidate.photo"
DOCUMENT_CONTEXT = "candidate.document_number"


def _utc(value: datetime) -> str:
    return value.astimezone(UTC).isoformat()


def _digest(photo: bytes | None) -> str | None:
    return hashlib.sha256(photo).hexdigest() if photo is not None else None


def sitting_snapshot(s: SittingRow | Sitting) -> Snapshot:
    return {"code": s.code, "subject": s.subject, "starts_at": _utc(s.starts_at), "ends_at": _utc(s.ends_at),
            "mode": str(s.mode), "early_seal_release": s.early_seal_release}


def room_snapshot(r: RoomRow | Room) -> Snapshot:
    return {"code": r.code, "name": r.name, "kind": str(r.kind), "capacity": r.capacity}


def staff_snapshot(s: StaffRow | Staff) -> Snapshot:
    return {"staff_number": s.staff_number, "name": s.name, "role": str(s.role), "employer": s.employer,
            "employer_type": str(s.employer_type), "computer_skills": s.computer_skills, "trained": s.trained}


def custody_snapshot(c: CustodyRow) -> Snapshot:
    return {"barcode": c.barcode, "kind": str(c.kind), "seal_number": c.seal_number,
            "expected_count": c.expected_count, "sitting": c.sitting, "room": c.room}


def candidate_snapshot(c: CandidateRow, cipher: PersonalDataCipher) -> Snapshot:
    return {"ticket_number": c.ticket_number, "name": c.name, "gender": str(c.gender),
            "document_type": str(c.document_type), "document_number": cipher.blind_index(c.document_number),
            "document_number_masked": mask_document_number(c.document_number), "phone": c.phone,
            "photo": _digest(c.photo), "withdrawn": False}


@dataclass
class StoredState:
    """Rows of one exam/venue by natural key, with their ids and snapshots."""

    sittings: dict[str, tuple[uuid.UUID, Snapshot]] = field(default_factory=dict)
    rooms: dict[str, tuple[uuid.UUID, Snapshot]] = field(default_factory=dict)
    seats: dict[tuple[str, int], uuid.UUID] = field(default_factory=dict)
    candidates: dict[str, tuple[uuid.UUID, Snapshot]] = field(default_factory=dict)
    assignments: dict[tuple[str, str], tuple[uuid.UUID, Snapshot]] = field(default_factory=dict)
    staff: dict[str, tuple[uuid.UUID, Snapshot]] = field(default_factory=dict)
    relations: dict[tuple[str, str], tuple[uuid.UUID, Snapshot]] = field(default_factory=dict)
    custody: dict[str, tuple[uuid.UUID, Snapshot]] = field(default_factory=dict)


def load_staff(session: Session, venue_id: uuid.UUID) -> dict[str, tuple[uuid.UUID, Snapshot]]:
    return {m.staff_number: (m.id, staff_snapshot(m)) for m in session.scalars(select(Staff).where(Staff.venue_id == venue_id))}


def load_state(session: Session, exam_id: uuid.UUID, venue_id: uuid.UUID, cipher: PersonalDataCipher) -> StoredState:
    st = StoredState()
    sitting_code: dict[uuid.UUID, str] = {}
    for s in session.scalars(select(Sitting).where(Sitting.exam_id == exam_id)):
        st.sittings[s.code] = (s.id, sitting_snapshot(s))
        sitting_code[s.id] = s.code
    room_code: dict[uuid.UUID, str] = {}
    for r in session.scalars(select(Room).where(Room.venue_id == venue_id)):
        st.rooms[r.code] = (r.id, room_snapshot(r))
        room_code[r.id] = r.code
    seat_key: dict[uuid.UUID, tuple[str, int]] = {}
    for seat_id, room_id, number in session.execute(
        select(Seat.id, Seat.room_id, Seat.number).where(Seat.room_id.in_(list(room_code)))
    ):
        st.seats[(room_code[room_id], number)] = seat_id
        seat_key[seat_id] = (room_code[room_id], number)
    ticket: dict[uuid.UUID, str] = {}
    for c in session.scalars(select(Candidate).where(Candidate.exam_id == exam_id)):
        ticket[c.id] = c.ticket_number
        photo = cipher.decrypt(c.photo_enc, PHOTO_CONTEXT) if c.photo_enc is not None else None
        st.candidates[c.ticket_number] = (c.id, {
            "ticket_number": c.ticket_number, "name": c.name, "gender": str(c.gender),
            "document_type": str(c.document_type), "document_number": c.document_number_hash,
            "document_number_masked": c.document_number_masked,
            "phone": cipher.decrypt_text(c.phone_enc, PHONE_CONTEXT) if c.phone_enc is not None else None,
            "photo": _digest(photo), "withdrawn": c.withdrawn})
    for a in session.scalars(select(SeatAssignment).where(SeatAssignment.sitting_id.in_(list(sitting_code)))):
        room, seat = seat_key[a.seat_id]
        key = (ticket[a.candidate_id], sitting_code[a.sitting_id])
        st.assignments[key] = (a.id, {"ticket_number": key[0], "sitting": key[1], "room": room, "seat": seat})
    st.staff = load_staff(session, venue_id)
    staff_number = {member_id: number for number, (member_id, _) in st.staff.items()}
    for rel in session.scalars(select(StaffRelation).where(StaffRelation.staff_id.in_(list(staff_number)))):
        key = (staff_number[rel.staff_id], ticket.get(rel.candidate_id, str(rel.candidate_id)))
        st.relations[key] = (rel.id, {"staff_number": key[0], "ticket_number": key[1], "relation": rel.relation})
    for item in session.scalars(select(CustodyItem).where(CustodyItem.exam_id == exam_id)):
        row = CustodyRow(item.barcode, item.kind, item.seal_number, item.expected_count,
                         sitting_code[item.sitting_id], room_code[item.room_id] if item.room_id else None)
        st.custody[item.barcode] = (item.id, custody_snapshot(row))
    return st
