"""The pure rules of the secure paper room, article by article (art. 22(五), arts. 25, 29)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.domain import RetentionClass
from app.rules.paper_room import (
    disk_forecast,
    duty_gap,
    handover_windows,
    in_handover_window,
    keep_until,
    may_delete_segment,
    required_days,
    segment_retention,
)

T0 = datetime(2026, 5, 16, 1, 0, tzinfo=UTC)


def test_art22_5_papers_in_the_room_need_two_on_duty() -> None:
    assert duty_gap(on_duty=1, items_in_room=3)
    assert duty_gap(on_duty=0, items_in_room=1)
    assert not duty_gap(on_duty=2, items_in_room=3)
    assert not duty_gap(on_duty=0, items_in_room=0)


def test_art22_5_paper_room_video_is_kept_3_calendar_months() -> None:
    end = T0
    assert not may_delete_segment(end, RetentionClass.PAPER_ROOM_VIDEO, end + timedelta(days=89, hours=23))
    assert may_delete_segment(end, RetentionClass.PAPER_ROOM_VIDEO, keep_until(end, RetentionClass.PAPER_ROOM_VIDEO))


def test_art22_5_three_months_across_29_february_are_not_90_days() -> None:
    end = datetime(2027, 11, 30, 10, 0, tzinfo=UTC)
    # 90 days after 30 Nov 2027 is 28 Feb 2028; three calendar months end on 29 Feb 2028.
    assert not may_delete_segment(end, RetentionClass.PAPER_ROOM_VIDEO, end + timedelta(days=90))
    assert keep_until(end, RetentionClass.PAPER_ROOM_VIDEO) == datetime(2028, 2, 29, 10, 0, tzinfo=UTC)


def test_art29_evidence_video_is_kept_2_years_not_730_days_across_29_february() -> None:
    end = datetime(2027, 3, 1, 10, 0, tzinfo=UTC)
    # 730 days after 1 Mar 2027 is 28 Feb 2029 (2028 has a 29 February): a day short of 2 years.
    assert not may_delete_segment(end, RetentionClass.SERIOUS, end + timedelta(days=730))
    assert may_delete_segment(end, RetentionClass.SERIOUS, datetime(2029, 3, 1, 10, 0, tzinfo=UTC))


def test_art29_video_marked_as_evidence_is_kept_2_years() -> None:
    evidence = [("cam-1", T0, T0 + timedelta(minutes=5)), (None, T0 + timedelta(hours=3), T0 + timedelta(hours=4))]
    assert segment_retention("cam-1", T0 - timedelta(minutes=1), T0 + timedelta(minutes=1), evidence) is (
        RetentionClass.SERIOUS)
    assert segment_retention("cam-2", T0, T0 + timedelta(minutes=1), evidence) is RetentionClass.PAPER_ROOM_VIDEO
    assert segment_retention("cam-2", T0 + timedelta(hours=3), T0 + timedelta(hours=3, minutes=1), evidence) is (
        RetentionClass.SERIOUS)
    assert not may_delete_segment(T0, RetentionClass.SERIOUS, T0 + timedelta(days=400))
    assert may_delete_segment(T0, RetentionClass.SERIOUS, T0.replace(year=T0.year + 2))


def test_art22_5_disk_forecast_warns_when_3_months_do_not_fit() -> None:
    gb = 1 << 30
    ok = disk_forecast(free_bytes=820 * gb, window_bytes=100 * gb, bytes_per_day=10 * gb, required=92)
    assert ok.enough and ok.days_on_disk == pytest.approx(92)
    short = disk_forecast(free_bytes=800 * gb, window_bytes=100 * gb, bytes_per_day=10 * gb, required=92)
    assert not short.enough and short.days_on_disk == pytest.approx(90)
    assert disk_forecast(1, 0, 0, 92).enough and disk_forecast(1, 0, 0, 92).days_on_disk is None


def test_art22_5_the_disk_must_hold_the_3_calendar_months_before_now() -> None:
    assert required_days(datetime(2028, 3, 31, tzinfo=UTC)) == 91  # 31 Dec 2027 … 31 Mar 2028, with 29 Feb
    assert required_days(datetime(2027, 3, 31, tzinfo=UTC)) == 90  # the same months without one
    assert required_days(datetime(2027, 8, 31, tzinfo=UTC)) == 92
    assert required_days(datetime(2027, 3, 15, tzinfo=UTC)) == 90


def test_art22_5_motion_is_expected_only_around_sittings_and_handovers() -> None:
    start, end = T0, T0 + timedelta(hours=2)
    windows = handover_windows([(start, end)], [T0 + timedelta(hours=6)])
    assert in_handover_window(start - timedelta(minutes=30), windows)
    assert in_handover_window(end + timedelta(minutes=30), windows)
    assert in_handover_window(T0 + timedelta(hours=6, minutes=10), windows)
    assert not in_handover_window(T0 + timedelta(hours=1), windows)  # during the sitting, papers are out
    assert not in_handover_window(T0 + timedelta(hours=12), windows)
