"""The venue side of the outbox: what is pending, the next batch, and acknowledgements.

The audit trail travels too: before each upload or export, the audit events recorded since the
last time are queued (kind "audit_event") in one transaction with the head they lead to, signed as
a checkpoint, so the server can re-chain them, check the signature and its own anchor."""

from __future__ import annotations

import itertools
import json
import logging
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.db.models import AuditEvent, KeyValue
from app.db.models_sync import OutboxEntry
from app.services import audit, audit_anchor
from app.services.audit import GENESIS
from app.services.outbox import enqueue_many
from sync.protocol import Record

AUDIT_QUEUED = "sync.audit_queued_seq"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AuditHead:
    seq: int
    hash: str
    signature: str = ""  # the venue's signed checkpoint over (seq, hash); "" when it could not sign
    public_key: str = ""

    def as_json(self) -> dict[str, Any]:
        return {"seq": self.seq, "hash": self.hash, "signature": self.signature, "public_key": self.public_key}


def _setting(session: Session, key: str) -> str | None:
    row = session.get(KeyValue, key)
    return row.value if row else None


def _put(session: Session, key: str, value: str) -> None:
    row = session.get(KeyValue, key)
    if row is None:
        session.add(KeyValue(key=key, value=value))
    else:
        row.value = value


def audit_payload(e: AuditEvent) -> dict[str, Any]:
    return {"seq": e.seq, "prev_hash": e.prev_hash, "hash": e.hash, "fields": audit.chained_fields(e)}


def queue_audit_events(session: Session, now: datetime) -> AuditHead:
    """Queue the audit events not queued yet, at `now`; the head they end at (signed). Call inside a
    transaction."""
    audit.lock_chain(session)  # no event may slip in between reading the events and the head
    done = int(_setting(session, AUDIT_QUEUED) or 0)
    last = done
    events = iter(session.scalars(select(AuditEvent).where(AuditEvent.seq > done).order_by(AuditEvent.seq)).all())
    while chunk := list(itertools.islice(events, 2000)):
        enqueue_many(session, "audit_event", ((e.id, audit_payload(e)) for e in chunk), now=now)
        last = chunk[-1].seq
    if last != done:
        _put(session, AUDIT_QUEUED, str(last))
    top = audit.head(session)
    if top is None:
        return AuditHead(0, GENESIS)
    try:
        signed = audit_anchor.checkpoint(session, "sync", now)
    except audit_anchor.TrailRewritten as exc:
        # Sent unsigned: the province flags the head, which is what must happen to a rewritten trail.
        log.error("%s", exc)
        signed = None
    if signed is None:
        return AuditHead(top.seq, top.hash)
    return AuditHead(signed.seq, signed.hash, signed.signature, signed.public_key)


def audit_events_not_queued(session: Session) -> int:
    done = int(_setting(session, AUDIT_QUEUED) or 0)
    return int(session.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.seq > done)) or 0)


def pending_counts(session: Session) -> dict[str, int]:
    rows = session.execute(select(OutboxEntry.kind, func.count()).where(OutboxEntry.acked_at.is_(None))
                           .group_by(OutboxEntry.kind)).all()
    return {kind: int(n) for kind, n in rows}


def pending_file_bytes(session: Session) -> int:
    total = 0
    for text in session.scalars(select(OutboxEntry.payload_json).where(
            OutboxEntry.acked_at.is_(None), OutboxEntry.kind == "evidence_file")):
        total += int(json.loads(text).get("size") or 0)
    return total


def next_entries(session: Session, limit: int, skip: Collection[int] = ()) -> list[OutboxEntry]:
    query = select(OutboxEntry).where(OutboxEntry.acked_at.is_(None))
    if skip:
        query = query.where(OutboxEntry.seq.not_in(list(skip)))
    return list(session.scalars(query.order_by(OutboxEntry.seq).limit(limit)))


def all_entries(session: Session) -> Iterable[OutboxEntry]:
    yield from session.scalars(select(OutboxEntry).order_by(OutboxEntry.seq).execution_options(yield_per=2000))


def as_record(entry: OutboxEntry) -> Record:
    version = int(entry.idempotency_key.rsplit(":", 1)[-1])
    return Record(key=entry.idempotency_key, kind=entry.kind, record_id=entry.record_id, version=version,
                  payload=json.loads(entry.payload_json), audit_seq=entry.audit_seq, audit_hash=entry.audit_hash)


def mark_acked(session: Session, seqs: Collection[int], at: datetime) -> int:
    """Acknowledged rows are never sent again (acked_at is set once, never cleared)."""
    if not seqs:
        return 0
    result = session.execute(update(OutboxEntry).where(OutboxEntry.seq.in_(list(seqs)),
                                                       OutboxEntry.acked_at.is_(None)).values(acked_at=at))
    return int(getattr(result, "rowcount", 0) or 0)


def count_attempt(session: Session, seqs: Collection[int]) -> None:
    if seqs:
        session.execute(update(OutboxEntry).where(OutboxEntry.seq.in_(list(seqs)))
                        .values(attempts=OutboxEntry.attempts + 1))
