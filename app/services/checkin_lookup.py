"""What a decision reads inside its own transaction (art. 30): the sitting and the candidates a
ticket and a card point to, each with their seat in the sitting and any admission already
recorded, one statement for the ticket (with the sitting) and one for a card of someone else.
The rows read stay held until the outcome is built, so showing the candidate reads nothing again."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session, aliased

from app.db.models import Candidate, Room, Seat, SeatAssignment, Sitting
from app.db.models_checkin import Admission
from app.package.state import DOCUMENT_CONTEXT, PHOTO_CONTEXT
from app.rules import checkin as rules
from app.rules.checkin import PresentedDocument, PresentedTicket
from app.security.crypto import PersonalDataCipher
from app.services.checkin_reads import UnknownSitting
from app.services.checkin_types import CandidateView


def _normal(number: str) -> str:
    return number.strip().upper()


# Built once (building a select costs more than running it here). The seat and admission of the
# candidate in the sitting `sitting` names: outer joins, so a candidate without either still comes.
_ADMITTED_ROOM = aliased(Room)
_FACTS = (Room.id, Room.code, Room.name, Seat.number, Admission.admitted_at, Admission.desk, Admission.staff_name,
          _ADMITTED_ROOM.code)


def _with_facts(stmt: Any, sitting_id: Any) -> Any:
    return (stmt.outerjoin(SeatAssignment, (SeatAssignment.candidate_id == Candidate.id)
                           & (SeatAssignment.sitting_id == sitting_id))
            .outerjoin(Room, Room.id == SeatAssignment.room_id).outerjoin(Seat, Seat.id == SeatAssignment.seat_id)
            .outerjoin(Admission, (Admission.candidate_id == Candidate.id) & (Admission.sitting_id == sitting_id))
            .outerjoin(_ADMITTED_ROOM, _ADMITTED_ROOM.id == Admission.room_id))


# The sitting, and the candidate of the ticket if any (a NULL ticket matches nobody).
_SITTING_AND_TICKET = _with_facts(
    select(Sitting, Candidate, *_FACTS).select_from(Sitting)
    .outerjoin(Candidate, (Candidate.exam_id == Sitting.exam_id) & (Candidate.ticket_number == bindparam("ticket"))),
    Sitting.id,
).where(Sitting.id == bindparam("sitting_id")).limit(1)
# A card's holder: the candidate still registered first, if a withdrawn one shares the number.
_BY_DOCUMENT = _with_facts(
    select(Candidate, *_FACTS).select_from(Candidate)
    .where(Candidate.exam_id == bindparam("exam_id"), Candidate.document_number_hash == bindparam("hash")),
    bindparam("sitting_id"),
).order_by(Candidate.withdrawn).limit(1)


class Lookup:
    """The reads of one decision, in its transaction."""

    def __init__(self, s: Session, cipher: PersonalDataCipher) -> None:
        self._s = s
        self._cipher = cipher
        self._rows: dict[uuid.UUID, Candidate] = {}  # held: the identity map keeps rows only weakly

    def inputs(self, sitting_id: uuid.UUID, ticket: PresentedTicket | None, document: PresentedDocument | None,
               final: bool) -> tuple[Sitting, rules.Inputs]:
        """The sitting, and the candidates what was presented points to."""
        row = self._s.execute(_SITTING_AND_TICKET, {
            "sitting_id": sitting_id, "ticket": ticket.number.strip() if ticket is not None else None}).first()
        if row is None:
            raise UnknownSitting()
        sitting: Sitting = row[0]
        by_ticket = self._facts(row[1], tuple(row)[2:]) if ticket is not None and row[1] is not None else None
        by_document = None
        if document is not None:
            # The usual case, the ticket's own card: its candidate is already at hand.
            same = by_ticket is not None and _normal(by_ticket.document_number) == _normal(document.number)
            if same:
                by_document = by_ticket
            else:
                found = self._s.execute(_BY_DOCUMENT, {"exam_id": sitting.exam_id, "sitting_id": sitting.id,
                                                       "hash": self._cipher.blind_index(document.number)}).first()
                by_document = self._facts(found[0], tuple(found)[1:]) if found is not None else None
        return sitting, rules.Inputs(ticket, document, by_ticket, by_document, final)

    def _facts(self, c: Candidate, row: tuple[Any, ...]) -> rules.CandidateFacts:
        self._rows[c.id] = c
        seat = rules.Seat(row[0], row[1], row[2], row[3]) if row[0] is not None else None
        admitted = rules.PriorAdmission(row[4], row[5], row[6], row[7]) if row[4] is not None else None
        number = self._cipher.decrypt_text(c.document_number_enc, DOCUMENT_CONTEXT)
        return rules.CandidateFacts(c.id, c.name, c.ticket_number, c.document_type, number, c.withdrawn, seat, admitted)

    def view(self, c: rules.CandidateFacts | None) -> CandidateView | None:
        """The candidate as the screen shows them, with the registration photo."""
        if c is None:
            return None
        row = self._rows.get(c.id) or self._s.get(Candidate, c.id)
        assert row is not None
        photo = self._cipher.decrypt(row.photo_enc, PHOTO_CONTEXT) if row.photo_enc else None
        seat = c.seat
        return CandidateView(c.id, c.name, row.gender, c.ticket_number, row.document_number_masked,
                             seat.room_code if seat else None, seat.room_name if seat else None,
                             seat.seat_number if seat else None, photo)
