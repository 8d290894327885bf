"""The check-in desk's use cases (art. 30, 43): present inputs, admit after a check with a second
invigilator, close entry and mark absences; what the desk shows is `checkin_reads`.

Each call is one transaction: the scan, its admission, its audit event, its outbox row and any
draft incident commit together or not at all (`checkin_lookup` reads, `checkin_record` writes).
One admission per candidate and sitting is the database's unique constraint; a desk that loses
the race is told who won, where and when.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from app.errors import VenueError
from app.rules import checkin as rules
from app.rules.checkin import Decision, PresentedDocument, PresentedTicket, Verdict
from app.rules.timing import entry_closes_at, entry_open
from app.security.auth import StaffSession
from app.security.crypto import PersonalDataCipher, mask_document_number
from app.security.permissions import Permission, require
from app.security.two_person import Confirmation
from app.services.absences import mark_absences
from app.services.audit import Actor
from app.services.checkin_lookup import Lookup
from app.services.checkin_reads import DeskReads, SearchTooShort, UnknownSitting, sitting_of
from app.services.checkin_record import Recorder
from app.services.checkin_types import (
    CandidateView,
    Counters,
    DeskInfo,
    DeskSetup,
    Outcome,
    RecentScan,
    SearchHit,
)

__all__ = ["CONFIRM_ACTION", "CandidateView", "CheckinService", "Counters", "DeskInfo", "DeskSetup", "Outcome",
           "RecentScan", "SearchHit", "SearchTooShort", "UnknownSitting", "confirmation_entity"]


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


def _masked(c: rules.CandidateFacts | None) -> rules.CandidateFacts | None:
    return None if c is None else replace(c, document_number=mask_document_number(c.document_number))


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


def _outcome(found: Lookup, decision: Decision, now: datetime, ticket: PresentedTicket | None,
             document: PresentedDocument | None, scan_id: uuid.UUID | None = None,
             admission_id: uuid.UUID | None = None, incident_id: uuid.UUID | None = None) -> Outcome:
    # What leaves the core for the screen never carries a registered document number in clear.
    shown = replace(decision, candidate=_masked(decision.candidate), other=_masked(decision.other))
    return Outcome(shown, now, found.view(decision.candidate), found.view(decision.other), ticket, document,
                   scan_id, admission_id, incident_id)


class CheckinService(DeskReads):
    def __init__(
        self,
        sessions: sessionmaker[Session],
        cipher: PersonalDataCipher,
        clock: Callable[[], datetime],
    ) -> None:
        super().__init__(sessions)
        self._sessions = sessions
        self._cipher = cipher
        self._clock = clock

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
            found = Lookup(s, self._cipher)
            schedule, inputs = found.inputs(setup.sitting_id, ticket, document, final)
            decision = rules.decide(rules.Desk(schedule, setup.room_id), inputs, now)
            if decision.verdict is Verdict.WAIT:
                return _outcome(found, decision, now, ticket, document)
            recorder = Recorder(s, self._cipher, setup, now)
            admission_id = None
            if decision.verdict is Verdict.ADMIT:
                admission_id, decision = recorder.admit(user, decision, _method(ticket, document), None, "")
            scan_id, incident_id = recorder.scan(user, decision, ticket, document, manual_reason)
            return _outcome(found, decision, now, ticket, document, scan_id, admission_id, incident_id)

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
            found = Lookup(s, self._cipher)
            schedule, inputs = found.inputs(setup.sitting_id, checked.ticket, checked.document, True)
            decision = rules.decide(rules.Desk(schedule, setup.room_id), inputs, now)
            if decision.candidate is None or decision.candidate.id != checked.candidate.id:
                raise CheckOutdated()
            recorder = Recorder(s, self._cipher, setup, now)
            if decision.verdict is Verdict.REFUSE:
                # Art. 30(二) (entry closed meanwhile: no override), or the candidate was withdrawn,
                # moved or admitted elsewhere since the check.
                scan_id, incident_id = recorder.scan(user, decision, checked.ticket, checked.document, reason,
                                                     confirmation)
                return _outcome(found, decision, now, checked.ticket, checked.document, scan_id, None, incident_id)
            admission_id, decision = recorder.admit(user, decision, _method(checked.ticket, checked.document),
                                                    confirmation, reason)
            if admission_id is not None:  # admitted, and the reasons of the check stay on record
                decision = replace(decision, verdict=Verdict.ADMIT)
            scan_id, incident_id = recorder.scan(user, decision, checked.ticket, checked.document, reason, confirmation)
            change_id = None
            if admission_id is not None and decision.change_request_field and checked.document is not None:
                change_id = recorder.change_request(confirmation, decision, checked.document, reason)
            return replace(_outcome(found, decision, now, checked.ticket, checked.document,
                                    scan_id, admission_id, incident_id),
                           change_request_id=change_id,
                           confirmed_by=confirmation.second.name if admission_id is not None else None)

    def dismiss(self, user: StaffSession, setup: DeskSetup, pending: Outcome) -> None:
        """The candidate left the desk undecided (Esc on a waiting decision): the scan is still recorded."""
        if pending.verdict is not Verdict.WAIT:
            return
        with self._sessions() as s, s.begin():
            require(s, user, Permission.CHECK_IN_CANDIDATE)
            Recorder(s, self._cipher, setup, self._clock()).scan(user, pending.decision, pending.ticket,
                                                                 pending.document, "")

    def close_entry(self, actor: Actor, setup: DeskSetup) -> int:
        """Art. 30(二): once entry has closed, everyone of the room (the gate: of the sitting) not
        admitted is absent. Safe to run from every desk and more than once."""
        now = self._clock()
        with self._sessions() as s, s.begin():
            schedule = sitting_of(s, setup.sitting_id).schedule
            if entry_open(schedule, now):
                raise EntryStillOpen(entry_closes_at(schedule))
            return mark_absences(s, actor, setup.desk, setup.sitting_id, setup.room_id, now)
