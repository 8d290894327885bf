"""The audit trail (art. 42, 43): every change made through a service writes one event, chained
by SHA-256 to the one before it, so that any later edit or removal shows as a broken link.

`record` must run inside the caller's transaction: the event and the change it describes commit
or fail together.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Table, insert, select, text
from sqlalchemy.orm import Session

from app.db import changes
from app.db.models import AuditEvent
from app.db.prepared import Prepared
from app.domain import RetentionClass
from app.rules.timing import venue_time
from app.services import audit_anchor

if TYPE_CHECKING:
    from app.services.audit_verify import ChainReport

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


# The same text as json.dumps(fields, ensure_ascii=False, sort_keys=True, default=str), made once.
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=str, check_circular=False)


def event_hash(prev_hash: str, fields: Mapping[str, Any]) -> str:
    return hashlib.sha256((prev_hash + _ENCODER.encode(fields)).encode("utf-8")).hexdigest()


# The columns an event's hash covers, in table order (`fields` gives them their chained names).
CHAINED_COLUMNS = ("id", "at_utc", "venue_time", "desk", "actor_id", "actor_name", "cosigner_id", "cosigner_name",
                   "action", "entity_type", "entity_id", "before_json", "after_json", "reason", "retention_class")


def fields(values: Sequence[Any]) -> dict[str, Any]:
    """The chained fields from the CHAINED_COLUMNS' values as the ORM reads them."""
    (id_, at_utc, venue_time_, desk, actor_id, actor_name, cosigner_id, cosigner_name, action, entity_type,
     entity_id, before, after, reason, retention_class) = values
    if not isinstance(at_utc, datetime):
        raise TypeError("at_utc is not a point in time")
    return {
        "id": str(id_),
        "at_utc": at_utc.isoformat(),
        "venue_time": venue_time_,
        "desk": desk,
        "actor_id": str(actor_id) if actor_id else None,
        "actor_name": actor_name,
        "cosigner_id": str(cosigner_id) if cosigner_id else None,
        "cosigner_name": cosigner_name,
        "action": action,
        "entity_type": entity_type,
        "entity_id": entity_id,
        "before": before,
        "after": after,
        "reason": reason,
        "retention_class": str(RetentionClass(retention_class)),
    }


def chained_fields(e: AuditEvent) -> dict[str, Any]:
    return fields([getattr(e, c) for c in CHAINED_COLUMNS])


def lock_chain(session: Session) -> None:
    """Serialise appends across desks sharing one PostgreSQL database (SQLite's BEGIN IMMEDIATE
    already serialises writers)."""
    if session.get_bind().dialect.name == "postgresql":
        changes.execute(session, _LOCK)


def head(session: Session) -> AuditEvent | None:
    return session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)).first()


@dataclass(frozen=True)
class Appended:
    """An event `record` appended: where it sits in the chain."""

    seq: int
    id: uuid.UUID
    at_utc: datetime
    prev_hash: str
    hash: str


_APPENDED = "venue_ops.audit_appended"  # (transaction, Appended): this transaction's last append
# Built once: building a statement costs more than running it on the check-in path.
_HEAD = Prepared(select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1))
_LOCK = text("SELECT pg_advisory_xact_lock(7400001)")
_INSERT = Prepared(insert(cast(Table, AuditEvent.__table__)))  # Core: one INSERT, no unit of work (the hot path, issue 12)


def _current(session: Session) -> object:
    return session.get_nested_transaction() or session.get_transaction()


def _head_for_append(session: Session) -> str:
    """The hash to chain onto, with the chain locked. After this transaction has appended, it holds
    the chain's lock (the advisory lock on PostgreSQL, the write lock on SQLite) until it ends:
    nobody else can have appended since, so the event it appended last is still the head, without
    a query. A savepoint opened, released or rolled back since counts as another transaction here:
    the lock is taken and the head read again."""
    appended = session.info.get(_APPENDED)
    if appended is not None and appended[0] is _current(session):
        return appended[1].hash  # type: ignore[no-any-return]
    lock_chain(session)
    row = _HEAD.first(session, {})
    return row[1] if row is not None else GENESIS


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity_type: str,
    entity_id: object,
    *,
    desk: str,
    now: datetime,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    reason: str = "",
    cosigner: Actor | None = None,
    retention: RetentionClass = RetentionClass.ELECTRONIC,
) -> Appended:
    """Append one event at `now` (the caller's clock: the venue's anchored one, never this PC's)."""
    session.flush()  # what the caller added goes first, as the change this event describes
    at = now.astimezone(UTC)
    prev_hash = _head_for_append(session)
    values: dict[str, Any] = {
        "id": uuid.uuid4(),
        "at_utc": at,
        "venue_time": venue_time(at).isoformat(timespec="seconds"),
        "desk": desk,
        "actor_id": actor.id,
        "actor_name": actor.name,
        "cosigner_id": cosigner.id if cosigner else None,
        "cosigner_name": cosigner.name if cosigner else None,
        "action": action,
        "entity_type": entity_type,
        "entity_id": str(entity_id),
        "before_json": _mask(before),
        "after_json": _mask(after),
        "reason": reason,
        "retention_class": retention,
    }
    event_hash_ = event_hash(prev_hash, fields([values[c] for c in CHAINED_COLUMNS]))
    seq = _INSERT.insert_seq(session, {**values, "prev_hash": prev_hash, "hash": event_hash_})
    event = Appended(seq, values["id"], at, prev_hash, event_hash_)
    session.info[_APPENDED] = (_current(session), event)
    audit_anchor.after_append(session, event)
    return event


def verify(session: Session) -> ChainReport:
    """Walk the chain from the first event and check the signed checkpoints; the first link that
    does not hold (see `audit_verify`). Never raises for a damaged row: that is a broken link."""
    from app.services.audit_verify import verify_trail

    return verify_trail(session)
