"""Backups to a second location and restoring them: a failing disk on exam day loses at most minutes."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from app.db.backup import BackupError, BackupScheduler, backup, restore_sqlite, rotate
from app.db.engine import make_engine
from app.db.migrate import upgrade
from app.db.models import Venue


def _venue_count(engine: Engine) -> int:
    with Session(engine) as s:
        return s.scalar(select(func.count()).select_from(Venue)) or 0


def _add_venue(engine: Engine, code: str) -> None:
    with Session(engine) as s, s.begin():
        s.add(Venue(code=code, name=f"考点 {code}"))


def test_sqlite_backup_then_restore_brings_back_exactly_what_was_backed_up(tmp_path: Path) -> None:
    db = tmp_path / "venue.sqlite"
    engine = make_engine(f"sqlite:///{db}")
    upgrade(engine)
    _add_venue(engine, "320107")
    saved = backup(engine, tmp_path / "usb" / "b.sqlite")
    _add_venue(engine, "after-backup")
    engine.dispose()

    restore_sqlite(saved, db)
    engine = make_engine(f"sqlite:///{db}")
    with Session(engine) as s:
        assert [v.code for v in s.scalars(select(Venue))] == ["320107"]
    assert (tmp_path / "venue.sqlite.replaced").exists()  # the replaced database is kept, not lost


def test_a_damaged_backup_is_refused_and_the_database_left_alone(tmp_path: Path) -> None:
    db = tmp_path / "venue.sqlite"
    engine = make_engine(f"sqlite:///{db}")
    upgrade(engine)
    _add_venue(engine, "320107")
    engine.dispose()
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    with pytest.raises(BackupError) as err:
        restore_sqlite(bad, db)
    assert err.value.code == "backup.corrupt"
    assert _venue_count(make_engine(f"sqlite:///{db}")) == 1


def test_rotation_keeps_the_newest_backups(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'venue.sqlite'}")
    upgrade(engine)
    start = datetime(2026, 11, 28, 8, 0)
    for minute in range(0, 25, 5):
        rotate(engine, tmp_path / "usb", keep=3, now=start + timedelta(minutes=minute))
    names = sorted(p.name for p in (tmp_path / "usb").iterdir())
    assert names == ["venue-20261128T081000.sqlite", "venue-20261128T081500.sqlite", "venue-20261128T082000.sqlite"]


def test_scheduler_reports_a_failing_target_and_recovers(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'venue.sqlite'}")
    upgrade(engine)
    blocked = tmp_path / "usb"
    blocked.write_text("a file where the folder should be")
    scheduler = BackupScheduler(engine, blocked, timedelta(minutes=5), keep=3)
    scheduler.run_once()
    assert scheduler.last_error is not None and scheduler.last_backup is None
    blocked.unlink()
    scheduler.run_once()
    assert scheduler.last_error is None and scheduler.last_backup is not None and scheduler.last_backup.exists()


@pytest.mark.postgres
def test_postgres_backup_is_a_restorable_pg_dump(pg_url: str, tmp_path: Path) -> None:
    if shutil.which("pg_dump") is None:
        pytest.fail("pg_dump must be on PATH where PostgreSQL tests run")
    engine = make_engine(pg_url)
    _add_venue(engine, "320107")
    dest = backup(engine, tmp_path / "venue.pgdump")
    engine.dispose()
    assert dest.read_bytes()[:5] == b"PGDMP"
