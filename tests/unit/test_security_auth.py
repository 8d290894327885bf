"""Login and lockout (art. 51), audited (art. 42–43), on real SQLite and PostgreSQL databases."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import Engine

from app.db.engine import make_engine
from app.domain import Role
from app.errors import VenueError
from app.security.auth import LockoutPolicy
from app.security.passwords import CredentialPolicy, ScryptParams
from tests.unit.test_security_support import (
    CHEAP,
    DESK,
    GOOD,
    FakeClock,
    add_staff,
    add_venue,
    audit_events,
    audit_text,
    auth_service,
    staff_row,
)


def _refusal(fn: object, *args: object) -> VenueError:
    with pytest.raises(VenueError) as err:
        fn(*args)  # type: ignore[operator]
    return err.value


def test_art51_login_opens_a_session_and_is_audited_without_the_credential(engine: Engine) -> None:
    venue = add_venue(engine)
    staff_id = add_staff(engine, venue, "J0701", Role.INVIGILATOR, name="监考 张")
    clock = FakeClock()
    session = auth_service(engine, clock).login(" J0701 ", GOOD, DESK)
    assert (session.staff_id, session.role, session.desk, session.started_at) == (
        staff_id, Role.INVIGILATOR, DESK, clock.now,
    )
    [event] = audit_events(engine, "auth.")
    assert (event.action, event.actor_name, event.desk, event.entity_id) == ("auth.login", "监考 张", DESK, str(staff_id))
    assert GOOD not in audit_text(engine)


def test_art51_unknown_staff_number_is_refused_exactly_like_a_wrong_credential_and_audited(engine: Engine) -> None:
    venue = add_venue(engine)
    add_staff(engine, venue, "J0701", Role.INVIGILATOR)
    auth = auth_service(engine, FakeClock())
    unknown = _refusal(auth.login, "J9999", GOOD, DESK)
    wrong = _refusal(auth.login, "J0701", "wrong-credential", DESK)
    assert (unknown.code, unknown.params, str(unknown)) == (wrong.code, wrong.params, str(wrong))
    assert unknown.code == "auth.bad_credentials"
    failures = audit_events(engine, "auth.login_failed")
    assert (failures[0].entity_id, failures[0].reason) == ("J9999", "unknown staff number")
    assert len(failures) == 2
    assert "wrong-credential" not in audit_text(engine)


def test_art51_five_consecutive_failures_lock_the_account_for_five_minutes(engine: Engine) -> None:
    venue = add_venue(engine)
    staff_id = add_staff(engine, venue, "J0701", Role.INVIGILATOR)
    clock = FakeClock()
    auth = auth_service(engine, clock)
    for _ in range(4):
        assert _refusal(auth.login, "J0701", "wrong-credential", DESK).code == "auth.bad_credentials"
    locked = _refusal(auth.login, "J0701", "wrong-credential", DESK)
    assert locked.code == "auth.locked"
    assert locked.params["minutes"] == 5 and locked.params["until"] == clock.now.replace(minute=35)
    assert [e.action for e in audit_events(engine, "auth.lockout")] == ["auth.lockout"]

    # Even the right credential is refused while locked, with the time that remains.
    clock.advance(minutes=2)
    still = _refusal(auth.login, "J0701", GOOD, DESK)
    assert (still.code, still.params["minutes"], still.params["seconds"]) == ("auth.locked", 3, 180)
    assert audit_events(engine)[-1].action == "auth.login_refused_locked"

    clock.advance(minutes=3)
    assert auth.login("J0701", GOOD, DESK).staff_id == staff_id
    row = staff_row(engine, staff_id)
    assert (row.failed_logins, row.locked_until) == (0, None)


def test_art51_lockout_is_kept_in_the_staff_row_and_survives_a_restart(engine: Engine) -> None:
    venue = add_venue(engine)
    staff_id = add_staff(engine, venue, "J0701", Role.INVIGILATOR)
    clock = FakeClock()
    first_run = auth_service(engine, clock, LockoutPolicy(max_failures=3))
    for _ in range(3):
        _refusal(first_run.login, "J0701", "wrong-credential", DESK)
    assert staff_row(engine, staff_id).locked_until == clock.now.replace(minute=35)

    # A new engine and a new service: what a restarted program (or another desk) sees.
    restarted = make_engine(engine.url.render_as_string(hide_password=False))
    try:
        clock.advance(minutes=4)
        refusal = _refusal(auth_service(restarted, clock).login, "J0701", GOOD, DESK)
    finally:
        restarted.dispose()
    assert refusal.code == "auth.locked"


def test_lockout_threshold_and_duration_are_configurable(engine: Engine) -> None:
    venue = add_venue(engine)
    add_staff(engine, venue, "J0701", Role.INVIGILATOR)
    clock = FakeClock()
    auth = auth_service(engine, clock, LockoutPolicy(max_failures=2, lock_for=timedelta(minutes=1)))
    _refusal(auth.login, "J0701", "wrong-credential", DESK)
    assert _refusal(auth.login, "J0701", "wrong-credential", DESK).params["seconds"] == 60
    clock.advance(seconds=61)
    assert auth.login("J0701", GOOD, DESK).staff_number == "J0701"


def test_a_successful_login_resets_the_failure_count(engine: Engine) -> None:
    venue = add_venue(engine)
    add_staff(engine, venue, "J0701", Role.INVIGILATOR)
    auth = auth_service(engine, FakeClock())
    for _ in range(4):
        _refusal(auth.login, "J0701", "wrong-credential", DESK)
    auth.login("J0701", GOOD, DESK)
    for _ in range(4):
        assert _refusal(auth.login, "J0701", "wrong-credential", DESK).code == "auth.bad_credentials"


def test_inactive_staff_is_refused_and_told_so_only_after_the_right_credential(engine: Engine) -> None:
    venue = add_venue(engine)
    add_staff(engine, venue, "J0701", Role.INVIGILATOR, active=False)
    auth = auth_service(engine, FakeClock())
    assert _refusal(auth.login, "J0701", "wrong-credential", DESK).code == "auth.bad_credentials"
    assert _refusal(auth.login, "J0701", GOOD, DESK).code == "auth.inactive"
    assert audit_events(engine)[-1].action == "auth.login_refused_inactive"


def test_staff_member_without_a_credential_cannot_log_in(engine: Engine) -> None:
    venue = add_venue(engine)
    add_staff(engine, venue, "J0701", Role.INVIGILATOR, credential=None)
    auth = auth_service(engine, FakeClock())
    assert _refusal(auth.login, "J0701", "", DESK).code == "auth.bad_credentials"
    assert audit_events(engine)[-1].reason == "no credential set"


def test_login_rehashes_a_credential_stored_with_older_parameters(engine: Engine) -> None:
    venue = add_venue(engine)
    staff_id = add_staff(engine, venue, "J0701", Role.INVIGILATOR)  # hashed with n=16
    stronger = CredentialPolicy(params=ScryptParams(n=32, r=1, p=1))
    auth_service(engine, FakeClock(), policy=stronger).login("J0701", GOOD, DESK)
    stored = staff_row(engine, staff_id).credential_hash
    assert stored.split("$")[1] == "32"
    assert CHEAP.verify(GOOD, stored)


def test_logout_is_audited(engine: Engine) -> None:
    venue = add_venue(engine)
    add_staff(engine, venue, "J0701", Role.INVIGILATOR)
    auth = auth_service(engine, FakeClock())
    auth.logout(auth.login("J0701", GOOD, DESK), reason="end of sitting")
    assert [e.action for e in audit_events(engine)] == ["auth.login", "auth.logout"]
