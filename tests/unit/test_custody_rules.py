"""The pure custody rules, article by article (arts. 22(四), 23); the paper room's are in test_paper_room_rules.py."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from app.domain import CustodyKind
from app.errors import VenueError
from app.rules.custody import (
    ESCORT,
    EXAM_OFFICE,
    SECURE_ROOM,
    Account,
    Hop,
    LineProblem,
    ManifestItem,
    Scanned,
    Side,
    chain_gaps,
    check_route,
    check_signers,
    compare_manifest,
    current_place,
    expected_manifest,
    is_overdue,
    missing_since,
    next_signer,
    reconcile,
    room_place,
)

T0 = datetime(2026, 5, 16, 1, 0, tzinfo=UTC)
SITTING = uuid.uuid4()


def item(code: str, room: str | None = "07", kind: CustodyKind = CustodyKind.QUESTION_PAPERS,
         count: int = 30) -> ManifestItem:
    return ManifestItem(uuid.uuid4(), code, kind, f"F-{code}", count, SITTING, room)


def hop(from_place: str, to_place: str, minutes: int = 0, present: bool = True, expected: bool = True) -> Hop:
    return Hop(uuid.uuid4(), T0 + timedelta(minutes=minutes), from_place, to_place, expected, present)


# --- art. 22(四): manifest, count, seals ----------------------------------------------------------


def test_art22_4_exact_manifest_has_no_discrepancy() -> None:
    a, b = item("A1"), item("B1", kind=CustodyKind.ANSWER_SHEETS)
    result = compare_manifest([a, b], [Scanned("B1", 30), Scanned("A1", 30, True, "F-A1")], {})
    assert not result.has_discrepancy
    assert [line.barcode for line in result.lines] == ["A1", "B1"]


def test_art22_4_missing_extra_and_unknown_packages_are_discrepancies() -> None:
    a, b, elsewhere = item("A1"), item("B1"), item("C1", room="09")
    result = compare_manifest([a, b], [Scanned("A1", 30), Scanned("C1", 30), Scanned("ZZZ", 1)], {"C1": elsewhere})
    assert [line.barcode for line in result.with_problem(LineProblem.MISSING)] == ["B1"]
    assert [line.barcode for line in result.with_problem(LineProblem.EXTRA)] == ["C1"]
    assert [line.barcode for line in result.with_problem(LineProblem.UNKNOWN)] == ["ZZZ"]
    assert result.has_discrepancy and len(result.discrepancies) == 3


def test_art22_4_wrong_count_broken_seal_and_foreign_seal_number_are_discrepancies() -> None:
    a, b, c = item("A1"), item("B1"), item("C1")
    result = compare_manifest([a, b, c], [Scanned("A1", 29), Scanned("B1", 30, seal_intact=False),
                                          Scanned("C1", 30, True, "F-OTHER")], {})
    assert [line.problems for line in result.lines] == [
        (LineProblem.COUNT,), (LineProblem.SEAL_BROKEN,), (LineProblem.SEAL_NUMBER,)]


def test_art22_4_a_package_scanned_twice_counts_once() -> None:
    a = item("A1")
    result = compare_manifest([a], [Scanned("A1", 30), Scanned("A1", 12)], {})
    assert not result.has_discrepancy and len(result.lines) == 1


def test_art22_4_each_side_needs_two_different_staff() -> None:
    g1, g2, r1, r2 = (uuid.uuid4() for _ in range(4))
    check_signers([g1, g2], [r1, r2])
    for givers, receivers in (([g1], [r1, r2]), ([g1, g1], [r1, r2]), ([g1, g2], [r1])):
        with pytest.raises(VenueError) as err:
            check_signers(givers, receivers)
        assert err.value.code == "custody.side_needs_two"


def test_art22_4_two_giving_then_two_receiving_staff_confirm_and_then_nobody_more() -> None:
    asked = [next_signer(n) for n in range(6)]
    assert asked == [(Side.GIVING, 1), (Side.GIVING, 2), (Side.RECEIVING, 1), (Side.RECEIVING, 2), None, None]


def test_art22_4_nobody_gives_and_receives_in_the_same_handover() -> None:
    g1, g2, r1 = (uuid.uuid4() for _ in range(3))
    with pytest.raises(VenueError) as err:
        check_signers([g1, g2], [r1, g2])
    assert err.value.code == "custody.same_person_both_sides"


def test_art23_a_handover_goes_between_two_known_places() -> None:
    check_route(SECURE_ROOM, EXAM_OFFICE)
    check_route(EXAM_OFFICE, room_place("07"))
    for bad in ((EXAM_OFFICE, EXAM_OFFICE), ("kitchen", EXAM_OFFICE), (EXAM_OFFICE, "room:")):
        with pytest.raises(VenueError) as err:
            check_route(*bad)
        assert err.value.code == "custody.bad_route"


def test_art23_expected_manifest_follows_where_items_are_and_the_destination_room() -> None:
    q07, a07, q09, spare = item("Q07"), item("A07", kind=CustodyKind.ANSWER_SHEETS), item("Q09", "09"), item("SP", None)
    other = ManifestItem(uuid.uuid4(), "OTHER", CustodyKind.DISC, "F", 1, uuid.uuid4(), "07")
    places: dict[uuid.UUID, str | None] = {q07.item_id: EXAM_OFFICE, a07.item_id: EXAM_OFFICE,
                                           q09.item_id: EXAM_OFFICE, spare.item_id: EXAM_OFFICE,
                                           other.item_id: EXAM_OFFICE}
    everything = [q07, a07, q09, spare, other]
    into_07 = expected_manifest(everything, places, EXAM_OFFICE, room_place("07"), SITTING)
    assert {i.barcode for i in into_07} == {"Q07", "A07"}
    back = expected_manifest(everything, places, EXAM_OFFICE, SECURE_ROOM, SITTING)
    assert {i.barcode for i in back} == {"Q07", "A07", "Q09", "SP"}
    # From the escort: whatever has not been received yet.
    assert {i.barcode for i in expected_manifest(everything, {}, ESCORT, SECURE_ROOM, None)} == {
        "Q07", "A07", "Q09", "SP", "OTHER"}


# --- art. 23: chain of custody --------------------------------------------------------------------


def test_art23_current_place_is_where_the_last_handover_took_the_item() -> None:
    chain = [hop(ESCORT, SECURE_ROOM), hop(SECURE_ROOM, EXAM_OFFICE, 60), hop(EXAM_OFFICE, room_place("07"), 70)]
    assert current_place(chain) == room_place("07")
    assert current_place([]) is None
    assert not chain_gaps(chain)


def test_art23_an_item_found_where_no_handover_took_it_is_a_gap() -> None:
    chain = [hop(ESCORT, SECURE_ROOM), hop(EXAM_OFFICE, room_place("07"), 70)]
    [gap] = chain_gaps(chain)
    assert (gap.found_at, gap.last_known) == (EXAM_OFFICE, SECURE_ROOM)
    [first] = chain_gaps([hop(EXAM_OFFICE, room_place("07"))])
    assert first.last_known is None


def test_art23_a_package_missing_at_a_handover_stays_missing_until_carried_again() -> None:
    missing = hop(SECURE_ROOM, EXAM_OFFICE, 60, present=False)
    chain = [hop(ESCORT, SECURE_ROOM), missing]
    assert missing_since(chain) == missing and current_place(chain) == SECURE_ROOM
    assert missing_since([*chain, hop(SECURE_ROOM, EXAM_OFFICE, 65)]) is None


def test_art23_answer_sheets_in_a_room_30_minutes_after_the_end_are_overdue() -> None:
    end = T0 + timedelta(hours=2)
    room = room_place("07")
    assert not is_overdue(CustodyKind.ANSWER_SHEETS, end, room, end + timedelta(minutes=30))
    assert is_overdue(CustodyKind.ANSWER_SHEETS, end, room, end + timedelta(minutes=31))
    assert not is_overdue(CustodyKind.ANSWER_SHEETS, end, EXAM_OFFICE, end + timedelta(hours=5))
    assert not is_overdue(CustodyKind.QUESTION_PAPERS, end, room, end + timedelta(hours=5))


def test_art23_reconciliation_accounts_for_every_item_received() -> None:
    home, in_room, lost, gap, never = (item(c) for c in ("HOME", "ROOM", "LOST", "GAP", "NEVER"))
    result = reconcile([
        (home, [hop(ESCORT, SECURE_ROOM)]),
        (in_room, [hop(ESCORT, SECURE_ROOM), hop(SECURE_ROOM, room_place("07"), 5)]),
        (lost, [hop(ESCORT, SECURE_ROOM), hop(SECURE_ROOM, EXAM_OFFICE, 5, present=False)]),
        (gap, [hop(EXAM_OFFICE, SECURE_ROOM)]),
        (never, []),
    ])
    accounts = {a.item.barcode: a.account for a in result.lines}
    assert accounts == {"HOME": Account.ACCOUNTED, "ROOM": Account.IN_ROOM, "LOST": Account.MISSING,
                        "GAP": Account.GAP, "NEVER": Account.NOT_RECEIVED}
    assert (result.received, result.accounted, result.complete) == (4, 1, False)
    assert reconcile([(home, [hop(ESCORT, SECURE_ROOM)]), (never, [])]).complete


# --- art. 22(五), 29: the secure paper room -------------------------------------------------------
