"""Staff accounts: credentials, activation, first chief examiner (art. 18, 42–43, 51)."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import Engine

from app.domain import Role
from app.errors import VenueError
from app.security.auth import AuthService, LockoutPolicy
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
    audit_text,
    auth_service,
    sessions,
    staff_row,
)

NEW = "new-credential-42"


def _services(engine: Engine, clock: FakeClock | None = None) -> tuple[AuthService, StaffService]:
    clock = clock or FakeClock()
    auth = auth_service(engine, clock, LockoutPolicy(max_failures=3))
    return auth, StaffService(sessions(engine), clock, CHEAP, auth)


def _code(fn: object, *args: object, **kwargs: object) -> str:
    with pytest.raises(VenueError) as err:
        fn(*args, **kwargs)  # type: ignore[operator]
    return err.value.code


def test_art51_first_chief_examiner_is_enrolled_once_then_bootstrapping_closes(engine: Engine) -> None:
    venue = add_venue(engine)
    auth, staff = _services(engine)
    assert staff.needs_bootstrap()
    chief_id = staff.enrol_first_chief("Z0001", NEW, desk=DESK, reason="考点初始化", name="主考 王", venue_id=venue)
    assert not staff.needs_bootstrap()
    assert auth.login("Z0001", NEW, DESK).role is Role.CHIEF_EXAMINER
    assert _code(staff.enrol_first_chief, "Z0002", NEW, desk=DESK, reason="again", name="x", venue_id=venue) == (
        "staff.bootstrap_closed"
    )
    [event] = audit_events(engine, "staff.")
    assert (event.action, event.entity_id, event.reason) == ("staff.first_chief_enrolled", str(chief_id), "考点初始化")
    assert NEW not in audit_text(engine)


def test_bootstrap_gives_a_credential_to_an_imported_chief_and_refuses_other_roles(engine: Engine) -> None:
    venue = add_venue(engine)
    add_staff(engine, venue, "Z0001", Role.CHIEF_EXAMINER, credential=None)
    add_staff(engine, venue, "J0701", Role.INVIGILATOR)  # someone with a credential who cannot manage staff
    auth, staff = _services(engine)
    assert staff.needs_bootstrap()
    assert _code(staff.enrol_first_chief, "J0701", NEW, desk=DESK, reason="r") == "staff.bootstrap_not_chief"
    assert _code(staff.enrol_first_chief, "Z0009", NEW, desk=DESK, reason="r") == "staff.bootstrap_needs_details"
    assert _code(staff.enrol_first_chief, "Z0001", "short", desk=DESK, reason="r") == "credential.too_short"
    staff.enrol_first_chief("Z0001", NEW, desk=DESK, reason="首次启用")
    assert auth.login("Z0001", NEW, DESK).name == "staff Z0001"


def test_art51_chief_resets_a_locked_members_credential_and_the_reset_opens_the_account(engine: Engine) -> None:
    venue = add_venue(engine)
    add_staff(engine, venue, "Z0001", Role.CHIEF_EXAMINER)
    member = add_staff(engine, venue, "J0701", Role.INVIGILATOR)
    auth, staff = _services(engine)
    for _ in range(3):
        with pytest.raises(VenueError):
            auth.login("J0701", "wrong-credential", DESK)
    chief = auth.login("Z0001", GOOD, DESK)
    staff.set_credential(chief, member, NEW, reason="监考员遗忘口令")
    row = staff_row(engine, member)
    assert (row.failed_logins, row.locked_until) == (0, None)
    assert auth.login("J0701", NEW, DESK).staff_id == member
    assert _code(auth.login, "J0701", GOOD, DESK) == "auth.bad_credentials"
    event = audit_events(engine, "staff.")[-1]
    assert (event.action, event.actor_name, event.reason) == ("staff.credential_set", "staff Z0001", "监考员遗忘口令")
    assert NEW not in audit_text(engine) and row.credential_hash not in audit_text(engine)


def test_art18_invigilator_may_not_set_anothers_credential(engine: Engine) -> None:
    venue = add_venue(engine)
    add_staff(engine, venue, "J0701", Role.INVIGILATOR)
    other = add_staff(engine, venue, "J0702", Role.INVIGILATOR)
    auth, staff = _services(engine)
    me = auth.login("J0701", GOOD, DESK)
    assert _code(staff.set_credential, me, other, NEW, reason="r") == "security.permission_denied"
    assert _code(staff.set_active, me, other, False, reason="r") == "security.permission_denied"
    assert CHEAP.verify(GOOD, staff_row(engine, other).credential_hash)


def test_art43_every_account_change_needs_a_reason(engine: Engine) -> None:
    venue = add_venue(engine)
    add_staff(engine, venue, "Z0001", Role.CHIEF_EXAMINER)
    member = add_staff(engine, venue, "J0701", Role.INVIGILATOR)
    auth, staff = _services(engine)
    chief = auth.login("Z0001", GOOD, DESK)
    assert _code(staff.set_credential, chief, member, NEW, reason="  ") == "staff.reason_required"
    assert _code(staff.set_active, chief, member, False, reason="") == "staff.reason_required"
    assert not audit_events(engine, "staff.")


def test_staff_member_changes_own_credential_only_with_the_old_one(engine: Engine) -> None:
    venue = add_venue(engine)
    me_id = add_staff(engine, venue, "J0701", Role.INVIGILATOR)
    auth, staff = _services(engine)
    me = auth.login("J0701", GOOD, DESK)
    assert _code(staff.change_own_credential, me, "wrong-credential", NEW) == "auth.bad_credentials"
    assert staff_row(engine, me_id).failed_logins == 1  # counts like a failed login
    assert _code(staff.change_own_credential, me, GOOD, "short") == "credential.too_short"
    staff.change_own_credential(me, GOOD, NEW)
    assert auth.login("J0701", NEW, DESK).staff_id == me_id
    assert audit_events(engine, "staff.")[-1].action == "staff.credential_changed"


def test_administrator_cannot_set_own_credential_without_the_old_one(engine: Engine) -> None:
    venue = add_venue(engine)
    add_staff(engine, venue, "A0001", Role.SYSTEM_ADMINISTRATOR)
    auth, staff = _services(engine)
    admin = auth.login("A0001", GOOD, DESK)
    assert _code(staff.set_credential, admin, admin.staff_id, NEW, reason="r") == "staff.change_own_with_old"


def test_deactivation_blocks_login_is_audited_with_reason_and_second_person(engine: Engine) -> None:
    venue = add_venue(engine)
    add_staff(engine, venue, "Z0001", Role.CHIEF_EXAMINER)
    add_staff(engine, venue, "A0001", Role.SYSTEM_ADMINISTRATOR, name="系统管理员 陈")
    member = add_staff(engine, venue, "J0701", Role.INVIGILATOR)
    auth, staff = _services(engine)
    chief = auth.login("Z0001", GOOD, DESK)
    confirmation = TwoPersonRule(auth).confirm(chief, "A0001", GOOD, Permission.MANAGE_STAFF, action="staff.set_active",
                                               entity=member)
    staff.set_active(chief, member, False, reason="与考生有亲属关系 (art. 49)", confirmation=confirmation)
    assert _code(auth.login, "J0701", GOOD, DESK) == "auth.inactive"
    event = audit_events(engine, "staff.")[-1]
    assert (event.action, event.cosigner_name, event.before_json, event.after_json) == (
        "staff.deactivated", "系统管理员 陈", '{"active": true}', '{"active": false}',
    )
    assert _code(staff.set_active, chief, chief.staff_id, False, reason="r") == "staff.cannot_deactivate_self"
    staff.set_active(chief, member, True, reason="回避解除")
    assert auth.login("J0701", GOOD, DESK).staff_id == member


def test_unknown_staff_member_is_a_clear_error(engine: Engine) -> None:
    venue = add_venue(engine)
    add_staff(engine, venue, "Z0001", Role.CHIEF_EXAMINER)
    auth, staff = _services(engine)
    chief = auth.login("Z0001", GOOD, DESK)
    assert _code(staff.set_active, chief, uuid.uuid4(), False, reason="r") == "staff.not_found"
