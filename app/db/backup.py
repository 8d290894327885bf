"""Backups: SQLite's online backup API, `pg_dump` for PostgreSQL, and restore."""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import subprocess
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from app.errors import VenueError
from app.failures import explain

log = logging.getLogger(__name__)


class BackupError(VenueError):
    pass


def backup_sqlite(engine: Engine, dest: Path) -> Path:
    """A consistent copy of a live SQLite database (WAL included), written under a temporary
    name and renamed, so a half-written backup never looks like a good one."""
    url = make_url(str(engine.url))
    assert url.database
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    source = sqlite3.connect(url.database, timeout=30)
    try:
        target = sqlite3.connect(tmp)
        try:
            source.backup(target)
        except sqlite3.Error as exc:  # a full or read-only backup disk: said as such, never half a backup
            target.close()
            tmp.unlink(missing_ok=True)
            explained = explain(exc, str(dest))
            if explained is None:
                raise
            raise explained from exc
        finally:
            target.close()
    finally:
        source.close()
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, dest)
    return dest


def backup_postgres(engine: Engine, dest: Path) -> Path:
    url = make_url(str(engine.url))
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        raise BackupError("backup.pg_dump_missing", "pg_dump was not found on this computer's PATH.")
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = url.password
    args = [pg_dump, "--format=custom", "--file", str(tmp), "--host", url.host or "localhost"]
    if url.port:
        args += ["--port", str(url.port)]
    if url.username:
        args += ["--username", url.username]
    args.append(url.database or "postgres")
    result = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        tmp.unlink(missing_ok=True)
        raise BackupError(
            "backup.pg_dump_failed", "pg_dump failed: {detail}", detail=result.stderr.strip()[-400:]
        )
    os.replace(tmp, dest)
    return dest


def backup(engine: Engine, dest: Path) -> Path:
    if engine.dialect.name == "sqlite":
        return backup_sqlite(engine, dest)
    return backup_postgres(engine, dest)


def restore_sqlite(backup_file: Path, database: Path) -> Path | None:
    """Put a backup in place of a (stopped) SQLite database. The current database is kept beside it
    as `<name>.replaced`, with every transaction still in its WAL folded in (a desk that crashed
    leaves committed work there); returns that copy, or None when there was no database."""
    check = sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True)
    try:
        ok = check.execute("PRAGMA integrity_check").fetchone()
    except sqlite3.DatabaseError:
        ok = None
    finally:
        check.close()
    if not ok or ok[0] != "ok":
        raise BackupError("backup.corrupt", "The backup {path} fails SQLite's integrity check.", path=str(backup_file))
    kept = _keep_current(database)
    shutil.copyfile(backup_file, database)
    return kept


def _sidecars(database: Path) -> list[Path]:
    return [Path(str(database) + suffix) for suffix in ("-wal", "-shm")]


def _keep_current(database: Path) -> Path | None:
    """Copy the current database, WAL included, to `<name>.replaced` through SQLite's backup API,
    then remove it. A database SQLite cannot read is kept file by file instead, WAL and all."""
    if not database.exists():
        for side in _sidecars(database):
            side.unlink(missing_ok=True)
        return None
    kept = database.with_name(database.name + ".replaced")
    tmp = kept.with_name(kept.name + ".part")
    tmp.unlink(missing_ok=True)
    try:
        with open(database, "rb") as fh:
            if fh.read(16) != b"SQLite format 3\x00":  # opening it could discard its WAL
                raise sqlite3.DatabaseError("not an SQLite database")
        source = sqlite3.connect(database, timeout=30)
        try:
            target = sqlite3.connect(tmp)
            try:
                source.backup(target)
            finally:
                target.close()
        finally:
            source.close()
    except sqlite3.DatabaseError as exc:
        log.warning("the database being replaced cannot be read (%s); its files are kept as they are", exc)
        tmp.unlink(missing_ok=True)
        os.replace(database, kept)
        for side, kept_side in zip(_sidecars(database), _sidecars(kept), strict=True):
            if side.exists():
                os.replace(side, kept_side)
        return kept
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, kept)
    for side in _sidecars(kept):
        side.unlink(missing_ok=True)
    database.unlink()
    for side in _sidecars(database):
        side.unlink(missing_ok=True)
    return kept


def backup_file_name(now: datetime, dialect: str) -> str:
    return f"venue-{now.strftime('%Y%m%dT%H%M%S')}.{'sqlite' if dialect == 'sqlite' else 'pgdump'}"


def rotate(engine: Engine, folder: Path, keep: int, now: datetime) -> Path:
    """One timestamped backup into `folder` (a second disk or a USB stick), keeping the newest `keep`."""
    dest = backup(engine, folder / backup_file_name(now, engine.dialect.name))
    old = sorted(p for p in folder.glob("venue-*.*") if not p.name.endswith(".part"))
    for stale in old[:-keep] if keep > 0 else []:
        stale.unlink(missing_ok=True)
    return dest


class BackupScheduler:
    """Backs the database up every `interval` to a second location, on its own thread, so that a
    failing disk on exam day loses at most minutes. Failures are logged and retried next round;
    `last_error` lets the GUI say so."""

    def __init__(self, engine: Engine, folder: Path, interval: timedelta, keep: int,
                 clock: Callable[[], datetime] = datetime.now) -> None:
        self._engine, self._folder, self._interval, self._keep, self._clock = engine, folder, interval, keep, clock
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="backup", daemon=True)
        self.last_backup: Path | None = None
        self.last_error: BaseException | None = None

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=30)

    def run_once(self) -> None:
        try:
            self.last_backup = rotate(self._engine, self._folder, self._keep, self._clock())
            self.last_error = None
        except Exception as exc:  # a full USB stick must not stop the venue; it is reported instead
            self.last_error = exc
            log.error("automatic backup to %s failed: %s", self._folder, exc)

    def _run(self) -> None:
        while not self._stop.wait(self._interval.total_seconds()):
            self.run_once()
