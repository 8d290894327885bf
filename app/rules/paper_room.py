"""The secure paper room (art. 22(五)): pure functions, no database.

- papers are kept in the secure room with at least two people on duty, monitored throughout;
  the monitoring video is kept at least 3 calendar months;
- arts. 25, 29: video used as evidence is kept 2 years.

Who carries papers in and out, and the chain of custody, are app/rules/custody.py.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from app.domain import RetentionClass
from app.rules.retention import kept_until, window_start

MIN_ON_DUTY = 2  # art. 22(五)
WINDOW_BEFORE = timedelta(minutes=90)  # papers leave the secure room before a sitting starts
WINDOW_AFTER = timedelta(minutes=90)  # and come back after it ends
HANDOVER_MARGIN = timedelta(minutes=15)  # around a handover actually recorded at the secure room


def duty_gap(on_duty: int, items_in_room: int) -> bool:
    """Papers in the room and fewer than two staff on duty."""
    return items_in_room > 0 and on_duty < MIN_ON_DUTY


@dataclass(frozen=True)
class Window:
    start: datetime
    end: datetime

    def contains(self, at: datetime) -> bool:
        return self.start <= at <= self.end

    def overlaps(self, start: datetime, end: datetime) -> bool:
        return self.start <= end and start <= self.end


def handover_windows(
    sittings: Iterable[tuple[datetime, datetime]], handovers: Iterable[datetime] = ()
) -> list[Window]:
    """When people are expected in the secure room: before each sitting (papers go out), after it
    (papers come back), and around every handover recorded at the secure room."""
    windows = [Window(start - WINDOW_BEFORE, start) for start, _ in sittings]
    windows += [Window(end, end + WINDOW_AFTER) for _, end in sittings]
    windows += [Window(at - HANDOVER_MARGIN, at + HANDOVER_MARGIN) for at in handovers]
    return sorted(windows, key=lambda w: w.start)


def in_handover_window(at: datetime, windows: Iterable[Window]) -> bool:
    return any(w.contains(at) for w in windows)


def segment_retention(
    camera: str, start: datetime, end: datetime, evidence: Iterable[tuple[str | None, datetime, datetime]]
) -> RetentionClass:
    """A segment overlapping a range marked as evidence (for its camera, or for every camera: None)
    is kept 2 years; otherwise 3 months."""
    for cam, e_start, e_end in evidence:
        if (cam is None or cam == camera) and e_start <= end and start <= e_end:
            return RetentionClass.SERIOUS
    return RetentionClass.PAPER_ROOM_VIDEO


def keep_until(end: datetime, retention: RetentionClass) -> datetime:
    """A segment is kept by its class's calendar period from its end (app/rules/retention.py):
    3 months (art. 22(五)), 2 years once it is evidence (art. 29)."""
    cls = RetentionClass.SERIOUS if retention is RetentionClass.SERIOUS else RetentionClass.PAPER_ROOM_VIDEO
    return kept_until(cls, end)


def may_delete_segment(end: datetime, retention: RetentionClass, now: datetime) -> bool:
    return now >= keep_until(end, retention)


@dataclass(frozen=True)
class DiskForecast:
    """Whether the disk holds the 3-month window at the current recording rate."""

    bytes_per_day: float
    free_bytes: int
    window_bytes: int  # held by segments inside the retention window (not deletable yet)
    days_on_disk: float | None  # how many days of video the disk can hold; None: no rate yet
    enough: bool
    required_days: float = 92.0  # the window's length in days (3 calendar months: 89–92)
    details: dict[str, Any] = field(default_factory=dict)


def required_days(now: datetime) -> int:
    """The days of video the disk must hold at `now`: the 3 calendar months before it (89–92 days)."""
    return (now - window_start(RetentionClass.PAPER_ROOM_VIDEO, now)).days


def disk_forecast(free_bytes: int, window_bytes: int, bytes_per_day: float, required: float) -> DiskForecast:
    """Segments older than the window may be deleted, so the disk must hold `required` days of
    video: what the window already holds plus the free space, at `bytes_per_day`."""
    if bytes_per_day <= 0:
        return DiskForecast(bytes_per_day, free_bytes, window_bytes, None, True, required)
    days = (free_bytes + window_bytes) / bytes_per_day
    return DiskForecast(bytes_per_day, free_bytes, window_bytes, days, days >= required, required)
