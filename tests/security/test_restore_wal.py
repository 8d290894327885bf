"""Art. 43 (nothing recorded is lost): `db restore` keeps the replaced database with every
committed transaction still in its WAL. On commit 9bf9245 the kept copy lost all of them."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.db.backup import restore_sqlite

CRASHING_DESK = r"""
import os, sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA journal_mode=WAL")
db.execute("PRAGMA wal_autocheckpoint=0")  # as after a crash: the work is only in the WAL
db.execute("CREATE TABLE IF NOT EXISTS admission (n INTEGER)")
for n in range(int(sys.argv[2])):
    db.execute("BEGIN IMMEDIATE")
    db.execute("INSERT INTO admission VALUES (?)", (n,))
    db.execute("COMMIT")
os._exit(0)  # killed: no close, no checkpoint
"""


def crash_after(db: Path, commits: int) -> None:
    subprocess.run([sys.executable, "-c", CRASHING_DESK, str(db), str(commits)], check=True, timeout=60)


def rows(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("SELECT count(*) FROM admission").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def backup_file(tmp_path: Path) -> Path:
    path = tmp_path / "backup.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE admission (n INTEGER)")
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("commits", [50, 200])
def test_art43_restore_keeps_the_replaced_database_with_its_wal(tmp_path: Path, backup_file: Path,
                                                                commits: int) -> None:
    db = tmp_path / "venue.sqlite"
    crash_after(db, commits)
    assert Path(str(db) + "-wal").stat().st_size > 0  # the committed work is in the WAL only
    kept = restore_sqlite(backup_file, db)
    assert kept == tmp_path / "venue.sqlite.replaced"
    assert rows(kept) == commits  # every committed transaction survives in the kept copy
    assert not Path(str(kept) + "-wal").exists()  # one self-contained file
    assert rows(db) == 0 and not Path(str(db) + "-wal").exists()  # and the backup is what is in place


def test_art43_restore_of_an_unreadable_database_keeps_its_files_as_they_are(tmp_path: Path,
                                                                             backup_file: Path) -> None:
    db = tmp_path / "venue.sqlite"
    db.write_bytes(b"not a database at all" * 100)
    Path(str(db) + "-wal").write_bytes(b"wal bytes")
    kept = restore_sqlite(backup_file, db)
    assert kept is not None and kept.read_bytes().startswith(b"not a database")
    assert Path(str(kept) + "-wal").read_bytes() == b"wal bytes"
    assert rows(db) == 0
