"""Queue a record for the provincial server, inside the caller's transaction."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from app.db.models_sync import OutboxEntry
from app.db.types import utcnow


def enqueue(
    session: Session, kind: str, record_id: object, payload: Mapping[str, Any], *, version: int = 1
) -> OutboxEntry:
    """`version` distinguishes a later state of the same record (e.g. an incident confirmed after
    its draft was queued); the idempotency key is kind:record_id:version."""
    entry = OutboxEntry(
        kind=kind,
        record_id=str(record_id),
        idempotency_key=f"{kind}:{record_id}:{version}",
        payload_json=json.dumps(dict(payload), ensure_ascii=False, sort_keys=True, default=str),
    )
    session.add(entry)
    session.flush()
    return entry


def enqueue_many(session: Session, kind: str, items: Iterable[tuple[object, Mapping[str, Any]]]) -> int:
    """Queue many records of one kind at once (version 1), in one statement: the sync client queues
    the audit trail's events this way, thousands at a time."""
    rows = [{"id": uuid.uuid4(), "kind": kind, "record_id": str(record_id),
             "idempotency_key": f"{kind}:{record_id}:1",
             "payload_json": json.dumps(dict(payload), ensure_ascii=False, sort_keys=True, default=str),
             "created_at": utcnow(), "attempts": 0}
            for record_id, payload in items]
    if rows:
        session.execute(insert(OutboxEntry), rows)
    return len(rows)
