"""`audit verify` (art. 43, issue 13): walk the chain from the genesis, check every signed
checkpoint on the way and that the trail still reaches the last one, so an edit, an insertion, a
deletion, a REPLACE, a truncation or a rewrite from the genesis after a checkpoint all show as the
first broken link, named by its seq.

Rows are read raw and converted one by one, so a damaged row (garbage in `at_utc`, `actor_id`, a
retention class outside the enum) is a broken link too, never a crash; a dropped table is said as
such. Fast enough for a long exam season: see `python -m bench audit`."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from app.db.models import AuditCheckpoint
from app.domain import RetentionClass
from app.errors import VenueError
from app.services import audit_anchor
from app.services.audit import CHAINED_COLUMNS, GENESIS, event_hash

_COLUMNS = ("seq", *CHAINED_COLUMNS, "prev_hash", "hash")
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM audit_event ORDER BY seq"  # constant names only
_BATCH = 5000


@dataclass(frozen=True)
class ChainReport:
    events: int
    broken_at_seq: int | None = None
    problem: str = ""  # English, for logs and --json; `error` is the translatable form
    checkpoints: int = 0
    last_checkpoint_seq: int = 0
    signatures_checked: bool = False
    error: VenueError | None = field(default=None, compare=False)

    @property
    def intact(self) -> bool:
        return self.broken_at_seq is None and self.error is None

    @property
    def code(self) -> str:
        return self.error.code if self.error else ""


def _broken(code: str, english: str, events: int, seq: int, **params: Any) -> ChainReport:
    error = VenueError(code, english, seq=seq, **params)
    return ChainReport(events, seq, error.english_text(), error=error)


def _missing_table(table: str) -> ChainReport:
    error = VenueError("audit.table_missing",
                       "The database has no {table} table: the audit trail was removed. Restore the latest "
                       "backup and report this to the province.", table=table)
    return ChainReport(0, 0, error.english_text(), error=error)


def _uuid_text(value: Any) -> str | None:
    """str(uuid) of a stored UUID: SQLite keeps 32 hex digits, PostgreSQL hands back a UUID."""
    if value is None:
        return None
    if isinstance(value, str) and len(value) == 32:
        return f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"
    if isinstance(value, uuid.UUID):
        return str(value)
    return str(uuid.UUID(str(value)))


def _time_text(value: Any) -> str:
    """The ISO text the chain hashed: UTC, aware (SQLite keeps naive UTC text, microseconds always)."""
    if isinstance(value, str):
        if len(value) == 26 and value[10] == " " and value[19] == "." and value[:4].isdigit():
            return value[:10] + "T" + (value[11:19] if value.endswith(".000000") else value[11:]) + "+00:00"
        value = datetime.fromisoformat(value)
    if not isinstance(value, datetime):
        raise TypeError("at_utc is not a point in time")
    return (value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)).isoformat()


_RETENTION = frozenset(str(r) for r in RetentionClass)


def _fields(row: Sequence[Any]) -> dict[str, Any]:
    """`audit.fields` of a raw row, without the ORM's conversions (a million rows must be quick)."""
    retention = row[15]
    if retention not in _RETENTION:
        raise ValueError("retention class outside the enum")
    return {"id": _uuid_text(row[1]), "at_utc": _time_text(row[2]), "venue_time": row[3], "desk": row[4],
            "actor_id": _uuid_text(row[5]), "actor_name": row[6], "cosigner_id": _uuid_text(row[7]),
            "cosigner_name": row[8], "action": row[9], "entity_type": row[10], "entity_id": row[11],
            "before": row[12], "after": row[13], "reason": row[14], "retention_class": retention}


# The chained fields in sorted key order, as the JSON encoder writes them (", " and ": ").
_ORDER = ("action", "actor_id", "actor_name", "after", "at_utc", "before", "cosigner_id", "cosigner_name", "desk",
          "entity_id", "entity_type", "id", "reason", "retention_class", "venue_time")
_TEMPLATE = "{" + ", ".join(f'"{k}": %s' for k in _ORDER) + "}"
_quote = json.encoder.encode_basestring  # the encoder's own quoting (C), as ensure_ascii=False uses


def _row_hash(row: Sequence[Any]) -> str:
    """event_hash(prev_hash, fields) of a raw row, with the JSON written straight from the values
    in sorted key order (the same text, character for character, the encoder gives for the fields
    dict); a row with any value that is not text goes through the encoder itself."""
    if row[15] not in _RETENTION:
        raise ValueError("retention class outside the enum")
    values = (row[9], _uuid_text(row[5]), row[6], row[13], _time_text(row[2]), row[12], _uuid_text(row[7]), row[8],
              row[4], row[11], row[10], _uuid_text(row[1]), row[14], row[15], row[3])
    try:
        body = _TEMPLATE % tuple(["null" if v is None else _quote(v) for v in values])
    except TypeError:
        return event_hash(str(row[16]), _fields(row))
    return hashlib.sha256((str(row[16]) + body).encode("utf-8")).hexdigest()


Walked = tuple[int, Any, Any, Sequence[Any]]  # seq, prev_hash, hash, the whole row


def _walk(session: Session) -> Iterator[Walked]:
    """The events in seq order straight from the driver, in batches (server-side on PostgreSQL)."""
    dbapi: Any = session.connection().connection.dbapi_connection
    if session.get_bind().dialect.name == "postgresql":
        cursor = dbapi.cursor(name="venue_ops_audit_verify")
        cursor.itersize = _BATCH
        cursor.execute(_SELECT)
        try:
            for row in cursor:
                yield int(row[0]), row[16], row[17], row
        finally:
            cursor.close()
        return
    cursor = dbapi.cursor()
    try:
        cursor.execute(_SELECT)
        while batch := cursor.fetchmany(_BATCH):
            for row in batch:
                yield int(row[0]), row[16], row[17], row
    finally:
        cursor.close()


def verify_trail(session: Session) -> ChainReport:
    names = set(inspect(session.connection()).get_table_names())
    for table in ("audit_event", "audit_checkpoint"):
        if table not in names:
            return _missing_table(table)
    signer = audit_anchor.signer_of(session)
    marks = {int(seq): (str(h), str(sig)) for seq, h, sig in session.execute(
        select(AuditCheckpoint.seq, AuditCheckpoint.hash, AuditCheckpoint.signature))}
    prev, count, last_seq = GENESIS, 0, 0
    seen: set[int] = set()
    for seq, prev_stored, stored, row in _walk(session):
        count += 1
        last_seq = seq
        try:
            computed = _row_hash(row)
        except Exception as exc:  # any damage to a row is a broken link, never a crash
            return _broken("audit.row_unreadable",
                           "Event {seq} cannot be read ({detail}): the row was damaged or altered.",
                           count, seq, detail=type(exc).__name__)
        if prev_stored != prev:
            return _broken("audit.prev_mismatch",
                           "Event {seq} does not follow the event before it: an event was removed, "
                           "inserted or replaced here.", count, seq)
        if computed != stored:
            return _broken("audit.content_mismatch",
                           "Event {seq} does not match its hash: its content was altered.", count, seq)
        mark = marks.get(seq)
        if mark is not None:
            seen.add(seq)
            if mark[0] != stored:
                return _broken("audit.checkpoint_mismatch",
                               "Event {seq} is not the event the signed checkpoint names: the trail was "
                               "rewritten up to here.", count, seq)
            if signer is not None and not signer.verify(seq, mark[0], mark[1]):
                return _broken("audit.checkpoint_unsigned",
                               "The checkpoint at event {seq} does not carry this venue's signature: it "
                               "was forged.", count, seq)
        prev = str(stored)
    missing = sorted(set(marks) - seen)
    if missing:
        first = missing[0]
        if first > last_seq:
            return _broken("audit.truncated",
                           "The audit trail ends at event {last}, but a signed checkpoint names event {signed}: "
                           "events from {seq} on were removed.", count, last_seq + 1, last=last_seq,
                           signed=missing[-1])
        return _broken("audit.checkpoint_mismatch",
                       "Event {seq} is not the event the signed checkpoint names: the trail was "
                       "rewritten up to here.", count, first)
    last_mark = max(marks, default=0)
    return ChainReport(count, checkpoints=len(marks), last_checkpoint_seq=last_mark,
                       signatures_checked=signer is not None)


class TrailVerifier:
    """`venue-ops audit verify` and the self-check: the whole trail, read in its own session."""

    def __init__(self, sessions: Callable[[], Session]) -> None:
        self._sessions = sessions

    def verify(self) -> ChainReport:
        with self._sessions() as s:
            return verify_trail(s)
