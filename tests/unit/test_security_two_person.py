"""The two-person rule (AB角制, art. 42), on real SQLite and PostgreSQL databases."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from app.db.types import utcnow
from app.domain import Role
from app.errors import VenueError
from app.security.auth import AuthService, StaffSession
from app.security.permissions import Permission
from app.security.two_person import TwoPersonRule
from app.services import audit
from tests.unit.test_security_support import (
    DESK,
    GOOD,
    FakeClock,
    add_staff,
    add_venue,
    audit_events,
    auth_service,
)

SECOND = "second-person-9"


def _setup(engine: Engine) -> tuple[TwoPersonRule, AuthService]:
    venue = add_venue(engine)
    add_staff(engine, venue, "Z0001", Role.CHIEF_EXAMINER, name="主考 王")
    add_staff(engine, venue, "F0001", Role.DEPUTY, credential=SECOND, name="副主考 李")
    add_staff(engine, venue, "J0701", Role.INVIGILATOR, credential=SECOND, name="监考 张")
    add_staff(engine, venue, "J0702", Role.INVIGILATOR, credential=SECOND, name="监考 刘")
    add_staff(engine, venue, "B0001", Role.SECURITY_STAFF, credential=SECOND, name="保密 赵")
    add_staff(engine, venue, "J0703", Role.INVIGILATOR, credential=SECOND, active=False)
    auth = auth_service(engine, FakeClock())
    return TwoPersonRule(auth), auth


def _code(rule: TwoPersonRule, initiator: StaffSession, number: str, credential: str, permission: Permission) -> str:
    with pytest.raises(VenueError) as err:
        rule.confirm(initiator, number, credential, permission, action="checkin.refuse", entity="e")
    return err.value.code


def test_art42_second_person_must_be_a_different_staff_member(engine: Engine) -> None:
    rule, auth = _setup(engine)
    me = auth.login("J0701", SECOND, DESK)
    assert _code(rule, me, "J0701", SECOND, Permission.CONFIRM_CHECK) == "two_person.same_person"
    assert _code(rule, me, " J0701 ", SECOND, Permission.CONFIRM_CHECK) == "two_person.same_person"
    # The refusal did not count toward the initiator's own lockout.
    assert not audit_events(engine, "auth.cosign")


def test_art42_confirmation_carries_both_people_into_the_audit_event(engine: Engine) -> None:
    rule, auth = _setup(engine)
    me = auth.login("J0701", SECOND, DESK)
    confirmation = rule.confirm(me, "J0702", SECOND, Permission.CONFIRM_CHECK, action="checkin.refuse", entity="e")
    assert (confirmation.actor.name, confirmation.cosigner.name) == ("监考 张", "监考 刘")
    with Session(engine) as s, s.begin():
        audit.record(s, confirmation.actor, "checkin.refuse", "candidate", "c1", desk=DESK,
                     reason="证件不符", cosigner=confirmation.cosigner, now=utcnow())
    event = audit_events(engine)[-1]
    assert (event.actor_name, event.cosigner_name) == ("监考 张", "监考 刘")
    assert event.cosigner_id == confirmation.second.staff_id
    cosign = audit_events(engine, "auth.cosign")
    assert [e.action for e in cosign] == ["auth.cosign"] and "checkin.refuse" in (cosign[0].after_json or "")


def test_art42_second_person_needs_a_role_allowed_to_confirm_the_action(engine: Engine) -> None:
    rule, auth = _setup(engine)
    me = auth.login("Z0001", GOOD, DESK)
    # Only the chief examiner confirms incidents; a deputy is not enough as the second person.
    assert _code(rule, me, "F0001", SECOND, Permission.CONFIRM_INCIDENT) == "two_person.role_not_allowed"
    assert _code(rule, me, "B0001", SECOND, Permission.CONFIRM_CHECK) == "two_person.role_not_allowed"
    assert rule.confirm(me, "F0001", SECOND, Permission.CONFIRM_CHECK, action="x", entity="e").second.role is Role.DEPUTY


def test_art42_wrong_second_credential_is_refused_and_counts_toward_their_lockout(engine: Engine) -> None:
    rule, auth = _setup(engine)
    me = auth.login("J0701", SECOND, DESK)
    codes = [_code(rule, me, "J0702", "wrong-credential", Permission.CONFIRM_CHECK) for _ in range(5)]
    assert codes == ["auth.bad_credentials"] * 4 + ["auth.locked"]
    # Locked now: neither the right credential as cosigner nor a login gets through.
    assert _code(rule, me, "J0702", SECOND, Permission.CONFIRM_CHECK) == "auth.locked"
    with pytest.raises(VenueError) as err:
        auth.login("J0702", SECOND, DESK)
    assert err.value.code == "auth.locked"
    assert len(audit_events(engine, "auth.cosign_failed")) == 5


def test_art42_inactive_or_unknown_staff_cannot_be_the_second_person(engine: Engine) -> None:
    rule, auth = _setup(engine)
    me = auth.login("J0701", SECOND, DESK)
    assert _code(rule, me, "J0703", SECOND, Permission.CONFIRM_CHECK) == "auth.inactive"
    assert _code(rule, me, "J9999", SECOND, Permission.CONFIRM_CHECK) == "auth.bad_credentials"
