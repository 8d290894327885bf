"""What a hostile insider with the database file (or a PostgreSQL superuser) does to the audit
trail: switch the guards off, then edit, delete, insert or re-chain rows with raw SQL."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, select, text
from sqlalchemy.orm import Session, sessionmaker

from app.db.engine import make_session_factory
from app.db.models import AuditEvent
from app.db.types import utcnow
from app.security.checkpoint_key import CheckpointSigner
from app.security.crypto import DataKeys
from app.services import audit, audit_anchor
from app.services.audit import GENESIS, event_hash

ACTOR = audit.Actor(uuid.uuid4(), "主考 王", "chief_examiner")
SQLITE_GUARDS = ("audit_event_no_update", "audit_event_no_delete", "audit_event_no_replace",
                 "audit_checkpoint_no_update", "audit_checkpoint_no_delete", "audit_checkpoint_no_replace")


def signed_sessions(engine: Engine, keys: DataKeys | None = None) -> sessionmaker[Session]:
    factory = make_session_factory(engine)
    audit_anchor.attach(factory, CheckpointSigner.from_keys(keys or DataKeys.generate()))
    return factory


def write_events(sessions: sessionmaker[Session], n: int, *, checkpoint_at_end: bool = True) -> None:
    with sessions() as s, s.begin():
        for i in range(n):
            audit.record(s, ACTOR, "room.open", "room", f"{i:02d}", desk="office", after={"i": i},
                         reason="考场开启", now=utcnow())
        if checkpoint_at_end:
            audit_anchor.checkpoint(s, "test", utcnow())


@contextmanager
def unguarded(engine: Engine) -> Iterator[Connection]:
    """A connection on which the append-only triggers do not fire (dropped on SQLite, replication
    role on PostgreSQL): what an owner of the file or a superuser can always do."""
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            for name in SQLITE_GUARDS:
                conn.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
        else:
            conn.execute(text("SET LOCAL session_replication_role = replica"))
        yield conn


def rows(conn: Connection) -> list[dict[str, object]]:
    return [dict(r._mapping) for r in conn.execute(text("SELECT * FROM audit_event ORDER BY seq"))]


def rechain(conn: Connection, *, from_seq: int = 1) -> None:
    """Recompute prev_hash and hash of every event from `from_seq` on, as a careful forger would,
    so the chain is internally consistent again."""
    with Session(bind=conn) as s:
        events = s.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()
        prev = GENESIS
        for e in events:
            if e.seq >= from_seq:
                new_hash = event_hash(prev, audit.chained_fields(e))
                conn.execute(text("UPDATE audit_event SET prev_hash = :p, hash = :h WHERE seq = :s"),
                             {"p": prev, "h": new_hash, "s": e.seq})
                prev = new_hash
            else:
                prev = e.hash
        s.expunge_all()


def other_value(column: str, value: object) -> object:
    """A plausible different value of the same type for `column`."""
    if column in ("id", "actor_id", "cosigner_id"):
        return uuid.uuid4().hex if isinstance(value, str) or value is None else uuid.uuid4()
    if column == "at_utc":
        return datetime(2026, 1, 1, 9, 0, tzinfo=UTC) if not isinstance(value, str) else "2026-01-01 09:00:00.000000"
    if column == "retention_class":
        return "serious_2y" if value != "serious_2y" else "video_6m"
    if column in ("prev_hash", "hash"):
        return "e" * 64
    if column == "seq":
        return 10_000
    return f"{value}·改"
