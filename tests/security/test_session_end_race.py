"""Art. 42: once a staff member is deactivated, nothing more is recorded in their name. On a shared
PostgreSQL database a desk's decision can be under way at that very moment: its session check has
passed and its transaction is still open. The deactivation must then wait for that decision to end
(the check reads the staff row FOR SHARE), so no admission is ever committed after the moment the
session ended. Without the lock the UPDATE passes at once and the decision commits afterwards."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import text, update
from sqlalchemy.exc import OperationalError

from app.db.engine import make_engine, make_session_factory
from app.db.models import Staff, Venue
from app.domain import EmployerType, Role
from app.security.auth import StaffSession, session_is_current

pytestmark = pytest.mark.postgres


def _deactivate(staff_id: uuid.UUID) -> object:
    return (update(Staff).where(Staff.id == staff_id)
            .values(active=False, session_epoch=Staff.session_epoch + 1))


def test_art42_a_deactivation_waits_for_the_decision_already_under_way(pg_url: str) -> None:
    engine = make_engine(pg_url)
    sessions = make_session_factory(engine)
    venue_id, staff_id = uuid.uuid4(), uuid.uuid4()
    with sessions() as s, s.begin():
        s.add(Venue(id=venue_id, code="V1", name="venue"))
        s.flush()
        s.add(Staff(id=staff_id, venue_id=venue_id, staff_number="T1", name="周玲月", role=Role.INVIGILATOR,
                    employer_type=EmployerType.PUBLIC_INSTITUTION, credential_hash="x"))
    user = StaffSession(staff_id, "T1", "周玲月", Role.INVIGILATOR, venue_id, "1号检录台", datetime.now(UTC))

    deciding = sessions()
    deciding.begin()
    assert session_is_current(deciding, user)  # the decision's check passed; it has not committed yet

    with sessions() as s:
        s.begin()
        s.execute(text("SET LOCAL lock_timeout = '300ms'"))
        with pytest.raises(OperationalError, match="lock timeout"):
            s.execute(_deactivate(staff_id))
        s.rollback()

    deciding.commit()  # the decision ends: the deactivation goes through now
    deciding.close()
    with sessions() as s, s.begin():
        s.execute(text("SET LOCAL lock_timeout = '5s'"))
        s.execute(_deactivate(staff_id))
    with sessions() as s, s.begin():
        assert not session_is_current(s, user)
    engine.dispose()
