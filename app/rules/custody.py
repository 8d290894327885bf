"""Custody of papers (arts. 22(四), 23): handovers, manifests, signers, the chain. Pure, no database.

Places are plain strings: "escort" (the province's couriers, 押运), "secure_room" (保密室),
"exam_office" (考务办公室) and "room:<code>" (考场). An item's chain is the list of handovers it was
carried in; where it is now is where its last handover took it.

- art. 22(四): at a handover, the giving and the receiving side each have at least two different
  staff, who together check kind, count, packaging and seals; a missing or extra package, a wrong
  count or a broken seal does not stop the handover, it is recorded "with discrepancy".
- art. 23: papers go secure room → exam office → room and back; every hop is recorded, and an
  item found somewhere no handover took it is a gap in its chain.

The secure paper room's own rules (art. 22(五): duty, monitoring, video retention) are in
app/rules/paper_room.py.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from app.domain import CustodyKind
from app.errors import VenueError

ESCORT = "escort"
SECURE_ROOM = "secure_room"
EXAM_OFFICE = "exam_office"
ROOM_PREFIX = "room:"

MIN_PER_SIDE = 2  # art. 22(四)
RETURN_GRACE = timedelta(minutes=30)  # answer sheets back in the exam office 30 min after the end


def room_place(code: str) -> str:
    return f"{ROOM_PREFIX}{code}"


def is_exam_room(place: str | None) -> bool:
    return place is not None and place.startswith(ROOM_PREFIX)


def room_code(place: str) -> str | None:
    return place[len(ROOM_PREFIX):] if is_exam_room(place) else None


def valid_place(place: str) -> bool:
    return place in (ESCORT, SECURE_ROOM, EXAM_OFFICE) or (is_exam_room(place) and len(place) > len(ROOM_PREFIX))


# --- manifest comparison (art. 22(四)) -----------------------------------------------------------


@dataclass(frozen=True)
class ManifestItem:
    """A custody item as the exam package describes it."""

    item_id: uuid.UUID
    barcode: str
    kind: CustodyKind
    seal_number: str
    expected_count: int
    sitting_id: uuid.UUID
    room_code: str | None


@dataclass(frozen=True)
class Scanned:
    """What the two sides found for one package: the count and whether the seal is intact.
    `seal_number` is the number read off the seal; empty when it was not read separately."""

    barcode: str
    count: int
    seal_intact: bool = True
    seal_number: str = ""


class LineProblem(enum.StrEnum):
    MISSING = "missing"  # expected, not handed over
    EXTRA = "extra"  # handed over, not expected here
    UNKNOWN = "unknown"  # a barcode of no item in the exam package
    COUNT = "count"  # count differs from the package's expected count
    SEAL_BROKEN = "seal_broken"
    SEAL_NUMBER = "seal_number"  # the seal is not the one the package was sealed with


@dataclass(frozen=True)
class ManifestLine:
    barcode: str
    item: ManifestItem | None
    expected: bool
    scanned: Scanned | None
    problems: tuple[LineProblem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def present(self) -> bool:
        return self.scanned is not None


@dataclass(frozen=True)
class ManifestComparison:
    lines: tuple[ManifestLine, ...]

    @property
    def discrepancies(self) -> tuple[ManifestLine, ...]:
        return tuple(line for line in self.lines if line.problems)

    @property
    def has_discrepancy(self) -> bool:
        return bool(self.discrepancies)

    def with_problem(self, problem: LineProblem) -> tuple[ManifestLine, ...]:
        return tuple(line for line in self.lines if problem in line.problems)


def check_scanned(item: ManifestItem | None, scanned: Scanned, expected: bool) -> tuple[LineProblem, ...]:
    """The problems of one handed-over package (what the wizard colours green or red)."""
    if item is None:
        return (LineProblem.UNKNOWN,)
    problems: list[LineProblem] = []
    if not expected:
        problems.append(LineProblem.EXTRA)
    if scanned.count != item.expected_count:
        problems.append(LineProblem.COUNT)
    if not scanned.seal_intact:
        problems.append(LineProblem.SEAL_BROKEN)
    if scanned.seal_number.strip() and scanned.seal_number.strip() != item.seal_number:
        problems.append(LineProblem.SEAL_NUMBER)
    return tuple(problems)


def compare_manifest(
    expected: Sequence[ManifestItem], scanned: Sequence[Scanned], known: Mapping[str, ManifestItem]
) -> ManifestComparison:
    """Expected packages against what was handed over. `known` finds any item of the exam package
    by barcode (an extra package may belong elsewhere). A barcode scanned twice counts once (the
    first scan); expected lines come first, in manifest order, then extras in scan order."""
    seen: dict[str, Scanned] = {}
    for s in scanned:
        seen.setdefault(s.barcode, s)
    expected_codes = {item.barcode for item in expected}
    lines = []
    for item in expected:
        got = seen.get(item.barcode)
        problems = (LineProblem.MISSING,) if got is None else check_scanned(item, got, True)
        lines.append(ManifestLine(item.barcode, item, True, got, problems))
    for code, got in seen.items():
        if code not in expected_codes:
            found = known.get(code)
            lines.append(ManifestLine(code, found, False, got, check_scanned(found, got, False)))
    return ManifestComparison(tuple(lines))


def expected_manifest(
    items: Iterable[ManifestItem],
    places: Mapping[uuid.UUID, str | None],
    from_place: str,
    to_place: str,
    sitting_id: uuid.UUID | None,
) -> list[ManifestItem]:
    """What should travel in a handover: the sitting's items now at `from_place` (from the escort:
    those not received yet); into an exam room, only that room's items."""
    chosen = []
    for item in items:
        if sitting_id is not None and item.sitting_id != sitting_id:
            continue
        where = places.get(item.item_id)
        if from_place == ESCORT:
            if where not in (None, ESCORT):
                continue
        elif where != from_place:
            continue
        if is_exam_room(to_place) and item.room_code != room_code(to_place):
            continue
        chosen.append(item)
    return sorted(chosen, key=lambda i: (i.room_code or "", i.kind.value, i.barcode))


# --- who confirms (art. 22(四)) -------------------------------------------------------------------


class Side(enum.StrEnum):
    GIVING = "giving"
    RECEIVING = "receiving"


SIGN_ORDER = (Side.GIVING,) * MIN_PER_SIDE + (Side.RECEIVING,) * MIN_PER_SIDE  # the order they are asked in


def next_signer(signed: int) -> tuple[Side, int] | None:
    """Who confirms a handover after `signed` confirmations: the side and which of its staff
    (1, 2); None once both sides have."""
    if signed >= len(SIGN_ORDER):
        return None
    side = SIGN_ORDER[signed]
    return side, SIGN_ORDER[:signed].count(side) + 1


def check_signers(givers: Sequence[uuid.UUID], receivers: Sequence[uuid.UUID]) -> None:
    """Raise unless each side has at least two different staff and nobody stands on both sides."""
    both = set(givers) & set(receivers)
    if both:
        raise VenueError(
            "custody.same_person_both_sides",
            "The same staff member cannot both give and receive papers (art. 22(四)).",
        )
    if len(set(givers)) < MIN_PER_SIDE:
        raise VenueError(
            "custody.side_needs_two",
            "The giving side needs at least two different staff members, each confirming with their own "
            "credential (art. 22(四)); {count} confirmed.",
            side=Side.GIVING.value,
            count=len(set(givers)),
        )
    if len(set(receivers)) < MIN_PER_SIDE:
        raise VenueError(
            "custody.side_needs_two",
            "The receiving side needs at least two different staff members, each confirming with their own "
            "credential (art. 22(四)); {count} confirmed.",
            side=Side.RECEIVING.value,
            count=len(set(receivers)),
        )


def check_route(from_place: str, to_place: str) -> None:
    if not valid_place(from_place) or not valid_place(to_place) or from_place == to_place:
        raise VenueError(
            "custody.bad_route",
            "A handover goes between two different places, not from {from_place} to {to_place}.",
            from_place=from_place,
            to_place=to_place,
        )


# --- chain of custody (art. 23) -------------------------------------------------------------------


@dataclass(frozen=True)
class Hop:
    """An item's part in one handover."""

    handover_id: uuid.UUID
    at: datetime
    from_place: str
    to_place: str
    expected: bool
    present: bool


@dataclass(frozen=True)
class ChainGap:
    """The item was handed over from a place no recorded handover had taken it to."""

    handover_id: uuid.UUID
    at: datetime
    found_at: str
    last_known: str | None


def current_place(hops: Sequence[Hop]) -> str | None:
    """Where the item is: the destination of the last handover that carried it (None: not received)."""
    place: str | None = None
    for hop in hops:
        if hop.present:
            place = hop.to_place
    return place


def missing_since(hops: Sequence[Hop]) -> Hop | None:
    """The handover that expected the item and did not get it, when none carried it since."""
    last_missing: Hop | None = None
    for hop in hops:
        if hop.present:
            last_missing = None
        elif hop.expected:
            last_missing = hop
    return last_missing


def chain_gaps(hops: Sequence[Hop]) -> list[ChainGap]:
    """Every hop that starts somewhere the chain had not taken the item. The first hop must come
    from the escort (the province's delivery)."""
    gaps = []
    place: str | None = None
    for hop in hops:
        if not hop.present:
            continue
        origin_ok = hop.from_place == place or (place is None and hop.from_place == ESCORT)
        if not origin_ok:
            gaps.append(ChainGap(hop.handover_id, hop.at, hop.from_place, place))
        place = hop.to_place
    return gaps


def is_overdue(kind: CustodyKind, sitting_ends_at: datetime, place: str | None, now: datetime) -> bool:
    """Answer sheets still in an exam room 30 minutes after their sitting ended (art. 23)."""
    return kind is CustodyKind.ANSWER_SHEETS and is_exam_room(place) and now > sitting_ends_at + RETURN_GRACE


# --- end-of-day reconciliation --------------------------------------------------------------------


class Account(enum.StrEnum):
    ACCOUNTED = "accounted"  # in the secure room or exam office, or returned to the escort
    IN_ROOM = "in_room"  # still in an exam room
    MISSING = "missing"  # a handover expected it and none carried it since
    GAP = "gap"  # its chain has a hop from nowhere
    NOT_RECEIVED = "not_received"  # never delivered to the venue


@dataclass(frozen=True)
class ItemAccount:
    item: ManifestItem
    place: str | None
    account: Account


@dataclass(frozen=True)
class Reconciliation:
    lines: tuple[ItemAccount, ...]

    @property
    def received(self) -> int:
        return sum(1 for line in self.lines if line.account is not Account.NOT_RECEIVED)

    @property
    def accounted(self) -> int:
        return sum(1 for line in self.lines if line.account is Account.ACCOUNTED)

    @property
    def unaccounted(self) -> tuple[ItemAccount, ...]:
        return tuple(line for line in self.lines if line.account not in (Account.ACCOUNTED, Account.NOT_RECEIVED))

    @property
    def complete(self) -> bool:
        """Every item received is accounted for."""
        return not self.unaccounted


def account_for(item: ManifestItem, hops: Sequence[Hop]) -> ItemAccount:
    place = current_place(hops)
    if place is None and missing_since(hops) is None:
        return ItemAccount(item, None, Account.NOT_RECEIVED)
    if missing_since(hops) is not None:
        account = Account.MISSING
    elif chain_gaps(hops):
        account = Account.GAP
    elif is_exam_room(place):
        account = Account.IN_ROOM
    else:
        account = Account.ACCOUNTED
    return ItemAccount(item, place, account)


def reconcile(chains: Iterable[tuple[ManifestItem, Sequence[Hop]]]) -> Reconciliation:
    lines = [account_for(item, hops) for item, hops in chains]
    return Reconciliation(tuple(sorted(lines, key=lambda a: a.item.barcode)))
