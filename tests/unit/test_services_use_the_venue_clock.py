"""Each converted service stamps what it writes with the clock it was built with (issue 12, item 3),
never with the PC's clock: a venue clock anchored three hours away from the PC's time (a real
`VenueClock`, its wall read once at the anchor) gives records three hours away. A service that
fell back to `utcnow()` anywhere would write the PC's time and fail here. On a real SQLite file."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from app.db.engine import make_session_factory
from app.db.models import AuditEvent, ImportedPackage
from app.db.models_checkin import Absence
from app.db.models_control import InvigilatorDraw, RoomRecordSignature, RoomSitting
from app.db.models_incidents import Incident
from app.db.models_sync import OutboxEntry
from app.engine.clock import VenueClock
from app.package import demo_trusted_keys as trusted
from app.package.importer import PackageImporter
from app.services.absences import mark_absences
from app.services.audit import Actor
from app.services.control_room import ControlRoomService
from app.services.incident_log import IncidentLogService
from app.services.invigilator_records import InvigilatorRecords
from app.services.maintenance import MaintenanceService
from tests.unit.test_control_room_record import _sitting_through
from tests.unit.test_control_support import Day, exam_day
from tests.unit.test_package_kit import ACTOR, CIPHER, small_package
from tests.unit.test_security_support import GOOD

OFF = timedelta(hours=3)
pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


def three_hours_off() -> VenueClock:
    """The venue's clock, anchored where the PC's clock reads three hours later than now."""
    return VenueClock(lambda: datetime.now(UTC) + OFF)


class Stamps:
    """The venue clock's readings around a call: what it wrote must lie between them."""

    def __init__(self, clock: Callable[[], datetime]) -> None:
        self.clock = clock

    def __enter__(self) -> Stamps:
        self.first = self.clock()
        return self

    def __exit__(self, *exc: object) -> None:
        self.last = self.clock()

    def holds(self, *stamps: datetime | None) -> bool:
        real = datetime.now(UTC)
        return all(s is not None and self.first <= s <= self.last and s - real > OFF - timedelta(minutes=5)
                   for s in stamps)


def _sessions(engine: Engine) -> sessionmaker[Session]:
    return make_session_factory(engine)


def _events_since(s: Session, seq: int) -> list[AuditEvent]:
    return list(s.scalars(select(AuditEvent).where(AuditEvent.seq > seq).order_by(AuditEvent.seq)))


def _last_seq(engine: Engine) -> int:
    with Session(engine) as s:
        return int(s.scalar(select(AuditEvent.seq).order_by(AuditEvent.seq.desc()).limit(1)) or 0)


def test_art30_incident_log_service_stamps_the_incident_with_its_venue_clock(engine: Engine, tmp_path: Path) -> None:
    day, clock = exam_day(engine), three_hours_off()
    service = IncidentLogService(_sessions(engine), clock, day.auth, day.login("J0001"), tmp_path / "evidence")
    seq = _last_seq(engine)
    with Stamps(clock) as window:
        service.new("01", ["2026000000012"], "illness", "头晕", "送医务室")
    with Session(engine) as s:
        incident = s.scalars(select(Incident)).one()
        events = _events_since(s, seq)
    assert window.holds(incident.occurred_at, incident.created_at)
    assert [e.action for e in events] == ["incident.open_draft", "outbox.queued", "incident.complete", "outbox.queued"]
    assert window.holds(*(e.at_utc for e in events))


def test_art30_an_incident_s_queued_rows_and_their_audit_ties_use_the_venue_clock(engine: Engine,
                                                                                 tmp_path: Path) -> None:
    day, clock = exam_day(engine), three_hours_off()
    service = IncidentLogService(_sessions(engine), clock, day.auth, day.login("J0001"), tmp_path / "evidence")
    seq = _last_seq(engine)
    with Stamps(clock) as window:
        service.new("01", ["2026000000012"], "illness", "头晕", "")
    with Session(engine) as s:
        ties = [e.at_utc for e in _events_since(s, seq) if e.action == "outbox.queued"]
        rows = list(s.scalars(select(OutboxEntry.created_at).where(OutboxEntry.kind == "incident")))
    assert len(ties) == len(rows) == 1 and window.holds(*ties, *rows)


def test_art19_the_draw_is_stamped_with_the_control_room_s_venue_clock(engine: Engine) -> None:
    day, clock = exam_day(engine), three_hours_off()
    service = ControlRoomService(_sessions(engine), clock, day.auth, day.login("Z0001"))
    with Stamps(clock) as window:
        service.draw(day.sitting, "F0001", GOOD, reason="")
    with Session(engine) as s:
        draw = s.scalars(select(InvigilatorDraw)).one()
    assert window.holds(draw.drawn_at)


def test_art23_an_invigilator_s_signature_is_stamped_with_the_venue_clock(engine: Engine) -> None:
    day, clock = exam_day(engine), three_hours_off()
    first, _ = _sitting_through(day)
    service = InvigilatorRecords(_sessions(engine), clock, day.auth, day.login(first))
    with Stamps(clock) as window:
        service.sign(day.sitting, day.rooms["01"], GOOD)
    with Session(engine) as s:
        sig = s.scalars(select(RoomRecordSignature)).one()
    assert window.holds(sig.at)


def test_art23_the_chief_s_countersignature_completes_the_record_at_the_venue_clock(engine: Engine) -> None:
    day, clock = exam_day(engine), three_hours_off()
    first, _ = _sitting_through(day)
    InvigilatorRecords(_sessions(engine), clock, day.auth, day.login(first)).sign(day.sitting, day.rooms["01"], GOOD)
    with Stamps(clock) as window:
        ControlRoomService(_sessions(engine), clock, day.auth, day.login("Z0001")).sign_room_record(
            day.sitting, day.rooms["01"])
    with Session(engine) as s:
        chief = s.scalars(select(RoomRecordSignature).where(RoomRecordSignature.role == "chief_examiner")).one()
        room = s.scalars(select(RoomSitting).where(RoomSitting.room_id == day.rooms["01"])).one()
    assert window.holds(chief.at, room.record_signed_at)


def test_the_package_import_is_stamped_with_the_importer_s_venue_clock(engine: Engine, tmp_path: Path) -> None:
    clock = three_hours_off()
    importer = PackageImporter(_sessions(engine), clock, trusted_keys=trusted(), cipher=CIPHER, actor=ACTOR,
                               desk="office")
    with Stamps(clock) as window:
        importer.import_file(small_package(tmp_path))
    with Session(engine) as s:
        imported = s.scalars(select(ImportedPackage)).one()
        (event,) = s.scalars(select(AuditEvent).where(AuditEvent.action == "package.imported")).all()
    assert window.holds(imported.imported_at, event.at_utc)


def test_art30_absences_and_their_outbox_rows_carry_the_closer_s_now(engine: Engine) -> None:
    """mark_absences runs in its caller's transaction at the caller's `now` (the scheduler's and the
    desk's venue clock): the absences and their queued rows both carry that time."""
    day: Day = exam_day(engine)
    clock = three_hours_off()
    now = clock()
    with day.session() as s, s.begin():
        marked = mark_absences(s, Actor.system("scheduler"), "desk", day.sitting, None, now)
    with Session(engine) as s:
        absences = s.scalars(select(Absence)).all()
        queued = s.scalars(select(OutboxEntry).where(OutboxEntry.kind == "absence")).all()
    assert marked == 6 and len(absences) == 6 and len(queued) == 6
    assert {a.recorded_at for a in absences} == {now} and {q.created_at for q in queued} == {now}
    assert uuid.UUID(queued[0].record_id) in {a.id for a in absences}


def test_art46_a_backup_on_request_is_audited_at_the_maintenance_service_s_venue_clock(engine: Engine,
                                                                                      tmp_path: Path) -> None:
    day, clock = exam_day(engine), three_hours_off()
    service = MaintenanceService(engine, _sessions(engine), clock, setup_actor=ACTOR, desk="office")
    with Stamps(clock) as window:
        written = service.backup(day.login("Z0001"), tmp_path / "venue.bak")
    with Session(engine) as s:
        (event,) = s.scalars(select(AuditEvent).where(AuditEvent.action == "db.backup")).all()
    assert written.is_file() and window.holds(event.at_utc)
