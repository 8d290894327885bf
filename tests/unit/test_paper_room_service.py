"""The secure paper room on real SQLite and PostgreSQL databases (art. 22(五), 29): duty log and
its gaps, the video index with hashes, retention and evidence, camera events."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.db.models_custody import DutyGap, VideoSegment
from app.db.models_sync import OutboxEntry
from app.domain import RetentionClass
from app.errors import VenueError
from app.rules.custody import ESCORT, EXAM_OFFICE, SECURE_ROOM, Side
from app.services import paper_room
from app.services.audit import Actor
from tests.unit.test_custody_support import DESK, STARTS, Venue, make_venue
from tests.unit.test_security_support import GOOD, audit_events

ALL = ("01Q", "01A", "02Q", "02A", "SPQ")
SYSTEM = Actor.system("paper-room")


def _gaps(engine: Engine) -> list[DutyGap]:
    with Session(engine) as s:
        return list(s.scalars(select(DutyGap).order_by(DutyGap.started_at)))


def _kinds(engine: Engine) -> list[tuple[str, str]]:
    with Session(engine) as s:
        return [(e.kind, e.idempotency_key.rsplit(":", 1)[1])
                for e in s.scalars(select(OutboxEntry).where(OutboxEntry.kind == "duty_gap").order_by(OutboxEntry.seq))]


def _receive(v: Venue) -> None:
    v.hand_over(ESCORT, SECURE_ROOM, v.ok(*ALL), ("Z0001", "F0001"), ("B0001", "B0002"))


def test_art22_5_duty_gap_opens_when_papers_arrive_with_fewer_than_two_on_duty_and_closes_at_two(
        engine: Engine) -> None:
    v = make_venue(engine)
    v.paper_room.sign_on(DESK, "B0001", GOOD)
    assert not _gaps(engine)  # nothing in the room yet: one on duty is allowed
    _receive(v)
    [gap] = _gaps(engine)
    assert gap.ended_at is None and gap.on_duty == 1 and gap.items_in_room == 5
    with Session(engine) as s:
        [a] = paper_room.alerts(s, v.clock.now)
        assert a.code == "paper_room.duty_gap" and a.severity == "critical"
    v.clock.advance(minutes=7)
    state = v.paper_room.sign_on(DESK, "B0002", GOOD)
    assert not state.short and [d.name for d in state.on_duty] == ["security_staff B0001", "security_staff B0002"]
    [gap] = _gaps(engine)
    assert gap.ended_at == v.clock.now and gap.ended_at - gap.started_at == timedelta(minutes=7)
    assert _kinds(engine) == [("duty_gap", "1"), ("duty_gap", "2")]
    # Signing off to one opens a new gap; papers leaving the room end it.
    v.clock.advance(hours=1)
    assert v.paper_room.sign_off(DESK, "B0002", GOOD).short
    v.hand_over(SECURE_ROOM, EXAM_OFFICE, v.ok(*ALL), ("B0001", "B0003"), ("Z0001", "F0001"))
    assert [g.ended_at is not None for g in _gaps(engine)] == [True, True]
    assert [e.action for e in audit_events(engine, "paper_room.")] == [
        "paper_room.sign_on", "paper_room.duty_gap_opened", "paper_room.sign_on", "paper_room.duty_gap_closed",
        "paper_room.sign_off", "paper_room.duty_gap_opened", "paper_room.duty_gap_closed"]


def test_art22_5_duty_sign_on_needs_own_credential_role_and_no_double_shift(engine: Engine) -> None:
    v = make_venue(engine)
    for number, credential, code in (("B0001", "wrong-credential", "auth.bad_credentials"),
                                     ("J0701", GOOD, "security.permission_denied")):
        with pytest.raises(VenueError) as err:
            v.paper_room.sign_on(DESK, number, credential)
        assert err.value.code == code
    v.paper_room.sign_on(DESK, "B0001", GOOD)
    with pytest.raises(VenueError) as err:
        v.paper_room.sign_on(DESK, "B0001", GOOD)
    assert err.value.code == "paper_room.already_on_duty"
    with pytest.raises(VenueError) as err:
        v.paper_room.sign_off(DESK, "B0002", GOOD)
    assert err.value.code == "paper_room.not_on_duty"


def _segment(v: Venue, tmp_path: Path, name: str, minutes: int, camera: str = "cam-1") -> tuple[object, Path]:
    path = tmp_path / f"{name}.mp4"
    path.write_bytes(b"video" * 100)
    start = STARTS + timedelta(minutes=minutes)
    return v.paper_room.index_segment(SYSTEM, DESK, camera, path, start, start + timedelta(minutes=1), 900,
                                      "ab" * 32, 500), path


def test_art22_5_segments_younger_than_3_months_cannot_be_deleted(engine: Engine, tmp_path: Path) -> None:
    v = make_venue(engine)
    seg, path = _segment(v, tmp_path, "a", 0)
    chief = v.login()
    v.clock.now = STARTS + timedelta(days=60)
    with pytest.raises(VenueError) as err:
        v.paper_room.delete_segment(chief, seg)  # type: ignore[arg-type]
    assert err.value.code == "paper_room.retention" and path.exists()
    with pytest.raises(VenueError) as err:
        v.paper_room.delete_segment(v.custody.sign(DESK, "B0001", GOOD, Side.GIVING), seg)  # type: ignore[arg-type]
    assert err.value.code == "security.permission_denied"
    v.clock.now = STARTS + timedelta(days=91)  # 16 May + 91 days is 15 Aug: 3 months end on 16 Aug
    with pytest.raises(VenueError) as err:
        v.paper_room.delete_segment(chief, seg)  # type: ignore[arg-type]
    assert err.value.code == "paper_room.retention"
    v.clock.now = STARTS + timedelta(days=92, minutes=1)
    v.paper_room.delete_segment(chief, seg)  # type: ignore[arg-type]
    assert not path.exists()
    [event] = audit_events(engine, "paper_room.segment_deleted")
    assert "ab" * 32 in (event.before_json or "")


def test_art29_marking_evidence_gives_overlapping_segments_the_2_year_class(engine: Engine, tmp_path: Path) -> None:
    v = make_venue(engine)
    inside, _ = _segment(v, tmp_path, "inside", 10)
    other_cam, _ = _segment(v, tmp_path, "other", 10, camera="cam-2")
    outside, _ = _segment(v, tmp_path, "outside", 30)
    chief = v.login()
    with pytest.raises(VenueError) as err:
        v.paper_room.mark_evidence(chief, STARTS, STARTS + timedelta(minutes=15), "cam-1", " ")
    assert err.value.code == "paper_room.reason_required"
    v.paper_room.mark_evidence(chief, STARTS + timedelta(minutes=5), STARTS + timedelta(minutes=15), "cam-1",
                               "夜间门禁告警")
    later, _ = _segment(v, tmp_path, "later", 12)  # indexed after the marking: classed on arrival
    with Session(engine) as s:
        classes = {seg.id: seg.retention_class for seg in s.scalars(select(VideoSegment))}
        queued = s.scalars(select(OutboxEntry).where(OutboxEntry.kind == "paper_room_evidence")).one()
        files = {e.record_id for e in s.scalars(select(OutboxEntry).where(OutboxEntry.kind == "evidence_file"))}
    assert files == {str(inside), str(later)}  # the kept video itself is uploaded, each segment once
    assert classes == {inside: RetentionClass.SERIOUS, other_cam: RetentionClass.PAPER_ROOM_VIDEO,
                       outside: RetentionClass.PAPER_ROOM_VIDEO, later: RetentionClass.SERIOUS}
    assert json.loads(queued.payload_json)["segments"][0]["file"] == "inside.mp4"
    v.clock.now = STARTS + timedelta(days=100)
    with pytest.raises(VenueError) as err:
        v.paper_room.delete_segment(chief, inside)  # type: ignore[arg-type]
    assert err.value.code == "paper_room.retention"


def test_art22_5_motion_alerts_only_outside_handover_windows_and_tamper_always(engine: Engine) -> None:
    v = make_venue(engine)
    night = STARTS - timedelta(hours=8)
    before_exam = STARTS - timedelta(minutes=40)
    v.clock.now = STARTS + timedelta(minutes=5)
    moving = v.paper_room.record_event(SYSTEM, DESK, "cam-1", "motion", night, "", Path("/tmp/snap.jpg"))
    expected = v.paper_room.record_event(SYSTEM, DESK, "cam-1", "motion", before_exam)
    covered = v.paper_room.record_event(SYSTEM, DESK, "cam-2", "covered", STARTS)
    assert (moving.alert, expected.alert, covered.alert) == (True, False, True)
    with Session(engine) as s:
        codes = [a.code for a in paper_room.alerts(s, v.clock.now)]
    assert codes == ["paper_room.tamper", "paper_room.motion"]
    assert [e.kind for e in v.paper_room.events()] == ["covered", "motion", "motion"]


def test_art22_5_disk_forecast_uses_the_last_day_of_recording(engine: Engine, tmp_path: Path) -> None:
    v = make_venue(engine)
    for minute in range(10):
        _segment(v, tmp_path, f"s{minute}", minute)
    v.clock.now = STARTS + timedelta(minutes=10)
    f = v.paper_room.forecast(free_bytes=10_000)
    # 5,000 bytes in 10 minutes is 720,000 a day: 10,000 free + 5,000 held is far below 3 months.
    assert f.bytes_per_day == pytest.approx(720_000) and not f.enough
    with Session(engine) as s:
        assert "paper_room.disk" in [a.code for a in paper_room.alerts(s, v.clock.now, free_bytes=10_000)]
    assert v.paper_room.forecast(free_bytes=10**9).enough



def test_art22_5_the_control_room_hears_of_a_duty_gap(engine: Engine) -> None:
    from app.services import control

    v = make_venue(engine)
    v.paper_room.sign_on(DESK, "B0001", GOOD)
    with Session(engine) as s:
        assert not [a for a in control.venue_alerts(s, v.clock.now) if a.code == "paper_room.duty_gap"]
    _receive(v)
    with Session(engine) as s:
        assert [a.severity for a in control.venue_alerts(s, v.clock.now) if a.code == "paper_room.duty_gap"] == ["critical"]
