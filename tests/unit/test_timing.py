"""Article 30(二)(三) timing at every boundary, in Asia/Shanghai time."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from app.domain import SittingMode
from app.rules.timing import (
    VENUE_TZ,
    Schedule,
    current_sitting,
    entry_closes_at,
    entry_closing,
    entry_open,
    lateness,
    may_hand_in,
    sealed,
    sealing_ends_at,
)

SECOND = timedelta(seconds=1)
START = datetime(2026, 11, 28, 8, 30, tzinfo=VENUE_TZ)


def sched(minutes: int, mode: SittingMode = SittingMode.PAPER, early: bool = False) -> Schedule:
    return Schedule(START, START + timedelta(minutes=minutes), mode, early)


def test_art30_entry_closes_five_minutes_after_start() -> None:
    s = sched(150)
    assert entry_closes_at(s) == datetime(2026, 11, 28, 8, 35, tzinfo=VENUE_TZ)
    assert entry_open(s, START + timedelta(minutes=5) - SECOND)
    assert not entry_open(s, START + timedelta(minutes=5))
    assert not entry_open(s, START + timedelta(minutes=5) + SECOND)


def test_art30_computer_based_entry_also_closes_five_minutes_after_start() -> None:
    s = sched(90, SittingMode.COMPUTER)
    assert entry_open(s, START + timedelta(minutes=5) - SECOND)
    assert not entry_open(s, START + timedelta(minutes=5))


def test_art30_audio_video_entry_closes_at_start() -> None:
    s = sched(120, SittingMode.AUDIO_VIDEO)
    assert entry_closes_at(s) == START
    assert entry_open(s, START - SECOND)
    assert not entry_open(s, START)


def test_art30_2_lateness_counts_from_the_cutoff_not_from_the_start() -> None:
    s = sched(120)
    assert lateness(s, START - timedelta(minutes=3)) == timedelta(0)
    assert lateness(s, START + timedelta(minutes=4)) == timedelta(0)  # late for the start, not for entry
    assert lateness(s, START + timedelta(minutes=7, seconds=12)) == timedelta(minutes=2, seconds=12)
    av = sched(120, SittingMode.AUDIO_VIDEO)  # entry closes at the start itself
    assert lateness(av, START + timedelta(minutes=7, seconds=12)) == timedelta(minutes=7, seconds=12)


def test_art30_sitting_of_exactly_two_hours_is_sealed_until_the_end() -> None:
    s = sched(120)
    assert sealing_ends_at(s) == s.ends_at
    assert sealed(s, s.ends_at - SECOND)
    assert not may_hand_in(s, s.ends_at - SECOND)
    assert may_hand_in(s, s.ends_at)


def test_art30_sitting_of_two_hours_and_a_minute_is_sealed_for_two_hours() -> None:
    s = sched(121)
    assert sealing_ends_at(s) == START + timedelta(hours=2)
    assert sealed(s, START + timedelta(hours=2) - SECOND)
    assert not sealed(s, START + timedelta(hours=2))
    assert may_hand_in(s, START + timedelta(hours=2))


def test_art30_audio_video_is_sealed_until_the_end_even_when_long() -> None:
    s = sched(180, SittingMode.AUDIO_VIDEO)
    assert sealing_ends_at(s) == s.ends_at
    assert sealed(s, s.ends_at - SECOND)


def test_art30_computer_based_without_option_is_sealed_until_the_end() -> None:
    s = sched(90, SittingMode.COMPUTER)
    assert sealing_ends_at(s) == s.ends_at


def test_art30_computer_based_with_option_ends_sealing_fifteen_minutes_early() -> None:
    s = sched(90, SittingMode.COMPUTER, early=True)
    release = s.ends_at - timedelta(minutes=15)
    assert sealing_ends_at(s) == release
    assert sealed(s, release - SECOND)
    assert may_hand_in(s, release)
    assert not sealed(s, release)


def test_art30_long_computer_based_sitting_is_sealed_for_two_hours_with_or_without_option() -> None:
    for early in (False, True):
        s = sched(150, SittingMode.COMPUTER, early=early)
        assert sealing_ends_at(s) == START + timedelta(hours=2)


def test_art30_nothing_is_sealed_before_the_start() -> None:
    s = sched(120)
    assert not sealed(s, START - SECOND)
    assert sealed(s, START)


def test_art30_early_release_is_refused_for_paper_sittings() -> None:
    with pytest.raises(ValueError):
        sched(90, SittingMode.PAPER, early=True)


def test_schedule_refuses_naive_times() -> None:
    with pytest.raises(ValueError):
        Schedule(datetime(2026, 11, 28, 8, 30), datetime(2026, 11, 28, 10, 30), SittingMode.PAPER)


def test_art30_entry_cutoff_is_the_same_instant_in_utc() -> None:
    utc_start = START.astimezone(VENUE_TZ).astimezone(datetime.now().astimezone().tzinfo)
    s = Schedule(utc_start, utc_start + timedelta(hours=2), SittingMode.PAPER)
    assert entry_closes_at(s) == START + timedelta(minutes=5)


def test_art30_a_desk_warns_five_minutes_before_entry_closes_and_after() -> None:
    closes = entry_closes_at(sched(150))
    assert not entry_closing(closes, closes - timedelta(minutes=5) - SECOND)
    assert entry_closing(closes, closes - timedelta(minutes=5))
    assert entry_closing(closes, closes)
    assert entry_closing(closes, closes + timedelta(hours=3))


def test_a_desk_opens_on_the_sitting_whose_entry_is_open_else_the_next_else_the_last() -> None:
    morning, afternoon = START + timedelta(minutes=5), START + timedelta(hours=6)
    closes = [morning, afternoon]
    assert current_sitting(closes, START - timedelta(hours=1)) == 0
    assert current_sitting(closes, morning) == 0  # the closing instant itself: still this one
    assert current_sitting(closes, morning + SECOND) == 1
    assert current_sitting(closes, afternoon + timedelta(hours=1)) == 1
    assert current_sitting([], START) == 0
