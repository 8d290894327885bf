"""What a decision writes, inside its transaction (art. 30, 43): the admission, the scan, their
audit events and outbox rows, an impersonation's draft incident and an information-change request.

The check-in path writes with Core INSERTs, one statement per row and no ORM unit of work: a
desk's verdict waits on these (issue 12). One admission per candidate and sitting is still the
database's unique constraint: the INSERT does nothing on a conflict, and the desk that lost is
told who won, where and when."""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.db.models import Room
from app.db.models_checkin import Admission, CheckinScan, InfoChangeRequest
from app.db.prepared import Prepared
from app.domain import RECORD_NAMES
from app.rules import checkin as rules
from app.rules.checkin import Decision, PresentedDocument, PresentedTicket, Reason, Verdict
from app.security.auth import StaffSession
from app.security.crypto import PersonalDataCipher, mask_document_number
from app.security.two_person import Confirmation
from app.services import audit, incidents, outbox
from app.services.checkin_types import DeskSetup

# Built once. The race between two desks is the unique constraint's: ON CONFLICT DO NOTHING on it
# inserts nothing for the desk that lost (PostgreSQL waits for the other transaction to end first),
# without a savepoint around the INSERT.
_ONE_PER_SITTING = ["candidate_id", "sitting_id"]
_ADMISSIONS = cast(Table, Admission.__table__)
_ADMIT: dict[str, Prepared] = {  # RETURNING says whether the row went in (it returns nothing on a conflict)
    "postgresql": Prepared(postgresql.insert(_ADMISSIONS).on_conflict_do_nothing(index_elements=_ONE_PER_SITTING)
                           .returning(_ADMISSIONS.c.id)),
    "sqlite": Prepared(sqlite.insert(_ADMISSIONS).on_conflict_do_nothing(index_elements=_ONE_PER_SITTING)
                       .returning(_ADMISSIONS.c.id)),
}
_SCAN = Prepared(insert(cast(Table, CheckinScan.__table__)))
_WINNER = select(Admission, Room.code).join(Room, Room.id == Admission.room_id)


def _inputs_label(ticket: PresentedTicket | None, document: PresentedDocument | None) -> str:
    parts = []
    if ticket is not None:
        parts.append("search" if ticket.searched else "manual_ticket" if ticket.manual else "ticket")
    if document is not None:
        parts.append("manual_document" if document.manual else "card")
    return "+".join(parts)


def _detail(decision: Decision, document: PresentedDocument | None) -> dict[str, object]:
    c = decision.candidate
    detail: dict[str, object] = {"reasons": [r.value for r in decision.reasons]}
    if decision.late_by is not None:
        detail["late_seconds"] = int(decision.late_by.total_seconds())
    if c is not None and c.seat is not None:
        detail.update(room_code=c.seat.room_code, seat_number=c.seat.seat_number)
    if c is not None and c.admitted is not None and decision.reason is Reason.ALREADY_ADMITTED:
        detail["admitted"] = {"at": c.admitted.at.isoformat(), "desk": c.admitted.desk,
                              "staff": c.admitted.staff_name, "room_code": c.admitted.room_code}
    if document is not None:
        detail["document_type"] = document.type.value
    if decision.other is not None:
        detail["document_owner_ticket"] = decision.other.ticket_number
    return detail


class Recorder:
    """The writes of one decision at one desk, at `now`, in the session's transaction."""

    def __init__(self, s: Session, cipher: PersonalDataCipher, setup: DeskSetup, now: datetime) -> None:
        self._s = s
        self._cipher = cipher
        self._setup = setup
        self._now = now

    def admit(self, user: StaffSession, decision: Decision, method: str, confirmation: Confirmation | None,
              reason: str) -> tuple[uuid.UUID | None, Decision]:
        """The admission and its outbox row; (None, a refusal naming the winner) when another desk
        admitted the candidate a moment ago."""
        s, setup, now = self._s, self._setup, self._now
        c = decision.candidate
        assert c is not None and c.seat is not None
        admission_id = uuid.uuid4()
        cosigner = confirmation.second if confirmation else None
        row = {"id": admission_id, "candidate_id": c.id, "sitting_id": setup.sitting_id, "room_id": c.seat.room_id,
               "seat_number": c.seat.seat_number, "admitted_at": now, "desk": setup.desk, "staff_id": user.staff_id,
               "staff_name": user.name, "cosigner_id": cosigner.staff_id if cosigner else None,
               "cosigner_name": cosigner.name if cosigner else None, "method": method, "check_reason": reason}
        # On SQLite, BEGIN IMMEDIATE took the write lock before the lookups: nobody can have
        # admitted the candidate since, and the conflict clause is only the constraint's backstop.
        inserted = _ADMIT[s.get_bind().dialect.name].first(s, row)
        if inserted is None:
            prior = s.execute(_WINNER.where(Admission.candidate_id == c.id,
                                            Admission.sitting_id == setup.sitting_id)).one()
            won = rules.PriorAdmission(prior[0].admitted_at, prior[0].desk, prior[0].staff_name, prior[1])
            facts = rules.CandidateFacts(c.id, c.name, c.ticket_number, c.document_type, c.document_number,
                                         c.withdrawn, c.seat, won)
            return None, Decision(Verdict.REFUSE, (Reason.ALREADY_ADMITTED,), facts, closes_at=decision.closes_at)
        outbox.enqueue(s, "admission", admission_id, {
            "candidate_id": str(c.id), "ticket_number": c.ticket_number, "sitting_id": str(setup.sitting_id),
            "room_id": str(c.seat.room_id), "seat_number": c.seat.seat_number, "admitted_at": now.isoformat(),
            "desk": setup.desk, "staff": user.name, "cosigner": row["cosigner_name"], "method": method,
            "check_reason": reason,
        }, now=now)
        return admission_id, decision

    def scan(self, user: StaffSession, decision: Decision, ticket: PresentedTicket | None,
             document: PresentedDocument | None, manual_reason: str,
             confirmation: Confirmation | None = None) -> tuple[uuid.UUID, uuid.UUID | None]:
        """The scan, its audit event, and for a refusal its outbox row and an impersonation's draft
        incident: (scan id, incident id)."""
        s, setup, now = self._s, self._setup, self._now
        c = decision.candidate
        detail = _detail(decision, document)
        verdict = decision.verdict.value
        scan_id = uuid.uuid4()
        ticket_number = (ticket.number if ticket else (c.ticket_number if c else ""))[:64]
        document_masked = mask_document_number(document.number) if document else ""
        _SCAN.insert(s, {
            "id": scan_id, "at": now, "desk": setup.desk, "staff_id": user.staff_id, "staff_name": user.name,
            "sitting_id": setup.sitting_id, "desk_room_id": setup.room_id, "candidate_id": c.id if c else None,
            "ticket_number": ticket_number, "document_masked": document_masked,
            "inputs": _inputs_label(ticket, document), "verdict": verdict, "reason": decision.reason.value,
            "detail_json": json.dumps(detail, ensure_ascii=False, sort_keys=True), "manual_reason": manual_reason,
        })  # the retention class is the column's default, as for the admission
        audit.record(s, user.actor, f"checkin.{verdict}", "candidate" if c else "checkin_scan", c.id if c else scan_id,
                     desk=setup.desk, after={"scan": str(scan_id), "verdict": verdict, **detail,
                                             "ticket": ticket_number, "document_number": document.number if document else None},
                     reason=manual_reason, cosigner=confirmation.cosigner if confirmation else None, now=now)
        incident_id = None
        if verdict == "refuse":
            outbox.enqueue(s, "refusal", scan_id, {
                "candidate_id": str(c.id) if c else None, "sitting_id": str(setup.sitting_id),
                "desk_room_id": str(setup.room_id) if setup.room_id else None, "at": now.isoformat(),
                "desk": setup.desk, "staff": user.name, "ticket_number": ticket_number,
                "document_masked": document_masked, "reason": decision.reason.value, "detail": detail,
            }, now=now)
            if decision.impersonation:
                incident_id = self._impersonation(user, decision, document_masked, document)
        return scan_id, incident_id

    def _impersonation(self, user: StaffSession, decision: Decision, document_masked: str,
                       document: PresentedDocument | None) -> uuid.UUID:
        setup = self._setup
        c = decision.candidate
        assert c is not None
        involved = [c.id] + ([decision.other.id] if decision.other else [])
        # The facts are part of the official record (room record, misconduct file): written in Chinese.
        shown = f"{RECORD_NAMES.get(document.type.value, '证件')} {document_masked}（姓名：{document.name}）" if document else "证件"
        facts = (f"持准考证 {c.ticket_number}（考生：{c.name}）者出示{shown}，该证件不属于此准考证的考生。"
                 f"{setup.desk}拒绝其入场。")
        room_id = c.seat.room_id if c.seat else setup.room_id
        incident = incidents.open_draft(self._s, user.actor, desk=setup.desk, category="identity_mismatch", facts=facts,
                                        sitting_id=setup.sitting_id, room_id=room_id, candidate_ids=involved,
                                        now=self._now)
        return incident.id

    def change_request(self, confirmation: Confirmation, decision: Decision, document: PresentedDocument,
                       reason: str) -> uuid.UUID:
        """Art. 43: the registration looks mistyped; the province decides."""
        s, setup, now = self._s, self._setup, self._now
        c = decision.candidate
        assert c is not None
        field_name = decision.change_request_field
        assert field_name is not None
        if field_name == "document_number":
            registered, observed = mask_document_number(c.document_number), mask_document_number(document.number)
            plain = document.number
        else:
            registered, observed, plain = c.name, document.name, document.name
        req = InfoChangeRequest(
            id=uuid.uuid4(), candidate_id=c.id, field=field_name, registered_masked=registered,
            observed_masked=observed, observed_enc=self._cipher.encrypt_text(plain, f"info_change.{field_name}"),
            reason=reason, requested_at=now, desk=setup.desk, staff_id=confirmation.initiator.staff_id,
            staff_name=confirmation.initiator.name, cosigner_id=confirmation.second.staff_id,
            cosigner_name=confirmation.second.name,
        )
        s.add(req)
        audit.record(s, confirmation.actor, "checkin.info_change_request", "candidate", c.id, desk=setup.desk,
                     after={"field": field_name, "registered": registered, "observed": observed}, reason=reason,
                     cosigner=confirmation.cosigner, now=now)
        # A document number never travels or rests in plaintext (art. 47–48): the outbox carries
        # it masked and as the blind index the province matches.
        observed_fields: dict[str, Any] = {"observed_masked": observed}
        if field_name == "document_number":
            observed_fields["observed_index"] = self._cipher.blind_index(plain)
        else:
            observed_fields["observed"] = plain
        outbox.enqueue(s, "info_change", req.id, {
            "candidate_id": str(c.id), "ticket_number": c.ticket_number, "field": field_name,
            "registered_masked": registered, **observed_fields, "reason": reason, "requested_at": now.isoformat(),
            "desk": setup.desk, "staff": confirmation.initiator.name, "cosigner": confirmation.second.name,
        }, now=now)
        return req.id
