"""Schema migrations (Alembic) and the safety copy taken before them."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

MIGRATIONS = Path(__file__).with_name("migrations")


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def needs_upgrade(engine: Engine) -> bool:
    return current_revision(engine) != head_revision()


def sqlite_path(engine: Engine) -> Path | None:
    url = make_url(str(engine.url))
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def copy_aside(engine: Engine, now: datetime) -> Path | None:
    """Before a migration touches an existing SQLite file, keep a consistent copy beside it."""
    path = sqlite_path(engine)
    if path is None or not path.exists() or current_revision(engine) is None:
        return None
    from app.db.backup import backup_sqlite  # the online backup API: safe with WAL and open readers

    stamp = now.strftime("%Y%m%dT%H%M%S")
    dest = path.with_name(f"{path.stem}.before-upgrade-{stamp}{path.suffix}")
    backup_sqlite(engine, dest)
    return dest


def upgrade(engine: Engine, now: datetime | None = None) -> Path | None:
    """Bring the schema to the newest revision. Returns the safety copy taken, if any."""
    if not needs_upgrade(engine):
        return None
    copy = copy_aside(engine, now or datetime.now())
    config = _config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    return copy


__all__ = ["copy_aside", "current_revision", "head_revision", "needs_upgrade", "upgrade"]
