"""The two-person rule (AB角制, art. 42): a sensitive action is confirmed by a second, different
staff member, with a role allowed to confirm it, who proves who they are with their own credential.

The service performing the action asks for a `Confirmation` first, then writes its change and
its audit event with `cosigner=confirmation.cosigner`, so the trail names both people:

    confirmation = two_person.confirm(session, cosigner_number, cosigner_credential,
                                      Permission.CONFIRM_INCIDENT, action="incident.confirm")
    ...
    audit.record(s, confirmation.actor, "incident.confirm", ..., cosigner=confirmation.cosigner)

The cosigner's credential goes through the same check as a login: a wrong one counts toward the
cosigner's lockout, and a locked or deactivated cosigner cannot confirm.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.domain import Role
from app.errors import VenueError
from app.security.auth import AuthService, StaffSession
from app.security.permissions import Permission, allowed_roles
from app.services.audit import Actor


class SamePerson(VenueError):
    def __init__(self, action: str) -> None:
        super().__init__(
            "two_person.same_person",
            "A second, different staff member must confirm this: {action}.",
            action=action,
        )


class CosignerRoleNotAllowed(VenueError):
    def __init__(self, action: str, role: Role, allowed: frozenset[Role]) -> None:
        super().__init__(
            "two_person.role_not_allowed",
            "A staff member with the role {role} may not confirm this: {action}.",
            action=action,
            role=role.value,
            allowed=sorted(r.value for r in allowed),
        )


@dataclass(frozen=True)
class Confirmation:
    """Proof that two different staff members stand behind `action`."""

    initiator: StaffSession
    second: StaffSession
    action: str
    confirmed_at: datetime

    @property
    def actor(self) -> Actor:
        return self.initiator.actor

    @property
    def cosigner(self) -> Actor:
        return self.second.actor


class TwoPersonRule:
    def __init__(self, auth: AuthService) -> None:
        self._auth = auth

    def confirm(
        self,
        initiator: StaffSession,
        cosigner_staff_number: str,
        cosigner_credential: str,
        permission: Permission,
        *,
        action: str,
    ) -> Confirmation:
        """Authenticate the second person for `action`; raises SamePerson,
        CosignerRoleNotAllowed, or the login errors (BadCredentials, AccountLocked, AccountInactive)."""
        if cosigner_staff_number.strip() == initiator.staff_number:
            # Refused before the credential is checked: the initiator typing their own credential
            # again is a misunderstanding, not an attack, and should not count toward a lockout.
            raise SamePerson(action)
        # The cosign is audited as "auth.cosign" (or its failure) at the desk of the action.
        second = self._auth.authenticate(
            cosigner_staff_number, cosigner_credential, initiator.desk, purpose="cosign", detail=action
        )
        if second.staff_id == initiator.staff_id:
            raise SamePerson(action)
        # The role is checked after the credential, so the refusal reveals a role only to
        # someone who has proved they are that person.
        allowed = allowed_roles(permission)
        if second.role not in allowed:
            raise CosignerRoleNotAllowed(action, second.role, allowed)
        return Confirmation(initiator, second, action, second.started_at)
