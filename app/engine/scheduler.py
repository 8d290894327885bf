"""The exam day's scheduled work (art. 30(二)): at each sitting's entry close, every room's
not-admitted candidates are marked absent, whether or not any desk window is open.

`run_due()` is one step: it is idempotent (a sitting closed before, by this engine or by another
desk's, marks nobody twice: `app.services.absences`), and a sitting whose close passed while the PC
was off is closed at the next start. The engine's loop calls it every tick; a test calls it
directly with the clock where it wants it.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.db.models import Sitting
from app.rules.timing import entry_closes_at, entry_open
from app.services.absences import mark_absences
from app.services.audit import Actor

log = logging.getLogger(__name__)
# How often the list of sittings is read again (a package imported meanwhile brings new ones).
RELOAD_EVERY = timedelta(minutes=1)


@dataclass(frozen=True)
class EntryClosed:
    """What one entry close did: `marked` candidates absent now (0: others had already)."""

    sitting_id: uuid.UUID
    sitting_code: str
    closes_at: datetime
    marked: int


class EntryCloseScheduler:
    def __init__(self, sessions: sessionmaker[Session], clock: Callable[[], datetime], actor: Actor, desk: str) -> None:
        self._sessions, self._clock, self._actor, self._desk = sessions, clock, actor, desk
        self._closes: dict[uuid.UUID, tuple[str, datetime]] = {}
        self._done: set[uuid.UUID] = set()
        self._failing: set[uuid.UUID] = set()
        self._loaded_at: datetime | None = None

    def _reload(self, now: datetime) -> None:
        if self._loaded_at is not None and now - self._loaded_at < RELOAD_EVERY and now >= self._loaded_at:
            return
        with self._sessions() as s:
            self._closes = {sit.id: (sit.code, entry_closes_at(sit.schedule)) for sit in s.scalars(select(Sitting))}
        self._loaded_at = now

    def next_close(self) -> datetime | None:
        """The next entry close still to be done (None: none left)."""
        pending = [at for sid, (_code, at) in self._closes.items() if sid not in self._done]
        return min(pending) if pending else None

    def run_due(self) -> list[EntryClosed]:
        now = self._clock()
        self._reload(now)
        done = []
        for sitting_id, (code, closes_at) in sorted(self._closes.items(), key=lambda item: item[1][1]):
            if now < closes_at:
                # Not due, or due again: the demo's clock went back from "arrive late" (its
                # absences were withdrawn), so the real close must still mark them.
                self._done.discard(sitting_id)
                continue
            if sitting_id in self._done:
                continue
            result = self._close(sitting_id, code, closes_at)
            if result is not None:
                self._done.add(sitting_id)
                done.append(result)
        return done

    def _close(self, sitting_id: uuid.UUID, code: str, closes_at: datetime) -> EntryClosed | None:
        try:
            with self._sessions() as s, s.begin():
                sitting = s.get(Sitting, sitting_id)
                if sitting is None:  # replaced by a new package meanwhile
                    return EntryClosed(sitting_id, code, closes_at, 0)
                now = self._clock()
                if entry_open(sitting.schedule, now):  # the schedule moved later (a new package)
                    self._loaded_at = None
                    return None
                marked = mark_absences(s, self._actor, self._desk, sitting_id, None, now)
        except Exception:  # the database is down: the next tick tries again (logged once per outage)
            if sitting_id not in self._failing:
                log.exception("entry close of sitting %s not recorded yet; retrying every tick", code)
            self._failing.add(sitting_id)
            return None
        self._failing.discard(sitting_id)
        if marked:
            log.info("entry closed for sitting %s: %d candidates recorded absent", code, marked)
        return EntryClosed(sitting_id, code, closes_at, marked)
