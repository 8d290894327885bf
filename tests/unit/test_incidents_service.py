"""Incidents from draft to confirmation, amendments, signatures, evidence, report-now (misconduct
arts. 16–17; exam rules arts. 32, 43, 46), on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from app.db.models_incidents import Incident, IncidentAmendment
from app.db.models_sync import OutboxEntry
from app.domain import RetentionClass
from app.errors import VenueError
from app.security.permissions import Permission
from app.services import incident_evidence, incident_signatures, incidents
from app.services.incident_log import incident_log
from tests.unit.test_control_support import Day, exam_day
from tests.unit.test_security_support import audit_events

TICKET = "2026000000012"


def _draft(day: Day, category: str = "art6.1", **kw: object) -> uuid.UUID:
    chief = day.login("J0001")
    with day.session() as s, s.begin():
        inc = incidents.open_draft(s, chief.actor, desk=chief.desk, category=category, facts="",
                                   sitting_id=day.sitting, room_id=day.rooms["01"],
                                   candidate_ids=[day.candidates[TICKET]], now=day.clock.now, **kw)  # type: ignore[arg-type]
        return inc.id


def _code(fn: object, *args: object, **kw: object) -> str:
    with pytest.raises(VenueError) as err:
        fn(*args, **kw)  # type: ignore[operator]
    return err.value.code


def _outbox(engine: Engine, kind: str = "incident") -> list[OutboxEntry]:
    from sqlalchemy.orm import Session

    with Session(engine) as s:
        return list(s.scalars(select(OutboxEntry).where(OutboxEntry.kind == kind).order_by(OutboxEntry.seq)))


def test_misconduct_art16_confirmation_needs_facts_action_and_the_candidate_s_signature(engine: Engine) -> None:
    day = exam_day(engine)
    iid = _draft(day)
    chief, inv = day.login("Z0001"), day.login("J0001")
    with day.session() as s, s.begin():
        assert _code(incidents.confirm, s, chief, iid, now=day.clock.now) == "incident.facts_missing"
    with day.session() as s, s.begin():
        incidents.complete(s, inv, iid, facts="座位抽屉内有手机，警告后未交出", action_taken="收缴手机，继续考试", now=day.clock.now)
    with day.session() as s, s.begin():
        with pytest.raises(VenueError) as err:
            incidents.confirm(s, chief, iid, now=day.clock.now)
    assert err.value.code == "incident.signature_missing" and TICKET in str(err.value)
    with day.session() as s, s.begin():
        incident_signatures.record_signature(s, inv, iid, day.candidates[TICKET], now=day.clock.now)
    with day.session() as s, s.begin():
        assert _code(incidents.confirm, s, inv, iid, now=day.clock.now) == "security.permission_denied"  # only the chief confirms
    with day.session() as s, s.begin():
        incidents.confirm(s, chief, iid, now=day.clock.now)
    with day.session() as s:
        inc = s.get(Incident, iid)
        assert inc is not None and inc.status == "confirmed" and inc.confirmed_by_name == "主考 王"
        # Misconduct may found a sanction: kept as a serious case (art. 25), 2 years.
        assert inc.retention_class is RetentionClass.SERIOUS
    versions = [json.loads(e.payload_json)["status"] for e in _outbox(engine)]
    assert versions[0] == "draft" and versions[-1] == "confirmed"
    assert [e.idempotency_key for e in _outbox(engine)] == [f"incident:{iid}:{v}" for v in range(1, 5)]


def test_misconduct_art17_refusal_to_sign_is_witnessed_by_two_authenticated_staff(engine: Engine) -> None:
    day = exam_day(engine)
    iid = _draft(day, "art7.5")
    witnesses = day.two("J0001", "J0003", Permission.RECORD_INCIDENT, "incident.refused_to_sign",
                        (iid, day.candidates[TICKET]))
    with day.session() as s, s.begin():
        sig = incident_signatures.record_refusal(s, witnesses, iid, day.candidates[TICKET], note="拒绝签字", now=day.clock.now)
    assert (sig.status, sig.witness1_name, sig.witness2_name) == ("refused", "监考 张一", "监考 陈三")
    (event,) = audit_events(engine, "incident.refused_to_sign")
    assert (event.actor_name, event.cosigner_name) == ("监考 张一", "监考 陈三")
    with day.session() as s, s.begin():
        assert _code(incident_signatures.record_signature, s, day.login("J0001"), iid,
                     day.candidates[TICKET], now=day.clock.now) == "incident.signature_recorded"
    with day.session() as s, s.begin():
        other = day.candidates["2026000000011"]
        assert _code(incident_signatures.record_signature, s, day.login("J0001"), iid, other, now=day.clock.now) == "incident.candidate_not_listed"


def test_art43_confirmed_incident_changes_only_by_amendment_with_reason(engine: Engine) -> None:
    day = exam_day(engine)
    iid = _draft(day, "late_refused")
    chief = day.login("Z0001")
    with day.session() as s, s.begin():
        incidents.complete(s, chief, iid, facts="08:41 到达", action_taken="拒绝入场", now=day.clock.now)
        incidents.confirm(s, chief, iid, now=day.clock.now)
    with day.session() as s, s.begin():
        assert _code(incidents.complete, s, chief, iid, facts="x", now=day.clock.now) == "incident.not_draft"
    with day.session() as s, s.begin():
        assert _code(incidents.amend, s, chief, iid, {"facts": "08:42 到达"}, " ", now=day.clock.now) == "incident.reason_required"
    with day.session() as s, s.begin():
        assert _code(incidents.amend, s, chief, iid, {"status": "draft"}, "x", now=day.clock.now) == "incident.not_amendable"
    with day.session() as s, s.begin():
        incidents.amend(s, chief, iid, {"facts": "08:42 到达（以监控时间为准）"}, "时间以监控为准", now=day.clock.now)
    with day.session() as s:
        (am,) = s.scalars(select(IncidentAmendment).where(IncidentAmendment.incident_id == iid)).all()
        assert json.loads(am.before_json) == {"facts": "08:41 到达"}
        assert json.loads(am.after_json) == {"facts": "08:42 到达（以监控时间为准）"}
        assert am.reason == "时间以监控为准"
    (event,) = audit_events(engine, "incident.amend")
    assert event.reason == "时间以监控为准" and "08:41" in (event.before_json or "")
    assert json.loads(_outbox(engine)[-1].payload_json)["facts"].startswith("08:42")


def test_art46_serious_category_is_flagged_report_now_until_marked_reported(engine: Engine) -> None:
    day = exam_day(engine)
    iid = _draft(day, "paper_leak")
    chief = day.login("Z0001")
    with day.session() as s:
        (line,) = incident_log(s)
    assert line.serious and line.waiting_report(day.clock.now + timedelta(minutes=7)) == timedelta(minutes=7)
    with day.session() as s, s.begin():
        assert _code(incidents.mark_reported, s, chief, iid, via="电话", to=" ", now=day.clock.now) == "incident.report_details"
    with day.session() as s, s.begin():
        incidents.mark_reported(s, chief, iid, via="电话", to="省人事考试中心 值班室", now=day.clock.now)
    with day.session() as s:
        (line,) = incident_log(s)
        assert line.waiting_report(day.clock.now) is None and line.reported_to == "省人事考试中心 值班室"
    with day.session() as s, s.begin():
        assert _code(incidents.mark_reported, s, chief, iid, via="x", to="y", now=day.clock.now) == "incident.already_reported"
    plain = _draft(day, "illness")
    with day.session() as s, s.begin():
        assert _code(incidents.mark_reported, s, chief, plain, via="x", to="y", now=day.clock.now) == "incident.not_serious"


def test_art32_amending_to_a_serious_category_flags_it(engine: Engine) -> None:
    day = exam_day(engine)
    iid = _draft(day, "illness")
    chief = day.login("Z0001")
    with day.session() as s, s.begin():
        incidents.complete(s, chief, iid, facts="多名考生", action_taken="报告", now=day.clock.now)
        incidents.confirm(s, chief, iid, now=day.clock.now)
        incidents.amend(s, chief, iid, {"category": "mass_interruption"}, "停电导致考试中断", now=day.clock.now)
    with day.session() as s:
        inc = s.get(Incident, iid)
        assert inc is not None and inc.serious and inc.retention_class is RetentionClass.SERIOUS


def test_art29_evidence_is_hashed_stored_and_queued_for_upload(engine: Engine, tmp_path: Path) -> None:
    day = exam_day(engine)
    iid = _draft(day, "art7.5")
    snap = tmp_path / "snapshot.jpg"
    snap.write_bytes(b"\xff\xd8camera frame\xff\xd9")
    sha = hashlib.sha256(snap.read_bytes()).hexdigest()
    inv = day.login("J0001")
    with day.session() as s, s.begin():
        ev = incident_evidence.add_evidence(s, inv, iid, snap, tmp_path / "evidence", kind="snapshot", now=day.clock.now)
    stored = Path(ev.stored_path)
    assert stored.is_absolute() and stored.read_bytes() == snap.read_bytes() and ev.sha256 == sha
    assert ev.retention_class is RetentionClass.SERIOUS
    (entry,) = _outbox(engine, "evidence_file")
    assert json.loads(entry.payload_json) == {"sha256": sha, "path": str(stored), "size": ev.size,
                                              "owner_kind": "incident", "owner_id": str(iid)}
    with day.session() as s, s.begin():
        assert _code(incident_evidence.add_evidence, s, inv, iid, snap, tmp_path / "evidence", now=day.clock.now) == "incident.evidence_duplicate"
    with day.session() as s, s.begin():
        assert _code(incident_evidence.add_evidence, s, inv, iid, tmp_path / "gone.jpg",
                     tmp_path / "evidence", now=day.clock.now) == "incident.evidence_missing"


def test_the_same_file_attached_to_two_incidents_is_queued_twice_and_stored_once(engine: Engine, tmp_path: Path) -> None:
    day = exam_day(engine)
    first, second = _draft(day, "art7.5"), _draft(day, "art6.1")
    snap = tmp_path / "shared.jpg"
    snap.write_bytes(b"\xff\xd8one frame, two cases\xff\xd9")
    inv = day.login("J0001")
    for iid in (first, second):
        with day.session() as s, s.begin():
            incident_evidence.add_evidence(s, inv, iid, snap, tmp_path / "evidence", kind="snapshot", now=day.clock.now)
    entries = _outbox(engine, "evidence_file")
    assert len(entries) == 2 and len({json.loads(e.payload_json)["sha256"] for e in entries}) == 1


def test_failed_step_leaves_nothing_half_written(engine: Engine) -> None:
    day = exam_day(engine)
    iid = _draft(day)
    before = len(audit_events(engine)), len(_outbox(engine))
    chief = day.login("Z0001")
    after_login = len(audit_events(engine))
    with day.session() as s, s.begin():
        assert _code(incidents.complete, s, chief, iid, category="art99", now=day.clock.now) == "incident.unknown_category"
    assert (len(audit_events(engine)), len(_outbox(engine))) == (after_login, before[1])


def test_art26_incident_recorded_from_the_log_by_room_code_and_ticket(engine: Engine) -> None:
    day = exam_day(engine)
    inv = day.login("J0003")
    with day.session() as s, s.begin():
        assert _code(incidents.record_new, s, inv, category="device_failure", facts="x",
                     room_code="99", now=day.clock.now) == "incident.unknown_room"
    with day.session() as s, s.begin():
        assert _code(incidents.record_new, s, inv, category="art6.4", facts="x",
                     tickets=["2026000000012", "123"], now=day.clock.now) == "incident.unknown_ticket"
    with day.session() as s, s.begin():
        inc = incidents.record_new(s, inv, category="art6.4", facts="未经允许离开座位", action_taken="警告",
                                   sitting_id=day.sitting, room_code="01", tickets=[TICKET], now=day.clock.now)
    with day.session() as s:
        (line,) = incident_log(s)
    assert (line.id, line.room_code, line.action_taken, line.candidates[0][0]) == (inc.id, "01", "警告", TICKET)
