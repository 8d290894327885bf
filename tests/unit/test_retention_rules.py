"""Retention classes (art. 25, 29, 22(五)): nothing is deleted before its class allows."""

from __future__ import annotations

from datetime import UTC, datetime

from app.domain import RetentionClass
from app.rules.misconduct import CATEGORIES, MISCONDUCT, is_serious, retention_for
from app.rules.retention import Anchors, add_months, earliest_deletion, longest, may_delete

END = datetime(2026, 5, 17, 8, 0, tzinfo=UTC)
PUBLISHED = datetime(2026, 8, 31, 2, 0, tzinfo=UTC)


def test_art25_room_records_keep_six_months_after_scores_are_published() -> None:
    at = Anchors(recorded_at=END, exam_ended_at=END)
    assert earliest_deletion(RetentionClass.ROOM_RECORD, at) is None  # scores not out: keep
    assert not may_delete(RetentionClass.ROOM_RECORD, at, datetime(2040, 1, 1, tzinfo=UTC))
    published = Anchors(END, END, PUBLISHED)
    assert earliest_deletion(RetentionClass.ROOM_RECORD, published) == datetime(2027, 2, 28, 2, 0, tzinfo=UTC)
    assert not may_delete(RetentionClass.ROOM_RECORD, published, datetime(2027, 2, 28, 1, 59, tzinfo=UTC))
    assert may_delete(RetentionClass.ROOM_RECORD, published, datetime(2027, 2, 28, 2, 0, tzinfo=UTC))


def test_art25_serious_cases_two_years_electronic_copies_five_years() -> None:
    at = Anchors(END, END, PUBLISHED)
    assert earliest_deletion(RetentionClass.SERIOUS, at) == datetime(2028, 5, 17, 8, 0, tzinfo=UTC)
    assert earliest_deletion(RetentionClass.ELECTRONIC, at) == datetime(2031, 5, 17, 8, 0, tzinfo=UTC)
    # An amendment recorded later keeps its own full term.
    late = Anchors(datetime(2026, 9, 1, tzinfo=UTC), END, PUBLISHED)
    assert earliest_deletion(RetentionClass.SERIOUS, late) == datetime(2028, 9, 1, tzinfo=UTC)


def test_art29_room_video_six_months_from_exam_end_and_art22_secure_room_three_months() -> None:
    at = Anchors(datetime(2026, 5, 10, tzinfo=UTC), END)
    assert earliest_deletion(RetentionClass.VIDEO, at) == datetime(2026, 11, 17, 8, 0, tzinfo=UTC)
    assert earliest_deletion(RetentionClass.PAPER_ROOM_VIDEO, at) == datetime(2026, 8, 10, tzinfo=UTC)


def test_art29_evidence_takes_the_longer_class() -> None:
    assert longest(RetentionClass.VIDEO, RetentionClass.SERIOUS) is RetentionClass.SERIOUS
    assert add_months(datetime(2024, 8, 31, tzinfo=UTC), 6) == datetime(2025, 2, 28, tzinfo=UTC)


def test_misconduct_taxonomy_items_and_art46_report_now_flags() -> None:
    assert [c.code for c in MISCONDUCT if c.article == 6] == [f"art6.{i}" for i in range(1, 11)]
    assert [c.code for c in MISCONDUCT if c.article == 7] == [f"art7.{i}" for i in range(1, 7)]
    assert {"art8.1", "art8.2", "art8.3", "art9"} <= set(CATEGORIES)
    for code in ("paper_leak", "collusion", "mass_interruption", "answer_data_loss", "public_opinion", "art8.1"):
        assert is_serious(code), code
    for code in ("art6.1", "illness", "late_refused", "identity_mismatch", "emergency_exit", "seal_broken"):
        assert not is_serious(code), code
    assert retention_for("art6.1", False) is RetentionClass.SERIOUS
    assert retention_for("illness", False) is RetentionClass.ROOM_RECORD
    assert retention_for("illness", True) is RetentionClass.SERIOUS
