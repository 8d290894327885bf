"""The audit trail (art. 42, 43): every change made through a service writes one event, chained
by SHA-256 to the one before it, so that any later edit or removal shows as a broken link.

`record` must run inside the caller's transaction: the event and the change it describes commit
or fail together.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.db.models import AuditEvent
from app.db.types import utcnow
from app.domain import RetentionClass
from app.rules.timing import venue_time

GENESIS = "0" * 64

# Keys whose values are personal data (art. 47–48): masked in before/after snapshots.
PERSONAL_KEYS = frozenset({"document_number", "phone", "photo", "credential", "password", "credential_hash"})


@dataclass(frozen=True)
class Actor:
    """Who does a thing: a logged-in staff member, or the system itself (id None)."""

    id: uuid.UUID | None
    name: str
    role: str = "system"

    @classmethod
    def system(cls, name: str = "system") -> Actor:
        return cls(None, name, "system")


def _mask(snapshot: Mapping[str, Any] | None) -> str | None:
    if snapshot is None:
        return None
    masked = {k: ("***" if k in PERSONAL_KEYS and v is not None else v) for k, v in snapshot.items()}
    return json.dumps(masked, ensure_ascii=False, sort_keys=True, default=str)


def event_hash(prev_hash: str, fields: Mapping[str, Any]) -> str:
    payload = json.dumps(fields, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256((prev_hash + payload).encode("utf-8")).hexdigest()


def chained_fields(e: AuditEvent) -> dict[str, Any]:
    return {
        "id": str(e.id),
        "at_utc": e.at_utc.isoformat(),
        "venue_time": e.venue_time,
        "desk": e.desk,
        "actor_id": str(e.actor_id) if e.actor_id else None,
        "actor_name": e.actor_name,
        "cosigner_id": str(e.cosigner_id) if e.cosigner_id else None,
        "cosigner_name": e.cosigner_name,
        "action": e.action,
        "entity_type": e.entity_type,
        "entity_id": e.entity_id,
        "before": e.before_json,
        "after": e.after_json,
        "reason": e.reason,
        "retention_class": str(e.retention_class),
    }


def lock_chain(session: Session) -> None:
    """Serialise appends across desks sharing one PostgreSQL database (SQLite's BEGIN IMMEDIATE
    already serialises writers)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(7400001)"))


def head(session: Session) -> AuditEvent | None:
    return session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)).first()


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity_type: str,
    entity_id: object,
    *,
    desk: str,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    reason: str = "",
    cosigner: Actor | None = None,
    retention: RetentionClass = RetentionClass.ELECTRONIC,
    now: datetime | None = None,
) -> AuditEvent:
    lock_chain(session)
    at = (now or utcnow()).astimezone(UTC)
    last = head(session)
    event = AuditEvent(
        id=uuid.uuid4(),
        at_utc=at,
        venue_time=venue_time(at).isoformat(timespec="seconds"),
        desk=desk,
        actor_id=actor.id,
        actor_name=actor.name,
        cosigner_id=cosigner.id if cosigner else None,
        cosigner_name=cosigner.name if cosigner else None,
        action=action,
        entity_type=entity_type,
        entity_id=str(entity_id),
        before_json=_mask(before),
        after_json=_mask(after),
        reason=reason,
        retention_class=retention,
        prev_hash=last.hash if last else GENESIS,
    )
    event.hash = event_hash(event.prev_hash, chained_fields(event))
    session.add(event)
    session.flush()
    return event


@dataclass(frozen=True)
class ChainReport:
    events: int
    broken_at_seq: int | None = None
    problem: str = ""

    @property
    def intact(self) -> bool:
        return self.broken_at_seq is None


def _events(session: Session) -> Iterator[AuditEvent]:
    yield from session.scalars(select(AuditEvent).order_by(AuditEvent.seq).execution_options(yield_per=2000))


def verify(session: Session) -> ChainReport:
    """Walk the chain from the first event; report the first link that does not hold."""
    prev = GENESIS
    count = 0
    for e in _events(session):
        count += 1
        if e.prev_hash != prev:
            return ChainReport(count, e.seq, "previous hash does not match the event before it")
        if event_hash(e.prev_hash, chained_fields(e)) != e.hash:
            return ChainReport(count, e.seq, "event content does not match its hash")
        prev = e.hash
    return ChainReport(count)
