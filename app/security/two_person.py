"""The two-person rule (AB角制, art. 42): a sensitive action is confirmed by a second, different
staff member, with a role allowed to confirm it, who proves who they are with their own credential.

A `Confirmation` is bound to one action on one entity, is used once, and lapses two minutes after
it was given. The service performing the action redeems it before writing its change, then writes
its audit event with `cosigner=confirmation.cosigner`, so the trail names both people:

    confirmation = two_person.confirm(session, cosigner_number, cosigner_credential,
                                      Permission.CONFIRM_INCIDENT, action="incident.confirm",
                                      entity=incident_id)
    ...
    confirmation.redeem("incident.confirm", incident_id)   # in the service
    audit.record(s, confirmation.actor, "incident.confirm", ..., cosigner=confirmation.cosigner)

The cosigner's credential goes through the same check as a login: a wrong one counts toward the
cosigner's lockout, and a locked or deactivated cosigner cannot confirm. Neither can anyone whose
credential someone else reset and who has not yet set their own (whoever reset it knows it), nor
an initiator whose session has ended.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from app.domain import Role
from app.errors import VenueError
from app.security.auth import AuthService, CredentialResetPending, StaffSession
from app.security.permissions import Permission, allowed_roles
from app.services.audit import Actor

LIFETIME = timedelta(minutes=2)
Monotonic = Callable[[], float]


class SamePerson(VenueError):
    def __init__(self, action: str) -> None:
        super().__init__(
            "two_person.same_person",
            "A second, different staff member must confirm this.",
            action=action,
        )


class CosignerRoleNotAllowed(VenueError):
    def __init__(self, action: str, role: Role, allowed: frozenset[Role]) -> None:
        super().__init__(
            "two_person.role_not_allowed",
            "A staff member with the role {role} may not confirm this.",
            action=action,
            role=role.value,
            allowed=sorted(r.value for r in allowed),
        )


class ConfirmationMismatch(VenueError):
    def __init__(self, given_for: str, used_for: str) -> None:
        super().__init__(
            "two_person.mismatch",
            "This confirmation was given for another action or record; confirm this one again.",
            given_for=given_for,
            used_for=used_for,
        )


class ConfirmationUsed(VenueError):
    def __init__(self) -> None:
        super().__init__("two_person.used", "This confirmation was already used; confirm again.")


class ConfirmationExpired(VenueError):
    def __init__(self, minutes: int) -> None:
        super().__init__(
            "two_person.expired",
            "The second person's confirmation is more than {minutes} minutes old; confirm again.",
            minutes=minutes,
        )


def entity_key(entity: object) -> str:
    """The one spelling of what a confirmation is for: an id, or a tuple of ids."""
    if isinstance(entity, tuple):
        return "/".join(str(part) for part in entity)
    return str(entity)


class _Once:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.used = False

    def take(self) -> bool:
        with self._lock:
            first, self.used = not self.used, True
            return first


@dataclass(frozen=True)
class Confirmation:
    """Proof that two different staff members stand behind `action` on `entity`."""

    initiator: StaffSession
    second: StaffSession
    action: str
    entity: str
    confirmed_at: datetime
    deadline: float  # on `monotonic`: a change of the PC's clock moves no deadline
    monotonic: Monotonic = field(default=time.monotonic, repr=False, compare=False)
    _once: _Once = field(default_factory=_Once, repr=False, compare=False)

    @property
    def actor(self) -> Actor:
        return self.initiator.actor

    @property
    def cosigner(self) -> Actor:
        return self.second.actor

    @property
    def used(self) -> bool:
        return self._once.used

    def redeem(self, action: str, entity: object) -> None:
        """Spend this confirmation on `action` for `entity`: raises ConfirmationMismatch,
        ConfirmationExpired or ConfirmationUsed, and succeeds at most once."""
        key = entity_key(entity)
        if action != self.action or key != self.entity:
            raise ConfirmationMismatch(f"{self.action}:{self.entity}", f"{action}:{key}")
        if self.monotonic() > self.deadline:
            raise ConfirmationExpired(int(LIFETIME.total_seconds() // 60))
        if not self._once.take():
            raise ConfirmationUsed()


class TwoPersonRule:
    def __init__(self, auth: AuthService, monotonic: Monotonic = time.monotonic) -> None:
        self._auth = auth
        self._monotonic = monotonic

    def confirm(
        self,
        initiator: StaffSession,
        cosigner_staff_number: str,
        cosigner_credential: str,
        permission: Permission,
        *,
        action: str,
        entity: object,
    ) -> Confirmation:
        """Authenticate the second person for `action` on `entity`; raises SamePerson,
        CosignerRoleNotAllowed, CredentialResetPending, SessionEnded, or the login errors
        (BadCredentials, AccountLocked, AccountInactive)."""
        self._auth.ensure_session(initiator)
        if initiator.credential_reset:
            raise CredentialResetPending()
        if cosigner_staff_number.strip() == initiator.staff_number:
            # Refused before the credential is checked: the initiator typing their own credential
            # again is a misunderstanding, not an attack, and should not count toward a lockout.
            raise SamePerson(action)
        # The cosign is audited as "auth.cosign" (or its failure) at the desk of the action.
        second = self._auth.authenticate(
            cosigner_staff_number, cosigner_credential, initiator.desk, purpose="cosign",
            detail=f"{action}:{entity_key(entity)}", refuse_reset=True,
        )
        if second.staff_id == initiator.staff_id:
            raise SamePerson(action)
        # The role is checked after the credential, so the refusal reveals a role only to
        # someone who has proved they are that person.
        allowed = allowed_roles(permission)
        if second.role not in allowed:
            raise CosignerRoleNotAllowed(action, second.role, allowed)
        return Confirmation(initiator, second, action, entity_key(entity), second.started_at,
                            self._monotonic() + LIFETIME.total_seconds(), self._monotonic)
