"""Shared fixtures.

Qt runs offscreen. Database tests run on a real SQLite file and, where
VENUE_TEST_POSTGRES_URL names a server, on a real PostgreSQL database made for the
test from a migrated template. VENUE_REQUIRE_POSTGRES=1 (CI) turns a missing server
into a failure instead of a skip.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from app.db.engine import make_engine
from app.db.migrate import upgrade

PG_URL = os.environ.get("VENUE_TEST_POSTGRES_URL", "")
PG_REQUIRED = os.environ.get("VENUE_REQUIRE_POSTGRES") == "1"


def _admin_engine() -> Engine:
    return create_engine(PG_URL, isolation_level="AUTOCOMMIT")


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    """A migrated PostgreSQL database used as the template of each test's database."""
    if not PG_URL:
        if PG_REQUIRED:
            pytest.fail("VENUE_REQUIRE_POSTGRES=1 but VENUE_TEST_POSTGRES_URL is not set")
        pytest.skip("no PostgreSQL server (set VENUE_TEST_POSTGRES_URL)")
    name = f"venue_tpl_{uuid.uuid4().hex[:8]}"
    admin = _admin_engine()
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine = make_engine(make_url(PG_URL).set(database=name).render_as_string(hide_password=False))
    upgrade(engine)
    engine.dispose()
    yield name
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def new_pg_database(template: str) -> str:
    name = f"venue_t_{uuid.uuid4().hex[:10]}"
    admin = _admin_engine()
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    admin.dispose()
    return make_url(PG_URL).set(database=name).render_as_string(hide_password=False)


def drop_pg_database(url: str) -> None:
    admin = _admin_engine()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'venue.sqlite'}"


@pytest.fixture
def pg_url(pg_template: str) -> Iterator[str]:
    url = new_pg_database(pg_template)
    yield url
    drop_pg_database(url)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated once per run; each test gets a byte copy (migrating costs ~0.5 s a test)."""
    path = tmp_path_factory.mktemp("template") / "venue.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()  # the last connection closing folds the WAL into the file
    assert not path.with_name(path.name + "-wal").exists()
    return path


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A migrated database of each engine: the same test runs on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        target = tmp_path / "venue.sqlite"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), target)
        os.chmod(target, 0o600)  # as the application writes its files
        return f"sqlite:///{target}"
    pg: str = request.getfixturevalue("pg_url")
    return pg


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    eng = make_engine(db_url)
    yield eng
    eng.dispose()
