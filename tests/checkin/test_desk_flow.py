"""The desk's input state machine: either order, nothing lost while busy, Enter and Esc."""

from __future__ import annotations

from datetime import UTC, datetime

from app.rules.checkin import (
    CardPhoto,
    Decision,
    PresentedDocument,
    PresentedTicket,
    PresentedType,
    Reason,
    Verdict,
)
from app.services.checkin import Outcome
from app.services.desk_flow import ConfirmCheck, DeskFlow, Dismiss, Phase, Request

T1, T2 = PresentedTicket("001"), PresentedTicket("002")
D1 = PresentedDocument(PresentedType.RESIDENT_ID, "11010819900307002X", "王芳", card_photo=CardPhoto.DECODED)


def outcome(verdict: Verdict, reason: Reason = Reason.MATCH) -> Outcome:
    return Outcome(Decision(verdict, (reason,)), datetime(2026, 11, 28, tzinfo=UTC), None)


def test_ticket_then_card_is_one_candidate() -> None:
    flow = DeskFlow()
    assert flow.ticket_scanned(T1) == Request(T1, None)
    flow.finished(outcome(Verdict.WAIT, Reason.AWAITING_DOCUMENT))
    assert flow.card_read(D1) == Request(T1, D1)
    flow.finished(outcome(Verdict.ADMIT))
    assert flow.phase is Phase.DECIDED


def test_card_then_ticket_is_one_candidate() -> None:
    flow = DeskFlow()
    flow.card_read(D1)
    flow.finished(outcome(Verdict.WAIT, Reason.AWAITING_TICKET))
    assert flow.ticket_scanned(T1) == Request(T1, D1)


def test_after_a_verdict_the_next_scan_starts_the_next_candidate() -> None:
    flow = DeskFlow()
    flow.ticket_scanned(T1)
    flow.finished(outcome(Verdict.REFUSE, Reason.UNKNOWN_TICKET))
    assert flow.ticket_scanned(T2) == Request(T2, None)


def test_a_second_ticket_while_waiting_starts_over_but_a_repeat_is_ignored() -> None:
    flow = DeskFlow()
    flow.ticket_scanned(T1)
    flow.finished(outcome(Verdict.WAIT, Reason.AWAITING_DOCUMENT))
    assert flow.ticket_scanned(T1) is None
    assert flow.ticket_scanned(T2) == Request(T2, None)


def test_inputs_arriving_while_busy_are_queued_not_lost() -> None:
    flow = DeskFlow()
    flow.ticket_scanned(T1)
    assert flow.card_read(D1) is None and flow.queued == 1
    nxt = flow.finished(outcome(Verdict.WAIT, Reason.AWAITING_DOCUMENT))
    assert nxt == Request(T1, D1) and flow.queued == 0


def test_enter_decides_with_one_input_and_esc_records_the_abandoned_scan() -> None:
    flow = DeskFlow()
    flow.card_read(D1)
    waiting = outcome(Verdict.WAIT, Reason.AWAITING_TICKET)
    flow.finished(waiting)
    assert flow.enter() == Request(None, D1, final=True)
    flow.finished(waiting)
    assert flow.escape() == Dismiss(waiting) and flow.phase is Phase.READY


def test_enter_on_a_check_asks_for_the_second_invigilator() -> None:
    flow = DeskFlow()
    flow.ticket_scanned(T1)
    checked = outcome(Verdict.CHECK, Reason.NO_CARD_PHOTO)
    flow.finished(checked)
    assert flow.enter() == ConfirmCheck(checked)


def test_a_failed_request_keeps_its_inputs_and_enter_retries() -> None:
    flow = DeskFlow()
    sent = flow.ticket_scanned(T1)
    flow.failed()
    assert flow.phase is Phase.FAILED and flow.enter() == sent


def test_manual_entry_is_decided_at_once_with_its_reason() -> None:
    flow = DeskFlow()
    req = flow.manual(T1, None, "ticket torn")
    assert req == Request(T1, None, final=True, manual_reason="ticket torn")
