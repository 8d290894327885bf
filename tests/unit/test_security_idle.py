"""The idle lock of a desk (art. 47–48, 51): time comes from an injected clock, never sleep()."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from sqlalchemy import Engine

from app.domain import Role
from app.errors import VenueError
from app.security.auth import StaffSession
from app.security.idle import IdleLock, IdlePolicy
from tests.unit.test_security_support import (
    DESK,
    GOOD,
    FakeClock,
    add_staff,
    add_venue,
    audit_events,
    auth_service,
)


class RefusingAuth:
    """For the pure timing tests: any unlock attempt is a test failure."""

    def reauthenticate(self, current: StaffSession, credential: str, *, purpose: str = "unlock") -> StaffSession:
        raise AssertionError("no unlock expected")


def _pure_lock(clock: FakeClock, policy: IdlePolicy | None = None) -> IdleLock:
    staff = StaffSession(uuid.uuid4(), "J0701", "监考 张", Role.INVIGILATOR, uuid.uuid4(), DESK, clock.now)
    return IdleLock(staff, RefusingAuth(), clock, policy)


def test_art51_desk_locks_after_ten_idle_minutes_by_default() -> None:
    clock = FakeClock()
    lock = _pure_lock(clock)
    clock.advance(minutes=9, seconds=59)
    assert not lock.poll() and lock.remaining() == timedelta(seconds=1)
    clock.advance(seconds=1)
    assert lock.poll() and lock.locked
    with pytest.raises(VenueError) as err:
        lock.require_unlocked()
    assert err.value.code == "auth.desk_locked"


def test_activity_postpones_the_lock_and_the_idle_period_is_configurable() -> None:
    clock = FakeClock()
    lock = _pure_lock(clock, IdlePolicy(idle_after=timedelta(minutes=3)))
    clock.advance(minutes=2)
    lock.activity()
    clock.advance(minutes=2)
    assert not lock.poll()
    assert lock.lock_due_at() == clock.now + timedelta(minutes=1)
    clock.advance(minutes=1)
    assert lock.poll()


def test_activity_on_a_locked_desk_does_not_open_it() -> None:
    clock = FakeClock()
    lock = _pure_lock(clock)
    lock.lock()
    lock.activity()
    assert lock.poll() and lock.remaining() == timedelta(0)


def test_wall_clock_set_back_restarts_the_idle_period_rather_than_extending_it() -> None:
    clock = FakeClock()
    lock = _pure_lock(clock)
    clock.advance(hours=-1)
    assert lock.remaining() == timedelta(minutes=10)
    clock.advance(minutes=10)
    assert lock.poll()


def test_art51_unlock_needs_the_same_staff_members_credential(engine: Engine) -> None:
    venue = add_venue(engine)
    add_staff(engine, venue, "J0701", Role.INVIGILATOR)
    add_staff(engine, venue, "J0702", Role.INVIGILATOR, credential="other-person-9")
    clock = FakeClock()
    auth = auth_service(engine, clock)
    lock = IdleLock(auth.login("J0701", GOOD, DESK), auth, clock)
    clock.advance(minutes=10)
    assert lock.poll()
    # The colleague's own credential does not open a desk held by J0701.
    with pytest.raises(VenueError) as err:
        lock.unlock("other-person-9")
    assert err.value.code == "auth.bad_credentials" and lock.locked
    fresh = lock.unlock(GOOD)
    assert not lock.locked and fresh.staff_number == "J0701"
    assert lock.remaining() == timedelta(minutes=10)
    assert [e.action for e in audit_events(engine)] == ["auth.login", "auth.unlock_failed", "auth.unlock"]


def test_art51_failed_unlocks_count_toward_the_same_lockout_as_logins(engine: Engine) -> None:
    venue = add_venue(engine)
    add_staff(engine, venue, "J0701", Role.INVIGILATOR)
    clock = FakeClock()
    auth = auth_service(engine, clock)
    lock = IdleLock(auth.login("J0701", GOOD, DESK), auth, clock)
    lock.lock()
    codes = []
    for _ in range(5):
        with pytest.raises(VenueError) as err:
            lock.unlock("wrong-credential")
        codes.append(err.value.code)
    assert codes == ["auth.bad_credentials"] * 4 + ["auth.locked"]
    with pytest.raises(VenueError) as err:
        auth.login("J0701", GOOD, DESK)
    assert err.value.code == "auth.locked"
