"""Article 30(二)(三): when entry closes and when sealing ends. Pure functions of the schedule.

Times are aware datetimes; the venue's zone is Asia/Shanghai (`VENUE_TZ`). Let `start`, `end` be
the scheduled times and `d = end - start`:

- entry closes at `start` for audio/video sittings, at `start + 5 min` for all others;
- sealing ends at `end` for audio/video sittings; otherwise at `start + 2 h` when `d > 2 h`,
  else at `end` — except that a computer-based sitting configured for it ends sealing at
  `end - 15 min` (only meaningful when `d <= 2 h`);
- before sealing ends nobody hands in or leaves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from app.domain import SittingMode

VENUE_TZ = ZoneInfo("Asia/Shanghai")
ENTRY_GRACE = timedelta(minutes=5)
LONG_SITTING = timedelta(hours=2)
SEALED_FOR_LONG_SITTING = timedelta(hours=2)
COMPUTER_EARLY_RELEASE = timedelta(minutes=15)
ENTRY_WARNING = timedelta(minutes=5)  # a desk's countdown warns this long before entry closes


@dataclass(frozen=True)
class Schedule:
    starts_at: datetime
    ends_at: datetime
    mode: SittingMode
    early_seal_release: bool = False

    def __post_init__(self) -> None:
        if self.starts_at.tzinfo is None or self.ends_at.tzinfo is None:
            raise ValueError("schedule times must carry their zone")
        if self.ends_at <= self.starts_at:
            raise ValueError("a sitting must end after it starts")
        if self.early_seal_release and self.mode is not SittingMode.COMPUTER:
            raise ValueError("only computer-based sittings may end sealing early")


def entry_closes_at(s: Schedule) -> datetime:
    """Art. 30(二): no entry after the start (audio/video), or 5 minutes after it (others)."""
    if s.mode is SittingMode.AUDIO_VIDEO:
        return s.starts_at
    return s.starts_at + ENTRY_GRACE


def entry_open(s: Schedule, now: datetime) -> bool:
    """Entry is allowed up to and including the closing instant's preceding moment: at the
    closing instant itself the door is shut."""
    return now < entry_closes_at(s)


def lateness(s: Schedule, now: datetime) -> timedelta:
    """How long after entry closed a candidate arrived (zero while entry is open): what the desk
    says to a refused candidate ("已于 08:35 截止，迟到 2 分 12 秒"), measured from the cutoff, not
    from the start."""
    return max(timedelta(0), now - entry_closes_at(s))


def entry_closing(closes_at: datetime, now: datetime) -> bool:
    """Entry closes within `ENTRY_WARNING` or has closed: what a desk's countdown warns of."""
    return now >= closes_at or closes_at - now <= ENTRY_WARNING


def current_sitting(closes_at: Sequence[datetime], now: datetime) -> int:
    """Which of a day's sittings (the closing instants of their entry, in the order they start) a desk opens on:
    the first whose entry is open now, else the next one, else the last (0 when there are none)."""
    for i, closes in enumerate(closes_at):
        if closes >= now:
            return i
    return max(0, len(closes_at) - 1)


def sealing_ends_at(s: Schedule) -> datetime:
    """Art. 30(三): the room is sealed from the start until this instant."""
    duration = s.ends_at - s.starts_at
    if s.mode is SittingMode.AUDIO_VIDEO:
        return s.ends_at
    if duration > LONG_SITTING:
        return s.starts_at + SEALED_FOR_LONG_SITTING
    if s.mode is SittingMode.COMPUTER and s.early_seal_release:
        return s.ends_at - COMPUTER_EARLY_RELEASE
    return s.ends_at


def sealed(s: Schedule, now: datetime) -> bool:
    """While sealed nobody hands in or leaves."""
    return s.starts_at <= now < sealing_ends_at(s)


def may_hand_in(s: Schedule, now: datetime) -> bool:
    return now >= sealing_ends_at(s)


def venue_time(moment: datetime) -> datetime:
    return moment.astimezone(VENUE_TZ)


def venue_date(moment: datetime) -> date:
    """The venue's local date of a moment: what a card's expiry or a retention period is compared
    with (07:30 in Beijing is still the previous day in UTC)."""
    if moment.tzinfo is None:
        raise ValueError("a moment must carry its zone")
    return venue_time(moment).date()
