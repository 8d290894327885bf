"""The check-in decision as a pure function: each verdict and reason, named by article."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain import DocumentType, SittingMode
from app.rules.checkin import (
    CandidateFacts,
    CardPhoto,
    Desk,
    Inputs,
    NameMatch,
    PresentedDocument,
    PresentedTicket,
    PresentedType,
    PriorAdmission,
    Reason,
    Seat,
    Verdict,
    compare_names,
    decide,
    is_typo,
)
from app.rules.timing import Schedule

START = datetime(2026, 11, 28, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai
ROOM = uuid.uuid4()
OTHER_ROOM = uuid.uuid4()
NUMBER = "11010819900307002X"


def schedule(mode: SittingMode = SittingMode.PAPER) -> Schedule:
    return Schedule(START, START + timedelta(hours=2), mode, False)


def facts(**kw: object) -> CandidateFacts:
    base: dict[str, object] = {"id": uuid.uuid4(), "name": "王芳", "ticket_number": "2632010700001",
                               "document_type": DocumentType.RESIDENT_ID, "document_number": NUMBER,
                               "seat": Seat(ROOM, "07", "第07考场", 15)}
    base.update(kw)
    return CandidateFacts(**base)  # type: ignore[arg-type]


def doc(**kw: object) -> PresentedDocument:
    base: dict[str, object] = {"type": PresentedType.RESIDENT_ID, "number": NUMBER, "name": "王芳",
                               "card_photo": CardPhoto.DECODED}
    base.update(kw)
    return PresentedDocument(**base)  # type: ignore[arg-type]


TICKET = PresentedTicket("2632010700001")


def both(c: CandidateFacts | None = None, *, document: PresentedDocument | None = None,
         owner: CandidateFacts | None = None, at: timedelta = timedelta(minutes=-10),
         mode: SittingMode = SittingMode.PAPER, room: uuid.UUID | None = ROOM):
    c = c or facts()
    d = document or doc()
    return decide(Desk(schedule(mode), room), Inputs(TICKET, d, c, owner if owner is not None else (
        c if d.number == c.document_number else None)), START + at)


def test_art30_1_ticket_and_matching_card_admit() -> None:
    decision = both()
    assert decision.verdict is Verdict.ADMIT and decision.reason is Reason.MATCH


def test_art30_2_entry_closes_five_minutes_after_start_with_how_late() -> None:
    assert both(at=timedelta(minutes=4, seconds=59)).verdict is Verdict.ADMIT
    late = both(at=timedelta(minutes=7, seconds=12))
    assert late.verdict is Verdict.REFUSE and late.reason is Reason.ENTRY_CLOSED
    assert late.late_by == timedelta(minutes=2, seconds=12)  # from the cutoff (start + 5 min)
    assert late.closes_at == START + timedelta(minutes=5)
    assert late.candidate is not None  # who was refused is recorded


def test_art30_2_audio_video_entry_closes_at_the_start() -> None:
    assert both(at=timedelta(seconds=-1), mode=SittingMode.AUDIO_VIDEO).verdict is Verdict.ADMIT
    refused = both(at=timedelta(seconds=1), mode=SittingMode.AUDIO_VIDEO)
    assert refused.reason is Reason.ENTRY_CLOSED


def test_art30_2_closed_entry_refuses_even_a_manual_entry_decided_by_hand() -> None:
    d = decide(Desk(schedule(), ROOM), Inputs(PresentedTicket("x", manual=True), None, facts(), None, final=True),
               START + timedelta(minutes=6))
    assert d.reason is Reason.ENTRY_CLOSED


def test_unknown_ticket_is_refused() -> None:
    d = decide(Desk(schedule(), ROOM), Inputs(PresentedTicket("999"), None, None, None), START)
    assert d.verdict is Verdict.REFUSE and d.reason is Reason.UNKNOWN_TICKET


def test_a_card_no_registration_carries_is_refused() -> None:
    d = decide(Desk(schedule(), ROOM), Inputs(None, doc(number="110108199003070011"), None, None), START)
    assert d.reason is Reason.UNKNOWN_DOCUMENT


def test_not_in_this_sitting_is_refused() -> None:
    assert both(facts(seat=None)).reason is Reason.NOT_IN_SITTING


def test_wrong_room_is_refused_with_the_right_room_and_seat_but_the_gate_admits() -> None:
    elsewhere = facts(seat=Seat(OTHER_ROOM, "09", "第09考场", 3))
    d = both(elsewhere)
    assert d.reason is Reason.WRONG_ROOM and d.candidate is not None and d.candidate.seat is not None
    assert (d.candidate.seat.room_code, d.candidate.seat.seat_number) == ("09", 3)
    assert both(elsewhere, room=None).verdict is Verdict.ADMIT


def test_already_admitted_says_where_when_and_by_whom() -> None:
    prior = PriorAdmission(START - timedelta(minutes=3), "desk-gate", "李监考", "07")
    d = both(facts(admitted=prior))
    assert d.reason is Reason.ALREADY_ADMITTED and d.candidate is not None and d.candidate.admitted == prior


def test_art30_1_expired_document_is_refused_long_term_is_valid() -> None:
    assert both(document=doc(valid_until=date(2026, 11, 27))).reason is Reason.DOCUMENT_EXPIRED
    assert both(document=doc(valid_until=date(2026, 11, 28))).verdict is Verdict.ADMIT
    assert both(document=doc(valid_until=None)).verdict is Verdict.ADMIT


def test_art30_1_card_expired_yesterday_is_refused_at_0730_beijing_on_the_venue_date() -> None:
    # An early sitting: 07:30 in Beijing on 28 November is 23:30 UTC on the 27th. The card's last
    # valid day was the 27th (Beijing): it has expired, although the UTC date is still the 27th.
    early = Schedule(datetime(2026, 11, 28, 0, 0, tzinfo=UTC), datetime(2026, 11, 28, 2, 0, tzinfo=UTC),
                     SittingMode.PAPER)
    at = datetime(2026, 11, 27, 23, 30, tzinfo=UTC)
    inputs = Inputs(TICKET, doc(valid_until=date(2026, 11, 27)), facts(), facts())
    assert decide(Desk(early, ROOM), inputs, at).reason is Reason.DOCUMENT_EXPIRED
    still_valid = Inputs(TICKET, doc(valid_until=date(2026, 11, 28)), facts(), facts())
    assert decide(Desk(early, ROOM), still_valid, at).verdict is Verdict.ADMIT


@pytest.mark.parametrize("kind", [PresentedType.PASSPORT, PresentedType.DRIVING_LICENCE, PresentedType.OTHER])
def test_art30_1_document_type_not_accepted(kind: PresentedType) -> None:
    assert both(document=doc(type=kind, manual=True)).reason is Reason.DOCUMENT_NOT_ACCEPTED


@pytest.mark.parametrize("kind", [PresentedType.SOCIAL_SECURITY, PresentedType.FOREIGN_PERMANENT_2023,
                                  PresentedType.HKMT_PERMIT])
def test_art30_1_accepted_documents_besides_the_resident_id(kind: PresentedType) -> None:
    assert both(document=doc(type=kind)).verdict is Verdict.ADMIT


def test_misconduct_art8_2_someone_elses_card_is_refused_as_possible_impersonation() -> None:
    owner = facts(name="刘洋", document_number="110108199201010018")
    d = both(document=doc(number=owner.document_number, name="刘洋"), owner=owner)
    assert d.verdict is Verdict.REFUSE and d.impersonation and d.other == owner


def test_same_name_unrelated_number_is_a_mismatch_not_a_typo() -> None:
    d = both(document=doc(number="320102198811110011"))
    assert d.reason is Reason.DOCUMENT_MISMATCH


def test_art43_mistyped_registration_number_asks_for_a_check_and_a_change_request() -> None:
    swapped = NUMBER[:5] + NUMBER[6] + NUMBER[5] + NUMBER[7:]
    d = both(document=doc(number=swapped))
    assert d.verdict is Verdict.CHECK and Reason.NUMBER_TYPO in d.reasons
    assert d.change_request_field == "document_number"


def test_art43_name_and_number_never_both_a_changed_name_and_number_is_a_mismatch() -> None:
    d = both(document=doc(number=NUMBER[:-2] + "1X", name="王方"))
    assert d.reason is Reason.DOCUMENT_MISMATCH and d.change_request_field is None


def test_a_rare_character_in_the_name_asks_for_a_check() -> None:
    d = both(facts(name="王?"), document=doc(name="王䶮"))
    assert d.verdict is Verdict.CHECK and d.reasons == (Reason.RARE_CHARACTER,)


def test_a_different_name_on_the_right_card_asks_for_a_name_change_request() -> None:
    d = both(document=doc(name="王方"))
    assert d.verdict is Verdict.CHECK and d.change_request_field == "name"


def test_a_configured_decoder_that_failed_on_this_card_asks_for_a_second_look() -> None:
    d = both(document=doc(card_photo=CardPhoto.FAILED))
    assert d.verdict is Verdict.CHECK and d.reasons == (Reason.NO_CARD_PHOTO,)


def test_art30_1_a_desk_without_a_photo_decoder_admits_a_matching_card() -> None:
    # No vendor decoder here: the face is compared with the registration photo, no amber for every card.
    d = both(document=doc(card_photo=CardPhoto.NOT_HERE))
    assert d.verdict is Verdict.ADMIT and d.reasons == (Reason.MATCH,)


def test_either_order_one_input_waits_for_the_other() -> None:
    c = facts()
    only_ticket = decide(Desk(schedule(), ROOM), Inputs(TICKET, None, c, None), START)
    only_card = decide(Desk(schedule(), ROOM), Inputs(None, doc(), None, c), START)
    assert (only_ticket.verdict, only_ticket.reason) == (Verdict.WAIT, Reason.AWAITING_DOCUMENT)
    assert (only_card.verdict, only_card.reason) == (Verdict.WAIT, Reason.AWAITING_TICKET)
    decided = decide(Desk(schedule(), ROOM), Inputs(None, doc(), None, c, final=True), START)
    assert decided.verdict is Verdict.CHECK and decided.reasons == (Reason.NO_TICKET,)


def test_manual_and_searched_entries_ask_for_a_check() -> None:
    d = decide(Desk(schedule(), ROOM), Inputs(PresentedTicket("2632010700001", searched=True), doc(), facts(), facts()),
               START)
    assert d.verdict is Verdict.CHECK and Reason.NO_TICKET in d.reasons
    manual = both(document=doc(manual=True, card_photo=CardPhoto.FAILED))
    assert manual.verdict is Verdict.CHECK and manual.reasons == (Reason.MANUAL_ENTRY,)


def test_a_withdrawn_candidate_is_refused() -> None:
    assert both(facts(withdrawn=True)).reason is Reason.CANDIDATE_WITHDRAWN


def test_typos_are_one_change_or_one_swap() -> None:
    assert is_typo("123456", "123457") and is_typo("123456", "124356")
    assert not is_typo("123456", "123456") and not is_typo("123456", "125436") and not is_typo("123", "1234")
    assert is_typo("11010819900307002x", "11010819900307003X")


def test_names_compare_ignoring_spaces_and_rare_placeholders() -> None:
    assert compare_names("王 芳", "王芳") is NameMatch.SAME
    assert compare_names("李?明", "李𠮷明") is NameMatch.RARE_ONLY
    assert compare_names("李小明", "李晓明") is NameMatch.DIFFERENT


@given(st.integers(min_value=-3600, max_value=3600), st.sampled_from(list(SittingMode)))
def test_art30_2_no_input_ever_admits_after_entry_closed(offset: int, mode: SittingMode) -> None:
    d = both(at=timedelta(seconds=offset), mode=mode)
    limit = 0 if mode is SittingMode.AUDIO_VIDEO else 300
    assert (d.verdict is Verdict.ADMIT) == (offset < limit)
