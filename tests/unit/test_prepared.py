"""The check-in path's prepared statements (app/db/prepared.py) promise what SQLAlchemy's execution
promised: the same values in and out as the column types convert them, a column default computed
for every row, an IntegrityError still an IntegrityError, a read-only or full database explained in
a sentence, and the data kind of every write noted for the screens. On PostgreSQL the same calls
run as Core statements and give the same answers."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from typing import Any, cast

import pytest
from sqlalchemy import Engine, Table, bindparam, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from app.changes import DataKind, recording
from app.db.engine import make_session_factory
from app.db.models import Staff, Venue
from app.db.prepared import Prepared
from app.domain import EmployerType, Role
from app.errors import VenueError

_STAFF = cast(Table, Staff.__table__)
INSERT_STAFF = Prepared(insert(_STAFF))
STAFF_ROW = Prepared(select(Staff.id, Staff.role, Staff.active, Staff.session_epoch, Staff.locked_until,
                            Staff.employer_type, Staff.trained).where(Staff.staff_number == bindparam("number")))
RETURNING = Prepared(insert(_STAFF).returning(_STAFF.c.id, _STAFF.c.role))


@pytest.fixture
def sessions(engine: Engine) -> Iterator[sessionmaker[Session]]:
    factory = make_session_factory(engine)
    with factory() as s, s.begin():
        s.add(Venue(id=uuid.uuid4(), code="V1", name="venue"))
    yield factory


def _venue(s: Session) -> uuid.UUID:
    return s.scalars(select(Venue.id)).one()


def _staff(s: Session, number: str, **extra: Any) -> dict[str, Any]:
    return {"venue_id": _venue(s), "staff_number": number, "name": "周玲月", "role": Role.INVIGILATOR,
            "employer_type": EmployerType.PUBLIC_INSTITUTION, "credential_hash": "x", **extra}


def test_values_go_in_and_come_out_as_the_column_types_convert_them(sessions: sessionmaker[Session]) -> None:
    locked = datetime(2026, 12, 2, 8, 25, 30, 123456, tzinfo=timezone(timedelta(hours=8)))
    with sessions() as s, s.begin():
        INSERT_STAFF.insert(s, _staff(s, "T1", locked_until=locked, trained=True))
    with sessions() as s, s.begin():
        row = STAFF_ROW.first(s, {"number": "T1"})
        orm = s.scalars(select(Staff).where(Staff.staff_number == "T1")).one()
    assert row is not None
    staff_id, role, active, epoch, locked_until, employer_type, trained = row
    assert (staff_id, role, active, epoch, employer_type, trained) == (
        orm.id, Role.INVIGILATOR, True, 0, EmployerType.PUBLIC_INSTITUTION, True)
    assert isinstance(staff_id, uuid.UUID) and isinstance(role, Role) and active is True and trained is True
    assert locked_until == locked and locked_until.utcoffset() == timedelta(0)  # the same instant, in UTC
    assert locked_until == orm.locked_until


def test_a_column_default_is_computed_for_every_row_not_once(sessions: sessionmaker[Session]) -> None:
    with sessions() as s, s.begin():
        for number in ("T1", "T2", "T3"):
            INSERT_STAFF.insert(s, _staff(s, number))  # no id: the column's default (a new uuid) each time
    with sessions() as s:
        ids = s.scalars(select(Staff.id)).all()
    assert len(set(ids)) == 3


def test_insert_returning_gives_the_row_and_nothing_is_missing(sessions: sessionmaker[Session]) -> None:
    with sessions() as s, s.begin():
        rows = RETURNING.rows(s, _staff(s, "T1"))
    assert len(rows) == 1 and isinstance(rows[0][0], uuid.UUID) and rows[0][1] is Role.INVIGILATOR
    assert STAFF_ROW.first(sessions(), {"number": "nobody"}) is None


def test_a_duplicate_is_still_an_integrity_error_and_rolls_back_the_whole_transaction(
        sessions: sessionmaker[Session]) -> None:
    with pytest.raises(IntegrityError), sessions() as s, s.begin():
        INSERT_STAFF.insert(s, _staff(s, "T9"))
        INSERT_STAFF.insert(s, _staff(s, "T9"))  # staff_number is unique
    with sessions() as s:
        assert s.scalars(select(Staff.staff_number)).all() == []


def test_a_write_notes_its_data_kind_for_the_screens(sessions: sessionmaker[Session]) -> None:
    with recording() as kinds, sessions() as s, s.begin():
        STAFF_ROW.first(s, {"number": "T1"})
    assert DataKind.STAFF not in kinds  # a read changes nothing
    with recording() as kinds, sessions() as s, s.begin():
        INSERT_STAFF.insert(s, _staff(s, "T1"))
    assert DataKind.STAFF in kinds


def test_a_read_only_database_is_said_in_a_sentence_and_nothing_is_written(
        sessions: sessionmaker[Session], db_url: str) -> None:
    if not db_url.startswith("sqlite"):
        pytest.skip("the driver's cursor is SQLite's; PostgreSQL runs the Core statement")
    with pytest.raises(VenueError) as caught, sessions() as s, s.begin():
        row = _staff(s, "T1")
        s.connection().connection.driver_connection.execute("PRAGMA query_only=ON")  # as a read-only file refuses
        try:
            INSERT_STAFF.insert(s, row)
        finally:
            s.connection().connection.driver_connection.execute("PRAGMA query_only=OFF")
    assert caught.value.code == "db.read_only"
    with sessions() as s:
        assert s.scalars(select(Staff.staff_number)).all() == []


def test_a_naive_time_is_refused_as_the_column_type_refuses_it(sessions: sessionmaker[Session]) -> None:
    with pytest.raises(Exception, match="naive datetime"), sessions() as s, s.begin():
        INSERT_STAFF.insert(s, _staff(s, "T1", locked_until=datetime(2026, 12, 2, 8, 25)))
    with sessions() as s:
        assert s.scalars(select(Staff.staff_number)).all() == []
