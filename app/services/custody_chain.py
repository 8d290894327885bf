"""Reading the chain of custody from the database: the items as the exam package describes them,
each item's hops, and where every item is now. Shared by the custody and paper-room services."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import CustodyItem, Room
from app.db.models_custody import CustodyHandover, CustodyHandoverLine
from app.rules.custody import SECURE_ROOM, Hop, ManifestItem, current_place


def manifest_items(session: Session, sitting_id: uuid.UUID | None = None) -> list[ManifestItem]:
    query = select(CustodyItem, Room.code).outerjoin(Room, CustodyItem.room_id == Room.id)
    if sitting_id is not None:
        query = query.where(CustodyItem.sitting_id == sitting_id)
    return [
        ManifestItem(i.id, i.barcode, i.kind, i.seal_number, i.expected_count, i.sitting_id, code)
        for i, code in session.execute(query.order_by(CustodyItem.barcode))
    ]


def item_by_barcode(session: Session, barcode: str) -> ManifestItem | None:
    row = session.execute(
        select(CustodyItem, Room.code).outerjoin(Room, CustodyItem.room_id == Room.id)
        .where(CustodyItem.barcode == barcode)
    ).first()
    if row is None:
        return None
    i, code = row
    return ManifestItem(i.id, i.barcode, i.kind, i.seal_number, i.expected_count, i.sitting_id, code)


def hops(session: Session, item_ids: Sequence[uuid.UUID] | None = None) -> dict[uuid.UUID, list[Hop]]:
    """Every item's hops in the order the handovers were recorded."""
    query = (
        select(CustodyHandoverLine.item_id, CustodyHandoverLine.expected, CustodyHandoverLine.present,
               CustodyHandover.id, CustodyHandover.at, CustodyHandover.from_place, CustodyHandover.to_place)
        .join(CustodyHandover, CustodyHandover.id == CustodyHandoverLine.handover_id)
        .where(CustodyHandoverLine.item_id.is_not(None))
        .order_by(CustodyHandover.seq)
    )
    if item_ids is not None:
        query = query.where(CustodyHandoverLine.item_id.in_(list(item_ids)))
    chains: dict[uuid.UUID, list[Hop]] = defaultdict(list)
    for item_id, expected, present, handover_id, at, from_place, to_place in session.execute(query):
        assert item_id is not None  # filtered above
        chains[item_id].append(Hop(handover_id, at, from_place, to_place, expected, present))
    return chains


def places(session: Session) -> dict[uuid.UUID, str | None]:
    return {item_id: current_place(chain) for item_id, chain in hops(session).items()}


def items_in_secure_room(session: Session) -> int:
    return sum(1 for place in places(session).values() if place == SECURE_ROOM)
