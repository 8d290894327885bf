"""Engines and sessions for SQLite (the embedded default) and PostgreSQL (a shared venue database)."""

from __future__ import annotations

import logging
import sqlite3
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from app.db.prepared import driver_failure
from app.errors import DatabaseUnreachable
from app.failures import explain_database_failure


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine set up for exam-day safety.

    SQLite: WAL (desks read while one writes), synchronous=FULL (a power cut loses no committed
    admission), foreign keys on, and every transaction begun IMMEDIATE so a read-then-write
    (the audit chain's previous hash, one admission per candidate) cannot interleave with another
    writer and fail late with SQLITE_BUSY. The WAL is copied back into the database file off the
    writer's path (`WalCheckpointer`).
    """
    if is_sqlite(url):
        engine = create_engine(url, connect_args={"timeout": 30}, **kwargs)
        database = make_url(url).database
        file = database if database and database != ":memory:" and not database.startswith("file:") else None
        _configure_sqlite(engine, WalCheckpointer(Path(file)) if file else None)
    else:
        engine = create_engine(url, pool_pre_ping=True, **kwargs)
    _explain_failures(engine, make_url(url).database or url)
    return engine


def _explain_failures(engine: Engine, place: str) -> None:
    """A full disk, a read-only or a damaged database reaches the caller as the sentence that says
    so (app.failures), not as a driver's OperationalError."""

    @event.listens_for(engine, "handle_error")
    def _on_error(context: Any) -> BaseException | None:
        explained = explain_database_failure(context.original_exception, place)
        return explained


log = logging.getLogger(__name__)

# One thread for the whole process, started on first use: a checkpoint is a few milliseconds of I/O
# (after the wait for its database's writers to pause).
_CHECKPOINTS = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sqlite-checkpoint")


class WalCheckpointer:
    """Copies the WAL back into the database file (a PASSIVE checkpoint) on a background thread,
    on a connection of its own, once the writers have paused for `quiet_s` (a desk between two
    candidates), or after `most_writes` write transactions with no such pause.

    SQLite's own automatic checkpoint runs inside the commit that crosses its page limit: the desk
    whose admission that is waits for the copy and its fsync. A checkpoint running beside a commit
    costs that commit too: the copy's writes into a large database file and its fsync share the
    disk's flush with the commit's (issue 12: with a checkpoint every 32 writes the check-in's p99
    was 6.1 ms, 4–6 ms of it in COMMIT, against 2.3 ms for a bare commit of the same pages).
    Waiting for a pause keeps the copy out of every candidate's way; between copies the WAL is
    reused from its start, so it stops growing after the first. SQLite's limit (BACKSTOP_PAGES)
    stays as the backstop. Durability is unchanged: a commit is durable once its WAL frames are
    synced (synchronous=FULL), whenever the checkpoint runs; a PASSIVE checkpoint waits for nobody
    and nobody waits for it."""

    def __init__(self, path: Path, quiet_s: float = 0.5, most_writes: int = 256) -> None:
        self._uri = f"{path.resolve().as_uri()}?mode=rw"  # never creates a database
        self._quiet_s = quiet_s
        self._most_writes = most_writes
        self._writes = 0  # approximate across threads: it only paces the checkpoints
        self._copied_at = 0  # `_writes` when the last checkpoint began
        self._last_write = 0.0
        self._pending = False

    def wrote(self) -> None:
        """A write transaction began."""
        self._writes += 1
        self._last_write = time.monotonic()
        if not self._pending:
            self._pending = True
            _CHECKPOINTS.submit(self._when_quiet)

    def _when_quiet(self) -> None:
        while True:
            idle = time.monotonic() - self._last_write
            if idle >= self._quiet_s or self._writes - self._copied_at >= self._most_writes:
                break
            time.sleep(max(0.005, self._quiet_s - idle))
        self._copied_at = self._writes
        self._pending = False  # a write from now on asks for the next one
        self.checkpoint()

    def checkpoint(self) -> None:
        try:
            db = sqlite3.connect(self._uri, uri=True, timeout=0, isolation_level=None)
            try:
                db.execute("PRAGMA synchronous=FULL")  # the checkpoint syncs the database file
                db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
            finally:
                db.close()
        except sqlite3.Error as exc:  # e.g. the file was removed meanwhile: the next one tries again
            log.debug("background checkpoint of %s skipped: %s", self._uri, exc)


# SQLite's own checkpoint, inside a commit, only if the background one has not run for this many
# WAL pages (32 MB: ~350 admissions with no pause of half a second between them).
BACKSTOP_PAGES = 8192


def _configure_sqlite(engine: Engine, checkpointer: WalCheckpointer | None) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control from the sqlite3 module so that BEGIN IMMEDIATE below is ours.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        if checkpointer is not None:
            cursor.execute(f"PRAGMA wal_autocheckpoint={BACKSTOP_PAGES}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # A read-only session (read_session_factory) begins DEFERRED: under WAL it neither waits
        # for nor holds up a writer, so a desk's counters never delay the next admission.
        reading = conn.get_execution_options().get(READ_ONLY, False)
        begin = "BEGIN" if reading else "BEGIN IMMEDIATE"
        try:  # on the driver's connection: through exec_driver_sql it cost a check-in 80 µs (issue 12)
            conn.connection.driver_connection.execute(begin)
        except sqlite3.Error as exc:  # e.g. still locked after busy_timeout, or a full disk
            raise driver_failure(exc, begin, (), conn.engine.url.database or "") from exc
        if checkpointer is not None and not reading:
            checkpointer.wrote()


READ_ONLY = "venue_read_only"


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def read_session_factory(sessions: sessionmaker[Session]) -> sessionmaker[Session]:
    """Sessions on the same engine for queries that write nothing (lists, counters, search)."""
    bind = sessions.kw["bind"]
    return sessionmaker(bind.execution_options(**{READ_ONLY: True}), expire_on_commit=False)


__all__ = ["DatabaseUnreachable"]  # it moved to app.errors (ui reads it without app.db)
