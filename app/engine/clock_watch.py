"""Watches the PC's wall clock against the venue clock (art. 30(二): a cutoff that the PC's clock
could move would reopen entry).

A jump moves nothing: the venue clock keeps its time. The jump is written once to the audit trail
(`clock.jump`, with the sitting it happened in: `app.services.control.note_clock_jump`) and the
control room shows it as an alert from there, on every desk sharing the database, whether or not a
window was open when it happened. The venue clock never takes a jumped wall clock back by itself
(that is what someone setting the clock back would want): after setting the PC's time right,
restart the application between sittings.
"""

from __future__ import annotations

import logging

from sqlalchemy.orm import Session, sessionmaker

from app.engine.clock import VenueClock
from app.rules.clock import ClockJump
from app.services.audit import Actor
from app.services.control import note_clock_jump

log = logging.getLogger(__name__)


class ClockWatch:
    """Checks the wall clock on every engine tick; records each jump once (a database that is down
    gets it on a later tick)."""

    def __init__(self, sessions: sessionmaker[Session], clock: VenueClock, actor: Actor, desk: str) -> None:
        self._sessions, self._clock, self._actor, self._desk = sessions, clock, actor, desk
        self.jumps: list[ClockJump] = []
        self._unrecorded: list[ClockJump] = []

    def check(self) -> ClockJump | None:
        jump = self._clock.check()
        if jump is not None:
            log.warning("the PC's clock moved by %.1f s (wall %s, venue %s); no timer moved",
                        jump.change.total_seconds(), jump.wall.isoformat(), jump.at.isoformat())
            self.jumps.append(jump)
            self._unrecorded.append(jump)
        self._record()
        return jump

    def _record(self) -> None:
        while self._unrecorded:
            jump = self._unrecorded[0]
            try:
                with self._sessions() as s, s.begin():
                    note_clock_jump(s, self._actor, self._desk, jump)
            except Exception:
                log.exception("clock jump not recorded yet; will retry")
                return
            self._unrecorded.pop(0)
