"""SQLite's WAL goes back into the database file on a background thread (app.db.engine
.WalCheckpointer) in the writers' pauses, so no desk's commit waits for that copy or shares the
disk's flush with it (issue 12), and nothing about durability changes: a commit is durable in the
synced WAL before any checkpoint."""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path
from typing import Any

from sqlalchemy import event, text

from app.db import engine as db_engine
from app.db.engine import WalCheckpointer, make_engine


def _drain() -> None:
    db_engine._CHECKPOINTS.submit(lambda: None).result(timeout=30)  # one worker: after any checkpoint


def _copied(path: Path, tmp_path: Path) -> int:
    """Rows in the database file alone, without its WAL: what the checkpoints copied into it."""
    alone = tmp_path / "alone.sqlite"
    shutil.copyfile(path, alone)
    db = sqlite3.connect(alone)
    try:
        return int(db.execute("SELECT count(*) FROM t").fetchone()[0])
    except sqlite3.OperationalError:  # not even the table yet
        return 0
    finally:
        db.close()
        alone.unlink()


def _engine(path: Path, *, sqlite_may_checkpoint: bool = False) -> Any:
    engine = make_engine(f"sqlite:///{path}")
    if not sqlite_may_checkpoint:
        @event.listens_for(engine, "connect")
        def _no_auto(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.execute("PRAGMA wal_autocheckpoint=0")  # only the background one may copy

    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (x INTEGER)"))
    _drain()  # the CREATE's checkpoint, after its pause
    return engine


def test_the_wal_is_copied_in_the_writers_pause_never_between_two_admissions(tmp_path: Path) -> None:
    path = tmp_path / "v.sqlite"
    engine = _engine(path)
    for i in range(60):  # a busy desk: a write every 20 ms, never a pause of half a second
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO t VALUES (:x)"), {"x": i})
        time.sleep(0.02)
    assert _copied(path, tmp_path) == 0  # nothing copied while the writes went on
    _drain()  # the pause: now the copy runs
    with engine.connect() as conn:  # every row is committed (in the WAL at least)
        assert conn.execute(text("SELECT count(*) FROM t")).scalar_one() == 60
    assert _copied(path, tmp_path) == 60
    engine.dispose()


def test_writes_without_a_pause_are_copied_after_most_writes_not_at_sqlites_limit(tmp_path: Path) -> None:
    path = tmp_path / "v.sqlite"
    engine = _engine(path, sqlite_may_checkpoint=True)  # as make_engine sets it: SQLite's own at BACKSTOP_PAGES
    deadline = time.monotonic() + 60
    i = 0
    while _copied(path, tmp_path) == 0 and time.monotonic() < deadline:  # never a pause of `quiet_s`
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO t VALUES (:x)"), {"x": i})
        i += 1
    engine.dispose()
    assert 256 <= i < 600  # copied after the 256th write transaction


def test_a_checkpoint_of_a_database_that_is_gone_creates_nothing(tmp_path: Path) -> None:
    gone = tmp_path / "gone.sqlite"
    WalCheckpointer(gone).checkpoint()
    assert not gone.exists()
    assert list(tmp_path.iterdir()) == []
