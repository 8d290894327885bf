"""The venue's one clock (design: "The exam-day engine").

`VenueClock` is anchored once, when the core opens: from then on `now()` is the wall time read at
the anchor plus the monotonic time elapsed since, so setting the PC's clock back or forward moves
no timer, no cutoff and no record's time. Every rule reads it: the desk, the control room, custody,
incidents, the paper room and the engine's scheduler all get this one object (it is a
`Callable[[], datetime]`).

`check()` compares the PC's wall clock with the anchored time and reports a jump once;
`app.engine.clock_watch` turns that into an audit event and a control-room alert.

Dates that rules compare (a card's expiry, retention) are the venue's local dates: `today()` is the
date in the venue's zone (Asia/Shanghai), never the UTC date.

The demo's time travel ("arrive late") goes through `travel()`, on this same object, and only
where it was allowed when the clock was made (`--demo`)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, tzinfo

from app.errors import VenueError
from app.rules.clock import JUMP_TOLERANCE, AnchoredClock, ClockJump
from app.rules.timing import VENUE_TZ


def system_wall() -> datetime:
    return datetime.now(UTC)


class TimeTravelRefused(VenueError):
    def __init__(self) -> None:
        super().__init__("engine.time_travel_refused", "Only the demo can move the venue clock.")


class VenueClock:
    def __init__(self, wall: Callable[[], datetime] = system_wall, monotonic: Callable[[], float] = time.monotonic,
                 *, zone: tzinfo = VENUE_TZ, tolerance: timedelta = JUMP_TOLERANCE,
                 travel_allowed: bool = False) -> None:
        self._wall, self._monotonic, self._tolerance = wall, monotonic, tolerance
        self.zone = zone
        self._travel_allowed = travel_allowed
        self._offset = timedelta(0)
        self._lock = threading.Lock()
        self._anchored = self._anchor()

    def _anchor(self) -> AnchoredClock:
        clock = AnchoredClock(self._wall, self._monotonic, self._tolerance)
        clock.anchor()
        return clock

    # --- what every rule reads ---------------------------------------------------------------

    def __call__(self) -> datetime:
        return self.now()

    def now(self) -> datetime:
        """The venue's time, aware, in UTC."""
        with self._lock:
            return (self._anchored.now() + self._offset).astimezone(UTC)

    def local(self, moment: datetime | None = None) -> datetime:
        """A moment (default: now) on the venue's wall: what the venue's staff read."""
        return (moment or self.now()).astimezone(self.zone)

    def today(self) -> date:
        """The venue's local date (a card that expired yesterday is expired at 07:30 Beijing time)."""
        return self.local().date()

    # --- the PC's wall clock -------------------------------------------------------------------

    def wall(self) -> datetime:
        return self._wall()

    def check(self) -> ClockJump | None:
        """A jump of the PC's clock since the last check, reported once; the venue's time does not move."""
        with self._lock:
            return self._anchored.check()

    # --- the demo only ---------------------------------------------------------------------------

    @property
    def offset(self) -> timedelta:
        return self._offset

    def travel(self, offset: timedelta) -> None:
        """Move the venue's time by `offset` from the anchored time (the demo's "arrive late")."""
        if not self._travel_allowed:
            raise TimeTravelRefused()
        with self._lock:
            self._offset = offset
