"""Custody handovers (交接), the chain of custody and the end-of-day reconciliation (arts. 22–24).

A handover is recorded in one transaction: the handover, one line per package, the staff who
confirmed each side with their own credential (art. 22(四): ≥ 2 different people per side), its
audit event and its outbox row ("custody_handover"). A missing or extra package, a wrong count or
a broken seal does not block it: it is recorded "with discrepancy", a draft incident is opened
(`app.services.incidents.open_draft`) and the discrepancy is queued ("custody_discrepancy").

Signing: the wizard calls `sign()` for each person as they confirm; it authenticates them like a
login (same lockout, audited as auth.custody_sign) and checks their role may hand over papers.

For the chief's control room: `alerts(session, now)` (overdue answer sheets, gaps in a chain,
packages missing since a handover).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.db.models import Room, Sitting
from app.db.models_custody import CustodyHandover, CustodyHandoverLine, CustodyReconciliation, CustodySigner
from app.errors import VenueError
from app.rules.alerts import Alert
from app.rules.custody import (
    SECURE_ROOM,
    ManifestComparison,
    ManifestItem,
    Reconciliation,
    Scanned,
    Side,
    check_route,
    check_signers,
    compare_manifest,
    expected_manifest,
    room_code,
)
from app.rules.timing import venue_time
from app.security.auth import AuthService, StaffSession
from app.security.permissions import Permission, require, require_role
from app.services import audit, custody_chain, incidents, outbox, paper_room
from app.services.custody_reads import (
    HandoverRecord,
    ItemChain,
    alerts,
    handover_record,
    item_chain,
    reconciliation,
)

DISCREPANCY_CATEGORY = "custody_discrepancy"


@dataclass(frozen=True)
class HandoverDraft:
    """What the wizard collected: the route, the sitting (None: every sitting's items at the
    origin), and what was handed over."""

    from_place: str
    to_place: str
    sitting_id: uuid.UUID | None
    scanned: tuple[Scanned, ...]
    note: str = ""


@dataclass(frozen=True)
class HandoverResult:
    handover_id: uuid.UUID
    comparison: ManifestComparison
    incident_id: uuid.UUID | None

    @property
    def with_discrepancy(self) -> bool:
        return self.comparison.has_discrepancy


def _line_json(line: Any) -> dict[str, Any]:
    return {
        "barcode": line.barcode,
        "expected": line.expected,
        "present": line.present,
        "counted": line.scanned.count if line.scanned else None,
        "seal_intact": line.scanned.seal_intact if line.scanned else None,
        "problems": [p.value for p in line.problems],
    }


def _facts(draft: HandoverDraft, comparison: ManifestComparison) -> str:
    parts = []
    for line in comparison.discrepancies:
        detail = ", ".join(p.value for p in line.problems)
        if line.item is not None and line.scanned is not None and line.scanned.count != line.item.expected_count:
            detail += f" ({line.scanned.count}/{line.item.expected_count})"
        parts.append(f"{line.barcode}: {detail}")
    return f"custody handover {draft.from_place} → {draft.to_place}: " + "; ".join(parts)


class CustodyService:
    def __init__(self, session_factory: Callable[[], Session], clock: Callable[[], datetime],
                 auth: AuthService) -> None:
        self._sessions = session_factory
        self._clock = clock
        self._auth = auth

    # --- the wizard's steps ---------------------------------------------------------------------

    def sign(self, desk: str, staff_number: str, credential: str, side: Side) -> StaffSession:
        """One person confirms one side with their own credential (audited, counts toward lockout)."""
        signer = self._auth.authenticate(staff_number, credential, desk, purpose="custody_sign",
                                         detail=f"custody.handover:{side.value}")
        # Signed a moment ago; record_handover checks each signer's session again when it writes.
        require_role(signer, Permission.CUSTODY_HANDOVER)
        return signer

    def expected(self, from_place: str, to_place: str, sitting_id: uuid.UUID | None) -> list[ManifestItem]:
        with self._sessions() as s:
            return expected_manifest(custody_chain.manifest_items(s), custody_chain.places(s),
                                     from_place, to_place, sitting_id)

    def lookup(self, barcode: str) -> ManifestItem | None:
        with self._sessions() as s:
            return custody_chain.item_by_barcode(s, barcode)

    def sittings(self) -> list[tuple[uuid.UUID, str]]:
        """The sittings for the wizard's choice, in time order, labelled "code subject MM-DD HH:MM"."""
        with self._sessions() as s:
            return [(sid, f"{code} {subject} {venue_time(start):%m-%d %H:%M}")
                    for sid, code, subject, start in s.execute(
                        select(Sitting.id, Sitting.code, Sitting.subject, Sitting.starts_at).order_by(Sitting.starts_at))]

    def places_in_use(self) -> list[str]:
        """Every exam room as a place, for the wizard's route choice."""
        with self._sessions() as s:
            return [f"room:{code}" for code in s.scalars(select(Room.code).order_by(Room.code))]

    # --- recording --------------------------------------------------------------------------------

    def record_handover(self, by: StaffSession, draft: HandoverDraft, givers: Sequence[StaffSession],
                        receivers: Sequence[StaffSession]) -> HandoverResult:
        now = self._clock()
        with self._sessions() as s, s.begin():
            # Whoever records it and everyone who signed: a signer deactivated (or reset) since
            # signing no longer stands behind the handover.
            for person in (by, *givers, *receivers):
                require(s, person, Permission.CUSTODY_HANDOVER)
            check_route(draft.from_place, draft.to_place)
            check_signers([g.staff_id for g in givers], [r.staff_id for r in receivers])
            if not draft.scanned:
                raise VenueError("custody.nothing_scanned",
                                 "Scan at least one package before recording the handover.")
            result = self._record(s, by, draft, givers, receivers, now)
        return result

    def _record(self, s: Session, by: StaffSession, draft: HandoverDraft, givers: Sequence[StaffSession],
                receivers: Sequence[StaffSession], now: datetime) -> HandoverResult:
        if s.get_bind().dialect.name == "postgresql":
            # Where items are is read, then written: two desks must not both hand over the same
            # package from the same place (SQLite's BEGIN IMMEDIATE already serialises writers).
            s.execute(text("SELECT pg_advisory_xact_lock(7400006)"))
        items = custody_chain.manifest_items(s)
        known = {i.barcode: i for i in items}
        expected = expected_manifest(items, custody_chain.places(s), draft.from_place, draft.to_place,
                                     draft.sitting_id)
        comparison = compare_manifest(expected, draft.scanned, known)
        handover = CustodyHandover(
            id=uuid.uuid4(), sitting_id=draft.sitting_id, from_place=draft.from_place, to_place=draft.to_place,
            at=now, desk=by.desk, recorded_by_id=by.staff_id, recorded_by_name=by.name,
            status="with_discrepancy" if comparison.has_discrepancy else "complete",
            discrepancy_json=json.dumps([_line_json(line) for line in comparison.discrepancies],
                                        ensure_ascii=False),
            note=draft.note.strip(),
        )
        s.add(handover)
        s.flush()
        for line in comparison.lines:
            got = line.scanned
            s.add(CustodyHandoverLine(
                handover_id=handover.id, item_id=line.item.item_id if line.item else None, barcode=line.barcode,
                expected=line.expected, present=got is not None, counted=got.count if got else None,
                seal_intact=got.seal_intact if got else None, seal_number_seen=got.seal_number if got else "",
                problems=",".join(p.value for p in line.problems),
            ))
        signers = [(Side.GIVING, g) for g in givers] + [(Side.RECEIVING, r) for r in receivers]
        for side, person in signers:
            s.add(CustodySigner(handover_id=handover.id, side=side.value, staff_id=person.staff_id,
                                staff_number=person.staff_number, staff_name=person.name,
                                confirmed_at=person.started_at))
        snapshot = {
            "from": draft.from_place, "to": draft.to_place,
            "sitting_id": str(draft.sitting_id) if draft.sitting_id else None,
            "status": handover.status, "at": now.isoformat(),
            "lines": [_line_json(line) for line in comparison.lines],
            "giving": [{"staff_number": g.staff_number, "name": g.name} for g in givers],
            "receiving": [{"staff_number": r.staff_number, "name": r.name} for r in receivers],
        }
        incident_id = None
        if comparison.has_discrepancy:
            incident = incidents.open_draft(
                s, by.actor, desk=by.desk, category=DISCREPANCY_CATEGORY, facts=_facts(draft, comparison),
                sitting_id=draft.sitting_id, room_id=self._room_id(s, draft), now=now,
            )
            handover.incident_id = incident_id = incident.id
            outbox.enqueue(s, "custody_discrepancy", handover.id, {
                "handover_id": str(handover.id), "incident_id": str(incident.id),
                "lines": [_line_json(line) for line in comparison.discrepancies],
            }, now=now)
        audit.record(s, by.actor, "custody.handover", "custody_handover", handover.id, desk=by.desk,
                     after=snapshot, cosigner=receivers[0].actor, now=now,
                     reason="with discrepancy" if comparison.has_discrepancy else "")
        outbox.enqueue(s, "custody_handover", handover.id, {**snapshot, "incident_id": str(incident_id or "")},
                       now=now)
        if SECURE_ROOM in (draft.from_place, draft.to_place):
            # Papers arriving in (or leaving) the secure room change whether two must be on duty.
            paper_room.refresh_duty_gap(s, by.actor, by.desk, now)
        return HandoverResult(handover.id, comparison, incident_id)

    @staticmethod
    def _room_id(s: Session, draft: HandoverDraft) -> uuid.UUID | None:
        code = room_code(draft.to_place) or room_code(draft.from_place)
        if code is None:
            return None
        return s.scalars(select(Room.id).where(Room.code == code)).first()

    def reconcile(self, by: StaffSession) -> Reconciliation:
        """The end-of-day account: every item received is where it should be (recorded and audited)."""
        now = self._clock()
        with self._sessions() as s, s.begin():
            require(s, by, Permission.CUSTODY_HANDOVER)
            result = reconciliation(s)
            detail = [{"barcode": a.item.barcode, "place": a.place, "account": a.account.value}
                      for a in result.unaccounted]
            row = CustodyReconciliation(at=now, desk=by.desk, staff_id=by.staff_id, staff_name=by.name,
                                        received=result.received, accounted=result.accounted,
                                        complete=result.complete, detail_json=json.dumps(detail))
            s.add(row)
            s.flush()
            audit.record(s, by.actor, "custody.reconcile", "custody_reconciliation", row.id, desk=by.desk,
                         after={"received": result.received, "accounted": result.accounted,
                                "complete": result.complete, "unaccounted": detail}, now=now)
        return result

    # --- reading ---------------------------------------------------------------------------------

    def handover(self, handover_id: uuid.UUID) -> HandoverRecord:
        with self._sessions() as s:
            return handover_record(s, handover_id)

    def handovers(self, limit: int = 50) -> list[HandoverRecord]:
        with self._sessions() as s:
            ids = s.scalars(select(CustodyHandover.id).order_by(CustodyHandover.seq.desc()).limit(limit)).all()
            return [handover_record(s, i) for i in ids]

    def alerts(self) -> list[Alert]:
        with self._sessions() as s:
            return alerts(s, self._clock())

    def chain(self, barcode: str) -> ItemChain:
        with self._sessions() as s:
            return item_chain(s, barcode)
