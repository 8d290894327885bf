"""Login, lockout and re-authentication of staff (art. 51: systems run securely; art. 42: every
sensitive action is attributable to a named person).

One core, `AuthService.authenticate`, checks a staff number and credential for every purpose:
logging in at a desk, unlocking an idle desk, a second person's confirmation (art. 42) and
changing one's own credential. So every attempt, whatever its purpose, counts toward the same
lockout and writes the same kind of audit event.

- 5 consecutive failures (configurable) lock the account for 5 minutes (configurable). The lock
  and the counter live in the staff row, so restarting the program or moving to another desk
  does not reset them.
- An unknown staff number is refused with exactly the error of a wrong credential, after the
  same scrypt work, so nobody learns which staff numbers exist; the attempt is still audited.
- An inactive staff member is told so only after giving the right credential, for the same reason.
- Each attempt is committed (audit event and counter) before the refusal is raised: a refused
  login must not roll back the evidence of itself.
- A session ends at once when its staff member is deactivated or someone else resets their
  credential: the staff row's `session_epoch` moves on, and `session_valid` / `ensure_session`
  (or `session_is_current` inside a caller's transaction) refuse a session issued before.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from app.db.models import Staff
from app.db.prepared import Prepared
from app.domain import Role
from app.errors import VenueError
from app.security.passwords import CredentialPolicy
from app.services import audit
from app.services.audit import Actor

Clock = Callable[[], datetime]
SessionFactory = Callable[[], Session]

# Who the audit trail names when the staff number typed matches nobody.
UNKNOWN_ACTOR = Actor(None, "(unknown staff number)", "anonymous")


class BadCredentials(VenueError):
    def __init__(self) -> None:
        # One message for "no such staff number" and "wrong credential": no user enumeration.
        super().__init__("auth.bad_credentials", "The staff number or the credential is not correct.")


class AccountLocked(VenueError):
    def __init__(self, until: datetime, now: datetime) -> None:
        remaining = max(0.0, (until - now).total_seconds())
        super().__init__(
            "auth.locked",
            "This account is locked after repeated failed attempts; try again in {minutes} min.",
            until=until,
            seconds=math.ceil(remaining),
            minutes=math.ceil(remaining / 60),
        )


class SessionEnded(VenueError):
    def __init__(self) -> None:
        super().__init__(
            "auth.session_ended",
            "This sign-in has ended: the account was deactivated or its credential was reset. Sign in again.",
        )


class CredentialResetPending(VenueError):
    def __init__(self) -> None:
        super().__init__(
            "auth.credential_reset_pending",
            "This credential was set by someone else. Set your own credential before confirming for others.",
        )


class AccountInactive(VenueError):
    def __init__(self) -> None:
        super().__init__("auth.inactive", "This staff account is deactivated; ask the chief examiner.")


@dataclass(frozen=True)
class LockoutPolicy:
    max_failures: int = 5
    lock_for: timedelta = timedelta(minutes=5)

    def __post_init__(self) -> None:
        if self.max_failures < 1 or self.lock_for <= timedelta(0):
            raise ValueError("lockout needs at least one attempt and a positive duration")


@dataclass(frozen=True)
class StaffSession:
    """A staff member authenticated at a desk. A snapshot: the role is the one at login time."""

    staff_id: uuid.UUID
    staff_number: str
    name: str
    role: Role
    venue_id: uuid.UUID
    desk: str
    started_at: datetime
    epoch: int = 0  # the staff row's session_epoch when this session was issued
    credential_reset: bool = False  # signed in with a credential someone else set

    @property
    def actor(self) -> Actor:
        return Actor(self.staff_id, self.name, self.role.value)


def session_is_current(s: Session, session: StaffSession) -> bool:
    """True while `session`'s staff member is active and nothing ended their sessions since it was
    issued (one indexed read; for a service checking inside its own transaction)."""
    row = _SESSION_ROW.first(s, {"staff_id": session.staff_id})
    return row is not None and bool(row[0]) and row[1] == session.epoch


# Built once: every use case reads it first (a check-in too: issue 12's hot path). On PostgreSQL the
# row is read FOR SHARE: a deactivation or a credential reset (an UPDATE of it) waits until the
# transaction that found the session valid has ended, so nothing is recorded in a session after the
# moment it ended. SQLite needs no lock: BEGIN IMMEDIATE already keeps every other writer out.
_SESSION_ROW = Prepared(select(Staff.active, Staff.session_epoch).where(Staff.id == bindparam("staff_id"))
                        .with_for_update(read=True))


def actor_of(staff: Staff) -> Actor:
    return Actor(staff.id, staff.name, staff.role.value)


class AuthService:
    def __init__(
        self,
        session_factory: SessionFactory,
        clock: Clock,
        policy: CredentialPolicy,
        lockout: LockoutPolicy | None = None,
    ) -> None:
        self._session_factory = session_factory
        self._clock = clock
        self._policy = policy
        self._lockout = lockout or LockoutPolicy()
        self._dummy: str | None = None

    @property
    def policy(self) -> CredentialPolicy:
        return self._policy

    @property
    def lockout(self) -> LockoutPolicy:
        return self._lockout

    def now(self) -> datetime:
        now = self._clock()
        if now.tzinfo is None:
            raise ValueError("the clock must give aware datetimes")
        return now

    def login(self, staff_number: str, credential: str, desk: str) -> StaffSession:
        """Open a session at `desk`. Raises BadCredentials, AccountLocked or AccountInactive."""
        return self.authenticate(staff_number, credential, desk, purpose="login")

    def reauthenticate(self, current: StaffSession, credential: str, *, purpose: str = "unlock") -> StaffSession:
        """The same staff member proves it is still them (idle unlock, confirming their own
        credential change). Returns a fresh session: the role may have changed meanwhile.
        Raises SessionEnded when `current` has ended (deactivated, or the credential reset by
        someone else): an ended session is not revived by the right credential, it signs in again."""
        self.ensure_session(current)
        fresh = self.authenticate(current.staff_number, credential, current.desk, purpose=purpose)
        return StaffSession(
            fresh.staff_id, fresh.staff_number, fresh.name, fresh.role, fresh.venue_id,
            current.desk, current.started_at, fresh.epoch, fresh.credential_reset,
        )

    def session_valid(self, session: StaffSession) -> bool:
        """False once the staff member was deactivated or their credential reset by someone else
        after `session` was issued: such a session may do nothing more."""
        with self._session_factory() as s:
            return session_is_current(s, session)

    def ensure_session(self, session: StaffSession) -> None:
        """Raise SessionEnded unless `session_valid(session)`."""
        if not self.session_valid(session):
            raise SessionEnded()

    def logout(self, current: StaffSession, reason: str = "") -> None:
        with self._session_factory() as s, s.begin():
            audit.record(s, current.actor, "auth.logout", "staff", current.staff_id,
                         desk=current.desk, reason=reason, now=self.now())

    def authenticate(
        self, staff_number: str, credential: str, desk: str, *, purpose: str, detail: str = "",
        refuse_reset: bool = False,
    ) -> StaffSession:
        """Check one attempt for `purpose` ("login", "unlock", "cosign", ...), which names its
        audit events (auth.<purpose>, auth.<purpose>_failed, ...); `detail` (e.g. the action a
        cosign is for) is written into each of those events. With `refuse_reset`, a credential
        someone else set is refused (CredentialResetPending) even when it is right."""
        now = self.now()
        with self._session_factory() as s, s.begin():
            attempt = _Attempt(self, s, desk, purpose, detail, now)
            attempt.refuse_reset = refuse_reset
            outcome = attempt.run(staff_number.strip(), credential)
        if isinstance(outcome, VenueError):
            raise outcome
        return outcome

    def dummy_hash(self) -> str:
        if self._dummy is None:
            self._dummy = self._policy.dummy_hash()
        return self._dummy



class _Attempt:
    """One authentication attempt inside one transaction, and the audit events it writes."""

    def __init__(self, auth: AuthService, s: Session, desk: str, purpose: str, detail: str, now: datetime) -> None:
        self.auth, self.s, self.desk, self.purpose, self.detail, self.now = auth, s, desk, purpose, detail, now
        self.refuse_reset = False

    def _audit(self, actor: Actor, action: str, entity_id: object, reason: str,
               after: dict[str, object] | None = None) -> None:
        snapshot: dict[str, object] = dict(after or {})
        if self.detail:
            snapshot["for"] = self.detail
        audit.record(self.s, actor, action, "staff", entity_id, desk=self.desk,
                     after=snapshot or None, reason=reason, now=self.now)

    def run(self, number: str, credential: str) -> StaffSession | VenueError:
        policy, purpose = self.auth.policy, self.purpose
        # FOR UPDATE: two desks failing at once on a shared PostgreSQL database must both count.
        staff = self.s.scalars(select(Staff).where(Staff.staff_number == number).with_for_update()).one_or_none()
        if staff is None:
            policy.verify(credential, self.auth.dummy_hash())
            # Capped to the column size; the typed number is what a reviewer needs to see.
            self._audit(UNKNOWN_ACTOR, f"auth.{purpose}_failed", number[:32], "unknown staff number")
            return BadCredentials()

        actor = actor_of(staff)
        if staff.locked_until is not None and self.now < staff.locked_until:
            # Attempts during a lock are not checked at all, so they cannot extend or probe it.
            self._audit(actor, f"auth.{purpose}_refused_locked", staff.id, "account locked")
            return AccountLocked(staff.locked_until, self.now)

        if not policy.verify(credential, staff.credential_hash or ""):
            return self._count_failure(staff, actor)

        if not staff.active:
            self._audit(actor, f"auth.{purpose}_refused_inactive", staff.id, "staff member deactivated")
            return AccountInactive()

        staff.failed_logins = 0
        staff.locked_until = None
        if self.refuse_reset and staff.credential_reset:
            self._audit(actor, f"auth.{purpose}_refused_reset", staff.id, "credential set by someone else")
            return CredentialResetPending()
        if policy.needs_rehash(staff.credential_hash):
            # Today's parameters (argon2id) for a credential accepted earlier: judging its strength
            # is for the next change, the hash is upgraded now.
            staff.credential_hash = policy.hash_without_checks(credential)
        self._audit(actor, f"auth.{purpose}", staff.id, "")
        return StaffSession(staff.id, staff.staff_number, staff.name, staff.role, staff.venue_id,
                            self.desk, self.now, staff.session_epoch or 0, bool(staff.credential_reset))

    def _count_failure(self, staff: Staff, actor: Actor) -> VenueError:
        lockout = self.auth.lockout
        staff.failed_logins = (staff.failed_logins or 0) + 1
        reason = "wrong credential" if staff.credential_hash else "no credential set"
        self._audit(actor, f"auth.{self.purpose}_failed", staff.id, reason,
                    {"failed_logins": staff.failed_logins})
        if staff.failed_logins < lockout.max_failures:
            return BadCredentials()
        until = self.now + lockout.lock_for
        staff.locked_until = until
        # The next window starts afresh once the lock has run out.
        staff.failed_logins = 0
        self._audit(actor, "auth.lockout", staff.id, f"{lockout.max_failures} consecutive failed attempts",
                    {"locked_until": until.isoformat()})
        return AccountLocked(until, self.now)
