"""Art. 42, 43: `audit verify` finds every way a hostile insider rewrites the audit trail, and the
database itself refuses the cheap ones (REPLACE included). Each test failed on commit 9bf9245."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from app.db.models import AuditCheckpoint
from app.db.types import utcnow
from app.security.crypto import DataKeys
from app.services import audit, audit_anchor
from app.services.audit import CHAINED_COLUMNS
from tests.security.tamper import ACTOR, other_value, rechain, rows, signed_sessions, unguarded, write_events

N = 12
MIDDLE = 6


@pytest.fixture
def sessions(engine: Engine) -> sessionmaker[Session]:
    factory = signed_sessions(engine)
    write_events(factory, N)
    return factory


def verify(sessions: sessionmaker[Session]) -> audit.ChainReport:
    with sessions() as s:
        return audit.verify(s)


def test_art43_untouched_trail_with_checkpoints_verifies(sessions: sessionmaker[Session]) -> None:
    report = verify(sessions)
    assert report.intact and report.events == N
    assert report.checkpoints == 1 and report.last_checkpoint_seq == N and report.signatures_checked


@pytest.mark.parametrize("column", [*CHAINED_COLUMNS, "prev_hash", "hash", "seq"])
def test_art43_any_single_column_edit_is_found(engine: Engine, sessions: sessionmaker[Session], column: str) -> None:
    with unguarded(engine) as conn:
        old = next(r for r in rows(conn) if r["seq"] == MIDDLE)[column]
        conn.execute(text(f"UPDATE audit_event SET {column} = :v WHERE seq = :s"),
                     {"v": other_value(column, old), "s": MIDDLE})
    report = verify(sessions)
    assert not report.intact
    assert report.broken_at_seq in (MIDDLE, MIDDLE + 1)


@pytest.mark.parametrize(("where", "broken_at"), [
    ("seq = 1", 2),                      # the first event
    (f"seq = {MIDDLE}", MIDDLE + 1),     # one in the middle
    (f"seq = {N}", N),                   # the last one: only the signed checkpoint knows it existed
    (f"seq > {N - 5}", N - 4),           # the tail
    ("seq >= 1", 1),                     # all of them
])
def test_art43_deleted_rows_are_found(engine: Engine, sessions: sessionmaker[Session], where: str,
                                      broken_at: int) -> None:
    with unguarded(engine) as conn:
        conn.execute(text(f"DELETE FROM audit_event WHERE {where}"))
    report = verify(sessions)
    assert not report.intact and report.broken_at_seq == broken_at


def test_art43_truncated_tail_is_named_as_truncation(engine: Engine, sessions: sessionmaker[Session]) -> None:
    with unguarded(engine) as conn:
        conn.execute(text(f"DELETE FROM audit_event WHERE seq > {N - 3}"))
    report = verify(sessions)
    assert report.code == "audit.truncated" and "removed" in report.problem


def test_art43_inserted_row_is_found(engine: Engine, sessions: sessionmaker[Session]) -> None:
    # Room is made for a forged event in the middle by moving the later events up one seq; the
    # forgery and everything after it are re-chained, so only the signed checkpoint tells.
    with unguarded(engine) as conn:
        conn.execute(text(f"UPDATE audit_event SET seq = seq + 1000 WHERE seq > {MIDDLE}"))
        conn.execute(text(f"UPDATE audit_event SET seq = seq - 999 WHERE seq > {MIDDLE + 1000}"))
        forged = next(r for r in rows(conn) if r["seq"] == MIDDLE)
        forged.update(seq=MIDDLE + 1, id=other_value("id", forged["id"]), reason="伪造",
                      prev_hash=forged["hash"], hash="f" * 64)
        columns = ", ".join(forged)
        conn.execute(text(f"INSERT INTO audit_event ({columns}) VALUES ({', '.join(':' + c for c in forged)})"),
                     forged)
        rechain(conn, from_seq=MIDDLE + 1)  # the forgery and all after it: the chain alone holds
    report = verify(sessions)
    assert not report.intact and report.code == "audit.checkpoint_mismatch"


def test_art43_sqlite_refuses_insert_or_replace(engine: Engine, sessions: sessionmaker[Session]) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("REPLACE is SQLite's; PostgreSQL's ON CONFLICT is tested below")
    with engine.connect() as conn:
        row = next(r for r in rows(conn) if r["seq"] == MIDDLE)
    row["reason"] = "rewritten"
    columns = ", ".join(row)
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
        conn.execute(text(f"INSERT OR REPLACE INTO audit_event ({columns}) "
                          f"VALUES ({', '.join(':' + c for c in row)})"), row)
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
        conn.execute(text("REPLACE INTO audit_checkpoint (seq, hash, at_utc, reason, signature) "
                          f"SELECT seq, hash, at_utc, reason, signature FROM audit_checkpoint WHERE seq = {N}"))
    assert verify(sessions).intact


@pytest.mark.postgres
def test_art43_postgres_refuses_upsert_and_truncate(engine: Engine, sessions: sessionmaker[Session]) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL's guard")
    for statement in (
        f"INSERT INTO audit_event SELECT * FROM audit_event WHERE seq = {MIDDLE} "
        "ON CONFLICT (seq) DO UPDATE SET reason = 'rewritten'",
        f"INSERT INTO audit_checkpoint SELECT * FROM audit_checkpoint WHERE seq = {N} "
        "ON CONFLICT (seq) DO UPDATE SET hash = 'x'",
        "TRUNCATE audit_checkpoint",
        "DELETE FROM audit_checkpoint",
    ):
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
            conn.execute(text(statement))
    assert verify(sessions).intact


def test_art43_replace_of_one_event_rechained_is_found(engine: Engine, sessions: sessionmaker[Session]) -> None:
    """The attack of the finding: one event rewritten through REPLACE (guards off) and every later
    event re-chained, so the chain alone holds; the signed checkpoint at the head does not."""
    with unguarded(engine) as conn:
        conn.execute(text(f"UPDATE audit_event SET reason = 'rewritten' WHERE seq = {MIDDLE}"))
        rechain(conn, from_seq=MIDDLE)
    report = verify(sessions)
    assert not report.intact and report.broken_at_seq == N and report.code == "audit.checkpoint_mismatch"


def test_art43_rewrite_from_genesis_after_the_first_checkpoint_is_found(engine: Engine) -> None:
    sessions = signed_sessions(engine)
    write_events(sessions, 5)           # checkpoint at 5
    write_events(sessions, 5, checkpoint_at_end=False)
    with unguarded(engine) as conn:
        conn.execute(text("UPDATE audit_event SET actor_name = '另一人' WHERE seq = 1"))
        rechain(conn)
    report = verify(sessions)
    assert not report.intact and report.broken_at_seq == 5 and report.code == "audit.checkpoint_mismatch"


def test_art43_checkpoint_forged_without_the_venue_key_is_found(engine: Engine) -> None:
    sessions = signed_sessions(engine)
    write_events(sessions, 4)
    with unguarded(engine) as conn:
        conn.execute(text("UPDATE audit_checkpoint SET signature = :s"), {"s": "ab" * 64})
    report = verify(sessions)
    assert report.code == "audit.checkpoint_unsigned" and report.broken_at_seq == 4


def test_art43_checkpoint_every_thousand_events_and_signed_with_the_data_keys(
        engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    assert audit_anchor.EVERY == 1000
    monkeypatch.setattr(audit_anchor, "EVERY", 10)  # the same rule at a tenth of the events, for speed
    keys = DataKeys.generate()
    sessions = signed_sessions(engine, keys)
    write_events(sessions, 25, checkpoint_at_end=False)
    with sessions() as s:
        marks = list(s.scalars(select(AuditCheckpoint.seq).order_by(AuditCheckpoint.seq)))
    assert marks == [10, 20]
    # Another desk with the same data keys verifies the signatures; other keys do not.
    assert verify(signed_sessions(engine, keys)).intact
    stranger = verify(signed_sessions(engine))
    assert stranger.code == "audit.checkpoint_unsigned" and stranger.broken_at_seq == 10


def test_art43_signing_over_a_trail_shortened_below_its_checkpoint_is_refused(
        engine: Engine, sessions: sessionmaker[Session]) -> None:
    with unguarded(engine) as conn:
        conn.execute(text(f"DELETE FROM audit_event WHERE seq > {N - 2}"))
    with sessions() as s, s.begin():
        audit.record(s, ACTOR, "room.close", "room", "01", desk="office", now=utcnow())
        with pytest.raises(audit_anchor.TrailRewritten):
            audit_anchor.checkpoint(s, "sync", utcnow())
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(AuditCheckpoint)) == 1


@pytest.mark.parametrize(("column", "garbage", "engines"), [
    ("at_utc", "the day before yesterday", ("sqlite",)),
    ("actor_id", "not-a-uuid", ("sqlite",)),
    ("id", "zz", ("sqlite",)),
    ("retention_class", "forever", ("sqlite", "postgresql")),
    ("desk", 42, ("sqlite",)),
])
def test_art43_unreadable_row_is_a_broken_link_named_by_seq_not_a_crash(
        engine: Engine, sessions: sessionmaker[Session], column: str, garbage: object, engines: tuple[str, ...]) -> None:
    if engine.dialect.name not in engines:
        pytest.skip(f"{engine.dialect.name} refuses to store this garbage in {column} at all")
    with unguarded(engine) as conn:
        conn.execute(text(f"UPDATE audit_event SET {column} = :v WHERE seq = :s"), {"v": garbage, "s": MIDDLE})
    report = verify(sessions)
    assert not report.intact and report.broken_at_seq == MIDDLE


def test_art43_dropped_audit_table_is_said_as_such(engine: Engine, sessions: sessionmaker[Session]) -> None:
    with unguarded(engine) as conn:
        conn.execute(text("DROP TABLE audit_event"))
    report = verify(sessions)
    assert not report.intact and report.code == "audit.table_missing" and "audit_event" in report.problem


@pytest.mark.parametrize(("column", "garbage"), [
    ("signature", b"\xff\xfe"),  # SQLite keeps a BLOB in a text column as it is
    ("hash", b"\x00\x01"),
])
def test_art43_unreadable_checkpoint_row_is_a_broken_anchor_not_a_crash(
        engine: Engine, column: str, garbage: object) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL refuses to store this garbage in a checkpoint at all")
    sessions = signed_sessions(engine)
    write_events(sessions, 4)
    with unguarded(engine) as conn:
        conn.execute(text(f"UPDATE audit_checkpoint SET {column} = :v"), {"v": garbage})
    report = verify(sessions)
    assert not report.intact and report.code == "audit.checkpoint_unreadable"


def test_art43_checkpoint_text_that_is_not_utf8_is_a_broken_anchor_not_a_crash(engine: Engine) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL refuses bytes that are not UTF-8 in a text column")
    sessions = signed_sessions(engine)
    write_events(sessions, 4)
    with unguarded(engine) as conn:
        conn.execute(text("UPDATE audit_checkpoint SET hash = CAST(X'FFFE41' AS TEXT)"))
    report = verify(sessions)
    assert not report.intact and report.code == "audit.checkpoint_unreadable"
