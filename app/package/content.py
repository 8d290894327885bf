"""data.json turned into typed rows keyed by their natural keys, with every cross-record rule
checked: unique keys, references that resolve, one candidate per seat and one seat per
candidate in a sitting, valid document numbers, ticket numbers matching the exam's pattern.

A `PackageContent` exists only for a package that passed all of it; the import writes from it.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.domain import CustodyKind, DocumentType, EmployerType, Gender, Role, RoomKind, SittingMode
from app.package import errors
from app.package.ticket_pattern import compile_ticket_pattern
from app.rules.identity import document_number_problem
from app.security.crypto import mask_document_number

# Which sitting modes a room of each kind is fitted for: an audio/video room is a computer room
# with headsets and cameras, and a computer room has desks, so capability only grows.
ROOM_HOSTS: dict[RoomKind, frozenset[SittingMode]] = {
    RoomKind.PAPER: frozenset({SittingMode.PAPER}),
    RoomKind.COMPUTER: frozenset({SittingMode.PAPER, SittingMode.COMPUTER}),
    RoomKind.AUDIO_VIDEO: frozenset({SittingMode.PAPER, SittingMode.COMPUTER, SittingMode.AUDIO_VIDEO}),
}
_JPEG_MAGIC = b"\xff\xd8\xff"


@dataclass(frozen=True)
class ExamRow:
    code: str
    name: str
    ticket_pattern: str


@dataclass(frozen=True)
class VenueRow:
    code: str
    name: str
    district: str
    address: str


@dataclass(frozen=True)
class SittingRow:
    code: str
    subject: str
    starts_at: datetime
    ends_at: datetime
    mode: SittingMode
    early_seal_release: bool


@dataclass(frozen=True)
class RoomRow:
    code: str
    name: str
    kind: RoomKind
    capacity: int
    seats: frozenset[int]


@dataclass(frozen=True, repr=False)  # repr off: the row holds personal data
class CandidateRow:
    ticket_number: str
    name: str
    gender: Gender
    document_type: DocumentType
    document_number: str
    phone: str | None
    photo: bytes | None


@dataclass(frozen=True)
class StaffRow:
    staff_number: str
    name: str
    role: Role
    employer: str
    employer_type: EmployerType
    computer_skills: bool
    trained: bool


@dataclass(frozen=True)
class CustodyRow:
    barcode: str
    kind: CustodyKind
    seal_number: str
    expected_count: int
    sitting: str
    room: str | None


# (ticket number, sitting code) → (room code, seat number)
Assignments = dict[tuple[str, str], tuple[str, int]]


@dataclass(frozen=True)
class PackageContent:
    exam: ExamRow
    venue: VenueRow
    sittings: dict[str, SittingRow]
    rooms: dict[str, RoomRow]
    candidates: dict[str, CandidateRow]
    assignments: Assignments
    staff: dict[str, StaffRow]
    relations: dict[tuple[str, str], str]  # (staff number, ticket number) → relation
    custody: dict[str, CustodyRow]
    # Admitted candidates this revision withdraws or moves on purpose: ticket number → reason.
    deliberate: dict[str, str] = dataclasses.field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        return {
            "sittings": len(self.sittings),
            "rooms": len(self.rooms),
            "seats": sum(len(r.seats) for r in self.rooms.values()),
            "candidates": len(self.candidates),
            "seat_assignments": len(self.assignments),
            "staff": len(self.staff),
            "staff_relations": len(self.relations),
            "custody_items": len(self.custody),
        }


def _unique(kind: str, keys: Iterable[str]) -> None:
    repeated = sorted(k for k, n in Counter(keys).items() if n > 1)
    if repeated:
        raise errors.duplicate(kind, repeated)


def _time(value: str, record: str, field: str) -> datetime:
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise errors.bad_value(record, field, "not a date and time") from exc


def _sittings(items: list[dict[str, Any]]) -> dict[str, SittingRow]:
    _unique("sitting_code", (s["code"] for s in items))
    rows = {}
    for s in items:
        record = f"sitting {s['code']}"
        start, end = _time(s["starts_at"], record, "starts_at"), _time(s["ends_at"], record, "ends_at")
        if end <= start:
            raise errors.bad_value(record, "ends_at", "not after starts_at")
        mode = SittingMode(s["mode"])
        if s["early_seal_release"] and mode is not SittingMode.COMPUTER:
            raise errors.bad_value(record, "early_seal_release", "only computer-based sittings may release early")
        rows[s["code"]] = SittingRow(s["code"], s["subject"], start, end, mode, s["early_seal_release"])
    return rows


def _rooms(items: list[dict[str, Any]]) -> dict[str, RoomRow]:
    _unique("room_code", (r["code"] for r in items))
    rows = {}
    for r in items:
        _unique("seat_number", (f"{r['code']}/{n}" for n in r["seats"]))
        if len(r["seats"]) > r["capacity"]:
            raise errors.bad_value(f"room {r['code']}", "seats", "more seats than the room's capacity")
        rows[r["code"]] = RoomRow(r["code"], r["name"], RoomKind(r["kind"]), r["capacity"], frozenset(r["seats"]))
    return rows


def _candidates(items: list[dict[str, Any]], pattern: re.Pattern[str], photos: dict[str, bytes]) -> dict[str, CandidateRow]:
    _unique("ticket_number", (c["ticket_number"] for c in items))
    rows = {}
    for c in items:
        ticket = c["ticket_number"]
        if not pattern.fullmatch(ticket):
            raise errors.ticket_pattern(ticket, pattern.pattern)
        doc_type, number = DocumentType(c["document_type"]), c["document_number"].strip().upper()
        problem = document_number_problem(doc_type, number)
        if problem:
            raise errors.invalid_document_number(ticket, doc_type.value, mask_document_number(number), problem)
        photo = None
        if c.get("photo"):
            if c["photo"] not in photos:
                raise errors.unresolved("photo", c["photo"], f"candidate {ticket}")
            photo = photos[c["photo"]]
            if not photo.startswith(_JPEG_MAGIC):
                raise errors.bad_value(f"candidate {ticket}", "photo", "not a JPEG image")
        rows[ticket] = CandidateRow(ticket, c["name"], Gender(c["gender"]), doc_type, number, c.get("phone"), photo)
    return rows


def _assignments(
    items: list[dict[str, Any]], candidates: dict[str, CandidateRow], sittings: dict[str, SittingRow],
    rooms: dict[str, RoomRow],
) -> Assignments:
    rows: Assignments = {}
    holders: dict[tuple[str, str, int], list[str]] = defaultdict(list)
    for a in items:
        ticket, sitting, room, seat = a["ticket_number"], a["sitting"], a["room"], a["seat"]
        record = f"seat assignment of {ticket} in {sitting}"
        if ticket not in candidates:
            raise errors.unresolved("candidate", ticket, record)
        if sitting not in sittings:
            raise errors.unresolved("sitting", sitting, record)
        if room not in rooms:
            raise errors.unresolved("room", room, record)
        if seat not in rooms[room].seats:
            raise errors.unresolved("seat", f"{room}/{seat}", record)
        if sittings[sitting].mode not in ROOM_HOSTS[rooms[room].kind]:
            raise errors.room_unfit(sitting, sittings[sitting].mode.value, room, rooms[room].kind.value)
        if (ticket, sitting) in rows:
            raise errors.candidate_seated_twice(sitting, ticket)
        rows[(ticket, sitting)] = (room, seat)
        holders[(sitting, room, seat)].append(ticket)
    for (sitting, room, seat), tickets in holders.items():
        if len(tickets) > 1:
            raise errors.seat_taken_twice(sitting, room, seat, sorted(tickets))
    _one_document_per_sitting(rows, candidates)
    return rows


def _one_document_per_sitting(rows: Assignments, candidates: dict[str, CandidateRow]) -> None:
    """At the desk a card is found by its number: two candidates of one sitting may not share it."""
    holders: dict[tuple[str, str], list[str]] = defaultdict(list)
    for ticket, sitting in rows:
        holders[(sitting, candidates[ticket].document_number)].append(ticket)
    for (sitting, _number), tickets in sorted(holders.items()):
        if len(tickets) > 1:
            raise errors.shared_document(sitting, sorted(tickets))


def _staff(items: list[dict[str, Any]]) -> dict[str, StaffRow]:
    _unique("staff_number", (s["staff_number"] for s in items))
    return {
        s["staff_number"]: StaffRow(s["staff_number"], s["name"], Role(s["role"]), s["employer"],
                                    EmployerType(s["employer_type"]), s["computer_skills"], s["trained"])
        for s in items
    }


def _relations(items: list[dict[str, Any]], staff: dict[str, StaffRow], candidates: dict[str, CandidateRow]) -> dict[tuple[str, str], str]:
    _unique("staff_relation", (f"{r['staff_number']}/{r['ticket_number']}" for r in items))
    for r in items:
        record = f"relation of staff {r['staff_number']} to {r['ticket_number']}"
        if r["staff_number"] not in staff:
            raise errors.unresolved("staff member", r["staff_number"], record)
        if r["ticket_number"] not in candidates:
            raise errors.unresolved("candidate", r["ticket_number"], record)
    return {(r["staff_number"], r["ticket_number"]): r["relation"] for r in items}


def _custody(items: list[dict[str, Any]], sittings: dict[str, SittingRow], rooms: dict[str, RoomRow]) -> dict[str, CustodyRow]:
    _unique("barcode", (c["barcode"] for c in items))
    rows = {}
    for c in items:
        record = f"custody item {c['barcode']}"
        if c["sitting"] not in sittings:
            raise errors.unresolved("sitting", c["sitting"], record)
        if c["room"] is not None and c["room"] not in rooms:
            raise errors.unresolved("room", c["room"], record)
        rows[c["barcode"]] = CustodyRow(c["barcode"], CustodyKind(c["kind"]), c["seal_number"], c["expected_count"],
                                        c["sitting"], c["room"])
    return rows


def parse_content(data: dict[str, Any], manifest: dict[str, Any], photos: dict[str, bytes]) -> PackageContent:
    """Typed rows from schema-valid data.json, or the `PackageRefused` naming the first fault."""
    for part in ("exam", "venue"):
        for field in ("code", "name"):
            if manifest[part][field] != data[part][field]:
                raise errors.manifest_mismatch(f"{part}.{field}", manifest[part][field], data[part][field])
    exam = ExamRow(data["exam"]["code"], data["exam"]["name"], data["exam"]["ticket_pattern"])
    pattern = compile_ticket_pattern(exam.ticket_pattern)
    v = data["venue"]
    venue = VenueRow(v["code"], v["name"], v.get("district", ""), v.get("address", ""))
    sittings = _sittings(data["sittings"])
    rooms = _rooms(data["rooms"])
    candidates = _candidates(data["candidates"], pattern, photos)
    assignments = _assignments(data["seat_assignments"], candidates, sittings, rooms)
    staff = _staff(data["staff"])
    relations = _relations(data["staff_relations"], staff, candidates)
    custody = _custody(data["custody_items"], sittings, rooms)
    deliberate_items = data.get("deliberate_changes", [])
    _unique("deliberate_change", (d["ticket_number"] for d in deliberate_items))
    deliberate = {d["ticket_number"]: d["reason"] for d in deliberate_items}
    return PackageContent(exam, venue, sittings, rooms, candidates, assignments, staff, relations, custody,
                          deliberate)
