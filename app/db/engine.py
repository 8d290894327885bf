"""Engines and sessions for SQLite (the embedded default) and PostgreSQL (a shared venue database)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from app.errors import DatabaseUnreachable
from app.failures import explain_database_failure


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine set up for exam-day safety.

    SQLite: WAL (desks read while one writes), synchronous=FULL (a power cut loses no committed
    admission), foreign keys on, and every transaction begun IMMEDIATE so a read-then-write
    (the audit chain's previous hash, one admission per candidate) cannot interleave with another
    writer and fail late with SQLITE_BUSY.
    """
    if is_sqlite(url):
        engine = create_engine(url, connect_args={"timeout": 30}, **kwargs)
        _configure_sqlite(engine)
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


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control from the sqlite3 module so that BEGIN IMMEDIATE below is ours.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # A read-only session (read_session_factory) begins DEFERRED: under WAL it neither waits
        # for nor holds up a writer, so a desk's counters never delay the next admission.
        reading = conn.get_execution_options().get(READ_ONLY, False)
        conn.exec_driver_sql("BEGIN" if reading else "BEGIN IMMEDIATE")


READ_ONLY = "venue_read_only"


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def read_session_factory(sessions: sessionmaker[Session]) -> sessionmaker[Session]:
    """Sessions on the same engine for queries that write nothing (lists, counters, search)."""
    bind = sessions.kw["bind"]
    return sessionmaker(bind.execution_options(**{READ_ONLY: True}), expire_on_commit=False)


__all__ = ["DatabaseUnreachable"]  # it moved to app.errors (ui reads it without app.db)
