"""What a decision reads inside its own transaction (art. 30): the sitting and the candidates a
ticket and a card point to, each with their seat in the sitting and any admission already
recorded, one statement for the ticket (with the sitting) and one for a card of someone else.
The rows read stay held until the outcome is built, so showing the candidate reads nothing again.

Core columns, not ORM entities: loading two entities cost more than the statement (issue 12)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session, aliased

from app.db import changes
from app.db.models import Candidate, Room, Seat, SeatAssignment, Sitting
from app.db.models_checkin import Admission
from app.db.prepared import Prepared
from app.package.state import DOCUMENT_CONTEXT, PHOTO_CONTEXT
from app.rules import checkin as rules
from app.rules.checkin import PresentedDocument, PresentedTicket
from app.rules.timing import Schedule
from app.security.crypto import PersonalDataCipher
from app.services.checkin_reads import UnknownSitting
from app.services.checkin_types import CandidateView


def _normal(number: str) -> str:
    return number.strip().upper()


# Built once (building a select costs more than running it here). The seat and admission of the
# candidate in the sitting `sitting` names: outer joins, so a candidate without either still comes.
_ADMITTED_ROOM = aliased(Room)
_SITTING = (Sitting.exam_id, Sitting.starts_at, Sitting.ends_at, Sitting.mode, Sitting.early_seal_release)
_CANDIDATE = (Candidate.id, Candidate.name, Candidate.ticket_number, Candidate.document_type,
              Candidate.document_number_enc, Candidate.withdrawn, Candidate.gender, Candidate.document_number_masked,
              Candidate.photo_enc)
_FACTS = (Room.id, Room.code, Room.name, Seat.number, Admission.admitted_at, Admission.desk, Admission.staff_name,
          _ADMITTED_ROOM.code)
_S, _C = len(_SITTING), len(_CANDIDATE)


def _with_facts(stmt: Any, sitting_id: Any) -> Any:
    return (stmt.outerjoin(SeatAssignment, (SeatAssignment.candidate_id == Candidate.id)
                           & (SeatAssignment.sitting_id == sitting_id))
            .outerjoin(Room, Room.id == SeatAssignment.room_id).outerjoin(Seat, Seat.id == SeatAssignment.seat_id)
            .outerjoin(Admission, (Admission.candidate_id == Candidate.id) & (Admission.sitting_id == sitting_id))
            .outerjoin(_ADMITTED_ROOM, _ADMITTED_ROOM.id == Admission.room_id))


# The sitting, and the candidate of the ticket if any (a NULL ticket matches nobody).
_SITTING_AND_TICKET = Prepared(_with_facts(
    select(*_SITTING, *_CANDIDATE, *_FACTS).select_from(Sitting)
    .outerjoin(Candidate, (Candidate.exam_id == Sitting.exam_id) & (Candidate.ticket_number == bindparam("ticket"))),
    Sitting.id,
).where(Sitting.id == bindparam("sitting_id")).limit(1))
# A card's holder: the candidate still registered first, if a withdrawn one shares the number.
_BY_DOCUMENT = Prepared(_with_facts(
    select(*_CANDIDATE, *_FACTS).select_from(Candidate)
    .where(Candidate.exam_id == bindparam("exam_id"), Candidate.document_number_hash == bindparam("hash")),
    bindparam("sitting_id"),
).order_by(Candidate.withdrawn).limit(1))


class Lookup:
    """The reads of one decision, in its transaction."""

    def __init__(self, s: Session, cipher: PersonalDataCipher) -> None:
        self._s = s
        self._cipher = cipher
        self._rows: dict[uuid.UUID, tuple[Any, ...]] = {}  # the candidate columns read, by id

    def inputs(self, sitting_id: uuid.UUID, ticket: PresentedTicket | None, document: PresentedDocument | None,
               final: bool) -> tuple[Schedule, rules.Inputs]:
        """The sitting's schedule, and the candidates what was presented points to."""
        row = _SITTING_AND_TICKET.first(self._s, {
            "sitting_id": sitting_id, "ticket": ticket.number.strip() if ticket is not None else None})
        if row is None:
            raise UnknownSitting()
        exam_id, starts_at, ends_at, mode, early_release = row[:_S]
        by_ticket = self._facts(row, _S) if ticket is not None and row[_S] is not None else None
        by_document = None
        if document is not None:
            # The usual case, the ticket's own card: its candidate is already at hand.
            same = by_ticket is not None and _normal(by_ticket.document_number) == _normal(document.number)
            if same:
                by_document = by_ticket
            else:
                found = _BY_DOCUMENT.first(self._s, {
                    "exam_id": exam_id, "sitting_id": sitting_id,
                    "hash": self._cipher.blind_index(document.number)})
                by_document = self._facts(found, 0) if found is not None else None
        schedule = Schedule(starts_at, ends_at, mode, early_release)
        return schedule, rules.Inputs(ticket, document, by_ticket, by_document, final)

    def _facts(self, row: tuple[Any, ...], at: int) -> rules.CandidateFacts:
        c = tuple(row[at:at + _C])
        facts = row[at + _C:]
        cid, name, ticket_number, document_type, number_enc, withdrawn = c[:6]
        self._rows[cid] = c
        seat = rules.Seat(facts[0], facts[1], facts[2], facts[3]) if facts[0] is not None else None
        admitted = rules.PriorAdmission(facts[4], facts[5], facts[6], facts[7]) if facts[4] is not None else None
        number = self._cipher.decrypt_text(number_enc, DOCUMENT_CONTEXT)
        return rules.CandidateFacts(cid, name, ticket_number, document_type, number, withdrawn, seat, admitted)

    def view(self, c: rules.CandidateFacts | None) -> CandidateView | None:
        """The candidate as the screen shows them, with the registration photo."""
        if c is None:
            return None
        held = self._rows.get(c.id)
        if held is None:  # never read by this lookup (nothing builds one today): read it now
            held = tuple(changes.execute(self._s, select(*_CANDIDATE).where(Candidate.id == c.id)).one())
        gender, masked, photo_enc = held[6:]
        photo = self._cipher.decrypt(photo_enc, PHOTO_CONTEXT) if photo_enc else None
        seat = c.seat
        return CandidateView(c.id, c.name, gender, c.ticket_number, masked,
                             seat.room_code if seat else None, seat.room_name if seat else None,
                             seat.seat_number if seat else None, photo)
