"""The check-in desk's use cases (art. 30, 43): present inputs, admit after a check with a second
invigilator, close entry and mark absences, look candidates up by name.

Each call is one transaction: the scan, its admission, its audit event, its outbox row and any
draft incident commit together or not at all. One admission per candidate and sitting is the
database's unique constraint; a desk that loses the race is told who won, where and when.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, bindparam, func, select, true
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased, sessionmaker

from app.db.engine import read_session_factory
from app.db.models import Candidate, Exam, Room, Seat, SeatAssignment, Sitting
from app.db.models_checkin import Absence, Admission, CheckinScan, InfoChangeRequest
from app.domain import RECORD_NAMES, Gender, SittingMode
from app.errors import VenueError
from app.package.state import DOCUMENT_CONTEXT, PHOTO_CONTEXT
from app.rules import checkin as rules
from app.rules.checkin import Decision, PresentedDocument, PresentedTicket, Reason, Verdict
from app.rules.timing import Schedule, entry_closes_at, entry_open
from app.security.auth import StaffSession
from app.security.crypto import PersonalDataCipher, mask_document_number
from app.security.permissions import Permission, require
from app.security.two_person import Confirmation
from app.services import audit, incidents, outbox
from app.services.absences import mark_absences
from app.services.audit import Actor


class UnknownSitting(VenueError):
    def __init__(self) -> None:
        super().__init__("checkin.unknown_sitting", "This sitting is not in the exam package of this venue.")


class EntryStillOpen(VenueError):
    def __init__(self, closes_at: datetime) -> None:
        super().__init__("checkin.entry_still_open", "Entry is still open until {closes_at}; absences are marked "
                         "when it closes.", closes_at=closes_at.strftime("%H:%M"))


class NothingToConfirm(VenueError):
    def __init__(self) -> None:
        super().__init__("checkin.nothing_to_confirm", "Only a decision that asked for a check can be admitted "
                         "after a check.")


class CheckOutdated(VenueError):
    def __init__(self) -> None:
        super().__init__("checkin.check_outdated", "What was presented no longer points to the candidate that was "
                         "checked; present the ticket and the card again.")


class ReasonRequired(VenueError):
    def __init__(self) -> None:
        super().__init__("checkin.reason_required", "Write down why: a manual entry and an admission after a "
                         "check keep their reason.")


class SearchTooShort(VenueError):
    def __init__(self) -> None:
        super().__init__("checkin.search_too_short", "Type at least two characters of the name.")


@dataclass(frozen=True)
class DeskSetup:
    sitting_id: uuid.UUID
    room_id: uuid.UUID | None  # None: the venue gate
    desk: str


@dataclass(frozen=True)
class DeskInfo:
    sitting_id: uuid.UUID
    sitting_code: str
    subject: str
    exam_name: str
    mode: SittingMode
    schedule: Schedule
    closes_at: datetime
    room_id: uuid.UUID | None
    room_code: str | None
    room_name: str | None
    ticket_pattern: str


@dataclass(frozen=True)
class CandidateView:
    """What the screen shows of a candidate: the number is masked, the photo is the registration's."""

    id: uuid.UUID
    name: str
    gender: Gender
    ticket_number: str
    document_masked: str
    room_code: str | None
    room_name: str | None
    seat_number: int | None
    photo: bytes | None = field(default=None, repr=False)


@dataclass(frozen=True)
class Outcome:
    decision: Decision
    at: datetime
    candidate: CandidateView | None
    other: CandidateView | None = None
    ticket: PresentedTicket | None = None
    document: PresentedDocument | None = field(default=None, repr=False)
    scan_id: uuid.UUID | None = None
    admission_id: uuid.UUID | None = None
    incident_id: uuid.UUID | None = None
    change_request_id: uuid.UUID | None = None
    confirmed_by: str | None = None  # the second invigilator who confirmed an admission after a check

    @property
    def verdict(self) -> Verdict:
        return self.decision.verdict


@dataclass(frozen=True)
class Counters:
    """People, never scans: `refused` is the people turned away at this door who are not admitted
    (a late candidate scanned twice is one; an admitted one scanned again is none), `not_yet` the
    expected candidates neither admitted nor recorded absent."""

    expected: int
    admitted: int
    absent: int
    refused: int
    not_yet: int


@dataclass(frozen=True)
class RecentScan:
    at: datetime
    verdict: str
    reason: str
    name: str
    ticket_number: str
    room_code: str | None
    seat_number: int | None
    late_by: timedelta | None = None  # an entry-closed refusal: how long after the cutoff


@dataclass(frozen=True)
class SearchHit:
    candidate_id: uuid.UUID
    name: str
    ticket_number: str
    document_masked: str
    room_code: str | None
    seat_number: int | None


def _sitting(s: Session, sitting_id: uuid.UUID) -> Sitting:
    sitting = s.get(Sitting, sitting_id)
    if sitting is None:
        raise UnknownSitting()
    return sitting


def _normal(number: str) -> str:
    return number.strip().upper()


def _masked(c: rules.CandidateFacts | None) -> rules.CandidateFacts | None:
    return None if c is None else replace(c, document_number=mask_document_number(c.document_number))


def _inputs_label(ticket: PresentedTicket | None, document: PresentedDocument | None) -> str:
    parts = []
    if ticket is not None:
        parts.append("search" if ticket.searched else "manual_ticket" if ticket.manual else "ticket")
    if document is not None:
        parts.append("manual_document" if document.manual else "card")
    return "+".join(parts)


# What a second invigilator confirms at the desk (TwoPersonRule.confirm), for one candidate.
CONFIRM_ACTION = "checkin.admit_after_check"


def confirmation_entity(checked: Outcome) -> object:
    """What a confirmation of `checked` is bound to: the candidate the check was about."""
    candidate = checked.decision.candidate
    return candidate.id if candidate is not None else "-"


def _method(ticket: PresentedTicket | None, document: PresentedDocument | None) -> str:
    if (ticket is not None and (ticket.manual or ticket.searched)) or (document is not None and document.manual):
        return "manual"
    if ticket is not None and document is not None:
        return "card_and_ticket"
    return "card" if document is not None else "ticket"


# The lookups of every decision, built once (building a select costs more than running it here).
_ADMITTED_ROOM = aliased(Room)
_FACTS = (
    select(Room.id, Room.code, Room.name, Seat.number, Admission.admitted_at, Admission.desk, Admission.staff_name,
           _ADMITTED_ROOM.code)
    .select_from(Candidate)
    .outerjoin(SeatAssignment, (SeatAssignment.candidate_id == Candidate.id)
               & (SeatAssignment.sitting_id == bindparam("sitting_id")))
    .outerjoin(Room, Room.id == SeatAssignment.room_id).outerjoin(Seat, Seat.id == SeatAssignment.seat_id)
    .outerjoin(Admission, (Admission.candidate_id == Candidate.id) & (Admission.sitting_id == bindparam("sitting_id")))
    .outerjoin(_ADMITTED_ROOM, _ADMITTED_ROOM.id == Admission.room_id)
    .where(Candidate.id == bindparam("candidate_id"))
)
_BY_TICKET = select(Candidate).where(Candidate.exam_id == bindparam("exam_id"),
                                     Candidate.ticket_number == bindparam("ticket"))
_BY_DOCUMENT = (select(Candidate).where(Candidate.exam_id == bindparam("exam_id"),
                                        Candidate.document_number_hash == bindparam("hash"))
                .order_by(Candidate.withdrawn))


class CheckinService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        cipher: PersonalDataCipher,
        clock: Callable[[], datetime],
    ) -> None:
        self._sessions = sessions
        self._reads = read_session_factory(sessions)
        self._cipher = cipher
        self._clock = clock

    # -- what the desk shows --------------------------------------------------------------

    def sittings(self) -> list[DeskInfo]:
        with self._reads() as s:
            return [self._info(s, sit, None) for sit in s.scalars(select(Sitting).order_by(Sitting.starts_at))]

    def rooms(self) -> list[tuple[uuid.UUID, str, str]]:
        with self._reads() as s:
            return [(r.id, r.code, r.name) for r in s.scalars(select(Room).order_by(Room.code))]

    def desk_info(self, setup: DeskSetup) -> DeskInfo:
        with self._reads() as s:
            sitting = _sitting(s, setup.sitting_id)
            return self._info(s, sitting, setup.room_id)

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

    # -- deciding ---------------------------------------------------------------------------

    def present(
        self,
        user: StaffSession,
        setup: DeskSetup,
        *,
        ticket: PresentedTicket | None = None,
        document: PresentedDocument | None = None,
        final: bool = False,
        manual_reason: str = "",
    ) -> Outcome:
        """Decide on what is presented and record it. A WAIT (one input so far) records nothing."""
        manual = (ticket is not None and (ticket.manual or ticket.searched)) or (document is not None and document.manual)
        if manual and not manual_reason.strip():
            raise ReasonRequired()
        now = self._clock()
        with self._sessions() as s, s.begin():
            require(s, user, Permission.CHECK_IN_CANDIDATE)
            sitting = _sitting(s, setup.sitting_id)
            desk = rules.Desk(sitting.schedule, setup.room_id)
            decision = rules.decide(desk, self._inputs(s, sitting, ticket, document, final), now)
            if decision.verdict is Verdict.WAIT:
                return self._outcome(s, decision, now, ticket, document)
            admission_id = None
            if decision.verdict is Verdict.ADMIT:
                admission_id, decision = self._admit(s, user, setup, decision, now, _method(ticket, document), None, "")
            return self._record(s, user, setup, decision, now, ticket, document, manual_reason, admission_id)

    def admit_after_check(
        self,
        confirmation: Confirmation,
        setup: DeskSetup,
        checked: Outcome,
        reason: str,
    ) -> Outcome:
        """The first invigilator looked, a second one confirmed: admit, keeping the reason, and
        send an information-change request when the registration looks mistyped (art. 43).

        Nothing of `checked` is trusted but what was presented (ticket, document) and who was
        shown: the candidate is read again inside this transaction and decided again, so a
        withdrawal, a move or another desk's admission since the check is what counts."""
        user = confirmation.initiator
        if checked.verdict is not Verdict.CHECK or checked.candidate is None:
            raise NothingToConfirm()
        if not reason.strip():
            raise ReasonRequired()
        confirmation.redeem(CONFIRM_ACTION, confirmation_entity(checked))
        now = self._clock()
        with self._sessions() as s, s.begin():
            require(s, user, Permission.CHECK_IN_CANDIDATE)
            require(s, confirmation.second, Permission.CONFIRM_CHECK)  # whatever the caller asked the rule for
            sitting = _sitting(s, setup.sitting_id)
            desk = rules.Desk(sitting.schedule, setup.room_id)
            decision = rules.decide(desk, self._inputs(s, sitting, checked.ticket, checked.document, True), now)
            if decision.candidate is None or decision.candidate.id != checked.candidate.id:
                raise CheckOutdated()
            if decision.verdict is Verdict.REFUSE:
                # Art. 30(二) (entry closed meanwhile: no override), or the candidate was withdrawn,
                # moved or admitted elsewhere since the check.
                return self._record(s, user, setup, decision, now, checked.ticket, checked.document, reason, None,
                                    confirmation=confirmation)
            admission_id, decision = self._admit(s, user, setup, decision, now,
                                                 _method(checked.ticket, checked.document), confirmation, reason)
            if admission_id is not None:  # admitted, and the reasons of the check stay on record
                decision = replace(decision, verdict=Verdict.ADMIT)
            outcome = self._record(s, user, setup, decision, now, checked.ticket, checked.document, reason,
                                   admission_id, confirmation=confirmation)
            change_id = None
            if admission_id is not None and decision.change_request_field and checked.document is not None:
                change_id = self._change_request(s, confirmation, setup, decision, checked.document, reason, now)
            return replace(outcome, change_request_id=change_id,
                           confirmed_by=confirmation.second.name if admission_id is not None else None)

    def dismiss(self, user: StaffSession, setup: DeskSetup, pending: Outcome) -> None:
        """The candidate left the desk undecided (Esc on a waiting decision): the scan is still recorded."""
        if pending.verdict is not Verdict.WAIT:
            return
        with self._sessions() as s, s.begin():
            require(s, user, Permission.CHECK_IN_CANDIDATE)
            self._record(s, user, setup, pending.decision, self._clock(), pending.ticket, pending.document, "", None)

    def close_entry(self, actor: Actor, setup: DeskSetup) -> int:
        """Art. 30(二): once entry has closed, everyone of the room (the gate: of the sitting) not
        admitted is absent. Safe to run from every desk and more than once."""
        now = self._clock()
        with self._sessions() as s, s.begin():
            sitting = _sitting(s, setup.sitting_id)
            schedule = sitting.schedule
            if entry_open(schedule, now):
                raise EntryStillOpen(entry_closes_at(schedule))
            return mark_absences(s, actor, setup.desk, setup.sitting_id, setup.room_id, now)

    # -- inside the transaction -------------------------------------------------------------

    def _facts(self, s: Session, sitting: Sitting, c: Candidate) -> rules.CandidateFacts:
        # One round trip: the seat in this sitting and any admission already recorded.
        row = s.execute(_FACTS, {"candidate_id": c.id, "sitting_id": sitting.id}).one()
        seat = rules.Seat(row[0], row[1], row[2], row[3]) if row[0] is not None else None
        admitted = rules.PriorAdmission(row[4], row[5], row[6], row[7]) if row[4] is not None else None
        number = self._cipher.decrypt_text(c.document_number_enc, DOCUMENT_CONTEXT)
        return rules.CandidateFacts(c.id, c.name, c.ticket_number, c.document_type, number, c.withdrawn, seat, admitted)

    def _inputs(self, s: Session, sitting: Sitting, ticket: PresentedTicket | None,
                document: PresentedDocument | None, final: bool) -> rules.Inputs:
        """The candidates what was presented points to, read in this transaction."""
        by_ticket = self._by_ticket(s, sitting, ticket.number) if ticket is not None else None
        by_document = None
        if document is not None:
            # The usual case, the ticket's own card: its candidate is already at hand.
            same = by_ticket is not None and _normal(by_ticket.document_number) == _normal(document.number)
            by_document = by_ticket if same else self._by_document(s, sitting, document.number)
        return rules.Inputs(ticket, document, by_ticket, by_document, final)

    def _by_ticket(self, s: Session, sitting: Sitting, number: str) -> rules.CandidateFacts | None:
        c = s.scalars(_BY_TICKET, {"exam_id": sitting.exam_id, "ticket": number.strip()}).first()
        return self._facts(s, sitting, c) if c else None

    def _by_document(self, s: Session, sitting: Sitting, number: str) -> rules.CandidateFacts | None:
        c = s.scalars(_BY_DOCUMENT, {"exam_id": sitting.exam_id, "hash": self._cipher.blind_index(number)}).first()
        return self._facts(s, sitting, c) if c else None

    def _admit(
        self, s: Session, user: StaffSession, setup: DeskSetup, decision: Decision, now: datetime, method: str,
        confirmation: Confirmation | None, reason: str,
    ) -> tuple[uuid.UUID | None, Decision]:
        c = decision.candidate
        assert c is not None and c.seat is not None
        admission = Admission(id=uuid.uuid4(), candidate_id=c.id, sitting_id=setup.sitting_id, room_id=c.seat.room_id,
                              seat_number=c.seat.seat_number, admitted_at=now, desk=setup.desk, staff_id=user.staff_id,
                              staff_name=user.name, cosigner_id=confirmation.second.staff_id if confirmation else None,
                              cosigner_name=confirmation.second.name if confirmation else None, method=method,
                              check_reason=reason)
        try:
            if s.get_bind().dialect.name == "sqlite":
                # BEGIN IMMEDIATE took the write lock before the lookups: no other desk can have
                # admitted the candidate since, so no savepoint is needed.
                s.add(admission)
                s.flush()
            else:
                with s.begin_nested():  # PostgreSQL: the unique constraint decides the race
                    s.add(admission)
                    s.flush()
        except IntegrityError:
            # Another desk admitted this candidate a moment ago: say who, where and when.
            prior = s.execute(select(Admission, Room.code).join(Room, Room.id == Admission.room_id)
                              .where(Admission.candidate_id == c.id, Admission.sitting_id == setup.sitting_id)).one()
            won = rules.PriorAdmission(prior[0].admitted_at, prior[0].desk, prior[0].staff_name, prior[1])
            facts = rules.CandidateFacts(c.id, c.name, c.ticket_number, c.document_type, c.document_number,
                                         c.withdrawn, c.seat, won)
            return None, Decision(Verdict.REFUSE, (Reason.ALREADY_ADMITTED,), facts, closes_at=decision.closes_at)
        outbox.enqueue(s, "admission", admission.id, {
            "candidate_id": str(c.id), "ticket_number": c.ticket_number, "sitting_id": str(setup.sitting_id),
            "room_id": str(c.seat.room_id), "seat_number": c.seat.seat_number, "admitted_at": now.isoformat(),
            "desk": setup.desk, "staff": user.name, "cosigner": admission.cosigner_name, "method": method,
            "check_reason": reason,
        })
        return admission.id, decision

    def _record(
        self, s: Session, user: StaffSession, setup: DeskSetup, decision: Decision, now: datetime,
        ticket: PresentedTicket | None, document: PresentedDocument | None, manual_reason: str,
        admission_id: uuid.UUID | None, *, confirmation: Confirmation | None = None,
    ) -> Outcome:
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
        verdict = decision.verdict.value
        scan = CheckinScan(
            id=uuid.uuid4(), at=now, desk=setup.desk, staff_id=user.staff_id, staff_name=user.name,
            sitting_id=setup.sitting_id, desk_room_id=setup.room_id, candidate_id=c.id if c else None,
            ticket_number=(ticket.number if ticket else (c.ticket_number if c else ""))[:64],
            document_masked=mask_document_number(document.number) if document else "",
            inputs=_inputs_label(ticket, document), verdict=verdict, reason=decision.reason.value,
            detail_json=json.dumps(detail, ensure_ascii=False, sort_keys=True), manual_reason=manual_reason,
        )
        s.add(scan)
        s.flush()
        audit.record(s, user.actor, f"checkin.{verdict}", "candidate" if c else "checkin_scan", c.id if c else scan.id,
                     desk=setup.desk, after={"scan": str(scan.id), "verdict": verdict, **detail,
                                             "ticket": scan.ticket_number, "document_number": document.number if document else None},
                     reason=manual_reason, cosigner=confirmation.cosigner if confirmation else None, now=now)
        incident_id = None
        if verdict == "refuse":
            outbox.enqueue(s, "refusal", scan.id, {
                "candidate_id": str(c.id) if c else None, "sitting_id": str(setup.sitting_id),
                "desk_room_id": str(setup.room_id) if setup.room_id else None, "at": now.isoformat(),
                "desk": setup.desk, "staff": user.name, "ticket_number": scan.ticket_number,
                "document_masked": scan.document_masked, "reason": scan.reason, "detail": detail,
            })
            if decision.impersonation:
                incident_id = self._impersonation(s, user, setup, decision, now, scan, document)
        return self._outcome(s, decision, now, ticket, document, scan.id, admission_id, incident_id)

    def _impersonation(
        self, s: Session, user: StaffSession, setup: DeskSetup, decision: Decision, now: datetime,
        scan: CheckinScan, document: PresentedDocument | None,
    ) -> uuid.UUID:
        c = decision.candidate
        assert c is not None
        involved = [c.id] + ([decision.other.id] if decision.other else [])
        # The facts are part of the official record (room record, misconduct file): written in Chinese.
        shown = f"{RECORD_NAMES.get(document.type.value, '证件')} {scan.document_masked}（姓名：{document.name}）" if document else "证件"
        facts = (f"持准考证 {c.ticket_number}（考生：{c.name}）者出示{shown}，该证件不属于此准考证的考生。"
                 f"{setup.desk}拒绝其入场。")
        room_id = c.seat.room_id if c.seat else setup.room_id
        incident = incidents.open_draft(s, user.actor, desk=setup.desk, category="identity_mismatch", facts=facts,
                                        sitting_id=setup.sitting_id, room_id=room_id, candidate_ids=involved, now=now)
        return incident.id

    def _change_request(
        self, s: Session, confirmation: Confirmation, setup: DeskSetup, decision: Decision,
        document: PresentedDocument, reason: str, now: datetime,
    ) -> uuid.UUID:
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
        s.flush()
        audit.record(s, confirmation.actor, "checkin.info_change_request", "candidate", c.id, desk=setup.desk,
                     after={"field": field_name, "registered": registered, "observed": observed}, reason=reason,
                     cosigner=confirmation.cosigner, now=now)
        # The province decides (art. 43). A document number never travels or rests in plaintext
        # (art. 47–48): the outbox carries it masked and as the blind index the province matches.
        observed_fields: dict[str, str] = {"observed_masked": observed}
        if field_name == "document_number":
            observed_fields["observed_index"] = self._cipher.blind_index(plain)
        else:
            observed_fields["observed"] = plain
        outbox.enqueue(s, "info_change", req.id, {
            "candidate_id": str(c.id), "ticket_number": c.ticket_number, "field": field_name,
            "registered_masked": registered, **observed_fields, "reason": reason, "requested_at": now.isoformat(),
            "desk": setup.desk, "staff": confirmation.initiator.name, "cosigner": confirmation.second.name,
        })
        return req.id

    def _view(self, s: Session, c: rules.CandidateFacts | None, with_photo: bool) -> CandidateView | None:
        if c is None:
            return None
        row = s.get(Candidate, c.id)
        assert row is not None
        photo = self._cipher.decrypt(row.photo_enc, PHOTO_CONTEXT) if with_photo and row.photo_enc else None
        seat = c.seat
        return CandidateView(c.id, c.name, row.gender, c.ticket_number, row.document_number_masked,
                             seat.room_code if seat else None, seat.room_name if seat else None,
                             seat.seat_number if seat else None, photo)

    def _outcome(
        self, s: Session, decision: Decision, now: datetime, ticket: PresentedTicket | None,
        document: PresentedDocument | None, scan_id: uuid.UUID | None = None, admission_id: uuid.UUID | None = None,
        incident_id: uuid.UUID | None = None,
    ) -> Outcome:
        # What leaves the core for the screen never carries a registered document number in clear.
        shown = replace(decision, candidate=_masked(decision.candidate), other=_masked(decision.other))
        return Outcome(shown, now, self._view(s, decision.candidate, True), self._view(s, decision.other, True),
                       ticket, document, scan_id, admission_id, incident_id)
