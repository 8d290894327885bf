"""The decision path (issue 12): the core decides again at the confirmation instead of trusting the
outcome the screen hands back, never hands the screen a registered document number in clear, and
a session that is no longer valid decides nothing. Real SQLite file and PostgreSQL."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, update
from sqlalchemy.orm import Session

from app.db.models import Candidate, Seat, SeatAssignment, Staff
from app.db.models_checkin import Admission, CheckinScan
from app.errors import VenueError
from app.rules.checkin import CardPhoto, Reason, Verdict
from app.security.auth import SessionEnded as SessionNoLongerValid
from app.services.checkin import Outcome
from tests.checkin.kit import Kit, card, make_kit, ticket
from tests.unit.test_security_support import CHEAP


@pytest.fixture
def kit(engine: Engine, tmp_path: Path) -> Kit:
    kit = make_kit(engine, tmp_path)
    kit.at("S1", minutes=-10)
    return kit


def _admissions(kit: Kit) -> list[Admission]:
    with Session(kit.engine) as s:
        return list(s.scalars(select(Admission)))


def _checked(kit: Kit, c: dict[str, object], room: str | None) -> Outcome:
    out = kit.service.present(kit.first, kit.door("S1", room), ticket=ticket(c),
                              document=card(c, card_photo=CardPhoto.FAILED))
    assert out.verdict is Verdict.CHECK
    return out


def test_art30_a_candidate_withdrawn_between_the_check_and_the_confirmation_is_refused(kit: Kit) -> None:
    c = kit.seated("S1")[0]
    checked = _checked(kit, c, str(c["room"]))
    with Session(kit.engine) as s, s.begin():
        s.execute(update(Candidate).where(Candidate.ticket_number == c["ticket_number"]).values(withdrawn=True))
    out = kit.service.admit_after_check(kit.confirm(checked), kit.door("S1", str(c["room"])), checked, "face matches")
    assert out.verdict is Verdict.REFUSE and out.decision.reason is Reason.CANDIDATE_WITHDRAWN
    assert _admissions(kit) == []


def _move(kit: Kit, c: dict[str, object]) -> tuple[str, int]:
    """Seat the candidate in a free seat of room 03 (empty in S1); returns (room code, seat number)."""
    with Session(kit.engine) as s, s.begin():
        seat = s.scalars(select(Seat).where(Seat.room_id == kit.rooms["03"]).order_by(Seat.number)).first()
        assert seat is not None and c["room"] != "03"
        candidate_id = s.scalars(select(Candidate.id).where(Candidate.ticket_number == c["ticket_number"])).one()
        s.execute(update(SeatAssignment).where(SeatAssignment.candidate_id == candidate_id,
                                               SeatAssignment.sitting_id == kit.sittings["S1"].id)
                  .values(room_id=kit.rooms["03"], seat_id=seat.id))
        return "03", seat.number


def test_art30_a_candidate_moved_between_the_check_and_the_confirmation_is_refused_at_the_old_door(kit: Kit) -> None:
    c = kit.seated("S1")[0]
    checked = _checked(kit, c, str(c["room"]))
    _move(kit, c)
    out = kit.service.admit_after_check(kit.confirm(checked), kit.door("S1", str(c["room"])), checked, "face matches")
    assert out.verdict is Verdict.REFUSE and out.decision.reason is Reason.WRONG_ROOM
    assert _admissions(kit) == []


def test_a_candidate_moved_meanwhile_is_admitted_at_the_gate_to_the_new_seat_not_the_stale_one(kit: Kit) -> None:
    c = kit.seated("S1")[0]
    checked = _checked(kit, c, None)
    room, seat = _move(kit, c)
    out = kit.service.admit_after_check(kit.confirm(checked), kit.door("S1", None), checked, "face matches")
    assert out.verdict is Verdict.ADMIT
    [admission] = _admissions(kit)
    assert (admission.room_id, admission.seat_number) == (kit.rooms[room], seat)


def test_an_outcome_doctored_by_the_screen_cannot_admit_someone_else_or_twice(kit: Kit) -> None:
    a, b = kit.seated("S1")[:2]
    desk = kit.door("S1", None)
    checked = _checked(kit, a, None)
    # The screen swaps in another candidate's ticket: the core notices the presented inputs no
    # longer point at the candidate that was checked.
    forged = dataclasses.replace(checked, ticket=ticket(b), document=card(b))
    with pytest.raises(VenueError) as err:
        kit.service.admit_after_check(kit.confirm(forged), desk, forged, "looked")
    assert err.value.code == "checkin.check_outdated"
    kit.service.admit_after_check(kit.confirm(checked), desk, checked, "looked")
    again = kit.service.admit_after_check(kit.confirm(checked), desk, checked, "looked")
    assert again.verdict is Verdict.REFUSE and again.decision.reason is Reason.ALREADY_ADMITTED
    assert len(_admissions(kit)) == 1


def test_the_outcome_for_the_screen_carries_no_registered_document_number_in_clear(kit: Kit) -> None:
    c = kit.seated("S1")[0]
    n = str(c["document_number"])
    typo = n[:-3] + ("1" if n[-3] != "1" else "2") + n[-2:]
    out = kit.service.present(kit.first, kit.door("S1", None), ticket=ticket(c), document=card(c, number=typo))
    assert out.decision.candidate is not None
    assert n not in repr(out.decision) and out.decision.candidate.document_number != n
    done = kit.service.admit_after_check(kit.confirm(out), kit.door("S1", None), out, "registration mistyped")
    assert done.change_request_id is not None and n not in repr(done.decision)


def test_a_deactivated_staff_members_open_session_admits_nothing(kit: Kit) -> None:
    c = kit.seated("S1")[0]
    with Session(kit.engine) as s, s.begin():
        s.execute(update(Staff).where(Staff.id == kit.first.staff_id).values(active=False))
    with pytest.raises(SessionNoLongerValid):
        kit.service.present(kit.first, kit.door("S1", None), ticket=ticket(c), document=card(c))
    with Session(kit.engine) as s:
        assert s.scalar(select(func.count()).select_from(CheckinScan)) == 0
    assert _admissions(kit) == []


def test_a_session_whose_credential_was_reset_admits_nothing_until_signed_in_again(kit: Kit) -> None:
    c = kit.seated("S1")[0]
    checked = _checked(kit, c, None)
    with Session(kit.engine) as s, s.begin():
        s.execute(update(Staff).where(Staff.id == kit.first.staff_id).values(
            credential_hash=CHEAP.hash("reset-1234"), session_epoch=Staff.session_epoch + 1))
    with pytest.raises(SessionNoLongerValid):
        kit.service.present(kit.first, kit.door("S1", None), ticket=ticket(c), document=card(c))
    with pytest.raises(SessionNoLongerValid):
        kit.service.admit_after_check(kit.confirm(checked), kit.door("S1", None), checked, "looked")
    assert _admissions(kit) == []
