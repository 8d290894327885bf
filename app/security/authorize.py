"""The one check a sensitive use case starts with (art. 44, 51): who asks, whether their role may
(the permission table), whether their session is still open — or, at first set-up, that nobody
can sign in yet, so there is nobody to ask.

    actor = authorize(s, by, Permission.BACKUP, setup_actor=system_actor)

`by` is the signed-in staff member (from the GUI, or from the credential the command line asked
for); `None` is accepted only while no active staff member has a credential (a new venue
database, or a roster imported without credentials), and then the work is audited as set-up.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Staff
from app.errors import VenueError
from app.security.auth import StaffSession
from app.security.permissions import Permission, require
from app.services.audit import Actor


class SignInRequired(VenueError):
    def __init__(self) -> None:
        super().__init__(
            "security.sign_in_required",
            "This needs a staff member's credential: give your staff number with --staff and your credential.",
        )


def anyone_can_sign_in(s: Session) -> bool:
    """True once some active staff member has a credential: from then on nobody runs a sensitive
    command unasked."""
    found = s.scalars(
        select(Staff.id).where(Staff.active.is_(True), Staff.credential_hash != "").limit(1)
    ).first()
    return found is not None


def authorize(s: Session, by: StaffSession | None, permission: Permission, *, setup_actor: Actor) -> Actor:
    """The actor the audit trail names for this use case; raises PermissionDenied, SessionEnded or
    SignInRequired."""
    if by is None:
        if anyone_can_sign_in(s):
            raise SignInRequired()
        return setup_actor
    require(s, by, permission)
    return by.actor
