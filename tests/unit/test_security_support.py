"""Helpers shared by the security, staff and keystore tests (no tests of its own).

Real databases (the `engine` fixture), cheap scrypt parameters so that a test logs in in
microseconds, and a clock the test moves by hand instead of sleeping.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from app.db.engine import make_session_factory
from app.db.models import AuditEvent, Staff, Venue
from app.domain import EmployerType, Role
from app.security.auth import AuthService, LockoutPolicy
from app.security.passwords import CredentialPolicy, ScryptParams

# n=16, r=1: the same code path as production, a million times cheaper.
CHEAP = CredentialPolicy(params=ScryptParams(n=16, r=1, p=1))
GOOD = "correct-horse-7"
DESK = "desk-door-07"


class FakeClock:
    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 5, 16, 0, 30, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def sessions(engine: Engine) -> sessionmaker[Session]:
    return make_session_factory(engine)


def add_venue(engine: Engine, code: str = "V-3701") -> uuid.UUID:
    with Session(engine) as s, s.begin():
        venue = Venue(code=code, name="济南第一中学考点")
        s.add(venue)
        s.flush()
        return venue.id


def add_staff(
    engine: Engine,
    venue_id: uuid.UUID,
    number: str,
    role: Role,
    *,
    credential: str | None = GOOD,
    active: bool = True,
    name: str | None = None,
) -> uuid.UUID:
    with Session(engine) as s, s.begin():
        staff = Staff(
            venue_id=venue_id, staff_number=number, name=name or f"staff {number}", role=role,
            employer_type=EmployerType.PUBLIC_INSTITUTION,
            credential_hash=CHEAP.hash(credential) if credential else "", active=active,
        )
        s.add(staff)
        s.flush()
        return staff.id


def auth_service(
    engine: Engine, clock: FakeClock, lockout: LockoutPolicy | None = None, policy: CredentialPolicy = CHEAP
) -> AuthService:
    return AuthService(sessions(engine), clock, policy, lockout)


def staff_row(engine: Engine, staff_id: uuid.UUID) -> Staff:
    with Session(engine, expire_on_commit=False) as s:
        staff = s.get(Staff, staff_id)
        assert staff is not None
        return staff


def audit_events(engine: Engine, action_prefix: str = "") -> list[AuditEvent]:
    with Session(engine, expire_on_commit=False) as s:
        events = s.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()
    return [e for e in events if e.action.startswith(action_prefix)]


def audit_text(engine: Engine) -> str:
    """Everything the audit trail holds, as one string, to prove what is *not* in it."""
    return json.dumps(
        [[e.action, e.entity_id, e.actor_name, e.before_json, e.after_json, e.reason] for e in audit_events(engine)],
        ensure_ascii=False,
    )
