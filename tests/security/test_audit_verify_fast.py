"""Art. 43: `audit verify`'s quick ways to each event's hash (`app.services.audit_rows`) judge
every row exactly as the reference `row_hash` does, so being quick weakens no detection: any
value, of any type, gives the same hash or the same damage; PostgreSQL writes the hashed text
character for character as Python's encoder does, and cannot be talked out of it through the
search path. A row the driver cannot decode is a broken link, and verifying holds no write lock."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from app.db.engine import make_engine
from app.security.crypto import DataKeys
from app.services import audit, audit_verify
from app.services.audit_rows import COLUMNS, hash_rows, row_hash
from tests.security.fuzz_support import bounded
from tests.security.tamper import ACTOR, rows, signed_sessions, unguarded, write_events

N = 12
MIDDLE = 6
COSIGNER = audit.Actor(uuid.uuid4(), "副主考 李", "deputy_chief")


def verify(sessions: sessionmaker[Session]) -> audit.ChainReport:
    with sessions() as s:
        return audit.verify(s)


def _answer(row: tuple[Any, ...]) -> str | type[BaseException]:
    try:
        return row_hash(row)
    except Exception as exc:
        return type(exc)


# A value of any type SQLite can hand back, near the shapes the desks write.
_any_text = st.text(max_size=12) | st.sampled_from(["", "监考 张", 'a"b\\c', "\x00\x1f\x7f", "\ud7ff\U0010ffff"])
_any = st.none() | _any_text | st.integers() | st.floats(allow_nan=False) | st.binary(max_size=8)
_hex32 = st.text("0123456789abcdefABCDEF\"\\\x00 -", min_size=32, max_size=32)
_times = st.builds(lambda t, micro: t.strftime("%Y-%m-%d %H:%M:%S.") + f"{micro:06d}",
                   st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)),
                   st.sampled_from([0, 1, 40000, 999999]))
_odd_times = st.text("0123456789-: .T+Z\"", min_size=24, max_size=28)


@bounded(300)
@given(st.tuples(
    st.integers(1, 10**6), _hex32 | _any, _times | _odd_times | _any, _any_text | _any, _any_text | _any,
    st.none() | _hex32 | _any, _any_text | _any, st.none() | _hex32 | _any, st.none() | _any_text | _any,
    _any_text | _any, _any_text | _any, _any_text | _any, st.none() | _any_text | _any, st.none() | _any_text | _any,
    _any_text | _any, st.sampled_from(["electronic_5y", "serious_2y", "forever", ""]) | _any,
    st.sampled_from([audit.GENESIS, "e" * 64]) | _any, _any))
def test_art43_the_quick_sqlite_hash_is_the_reference_for_any_row(row: tuple[Any, ...]) -> None:
    (quick,) = hash_rows([row])
    assert (quick if isinstance(quick, str) else type(quick)) == _answer(row)


def test_art43_the_quick_sqlite_hash_remembers_nothing_a_different_type_could_match() -> None:
    """An id stored as a number equal to one remembered earlier is judged afresh, not as the other."""
    big = 2**105  # 32 decimal digits: a valid UUID spelling as text, a float of the same value is not
    base = ("checkin.admit", "监考 张", "desk-1")
    row = [1, uuid.uuid4().hex, "2026-11-01 00:30:00.040000", "2026-11-01T08:30:00+08:00", base[2], big, base[1],
           None, None, base[0], "candidate", "c1", None, "{}", "", "electronic_5y", audit.GENESIS, ""]
    as_float = [*row[:5], float(big), *row[6:]]
    assert hash_rows([tuple(row), tuple(as_float)])[0] == row_hash(row)
    assert _answer(tuple(as_float)) is ValueError
    assert isinstance(hash_rows([tuple(as_float)])[0], ValueError)


def _events(sessions: sessionmaker[Session]) -> None:
    """Every shape an event takes: cosigned, with before and after, nothing optional, odd text."""
    with sessions() as s, s.begin():
        audit.record(s, ACTOR, "room.open", "room", "01", desk="office", after={"i": 1}, reason="考场开启",
                     now=datetime.now(UTC))
        audit.record(s, ACTOR, "candidate.correct", "candidate", uuid.uuid4(), desk="desk-2", cosigner=COSIGNER,
                     before={"name": "王\"小\\明", "document_number": "110"}, after={"name": "王小明\n"},
                     reason="tab\there \x01 \u2028 end", now=datetime(2026, 11, 1, 0, 0, tzinfo=UTC))
        audit.record(s, audit.Actor.system(), "sync.upload", "batch", 7, desk="", reason="", now=datetime.now(UTC))


@pytest.mark.postgres
def test_art43_postgres_writes_the_hashed_text_as_python_does(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("the text PostgreSQL writes")
    with engine.connect() as conn:
        everything = "".join(chr(c) for c in range(1, 0x110000) if not 0xD800 <= c < 0xE000)
        quoted = conn.execute(text("SELECT CAST(pg_catalog.to_json(CAST(:s AS text)) AS text)"), {"s": everything})
        assert quoted.scalar() == json.encoder.encode_basestring(everything)  # type: ignore[attr-defined]
    sessions = signed_sessions(engine)
    _events(sessions)
    write_events(sessions, 3)
    with unguarded(engine) as conn:  # times the server formats: no microseconds, one, the last
        for seq, at in ((1, "2026-11-01 00:30:00+00"), (2, "2026-11-01 00:30:00.000001+00"),
                        (3, "9999-12-30 23:59:59.999999+00")):
            conn.execute(text("UPDATE audit_event SET at_utc = :at WHERE seq = :seq"), {"at": at, "seq": seq})
        conn.execute(text(f'ALTER DATABASE "{engine.url.database}" SET TimeZone = \'Asia/Shanghai\''))
    engine.dispose()  # new connections, in the venue's zone: the text is still UTC
    read_raw: list[int] = []
    monkeypatch.setattr(audit_verify, "_postgres_raw", lambda _dbapi, seq: read_raw.append(seq) or "")
    report = verify(sessions)
    assert report.code == "audit.content_mismatch" and report.broken_at_seq == 1  # the time edit is found
    with sessions() as s:
        raw = s.connection().exec_driver_sql(f"SELECT {', '.join(COLUMNS)} FROM audit_event ORDER BY seq").all()
        texts = s.connection().exec_driver_sql(audit_verify._POSTGRES_TEXTS).all()
    for raw_row, (_seq, _prev, _hash, written) in zip(raw, texts, strict=True):
        assert hashlib.sha256(written).hexdigest() == row_hash(raw_row)
    assert read_raw == [1, 2, 3]  # only the three edited rows were read again (a batch is hashed at once)


@pytest.mark.postgres
def test_art43_a_function_put_before_pg_catalog_on_the_search_path_cannot_hide_an_edit(engine: Engine) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL's search path")
    keys = DataKeys.generate()
    sessions = signed_sessions(engine, keys)
    write_events(sessions, N)
    database = engine.url.database
    with unguarded(engine) as conn:
        conn.execute(text(f"UPDATE audit_event SET reason = reason || '·改' WHERE seq = {MIDDLE}"))
        conn.execute(text("CREATE SCHEMA evil"))
        # to_json and || that quietly undo the edit, first on every new connection's search path
        conn.execute(text("CREATE FUNCTION evil.to_json(anyelement) RETURNS json LANGUAGE sql AS "
                          "$$ SELECT pg_catalog.to_json(pg_catalog.replace(CAST($1 AS text), '·改', '')) $$"))
        conn.execute(text("CREATE FUNCTION evil.cat(text, text) RETURNS text LANGUAGE sql AS "
                          "$$ SELECT pg_catalog.replace(pg_catalog.textcat($1, $2), '·改', '') $$"))
        conn.execute(text("CREATE OPERATOR evil.|| (LEFTARG = text, RIGHTARG = text, FUNCTION = evil.cat)"))
        conn.execute(text(f'ALTER DATABASE "{database}" SET search_path = evil, pg_catalog, public'))
    shadowed = make_engine(engine.url.render_as_string(hide_password=False))
    try:
        with shadowed.connect() as conn:  # the shadows work on SQL that does not name pg_catalog
            assert conn.execute(text("SELECT CAST(to_json(CAST('a·改' AS text)) AS text)")).scalar() == '"a"'
            assert conn.execute(text("SELECT CAST('a·' AS text) || CAST('改' AS text)")).scalar() == "a"
        report = verify(signed_sessions(shadowed, keys))
    finally:
        shadowed.dispose()
    assert report.code == "audit.content_mismatch" and report.broken_at_seq == MIDDLE


def test_art43_text_that_is_not_utf8_is_a_broken_link_named_by_seq(engine: Engine) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL refuses to store text that is not UTF-8")
    sessions = signed_sessions(engine)
    write_events(sessions, N)
    with unguarded(engine) as conn:
        conn.execute(text(f"UPDATE audit_event SET actor_name = CAST(x'e79b91ff' AS TEXT) WHERE seq = {MIDDLE}"))
    report = verify(sessions)
    assert report.code == "audit.row_unreadable" and report.broken_at_seq == MIDDLE and report.events == MIDDLE


@pytest.mark.parametrize("column", ["desk", "reason", "prev_hash", "hash", "actor_id"])
def test_art43_the_same_bytes_stored_as_a_blob_are_an_edit(engine: Engine, column: str) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("only SQLite keeps a storage class per value")
    sessions = signed_sessions(engine)
    write_events(sessions, N)
    with unguarded(engine) as conn:
        conn.execute(text(f"UPDATE audit_event SET {column} = CAST({column} AS BLOB) WHERE seq = {MIDDLE}"))
        assert conn.execute(text(f"SELECT typeof({column}) FROM audit_event WHERE seq = {MIDDLE}")).scalar() == "blob"
    report = verify(sessions)
    assert not report.intact and report.broken_at_seq in (MIDDLE, MIDDLE + 1)


def test_art43_verifying_a_sqlite_trail_leaves_the_desks_free_to_write(engine: Engine) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("SQLite's one writer")
    sessions = signed_sessions(engine)
    write_events(sessions, N)
    with sessions() as s:
        assert audit.verify(s).intact  # its transaction is still open here
        desk = sqlite3.connect(str(engine.url.database), timeout=0.2, isolation_level=None)
        try:
            desk.execute("BEGIN IMMEDIATE")  # a desk's admission: waits for no verify
            desk.execute("ROLLBACK")
        finally:
            desk.close()


def test_art43_many_events_of_every_shape_verify_and_any_edit_among_them_is_found(engine: Engine) -> None:
    sessions = signed_sessions(engine)
    for _ in range(3):
        _events(sessions)
    write_events(sessions, 20)
    assert verify(sessions).intact
    with unguarded(engine) as conn:
        target = next(r for r in rows(conn) if r["cosigner_id"] is not None)
        conn.execute(text("UPDATE audit_event SET cosigner_name = '另一人' WHERE seq = :s"), {"s": target["seq"]})
    report = verify(sessions)
    assert report.code == "audit.content_mismatch" and report.broken_at_seq == target["seq"]


def test_art43_a_time_a_day_later_is_found_on_both_engines(engine: Engine) -> None:
    sessions = signed_sessions(engine)
    write_events(sessions, N)
    with unguarded(engine) as conn:
        old = next(r for r in rows(conn) if r["seq"] == MIDDLE)["at_utc"]
        later = (datetime.fromisoformat(old) if isinstance(old, str) else old) + timedelta(days=1)
        value = later.strftime("%Y-%m-%d %H:%M:%S.%f") if isinstance(old, str) else later
        conn.execute(text("UPDATE audit_event SET at_utc = :v WHERE seq = :s"), {"v": value, "s": MIDDLE})
    report = verify(sessions)
    assert report.code == "audit.content_mismatch" and report.broken_at_seq == MIDDLE
