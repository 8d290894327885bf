"""Staff accounts: credentials, activation, and the first chief examiner (art. 18, 42–43, 51).

Every change is permission-checked against the one table (`Permission.MANAGE_STAFF`), carries a
reason (art. 43: every change keeps its trace and its reason), and writes its audit event in the
same transaction as the change. A second person's `Confirmation` (art. 42) may be passed and is
recorded as the cosigner.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.db.models import Staff, Venue
from app.domain import EmployerType, Role
from app.errors import VenueError
from app.security.auth import AuthService, SessionEnded, StaffSession, actor_of, session_is_current
from app.security.passwords import CredentialPolicy
from app.security.permissions import PERMISSIONS, Permission, require
from app.security.two_person import Confirmation
from app.services import audit

# Serialises bootstrapping across desks on one PostgreSQL database (SQLite's BEGIN IMMEDIATE
# already serialises writers).
_BOOTSTRAP_LOCK = 7400002


class StaffNotFound(VenueError):
    def __init__(self, staff: str) -> None:
        super().__init__("staff.not_found", "No staff member {staff} in this venue's roster.", staff=staff)


def _require_reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise VenueError("staff.reason_required", "Give the reason for this change (art. 43).")
    return reason


class StaffService:
    def __init__(
        self,
        session_factory: Callable[[], Session],
        clock: Callable[[], datetime],
        policy: CredentialPolicy,
        auth: AuthService,
    ) -> None:
        self._session_factory = session_factory
        self._clock = clock
        self._policy = policy
        self._auth = auth

    def set_credential(
        self,
        by: StaffSession,
        staff_id: uuid.UUID,
        new_credential: str,
        *,
        reason: str,
        confirmation: Confirmation | None = None,
    ) -> None:
        """An administrator sets (or resets) another staff member's credential. It also clears
        that member's failed-attempt counter and lock: a reset is how a locked account is opened.
        It ends that member's open sessions, and until they set their own credential they cannot
        confirm or cosign (art. 42: whoever reset it knows it)."""
        with self._session_factory() as s, s.begin():
            require(s, by, Permission.MANAGE_STAFF)
            reason = _require_reason(reason)
            if confirmation is not None:
                confirmation.redeem("staff.set_credential", staff_id)
            if staff_id == by.staff_id:
                # Setting one's own credential without the old one would let anyone at an unlocked
                # desk take over the account.
                raise VenueError(
                    "staff.change_own_with_old",
                    "Change your own credential with your current credential.",
                )
            staff = self._get(s, staff_id)
            new_hash = self._policy.hash(new_credential, staff_number=staff.staff_number)
            was_locked = staff.locked_until is not None
            staff.credential_hash = new_hash
            staff.failed_logins = 0
            staff.locked_until = None
            staff.credential_reset = True
            staff.session_epoch = (staff.session_epoch or 0) + 1
            audit.record(
                s, by.actor, "staff.credential_set", "staff", staff.id, desk=by.desk,
                after={"credential": "set", "unlocked": was_locked}, reason=reason,
                cosigner=confirmation.cosigner if confirmation else None, now=self._clock(),
            )

    def change_own_credential(self, by: StaffSession, old_credential: str, new_credential: str) -> StaffSession:
        """A staff member changes their own credential, proving the old one first (a wrong old
        credential counts toward their lockout, like a failed login). Returns their session from
        now on: one whose credential is their own, so they may confirm and cosign again (the
        credential rules: app.security.credential_rules). Refused (SessionEnded) for a session
        that has ended."""
        self._policy.check(new_credential, staff_number=by.staff_number)
        fresh = self._auth.reauthenticate(by, old_credential, purpose="change_credential")
        new_hash = self._policy.hash(new_credential, staff_number=by.staff_number)
        with self._session_factory() as s, s.begin():
            if not session_is_current(s, fresh):  # ended between the proof and now
                raise SessionEnded()
            staff = self._get(s, by.staff_id)
            staff.credential_hash = new_hash
            staff.credential_reset = False
            audit.record(
                s, by.actor, "staff.credential_changed", "staff", staff.id, desk=by.desk,
                after={"credential": "set"}, reason="changed by the staff member", now=self._clock(),
            )
        return replace(fresh, credential_reset=False)

    def set_active(
        self,
        by: StaffSession,
        staff_id: uuid.UUID,
        active: bool,
        *,
        reason: str,
        confirmation: Confirmation | None = None,
    ) -> None:
        with self._session_factory() as s, s.begin():
            require(s, by, Permission.MANAGE_STAFF)
            reason = _require_reason(reason)
            if confirmation is not None:
                confirmation.redeem("staff.set_active", staff_id)
            if staff_id == by.staff_id and not active:
                # The last administrator deactivating themself would leave nobody to undo it.
                raise VenueError("staff.cannot_deactivate_self", "You cannot deactivate your own account.")
            staff = self._get(s, staff_id)
            if staff.active == active:
                return
            before = {"active": staff.active}
            staff.active = active
            if not active:  # their open sessions end now, and do not come back on reactivation
                staff.session_epoch = (staff.session_epoch or 0) + 1
            audit.record(
                s, by.actor, "staff.activated" if active else "staff.deactivated", "staff", staff.id,
                desk=by.desk, before=before, after={"active": active}, reason=reason,
                cosigner=confirmation.cosigner if confirmation else None, now=self._clock(),
            )

    def id_of(self, staff_number: str) -> uuid.UUID:
        """The staff member with this number; raises StaffNotFound."""
        with self._session_factory() as s:
            found = s.scalars(select(Staff.id).where(Staff.staff_number == staff_number.strip())).first()
        if found is None:
            raise StaffNotFound(staff_number.strip())
        return found

    def needs_bootstrap(self) -> bool:
        """True while nobody can log in to manage staff: the first run, before any package."""
        with self._session_factory() as s:
            return not _has_staff_manager(s)

    def enrol_first_chief(
        self,
        staff_number: str,
        credential: str,
        *,
        desk: str,
        reason: str,
        name: str | None = None,
        venue_id: uuid.UUID | None = None,
        employer_type: EmployerType = EmployerType.PUBLIC_INSTITUTION,
    ) -> uuid.UUID:
        """Give the venue its first chief examiner with a credential, when no active staff member
        who may manage staff has one (a fresh database, or a roster imported without credentials).

        An existing chief-examiner row with this staff number gets the credential; otherwise a row
        is created, which needs `name` and `venue_id`. Refused ("staff.bootstrap_closed") as soon
        as someone can log in to manage staff: from then on accounts are managed, not claimed.
        """
        reason = _require_reason(reason)
        number = staff_number.strip()
        new_hash = self._policy.hash(credential, staff_number=number)
        now = self._clock()
        with self._session_factory() as s, s.begin():
            if s.get_bind().dialect.name == "postgresql":
                s.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _BOOTSTRAP_LOCK})
            if _has_staff_manager(s):
                raise VenueError(
                    "staff.bootstrap_closed",
                    "This venue already has a staff member who manages accounts; ask them.",
                )
            staff = s.scalars(select(Staff).where(Staff.staff_number == number)).one_or_none()
            if staff is None:
                staff = self._new_chief(s, number, name, venue_id, employer_type)
            elif staff.role is not Role.CHIEF_EXAMINER:
                raise VenueError(
                    "staff.bootstrap_not_chief",
                    "Staff member {staff} is not a chief examiner in the roster.",
                    staff=number, role=staff.role.value,
                )
            staff.credential_hash = new_hash
            staff.active = True
            staff.failed_logins = 0
            staff.locked_until = None
            s.flush()
            audit.record(
                s, actor_of(staff), "staff.first_chief_enrolled", "staff", staff.id, desk=desk,
                after={"staff_number": staff.staff_number, "name": staff.name, "role": staff.role.value},
                reason=reason, now=now,
            )
            return staff.id

    @staticmethod
    def _new_chief(
        s: Session, number: str, name: str | None, venue_id: uuid.UUID | None, employer_type: EmployerType
    ) -> Staff:
        if not name or venue_id is None or s.get(Venue, venue_id) is None:
            raise VenueError(
                "staff.bootstrap_needs_details",
                "Staff member {staff} is not in the roster; give a name and the venue to enrol them.",
                staff=number,
            )
        staff = Staff(
            venue_id=venue_id, staff_number=number, name=name, role=Role.CHIEF_EXAMINER,
            employer_type=employer_type, credential_hash="",
        )
        s.add(staff)
        return staff

    @staticmethod
    def _get(s: Session, staff_id: uuid.UUID) -> Staff:
        staff = s.get(Staff, staff_id, with_for_update=True)
        if staff is None:
            raise StaffNotFound(str(staff_id))
        return staff


def _has_staff_manager(s: Session) -> bool:
    managers = PERMISSIONS[Permission.MANAGE_STAFF]
    found = s.scalars(
        select(Staff.id)
        .where(Staff.active.is_(True), Staff.role.in_(managers), Staff.credential_hash != "")
        .limit(1)
    ).first()
    return found is not None
