"""Retention classes (art. 25, 29; art. 22(五) for the secure room): the earliest day a record
may be deleted. Nothing is deleted before its class allows, and a class that counts from an
event that has not happened yet (scores not published) allows no deletion at all."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import datetime

from app.domain import RetentionClass


def add_months(moment: datetime, months: int) -> datetime:
    """Calendar months, clamped to the month's last day (31 Aug + 6 months = 28/29 Feb)."""
    month0 = moment.month - 1 + months
    year, month = moment.year + month0 // 12, month0 % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


MONTHS = {
    RetentionClass.ROOM_RECORD: 6,  # art. 25: answer sheets and room records ≥ 6 months
    RetentionClass.VIDEO: 6,  # art. 29: room video ≥ 6 months
    RetentionClass.PAPER_ROOM_VIDEO: 3,  # art. 22(五): secure-room monitoring ≥ 3 months
    RetentionClass.SERIOUS: 24,  # art. 25 serious cases, art. 29 video used as evidence: ≥ 2 years
    RetentionClass.ELECTRONIC: 60,  # art. 25: electronic copies ≥ 5 years
}
"""Every retention period, in calendar months: never a count of days (730 days is a day short of
two years across a 29 February)."""


def kept_until(cls: RetentionClass, since: datetime) -> datetime:
    """The end of `cls`'s period counted from `since` (calendar months)."""
    return add_months(since, MONTHS[cls])


def window_start(cls: RetentionClass, now: datetime) -> datetime:
    """Roughly the oldest moment whose records `cls` still keeps at `now` (for forecasts; a
    deletion is decided by `kept_until`)."""
    return add_months(now, -MONTHS[cls])


@dataclass(frozen=True)
class Anchors:
    """The events retention counts from."""

    recorded_at: datetime  # when the record was made
    exam_ended_at: datetime  # end of the exam's last sitting
    scores_published_at: datetime | None = None


def earliest_deletion(cls: RetentionClass, at: Anchors) -> datetime | None:
    """The first moment the record may be deleted, or None while that cannot be known yet."""
    if cls is RetentionClass.ROOM_RECORD:
        # Art. 25: answer sheets and room records ≥ 6 months after scores are published.
        return None if at.scores_published_at is None else kept_until(cls, at.scores_published_at)
    if cls is RetentionClass.VIDEO:
        return kept_until(cls, at.exam_ended_at)  # art. 29: room video ≥ 6 months from the exam's end
    if cls is RetentionClass.PAPER_ROOM_VIDEO:
        return kept_until(cls, at.recorded_at)  # art. 22(五): secure-room monitoring ≥ 3 months
    if cls in (RetentionClass.SERIOUS, RetentionClass.ELECTRONIC):
        # Counted from the later of the exam's end and the record itself (an amendment made later
        # keeps longer).
        return kept_until(cls, max(at.exam_ended_at, at.recorded_at))
    raise ValueError(f"unknown retention class {cls}")


def may_delete(cls: RetentionClass, at: Anchors, now: datetime) -> bool:
    until = earliest_deletion(cls, at)
    return until is not None and now >= until


def longest(*classes: RetentionClass) -> RetentionClass:
    """The class that keeps longest, for a record that falls under several (evidence on a record)."""
    rank = [RetentionClass.PAPER_ROOM_VIDEO, RetentionClass.VIDEO, RetentionClass.ROOM_RECORD,
            RetentionClass.SERIOUS, RetentionClass.ELECTRONIC]
    return max(classes, key=rank.index)
