"""What the custody records say (arts. 22–24), read: a recorded handover as its printable form
shows it, one package's chain of custody, the end-of-day reconciliation, and the control room's
custody alerts. The writes are `app.services.custody`."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Sitting
from app.db.models_custody import CustodyHandover, CustodyHandoverLine, CustodySigner
from app.errors import VenueError
from app.rules.alerts import Alert, alert
from app.rules.custody import (
    ManifestItem,
    Reconciliation,
    chain_gaps,
    current_place,
    is_overdue,
    missing_since,
    reconcile,
)
from app.services import custody_chain


@dataclass(frozen=True)
class SignerRow:
    side: str
    staff_number: str
    name: str
    confirmed_at: datetime


@dataclass(frozen=True)
class LineRow:
    barcode: str
    kind: str
    expected_count: int | None
    counted: int | None
    seal_number: str
    seal_intact: bool | None
    problems: tuple[str, ...]


@dataclass(frozen=True)
class HandoverRecord:
    """A recorded handover as the printable form shows it."""

    id: uuid.UUID
    at: datetime
    from_place: str
    to_place: str
    sitting: str
    status: str
    desk: str
    recorded_by: str
    lines: tuple[LineRow, ...]
    signers: tuple[SignerRow, ...]


@dataclass(frozen=True)
class ChainStep:
    at: datetime
    from_place: str
    to_place: str
    present: bool  # False: the handover expected the item and did not get it
    with_discrepancy: bool
    signers: tuple[str, ...]


@dataclass(frozen=True)
class ItemChain:
    """One package: where it is now and every handover that carried (or missed) it."""

    item: ManifestItem
    place: str | None
    steps: tuple[ChainStep, ...]
    gaps: int
    missing: bool


def item_chain(s: Session, barcode: str) -> ItemChain:
    item = custody_chain.item_by_barcode(s, barcode.strip())
    if item is None:
        raise VenueError("custody.unknown_package", "No package with the barcode {barcode} is in the exam package.",
                         barcode=barcode.strip())
    hops = custody_chain.hops(s, [item.item_id]).get(item.item_id, [])
    names: dict[uuid.UUID, list[str]] = {}
    statuses: dict[uuid.UUID, str] = {}
    ids = [h.handover_id for h in hops]
    if ids:
        for hid, name in s.execute(select(CustodySigner.handover_id, CustodySigner.staff_name)
                                   .where(CustodySigner.handover_id.in_(ids)).order_by(CustodySigner.side)):
            names.setdefault(hid, []).append(name)
        statuses = {hid: st for hid, st in s.execute(select(CustodyHandover.id, CustodyHandover.status)
                                                      .where(CustodyHandover.id.in_(ids)))}
    steps = tuple(ChainStep(h.at, h.from_place, h.to_place, h.present, statuses.get(h.handover_id) == "with_discrepancy",
                            tuple(names.get(h.handover_id, []))) for h in hops)
    return ItemChain(item, current_place(hops), steps, len(chain_gaps(hops)), missing_since(hops) is not None)


def reconciliation(session: Session) -> Reconciliation:
    chains = custody_chain.hops(session)
    return reconcile((item, chains.get(item.item_id, [])) for item in custody_chain.manifest_items(session))


def handover_record(s: Session, handover_id: uuid.UUID) -> HandoverRecord:
    h = s.scalars(select(CustodyHandover).where(CustodyHandover.id == handover_id)).one_or_none()
    if h is None:
        raise VenueError("custody.no_handover", "No handover {handover} is recorded.", handover=str(handover_id))
    sitting = s.get(Sitting, h.sitting_id) if h.sitting_id else None
    items = {i.barcode: i for i in custody_chain.manifest_items(s)}
    lines = []
    for line in s.scalars(select(CustodyHandoverLine).where(CustodyHandoverLine.handover_id == h.id)
                          .order_by(CustodyHandoverLine.barcode)):
        item = items.get(line.barcode)
        lines.append(LineRow(line.barcode, item.kind.value if item else "", item.expected_count if item else None,
                             line.counted, item.seal_number if item else line.seal_number_seen, line.seal_intact,
                             tuple(p for p in line.problems.split(",") if p)))
    signers = tuple(
        SignerRow(g.side, g.staff_number, g.staff_name, g.confirmed_at)
        for g in s.scalars(select(CustodySigner).where(CustodySigner.handover_id == h.id)
                           .order_by(CustodySigner.side, CustodySigner.confirmed_at))
    )
    return HandoverRecord(h.id, h.at, h.from_place, h.to_place,
                          f"{sitting.code} {sitting.subject}" if sitting else "", h.status, h.desk,
                          h.recorded_by_name, tuple(lines), signers)


def alerts(session: Session, now: datetime) -> list[Alert]:
    """What the chief's control room shows about custody, newest first: answer sheets not back in
    the exam office 30 minutes after their sitting, packages missing since a handover, and gaps in
    a chain (an item found somewhere no handover took it)."""
    ends = {sid: end for sid, end in session.execute(select(Sitting.id, Sitting.ends_at))}
    chains = custody_chain.hops(session)
    found: list[Alert] = []
    for item in custody_chain.manifest_items(session):
        chain = chains.get(item.item_id, [])
        place = current_place(chain)
        end = ends.get(item.sitting_id)
        if end is not None and is_overdue(item.kind, end, place, now):
            found.append(alert(
                "custody.overdue",
                "Answer sheets {barcode} are still in {place}, more than 30 minutes after the sitting ended.",
                at=end, severity="critical", key=f"custody.overdue:{item.barcode}",
                barcode=item.barcode, place=place or "",
            ))
        lost = missing_since(chain)
        if lost is not None:
            found.append(alert(
                "custody.missing",
                "Package {barcode} was missing at the handover {from_place} → {to_place} and has not been found since.",
                at=lost.at, severity="critical", key=f"custody.missing:{item.barcode}",
                barcode=item.barcode, from_place=lost.from_place, to_place=lost.to_place,
            ))
        for gap in chain_gaps(chain):
            found.append(alert(
                "custody.gap",
                "Package {barcode} was handed over from {found_at}, but no handover had taken it there (last known: {last_known}).",
                at=gap.at, key=f"custody.gap:{item.barcode}:{gap.handover_id}",
                barcode=item.barcode, found_at=gap.found_at, last_known=gap.last_known or "-",
            ))
    return sorted(found, key=lambda a: a.at, reverse=True)
