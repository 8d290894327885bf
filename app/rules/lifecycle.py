"""A room's sitting, phase by phase (art. 20(三), 30): what phase a room is in at a given moment.

Manual steps (checklist signed, opened, papers collected, record signed) are recorded facts; the
others follow from the schedule and the anchored clock:

    pending → ready (checklist signed) → open → started → entry closed → sealing ended → ended
            → papers collected → record signed
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from app.rules.timing import Schedule, entry_closes_at, sealing_ends_at


class Phase(enum.StrEnum):
    PENDING = "pending"  # checklist not signed off yet (art. 20(三))
    READY = "ready"
    OPEN = "open"
    STARTED = "started"
    ENTRY_CLOSED = "entry_closed"
    SEALING_ENDED = "sealing_ended"
    ENDED = "ended"
    COLLECTED = "collected"
    SIGNED = "signed"


@dataclass(frozen=True)
class RoomSteps:
    checklist_signed_at: datetime | None = None
    opened_at: datetime | None = None
    collected_at: datetime | None = None
    signed_at: datetime | None = None


def phase(schedule: Schedule, steps: RoomSteps, now: datetime) -> Phase:
    if steps.signed_at is not None:
        return Phase.SIGNED
    if steps.collected_at is not None:
        return Phase.COLLECTED
    if steps.opened_at is None:
        return Phase.READY if steps.checklist_signed_at is not None else Phase.PENDING
    if now >= schedule.ends_at:
        return Phase.ENDED
    sealing_end = sealing_ends_at(schedule)
    if now >= sealing_end and sealing_end < schedule.ends_at:
        return Phase.SEALING_ENDED
    if now >= entry_closes_at(schedule):
        return Phase.ENTRY_CLOSED
    if now >= schedule.starts_at:
        return Phase.STARTED
    return Phase.OPEN


@dataclass(frozen=True)
class Countdowns:
    """Seconds until each moment (negative once past), for tiles and the timer view."""

    to_start: float
    to_entry_close: float
    to_sealing_end: float
    to_end: float


def countdowns(schedule: Schedule, now: datetime) -> Countdowns:
    return Countdowns(
        (schedule.starts_at - now).total_seconds(),
        (entry_closes_at(schedule) - now).total_seconds(),
        (sealing_ends_at(schedule) - now).total_seconds(),
        (schedule.ends_at - now).total_seconds(),
    )


class RoomClock(enum.StrEnum):
    """Which countdown a room's tile shows in its phase."""

    NOT_OPENED = "not_opened"  # the start has passed and the room is not open: no countdown
    STARTS = "starts"
    ENTRY_CLOSES = "entry_closes"
    SEALED = "sealed"
    ENDS = "ends"


def room_clock(room_phase: Phase, c: Countdowns) -> tuple[RoomClock, float] | None:
    """The countdown that matters for a room now and its seconds; None once the sitting has ended."""
    if room_phase in (Phase.PENDING, Phase.READY) and c.to_start <= 0:
        return RoomClock.NOT_OPENED, 0.0
    if room_phase in (Phase.PENDING, Phase.READY, Phase.OPEN):
        return RoomClock.STARTS, c.to_start
    if room_phase is Phase.STARTED:
        return RoomClock.ENTRY_CLOSES, c.to_entry_close
    if room_phase is Phase.ENTRY_CLOSED and c.to_sealing_end > 0:
        return RoomClock.SEALED, c.to_sealing_end
    if room_phase in (Phase.ENTRY_CLOSED, Phase.SEALING_ENDED):
        return RoomClock.ENDS, c.to_end
    return None
