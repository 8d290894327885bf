"""The sitting's clock (design: timers are anchored to a monotonic clock once the sitting opens).

`AnchoredClock.now()` is the wall time read once at the anchor plus the monotonic time elapsed
since: changing the PC's clock during a sitting moves no timer. `check()` compares the wall clock
with the anchored time and reports a jump (once per jump) so the service can log it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

JUMP_TOLERANCE = timedelta(seconds=2)
# The audit trail's action for a jump of the PC's clock (the control room's alert reads it back).
JUMP_ACTION = "clock.jump"


@dataclass(frozen=True)
class ClockJump:
    at: datetime  # anchored (trusted) time when it was seen
    wall: datetime  # what the PC's clock said
    offset: timedelta  # wall - anchored, now
    change: timedelta  # how much the offset moved since it was last accepted


class AnchoredClock:
    def __init__(self, wall: Callable[[], datetime], monotonic: Callable[[], float],
                 tolerance: timedelta = JUMP_TOLERANCE) -> None:
        self._wall = wall
        self._mono = monotonic
        self._tolerance = tolerance
        self._anchor: tuple[datetime, float] | None = None
        self._offset = timedelta(0)

    @property
    def anchored(self) -> bool:
        return self._anchor is not None

    def anchor(self) -> datetime:
        """Fix the clock to the wall time now (when the sitting opens); later calls keep the first."""
        if self._anchor is None:
            wall = self._wall()
            if wall.tzinfo is None:
                raise ValueError("the wall clock must give aware datetimes")
            self._anchor = (wall, self._mono())
        return self._anchor[0]

    def now(self) -> datetime:
        if self._anchor is None:
            return self._wall()
        wall0, mono0 = self._anchor
        return wall0 + timedelta(seconds=self._mono() - mono0)

    def check(self) -> ClockJump | None:
        """A jump of the PC's clock since the last check (or the anchor), reported once."""
        if self._anchor is None:
            return None
        trusted, wall = self.now(), self._wall()
        offset = wall - trusted
        change = offset - self._offset
        if abs(change) <= self._tolerance:
            return None
        self._offset = offset
        return ClockJump(trusted, wall, offset, change)
