"""The database on both engines: migrations, pragmas, the append-only audit table."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from app.db.engine import make_engine
from app.db.migrate import current_revision, head_revision, needs_upgrade, upgrade

INSERT_EVENT = text(
    "INSERT INTO audit_event (id, at_utc, venue_time, desk, actor_name, action, entity_type, entity_id,"
    " reason, retention_class, prev_hash, hash) VALUES (:id, :at, 'x', 'desk', 'a', 'test', 'x', '1',"
    " '', 'electronic_5y', :prev, :hash)"
)


def _insert_event(engine: Engine) -> None:
    import uuid

    with engine.begin() as conn:
        conn.execute(
            INSERT_EVENT,
            {"id": uuid.uuid4().hex if engine.dialect.name == "sqlite" else uuid.uuid4(),
             "at": datetime.now(UTC).replace(tzinfo=None), "prev": "0" * 64, "hash": "1" * 64},
        )


def test_migrations_reach_head_on_both_engines(engine: Engine) -> None:
    assert current_revision(engine) == head_revision()
    assert not needs_upgrade(engine)
    assert {"candidate", "sitting", "seat_assignment", "audit_event", "custody_item"} <= set(
        inspect(engine).get_table_names()
    )


def test_art43_database_refuses_update_and_delete_of_audit_events(engine: Engine) -> None:
    _insert_event(engine)
    for statement in ("UPDATE audit_event SET reason = 'changed'", "DELETE FROM audit_event"):
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
            conn.execute(text(statement))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT reason FROM audit_event")).scalar_one() == ""


def test_sqlite_runs_with_wal_full_sync_and_foreign_keys(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'v.sqlite'}")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar_one() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1


def test_upgrade_of_an_existing_sqlite_file_keeps_a_copy_aside_first(tmp_path: Path) -> None:
    path = tmp_path / "v.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'older'")
    # An unknown older revision cannot be upgraded, but the copy must exist before any attempt.
    with pytest.raises(Exception):  # noqa: B017 - alembic's own error type for an unknown revision
        upgrade(engine, now=datetime(2026, 11, 28, 7, 0))
    copies = list(tmp_path.glob("v.before-upgrade-20261128T070000.sqlite"))
    assert len(copies) == 1


def test_a_new_sqlite_file_is_migrated_without_a_copy(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'fresh.sqlite'}")
    assert upgrade(engine) is None
    assert list(tmp_path.glob("*before-upgrade*")) == []
