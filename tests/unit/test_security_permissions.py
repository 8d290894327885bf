"""The one permission table (art. 18 roles, 42, 47–48 need-to-know)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest

from app.domain import Role
from app.errors import PermissionDenied
from app.security.auth import StaffSession
from app.security.permissions import PERMISSIONS, Permission, is_allowed, permissions_of, require_role


def _session(role: Role) -> StaffSession:
    return StaffSession(uuid.uuid4(), "S1", "someone", role, uuid.uuid4(), "desk", datetime.now(UTC))


def test_every_permission_is_in_the_table_with_at_least_one_role() -> None:
    assert set(PERMISSIONS) == set(Permission)
    assert all(PERMISSIONS[p] for p in Permission)


def test_require_refuses_with_the_stable_code_and_names_role_and_action() -> None:
    with pytest.raises(PermissionDenied) as err:
        require_role(_session(Role.INVIGILATOR), Permission.IMPORT_PACKAGE)
    assert err.value.code == "security.permission_denied"
    assert err.value.params == {"action": "import_package", "role": "invigilator"}
    require_role(_session(Role.CHIEF_EXAMINER), Permission.IMPORT_PACKAGE)


def test_art47_48_security_and_it_staff_do_not_check_candidates_in() -> None:
    for role in (Role.SECURITY_STAFF, Role.SYSTEM_ADMINISTRATOR):
        assert not is_allowed(role, Permission.CHECK_IN_CANDIDATE)
        assert not is_allowed(role, Permission.CONFIRM_CHECK)


def test_art26_only_the_chief_examiner_confirms_incidents_but_anyone_on_duty_records_them() -> None:
    assert PERMISSIONS[Permission.CONFIRM_INCIDENT] == {Role.CHIEF_EXAMINER}
    assert PERMISSIONS[Permission.RECORD_INCIDENT] == set(Role)


def test_art22_paper_room_duty_is_security_staff_with_the_chief_and_deputies() -> None:
    assert PERMISSIONS[Permission.PAPER_ROOM_DUTY] == {Role.SECURITY_STAFF, Role.CHIEF_EXAMINER, Role.DEPUTY}
    assert Permission.CUSTODY_HANDOVER in permissions_of(Role.SECURITY_STAFF)


def test_art44_only_the_chief_examiner_exports_data_from_the_venue() -> None:
    assert PERMISSIONS[Permission.EXPORT] == {Role.CHIEF_EXAMINER}


def test_staff_accounts_are_managed_by_the_chief_and_the_system_administrator_only() -> None:
    assert PERMISSIONS[Permission.MANAGE_STAFF] == {Role.CHIEF_EXAMINER, Role.SYSTEM_ADMINISTRATOR}


def test_permission_table_cannot_be_changed_at_run_time() -> None:
    with pytest.raises(TypeError):
        PERMISSIONS[Permission.EXPORT] = frozenset(Role)  # type: ignore[index]
