"""Writing a verified package's content: the difference between what the database holds and what
the package says, by natural keys, applied in bulk statements inside the caller's transaction.

Order keeps every foreign key valid at every statement (SQLite and PostgreSQL check them at once):
children that go away or move are deleted first, then parents are added and changed, then
children are added and changed, and last the parents that go away are deleted.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import delete, insert, update
from sqlalchemy.orm import Session

from app.db.models import Candidate, CustodyItem, Room, Seat, SeatAssignment, Sitting, Staff, StaffRelation
from app.package.content import PackageContent
from app.package.state import (
    DOCUMENT_CONTEXT,
    PHONE_CONTEXT,
    PHOTO_CONTEXT,
    Snapshot,
    StoredState,
    candidate_snapshot,
    custody_snapshot,
    room_snapshot,
    sitting_snapshot,
    staff_snapshot,
)
from app.security.crypto import PersonalDataCipher, mask_document_number
from app.services import audit

K = TypeVar("K", bound=Hashable)
# Staff arrive without credentials (none travel in the package); an empty hash matches no
# password, so nobody logs in as them until a credential is set at the venue.
NO_CREDENTIAL = ""


@dataclass
class Diff:
    added: list[Any] = field(default_factory=list)
    changed: list[Any] = field(default_factory=list)
    removed: list[Any] = field(default_factory=list)

    @property
    def size(self) -> int:
        return len(self.added) + len(self.changed) + len(self.removed)


def diff(stored: Mapping[K, tuple[uuid.UUID, Snapshot]], wanted: Mapping[K, Snapshot]) -> Diff:
    d = Diff()
    for key, snap in wanted.items():
        if key not in stored:
            d.added.append(key)
        elif stored[key][1] != snap:
            d.changed.append(key)
    d.removed = [key for key in stored if key not in wanted]
    return d


@dataclass
class Writer:
    """One application of a package; `audited` is False for the first load of an empty venue,
    which is recorded by the single import event rather than one event per row."""

    session: Session
    content: PackageContent
    stored: StoredState
    cipher: PersonalDataCipher
    exam_id: uuid.UUID
    venue_id: uuid.UUID
    actor: audit.Actor
    desk: str
    reason: str
    now: datetime
    audited: bool
    changes: dict[str, dict[str, int]] = field(default_factory=dict)

    def _record(self, entity: str, verb: str, entity_id: uuid.UUID, before: Snapshot | None, after: Snapshot | None) -> None:
        if self.audited:
            audit.record(self.session, self.actor, f"{entity}.{verb}", entity, entity_id, desk=self.desk,
                         before=before, after=after, reason=self.reason, now=self.now)

    def _note(self, entity: str, d: Diff) -> None:
        self.changes[entity] = {"added": len(d.added), "changed": len(d.changed), "removed": len(d.removed)}

    def _delete(self, model: Any, entity: str, stored: Mapping[K, tuple[uuid.UUID, Snapshot]], keys: list[K]) -> None:
        if not keys:
            return
        ids = [stored[k][0] for k in keys]
        for start in range(0, len(ids), 500):  # bounded IN lists
            self.session.execute(delete(model).where(model.id.in_(ids[start:start + 500])))
        for k in keys:
            self._record(entity, "removed", stored[k][0], stored[k][1], None)

    def _withdraw(self, stored: Mapping[str, tuple[uuid.UUID, Snapshot]], tickets: list[str]) -> None:
        """A candidate the newer package no longer lists is withdrawn, not deleted: check-ins,
        absences and incidents refer to them. Listing them again brings them back ("changed")."""
        keys = tickets
        ids = [stored[k][0] for k in keys]
        for start in range(0, len(ids), 500):
            self.session.execute(update(Candidate).where(Candidate.id.in_(ids[start:start + 500])).values(withdrawn=True))
        for k in keys:
            self._record("candidate", "withdrawn", stored[k][0], stored[k][1], {**stored[k][1], "withdrawn": True})

    def _upsert(
        self, model: Any, entity: str, stored: Mapping[K, tuple[uuid.UUID, Snapshot]], wanted: Mapping[K, Snapshot],
        keys_added: list[K], keys_changed: list[K], ids: dict[K, uuid.UUID], values: Callable[[K], dict[str, Any]],
    ) -> None:
        if keys_added:
            rows = []
            for k in keys_added:
                ids[k] = uuid.uuid4()
                rows.append({"id": ids[k], **values(k)})
            self.session.execute(insert(model), rows)
            for k in keys_added:
                self._record(entity, "added", ids[k], None, wanted[k])
        if keys_changed:
            self.session.execute(update(model), [{"id": stored[k][0], **values(k)} for k in keys_changed])
            for k in keys_changed:
                self._record(entity, "changed", stored[k][0], stored[k][1], wanted[k])

    def apply(self) -> dict[str, dict[str, int]]:
        c, st = self.content, self.stored
        want_sittings = {k: sitting_snapshot(v) for k, v in c.sittings.items()}
        want_rooms = {k: room_snapshot(v) for k, v in c.rooms.items()}
        want_candidates = {k: candidate_snapshot(v, self.cipher) for k, v in c.candidates.items()}
        want_staff = {k: staff_snapshot(v) for k, v in c.staff.items()}
        want_custody = {k: custody_snapshot(v) for k, v in c.custody.items()}
        want_assign = {k: {"ticket_number": k[0], "sitting": k[1], "room": v[0], "seat": v[1]}
                       for k, v in c.assignments.items()}
        want_rel = {k: {"staff_number": k[0], "ticket_number": k[1], "relation": v} for k, v in c.relations.items()}
        want_seats = {(r.code, n) for r in c.rooms.values() for n in r.seats}
        d_sit, d_room = diff(st.sittings, want_sittings), diff(st.rooms, want_rooms)
        d_cand, d_staff = diff(st.candidates, want_candidates), diff(st.staff, want_staff)
        d_cust, d_assign = diff(st.custody, want_custody), diff(st.assignments, want_assign)
        d_rel = diff(st.relations, want_rel)
        if not self.audited:  # a first load removes nobody: staff enrolled at set-up stay
            d_staff.removed = []
        # Already withdrawn and still not listed: nothing to do.
        d_cand.removed = [k for k in d_cand.removed if not st.candidates[k][1].get("withdrawn")]
        seats_added = sorted(want_seats - set(st.seats))
        seats_removed = sorted(set(st.seats) - want_seats)
        for name, d in (("sitting", d_sit), ("room", d_room), ("candidate", d_cand), ("staff", d_staff),
                        ("custody_item", d_cust), ("seat_assignment", d_assign), ("staff_relation", d_rel)):
            self._note(name, d)
        self.changes["seat"] = {"added": len(seats_added), "changed": 0, "removed": len(seats_removed)}

        # 1. Children that go away or move. A moved seat assignment is deleted and inserted again
        #    under the same id, so two candidates may swap seats without a unique-key clash.
        self._delete(StaffRelation, "staff_relation", st.relations, d_rel.removed)
        self._delete(CustodyItem, "custody_item", st.custody, d_cust.removed)
        self._delete(SeatAssignment, "seat_assignment", st.assignments, d_assign.removed)
        moved = [st.assignments[k][0] for k in d_assign.changed]
        if moved:
            self.session.execute(delete(SeatAssignment).where(SeatAssignment.id.in_(moved)))

        # 2. Parents added and changed.
        sitting_ids = {k: v[0] for k, v in st.sittings.items()}
        self._upsert(Sitting, "sitting", st.sittings, want_sittings, d_sit.added, d_sit.changed, sitting_ids,
                     lambda k: self._sitting_values(k))
        room_ids = {k: v[0] for k, v in st.rooms.items()}
        self._upsert(Room, "room", st.rooms, want_rooms, d_room.added, d_room.changed, room_ids,
                     lambda k: self._room_values(k))
        seat_ids = dict(st.seats)
        if seats_added:
            rows = []
            for key in seats_added:
                seat_ids[key] = uuid.uuid4()
                rows.append({"id": seat_ids[key], "room_id": room_ids[key[0]], "number": key[1]})
            self.session.execute(insert(Seat), rows)
            for key in seats_added:
                self._record("seat", "added", seat_ids[key], None, {"room": key[0], "seat": key[1]})
        cand_ids = {k: v[0] for k, v in st.candidates.items()}
        self._upsert(Candidate, "candidate", st.candidates, want_candidates, d_cand.added, d_cand.changed, cand_ids,
                     lambda k: self._candidate_values(k))
        staff_ids = {k: v[0] for k, v in st.staff.items()}
        self._upsert(Staff, "staff", st.staff, want_staff, d_staff.added, d_staff.changed, staff_ids,
                     lambda k: self._staff_values(k, new=k not in st.staff))

        # 3. Children added and changed.
        cust_ids = {k: v[0] for k, v in st.custody.items()}
        self._upsert(CustodyItem, "custody_item", st.custody, want_custody, d_cust.added, d_cust.changed, cust_ids,
                     lambda k: self._custody_values(k, sitting_ids, room_ids))

        def assignment(key: tuple[str, str]) -> dict[str, Any]:
            room, seat = c.assignments[key]
            return {"candidate_id": cand_ids[key[0]], "sitting_id": sitting_ids[key[1]],
                    "room_id": room_ids[room], "seat_id": seat_ids[(room, seat)]}

        assign_ids = {k: v[0] for k, v in st.assignments.items()}
        rows = [{"id": assign_ids[k], **assignment(k)} for k in d_assign.changed]
        rows += [{"id": assign_ids.setdefault(k, uuid.uuid4()), **assignment(k)} for k in d_assign.added]
        if rows:
            self.session.execute(insert(SeatAssignment), rows)
        for k in d_assign.changed:
            self._record("seat_assignment", "changed", assign_ids[k], st.assignments[k][1], want_assign[k])
        for k in d_assign.added:
            self._record("seat_assignment", "added", assign_ids[k], None, want_assign[k])
        rel_ids = {k: v[0] for k, v in st.relations.items()}
        self._upsert(StaffRelation, "staff_relation", st.relations, want_rel, d_rel.added, d_rel.changed, rel_ids,
                     lambda k: {"staff_id": staff_ids[k[0]], "candidate_id": cand_ids[k[1]],
                                "relation": c.relations[k]})

        # 4. Parents that go away, now that nothing refers to them.
        self._withdraw(st.candidates, d_cand.removed)
        self._delete(Staff, "staff", st.staff, d_staff.removed)
        if seats_removed:
            self.session.execute(delete(Seat).where(Seat.id.in_([st.seats[k] for k in seats_removed])))
            for key in seats_removed:
                self._record("seat", "removed", st.seats[key], {"room": key[0], "seat": key[1]}, None)
        self._delete(Room, "room", st.rooms, d_room.removed)
        self._delete(Sitting, "sitting", st.sittings, d_sit.removed)
        return self.changes

    def _custody_values(self, barcode: str, sitting_ids: dict[str, uuid.UUID],
                        room_ids: dict[str, uuid.UUID]) -> dict[str, Any]:
        item = self.content.custody[barcode]
        return {"exam_id": self.exam_id, "sitting_id": sitting_ids[item.sitting],
                "room_id": room_ids[item.room] if item.room is not None else None, "kind": item.kind,
                "barcode": barcode, "seal_number": item.seal_number, "expected_count": item.expected_count}

    def _sitting_values(self, code: str) -> dict[str, Any]:
        s = self.content.sittings[code]
        return {"exam_id": self.exam_id, "code": code, "subject": s.subject, "starts_at": s.starts_at,
                "ends_at": s.ends_at, "mode": s.mode, "early_seal_release": s.early_seal_release}

    def _room_values(self, code: str) -> dict[str, Any]:
        r = self.content.rooms[code]
        return {"venue_id": self.venue_id, "code": code, "name": r.name, "kind": r.kind, "capacity": r.capacity}

    def _candidate_values(self, ticket: str) -> dict[str, Any]:
        c, cipher = self.content.candidates[ticket], self.cipher
        return {
            "exam_id": self.exam_id, "ticket_number": ticket, "name": c.name, "gender": c.gender,
            "document_type": c.document_type,
            "document_number_enc": cipher.encrypt_text(c.document_number, DOCUMENT_CONTEXT),
            "document_number_hash": cipher.blind_index(c.document_number),
            "document_number_masked": mask_document_number(c.document_number),
            "phone_enc": cipher.encrypt_text(c.phone, PHONE_CONTEXT) if c.phone is not None else None,
            "photo_enc": cipher.encrypt(c.photo, PHOTO_CONTEXT) if c.photo is not None else None,
            "withdrawn": False,
        }

    def _staff_values(self, number: str, new: bool) -> dict[str, Any]:
        s = self.content.staff[number]
        values: dict[str, Any] = {"venue_id": self.venue_id, "staff_number": number, "name": s.name, "role": s.role,
                                  "employer": s.employer, "employer_type": s.employer_type,
                                  "computer_skills": s.computer_skills, "trained": s.trained}
        if new:  # a changed staff member keeps the credential set at the venue
            values["credential_hash"] = NO_CREDENTIAL
        return values
