"""Queue a record for the provincial server, inside the caller's transaction."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from app.db.models_sync import OutboxEntry


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
