"""Art. 42, the two-person rule, attacked: a confirmation reused for another action or record,
spent twice, or kept past two minutes; a chief who resets an invigilator's credential and then
cosigns as them; a session that outlives its staff member's deactivation or reset."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import Engine

from app.domain import Role
from app.errors import VenueError
from app.security.auth import AuthService, StaffSession
from app.security.permissions import Permission
from app.security.two_person import TwoPersonRule
from app.services.staff import StaffService
from tests.unit.test_security_support import (
    CHEAP,
    DESK,
    GOOD,
    FakeClock,
    add_staff,
    add_venue,
    audit_events,
    sessions,
)

RESET = "reset-by-chief-31"


class Ticks:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _day(engine: Engine) -> tuple[AuthService, StaffService, TwoPersonRule, Ticks, dict[str, uuid.UUID]]:
    venue = add_venue(engine)
    ids = {n: add_staff(engine, venue, n, r) for n, r in (
        ("Z0001", Role.CHIEF_EXAMINER), ("F0001", Role.DEPUTY), ("J0701", Role.INVIGILATOR),
        ("J0702", Role.INVIGILATOR))}
    clock = FakeClock()
    auth = AuthService(sessions(engine), clock, CHEAP)
    ticks = Ticks()
    return auth, StaffService(sessions(engine), clock, CHEAP, auth), TwoPersonRule(auth, ticks), ticks, ids


def _code(fn: object, *args: object, **kwargs: object) -> str:
    with pytest.raises(VenueError) as err:
        fn(*args, **kwargs)  # type: ignore[operator]
    return err.value.code


def test_art42_confirmation_for_one_action_is_refused_for_another_and_for_another_record(engine: Engine) -> None:
    auth, _staff, rule, _ticks, _ids = _day(engine)
    me = auth.login("J0701", GOOD, DESK)
    candidate, other = uuid.uuid4(), uuid.uuid4()
    ok = rule.confirm(me, "J0702", GOOD, Permission.CONFIRM_CHECK, action="checkin.admit_after_check", entity=candidate)
    assert _code(ok.redeem, "incident.refused_to_sign", candidate) == "two_person.mismatch"
    assert _code(ok.redeem, "checkin.admit_after_check", other) == "two_person.mismatch"
    ok.redeem("checkin.admit_after_check", candidate)  # the refusals above did not spend it


def test_art42_confirmation_is_used_once(engine: Engine) -> None:
    auth, _staff, rule, _ticks, _ids = _day(engine)
    me = auth.login("J0701", GOOD, DESK)
    ok = rule.confirm(me, "J0702", GOOD, Permission.CONFIRM_CHECK, action="a", entity="e")
    ok.redeem("a", "e")
    assert _code(ok.redeem, "a", "e") == "two_person.used"


def test_art42_confirmation_lapses_after_two_minutes(engine: Engine) -> None:
    auth, _staff, rule, ticks, _ids = _day(engine)
    me = auth.login("J0701", GOOD, DESK)
    fresh = rule.confirm(me, "J0702", GOOD, Permission.CONFIRM_CHECK, action="a", entity="e")
    stale = rule.confirm(me, "J0702", GOOD, Permission.CONFIRM_CHECK, action="a", entity="e")
    ticks.now += 119
    fresh.redeem("a", "e")
    ticks.now += 2
    assert _code(stale.redeem, "a", "e") == "two_person.expired"


def test_art42_chief_who_reset_an_invigilators_credential_cannot_cosign_as_them(engine: Engine) -> None:
    auth, staff, rule, _ticks, ids = _day(engine)
    chief = auth.login("Z0001", GOOD, DESK)
    staff.set_credential(chief, ids["J0702"], RESET, reason="forgot it")
    me = auth.login("J0701", GOOD, DESK)
    assert _code(rule.confirm, me, "J0702", RESET, Permission.CONFIRM_CHECK, action="a", entity="e") \
        == "auth.credential_reset_pending"
    assert audit_events(engine, "auth.cosign_refused_reset")
    # Once the invigilator sets their own, they confirm again.
    own = auth.login("J0702", RESET, DESK)
    staff.change_own_credential(own, RESET, "my-own-secret-42")
    rule.confirm(me, "J0702", "my-own-secret-42", Permission.CONFIRM_CHECK, action="a", entity="e")


def test_art42_a_staff_member_with_a_reset_credential_cannot_start_a_two_person_action(engine: Engine) -> None:
    auth, staff, rule, _ticks, ids = _day(engine)
    staff.set_credential(auth.login("Z0001", GOOD, DESK), ids["J0701"], RESET, reason="forgot it")
    me = auth.login("J0701", RESET, DESK)
    assert _code(rule.confirm, me, "J0702", GOOD, Permission.CONFIRM_CHECK, action="a", entity="e") \
        == "auth.credential_reset_pending"


@pytest.mark.parametrize("how", ["deactivate", "reset"])
def test_art51_deactivation_or_reset_ends_open_sessions_at_once(engine: Engine, how: str) -> None:
    auth, staff, rule, _ticks, ids = _day(engine)
    chief = auth.login("Z0001", GOOD, DESK)
    open_session: StaffSession = auth.login("J0701", GOOD, DESK)
    assert auth.session_valid(open_session)
    if how == "deactivate":
        staff.set_active(chief, ids["J0701"], False, reason="stood down")
    else:
        staff.set_credential(chief, ids["J0701"], RESET, reason="card lost")
    assert not auth.session_valid(open_session)
    assert _code(auth.ensure_session, open_session) == "auth.session_ended"
    assert _code(rule.confirm, open_session, "J0702", GOOD, Permission.CONFIRM_CHECK, action="a", entity="e") \
        == "auth.session_ended"
    if how == "deactivate":  # reactivating does not bring the old session back
        staff.set_active(chief, ids["J0701"], True, reason="back on duty")
        assert not auth.session_valid(open_session)
        assert auth.session_valid(auth.login("J0701", GOOD, DESK))
