"""A whole exam day, headless and out of `--demo` (design: "The exam-day engine"), on a real SQLite
file and on PostgreSQL: the package imported, admissions through the check-in service on the
venue clock, the PC's clock changed mid-sitting, and entry close marking every room's absences
with no desk window open."""

from __future__ import annotations

import json
import threading
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from app.changes import DataKind
from app.db.models import AuditEvent
from app.db.models_checkin import Absence, Admission
from app.domain import Role
from app.engine.clock import TimeTravelRefused
from app.rules.checkin import CardPhoto, PresentedDocument, PresentedTicket, PresentedType, Reason, Verdict
from app.rules.timing import entry_closes_at
from app.services import control
from app.services.absences import MARK_ABSENT
from app.services.checkin import CheckinService, DeskSetup
from tests.venue_day.conftest import VenueDay, open_day, seated


def _present(day: VenueDay, service: CheckinService, c: dict[str, Any], sitting: str) -> Any:
    user = day.login(day.staff_numbers(Role.INVIGILATOR)[0])
    document = PresentedDocument(PresentedType(c["document_type"]), c["document_number"], c["name"],
                                 card_photo=CardPhoto.DECODED)
    return service.present(user, DeskSetup(day.sittings[sitting].id, None, "desk-gate"),
                           ticket=PresentedTicket(c["ticket_number"]), document=document)


def _count(day: VenueDay, model: Any, **where: Any) -> int:
    with day.core.sessions() as s:
        stmt = select(func.count()).select_from(model)
        for key, value in where.items():
            stmt = stmt.where(getattr(model, key) == value)
        return int(s.scalar(stmt) or 0)


def test_art30_package_import_then_admissions_before_and_after_the_cutoff(venue_day: VenueDay) -> None:
    day = venue_day
    assert day.imported["candidates"] > 0 and day.imported["rooms"] == 4
    service = CheckinService(day.core.sessions, day.core.cipher, day.clock)
    first, second, late = seated("S1")[:3]
    day.until(day.sittings["S1"].schedule.starts_at - timedelta(minutes=20))
    assert _present(day, service, first, "S1").verdict is Verdict.ADMIT
    day.until(entry_closes_at(day.sittings["S1"].schedule) - timedelta(seconds=1))
    assert _present(day, service, second, "S1").verdict is Verdict.ADMIT
    day.time.advance(seconds=1)  # the closing instant itself: the door is shut (art. 30(二))
    refused = _present(day, service, late, "S1")
    assert refused.verdict is Verdict.REFUSE and refused.decision.reason is Reason.ENTRY_CLOSED
    assert _count(day, Admission) == 2


def test_art30_2_pc_clock_changed_mid_sitting_moves_no_timer_and_is_alerted(venue_day: VenueDay) -> None:
    day = venue_day
    engine = day.engine()
    service = CheckinService(day.core.sessions, day.core.cipher, day.clock)
    schedule = day.sittings["S1"].schedule
    closes = entry_closes_at(schedule)
    day.until(schedule.starts_at + timedelta(minutes=10))  # entry closed 5 minutes ago
    engine.tick()
    venue_now = day.clock.now()
    day.time.set_pc_clock(minutes=-10)  # somebody sets the PC back to reopen the door
    engine.tick()
    assert day.clock.now() == venue_now  # no timer moved
    late = seated("S1")[0]
    refused = _present(day, service, late, "S1")
    assert refused.verdict is Verdict.REFUSE and refused.decision.reason is Reason.ENTRY_CLOSED
    assert refused.decision.closes_at == closes
    day.time.set_pc_clock(hours=1)  # and then an hour ahead
    day.time.advance(seconds=3)
    engine.tick()
    assert day.clock.now() == venue_now + timedelta(seconds=3)
    with day.core.sessions() as s:
        jumps = list(s.scalars(select(AuditEvent).where(AuditEvent.action == "clock.jump").order_by(AuditEvent.seq)))
        view = control.control_view(s, day.sittings["S1"].id, day.clock.now())
    assert [round(json.loads(e.after_json or "{}")["change_seconds"]) for e in jumps] == [-600, 3600]
    assert {e.entity_id for e in jumps} == {str(day.sittings["S1"].id)}
    assert sorted(a.count for a in view.alerts if a.kind == "clock_jump") == [-600, 3600]
    engine.tick()  # reported once
    assert _count(day, AuditEvent, action="clock.jump") == 2


def test_art30_2_entry_close_with_no_desk_window_marks_every_room_absent_exactly_once(venue_day: VenueDay) -> None:
    day = venue_day
    engine = day.engine()
    service = CheckinService(day.core.sessions, day.core.cipher, day.clock)
    schedule = day.sittings["S1"].schedule
    day.until(schedule.starts_at - timedelta(minutes=15))
    admitted = seated("S1")[:3]
    for c in admitted:
        assert _present(day, service, c, "S1").verdict is Verdict.ADMIT
    engine.tick()
    assert _count(day, Absence) == 0  # entry still open
    day.until(entry_closes_at(schedule))
    [closed] = engine.tick()
    expected = len(seated("S1")) - len(admitted)
    assert closed.marked == expected
    engine.tick()
    assert day.engine(desk="desk-later").tick()[0].marked == 0  # another desk's engine later: nobody twice
    with day.core.sessions() as s:
        rooms = dict(s.execute(select(Absence.room_id, func.count()).group_by(Absence.room_id)).all())
    by_room: dict[str, int] = {}
    for c in seated("S1")[len(admitted):]:
        by_room[c["room"]] = by_room.get(c["room"], 0) + 1
    assert {code: rooms.get(day.rooms[code], 0) for code in by_room} == by_room and len(rooms) == len(by_room)
    assert _count(day, Absence) == expected
    assert _count(day, AuditEvent, action=MARK_ABSENT) == 1


@pytest.mark.postgres
def test_art30_2_entry_close_from_three_engines_at_once_on_postgresql(pg_url: str, tmp_path: Any) -> None:
    day = open_day(tmp_path, pg_url)
    try:
        engines = [day.engine(desk=f"desk-{i}") for i in range(3)]
        day.until(entry_closes_at(day.sittings["S1"].schedule) + timedelta(seconds=1))
        start = threading.Barrier(3)
        results: list[int] = []

        def run(engine: Any) -> None:
            start.wait()
            results.extend(c.marked for c in engine.tick())

        threads = [threading.Thread(target=run, args=(e,)) for e in engines]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        assert sorted(results) == [0, 0, len(seated("S1"))]
        assert _count(day, Absence) == len(seated("S1"))
        assert _count(day, AuditEvent, action=MARK_ABSENT) == 1
    finally:
        day.core.close()


def test_art30_2_the_engine_announces_what_entry_close_changed(venue_day: VenueDay) -> None:
    day = venue_day
    engine = day.engine()
    heard: list[frozenset[DataKind]] = []
    engine.subscribe(heard.append)
    engine.tick()
    assert heard == []  # nothing written, nothing announced
    day.until(entry_closes_at(day.sittings["S1"].schedule))
    engine.tick()
    assert heard and DataKind.ATTENDANCE in heard[0]


def test_art30_2_only_the_demo_moves_the_venue_clock(venue_day: VenueDay) -> None:
    """Outside --demo nothing can move the venue's time: the demo's "arrive late" is refused."""
    before = venue_day.clock.now()
    with pytest.raises(TimeTravelRefused):
        venue_day.clock.travel(timedelta(minutes=-30))
    assert venue_day.clock.now() == before and venue_day.clock.offset == timedelta(0)
