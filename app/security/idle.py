"""The idle lock of a desk (art. 47–48, 51): a desk left alone shows no candidate data and takes
no action until the same staff member gives their credential again.

Qt-free: the GUI feeds it activity (`activity()` on each key press or scan), asks `remaining()`
to schedule its single-shot timer, and calls `poll()` when the timer fires. All time comes from
the injected clock, so tests need no sleeping.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from app.errors import VenueError
from app.security.auth import StaffSession


class Reauthenticator(Protocol):
    def reauthenticate(self, current: StaffSession, credential: str, *, purpose: str = ...) -> StaffSession: ...


class DeskLocked(VenueError):
    def __init__(self) -> None:
        super().__init__("auth.desk_locked", "This desk is locked; unlock it with your credential.")


@dataclass(frozen=True)
class IdlePolicy:
    idle_after: timedelta = timedelta(minutes=10)

    def __post_init__(self) -> None:
        if self.idle_after <= timedelta(0):
            raise ValueError("the idle period must be positive")


class IdleLock:
    """One desk's session state: unlocked while used, locked after `idle_after` without activity."""

    def __init__(
        self,
        staff: StaffSession,
        auth: Reauthenticator,
        clock: Callable[[], datetime],
        policy: IdlePolicy | None = None,
    ) -> None:
        self._staff = staff
        self._auth = auth
        self._clock = clock
        self._policy = policy or IdlePolicy()
        self._last_activity = clock()
        self._locked = False

    @property
    def staff(self) -> StaffSession:
        return self._staff

    @property
    def locked(self) -> bool:
        return self._locked

    @property
    def last_activity(self) -> datetime:
        return self._last_activity

    def activity(self) -> None:
        """A key press, click or scan by the person at the desk. Ignored while locked: only
        `unlock` opens a locked desk, otherwise anyone could wake it by touching the mouse."""
        if not self._locked:
            self._last_activity = self._clock()

    def lock_due_at(self) -> datetime:
        return self._last_activity + self._policy.idle_after

    def remaining(self) -> timedelta:
        """Time until the lock is due (zero when due or locked): what the GUI's timer waits for."""
        if self._locked:
            return timedelta(0)
        now = self._now_not_before_activity()
        return max(timedelta(0), self.lock_due_at() - now)

    def should_lock(self) -> bool:
        return self._locked or self.remaining() == timedelta(0)

    def poll(self) -> bool:
        """Lock when due; True when the desk is locked afterwards."""
        if self.should_lock():
            self._locked = True
        return self._locked

    def lock(self) -> None:
        """Lock at once (the staff member steps away and presses "lock")."""
        self._locked = True

    def require_unlocked(self) -> None:
        """For a service call made from the desk: refuse while locked (or due to lock)."""
        if self.poll():
            raise DeskLocked()

    def unlock(self, credential: str) -> StaffSession:
        """Unlock with the credential of the staff member who holds the session. A failure counts
        toward that member's lockout exactly like a failed login, and raises the same errors."""
        fresh = self._auth.reauthenticate(self._staff, credential, purpose="unlock")
        self._staff = fresh
        self._locked = False
        self._last_activity = self._clock()
        return fresh

    def _now_not_before_activity(self) -> datetime:
        now = self._clock()
        if now < self._last_activity:
            # The wall clock was set back: restart the idle period from the new time rather than
            # wait out the difference with the desk open.
            self._last_activity = now
        return now
