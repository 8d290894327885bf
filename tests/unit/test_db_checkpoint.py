"""SQLite's WAL goes back into the database file on a background thread (app.db.engine
.WalCheckpointer), so no desk's commit waits for that copy (issue 12), and nothing about durability
changes: a commit is durable in the synced WAL before any checkpoint."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import event, text

from app.db import engine as db_engine
from app.db.engine import WalCheckpointer, make_engine


def _drain() -> None:
    db_engine._CHECKPOINTS.submit(lambda: None).result(timeout=30)  # one worker: after any checkpoint


def test_the_wal_reaches_the_database_file_without_the_writer_checkpointing(tmp_path: Path) -> None:
    path = tmp_path / "v.sqlite"
    engine = make_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _no_auto(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA wal_autocheckpoint=0")  # only the background one may copy

    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (x INTEGER)"))
    for i in range(70):
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO t VALUES (:x)"), {"x": i})
    _drain()
    with engine.connect() as conn:  # every row is committed (in the WAL at least)
        assert conn.execute(text("SELECT count(*) FROM t")).scalar_one() == 70
    # The database file alone, without its WAL: what the checkpoints copied into it.
    alone = tmp_path / "alone.sqlite"
    shutil.copyfile(path, alone)
    db = sqlite3.connect(alone)
    try:
        copied = db.execute("SELECT count(*) FROM t").fetchone()[0]
    finally:
        db.close()
    engine.dispose()
    assert copied >= 60  # checkpoints began at the 32nd and the 64th write transaction


def test_a_checkpoint_of_a_database_that_is_gone_creates_nothing(tmp_path: Path) -> None:
    gone = tmp_path / "gone.sqlite"
    WalCheckpointer(gone).checkpoint()
    assert not gone.exists()
    assert list(tmp_path.iterdir()) == []
