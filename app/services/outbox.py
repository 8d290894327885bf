"""Queue a record for the provincial server, inside the caller's transaction.

Every queued record is tied to the audit trail (issue 13): `enqueue` appends an "outbox.queued"
event naming the record's idempotency key and the SHA-256 of its payload, and the row carries that
event's seq and hash. The province checks both ways (every record has its event, every such event
has its record, with the same payload), so a row deleted, edited or slipped into the outbox before
upload is found. The audit trail's own events travel untied (`enqueue_many`): they are the chain."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from app.db.models_sync import OutboxEntry
from app.db.prepared import Prepared
from app.services import audit

QUEUED_ACTION = "outbox.queued"
_QUEUER = audit.Actor.system("outbox")


def payload_text(payload: Mapping[str, Any]) -> str:
    return json.dumps(dict(payload), ensure_ascii=False, sort_keys=True, default=str)


def payload_digest(payload: Mapping[str, Any]) -> str:
    """SHA-256 of the payload's canonical JSON; the province computes the same from what it got."""
    return hashlib.sha256(payload_text(payload).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Queued:
    """A record `enqueue` queued, and the audit event that ties it to the trail."""

    key: str
    audit_seq: int
    audit_hash: str


_INSERT = Prepared(insert(cast(Table, OutboxEntry.__table__)))  # Core: one INSERT, no unit of work (the check-in path, issue 12)


def enqueue(
    session: Session, kind: str, record_id: object, payload: Mapping[str, Any], *, now: datetime, version: int = 1
) -> Queued:
    """Queue at `now` (the caller's clock). `version` distinguishes a later state of the same record
    (e.g. an incident confirmed after its draft was queued); the idempotency key is
    kind:record_id:version."""
    key = f"{kind}:{record_id}:{version}"
    body = payload_text(payload)
    tie = audit.record(session, _QUEUER, QUEUED_ACTION, kind, record_id, desk="outbox", now=now,
                       after={"key": key, "payload_sha256": hashlib.sha256(body.encode("utf-8")).hexdigest()},
                       reason="record queued for the provincial server")
    _INSERT.insert(session, {"id": uuid.uuid4(), "kind": kind, "record_id": str(record_id), "idempotency_key": key,
                              "payload_json": body, "created_at": now, "attempts": 0, "audit_seq": tie.seq,
                              "audit_hash": tie.hash})
    return Queued(key, tie.seq, tie.hash)


def enqueue_many(
    session: Session, kind: str, items: Iterable[tuple[object, Mapping[str, Any]]], *, now: datetime
) -> int:
    """Queue many audit events at once (version 1, untied: they are the chain itself), in one
    statement: the sync client queues the audit trail this way, thousands at a time."""
    rows = [{"id": uuid.uuid4(), "kind": kind, "record_id": str(record_id),
             "idempotency_key": f"{kind}:{record_id}:1", "payload_json": payload_text(payload),
             "created_at": now, "attempts": 0}
            for record_id, payload in items]
    if rows:
        session.execute(insert(OutboxEntry), rows)
    return len(rows)
