"""Who may do what: the one permission table every service consults (art. 18 roles, art. 42
two-person rule, art. 47–48 need-to-know, art. 51 secure operation).

A service starts each use case, inside the transaction that does the work, with
`require(s, user, Permission.X)`: the role may (this table), AND the signed-in session is still
open (its staff member active, nothing ended their sessions since: `session_is_current`), read in
that same transaction. So a session ended by a deactivation or by someone else resetting the
credential writes nothing, whichever service it calls; there is no second check to remember.
(For the sensitive commands that first set-up may run before anyone can sign in,
`app.security.authorize` does the same and also accepts nobody while no one can sign in.)

`require_role` checks the role alone; it is for the few places that have no transaction and hold
a session authenticated a moment ago (a custody signer, an early refusal before a file is read),
and tests/security/test_session_ends_everywhere.py keeps its uses to those.

The GUI offers a role only what this table lets it do, and the command line asks for a staff
credential and passes the same session to the same services. Changing who may do something is a
change to `PERMISSIONS` alone, reviewed in one place. Every permission here is checked by a
service; one that nothing needs is deleted, not kept for later.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType
from typing import Protocol

from sqlalchemy.orm import Session

from app.domain import Role
from app.errors import PermissionDenied
from app.security.auth import SessionEnded, StaffSession, session_is_current


class Permission(enum.StrEnum):
    IMPORT_PACKAGE = "import_package"
    MANAGE_STAFF = "manage_staff"  # roster, activate/deactivate, set others' credentials
    CHECK_IN_CANDIDATE = "check_in_candidate"
    CONFIRM_CHECK = "confirm_check"  # the second invigilator's confirmation of a check-in decision
    OPEN_CLOSE_ROOM = "open_close_room"
    ASSIGN_INVIGILATORS = "assign_invigilators"
    RECORD_INCIDENT = "record_incident"
    CONFIRM_INCIDENT = "confirm_incident"
    SIGN_ROOM_RECORD = "sign_room_record"
    CUSTODY_HANDOVER = "custody_handover"
    PAPER_ROOM_DUTY = "paper_room_duty"  # sign on/off duty in the secure paper room
    MANAGE_RECORDINGS = "manage_recordings"  # mark paper-room video as evidence, delete expired segments
    VIEW_CONTROL_ROOM = "view_control_room"
    SYNC_UPLOAD = "sync_upload"  # configure the provincial server, store its credential, upload
    BACKUP = "backup"  # back up and restore the database
    EXPORT = "export"
    CONFIGURE_DEVICES = "configure_devices"  # add, remove and change the desk's readers, scanners and cameras
    VIEW_AUDIT = "view_audit"  # read the audit trail and verify its chain
    SUPPORT_LOGS = "support_logs"  # read the technician's log and export it for support


CHIEF = Role.CHIEF_EXAMINER
DEPUTY = Role.DEPUTY
INVIGILATOR = Role.INVIGILATOR
ROVING = Role.ROVING_INVIGILATOR
SYSADMIN = Role.SYSTEM_ADMINISTRATOR
SECURITY = Role.SECURITY_STAFF

_TABLE: dict[Permission, frozenset[Role]] = {
    # Art. 5, 18: the chief examiner runs the venue's setup; the system administrator (required
    # at computer-based venues) is who handles files and installs in practice.
    Permission.IMPORT_PACKAGE: frozenset({CHIEF, SYSADMIN}),
    # Art. 18, 51: accounts are administered by the person responsible for the venue and by
    # the technical administrator; nobody else may create access for others.
    Permission.MANAGE_STAFF: frozenset({CHIEF, SYSADMIN}),
    # Art. 30(一): invigilators check tickets and documents at the door; roving invigilators and
    # the chief/deputies relieve them. Security and IT staff do not handle candidates (art. 47–48).
    Permission.CHECK_IN_CANDIDATE: frozenset({INVIGILATOR, ROVING, CHIEF, DEPUTY}),
    # Art. 19, 42: the second person on a check-in decision is the room's other invigilator, or
    # a roving invigilator / the chief examiner's office when a room is short.
    Permission.CONFIRM_CHECK: frozenset({INVIGILATOR, ROVING, CHIEF, DEPUTY}),
    # Art. 26–27: opening and closing rooms is command of the exam, held by the chief and deputies.
    Permission.OPEN_CLOSE_ROOM: frozenset({CHIEF, DEPUTY}),
    # Art. 19: the random assignment of invigilators on the day is run by the venue's command.
    Permission.ASSIGN_INVIGILATORS: frozenset({CHIEF, DEPUTY}),
    # Art. 26, 31, 46: anyone on duty who sees an incident records it — at the door, in the
    # secure room (security staff), or a system failure (the system administrator).
    Permission.RECORD_INCIDENT: frozenset({INVIGILATOR, ROVING, CHIEF, DEPUTY, SECURITY, SYSADMIN}),
    # Art. 26–27, 32–33: the chief examiner rules on incidents and decides what is reported
    # up; deliberately not the deputies, so the ruling has one accountable name.
    Permission.CONFIRM_INCIDENT: frozenset({CHIEF}),
    # Art. 23, 40: the room record is signed by the room's invigilators, countersigned by the
    # chief examiner's office.
    Permission.SIGN_ROOM_RECORD: frozenset({INVIGILATOR, CHIEF, DEPUTY}),
    # Art. 22(三)(四), 23: papers pass secure room (security staff) → exam office (chief,
    # deputies) → invigilators and back; each side of a handover is ≥2 of these people.
    Permission.CUSTODY_HANDOVER: frozenset({SECURITY, CHIEF, DEPUTY, INVIGILATOR}),
    # Art. 22(五): ≥2 people on duty in the secure room around the clock: security staff, with
    # the chief and deputies able to stand a watch.
    Permission.PAPER_ROOM_DUTY: frozenset({SECURITY, CHIEF, DEPUTY}),
    # Art. 22(五), 29: the venue's command decides what video is evidence; the administrator frees
    # disk space (only ever segments past their retention).
    Permission.MANAGE_RECORDINGS: frozenset({CHIEF, DEPUTY, SYSADMIN}),
    # Art. 27: the command platform during the exam.
    Permission.VIEW_CONTROL_ROOM: frozenset({CHIEF, DEPUTY}),
    # Art. 36, 44: only authorised people send information out of the venue.
    Permission.SYNC_UPLOAD: frozenset({CHIEF, SYSADMIN}),
    # Art. 46, 51: not losing data is a technical duty; the chief may take a backup too.
    Permission.BACKUP: frozenset({SYSADMIN, CHIEF}),
    # Art. 44, 47–48: an export carries personal data out of the venue on a USB stick; only the
    # chief examiner releases it (the administrator uploads through sync, which is authenticated).
    Permission.EXPORT: frozenset({CHIEF}),
    # Art. 5, 51: the desks' hardware is set up by the technical administrator, and by the chief
    # examiner who runs the venue's set-up (the first-run wizard writes the same settings).
    Permission.CONFIGURE_DEVICES: frozenset({CHIEF, SYSADMIN}),
    # Arts. 42, 43, 46: the venue's leaders and its administrator read the trail and check that it
    # holds; exporting a range of it is an export like any other (EXPORT).
    Permission.VIEW_AUDIT: frozenset({CHIEF, DEPUTY, SYSADMIN}),
    # The technician's log (no personal data in it, and less still in the copy for support) is
    # the administrator's tool; the chief examiner may look as well.
    Permission.SUPPORT_LOGS: frozenset({SYSADMIN, CHIEF}),
}

# Read-only view: nobody adds a role to a permission at run time.
PERMISSIONS: Mapping[Permission, frozenset[Role]] = MappingProxyType(_TABLE)


class HasRole(Protocol):
    @property
    def role(self) -> Role: ...


def allowed_roles(permission: Permission) -> frozenset[Role]:
    return PERMISSIONS[permission]


def is_allowed(role: Role, permission: Permission) -> bool:
    return role in PERMISSIONS[permission]


def permissions_of(role: Role) -> frozenset[Permission]:
    """What the GUI may offer this role (menus, buttons)."""
    return frozenset(p for p, roles in PERMISSIONS.items() if role in roles)


def require_role(who: HasRole, permission: Permission) -> None:
    """Raise PermissionDenied (code "security.permission_denied") unless `who`'s role may. The role
    alone: a service acting for a signed-in person calls `require` instead."""
    if not is_allowed(who.role, permission):
        raise PermissionDenied(permission.value, who.role.value)


def require(s: Session, who: StaffSession, permission: Permission) -> None:
    """The check a use case starts with, inside its own transaction `s`: raise PermissionDenied
    unless `who`'s role may, and SessionEnded ("auth.session_ended") once `who` was deactivated or
    someone else reset their credential after signing in (one indexed read of the staff row)."""
    require_role(who, permission)
    if not session_is_current(s, who):
        raise SessionEnded()
