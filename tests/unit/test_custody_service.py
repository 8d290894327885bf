"""Custody handovers on real SQLite and PostgreSQL databases (arts. 22(四), 23)."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from app.db.models_custody import CustodyHandover, CustodyHandoverLine, CustodyReconciliation, CustodySigner
from app.db.models_incidents import Incident
from app.db.models_sync import OutboxEntry
from app.errors import VenueError
from app.rules.custody import ESCORT, EXAM_OFFICE, SECURE_ROOM, Account, Scanned, Side, room_place
from app.services import audit
from app.services import custody as custody_service
from app.services.custody import HandoverDraft, HandoverResult
from tests.unit.test_custody_support import DESK, ENDS, Venue, make_venue
from tests.unit.test_security_support import GOOD, audit_events

ALL = ("01Q", "01A", "02Q", "02A", "SPQ")


def _count(engine: Engine, table: type) -> int:
    with Session(engine) as s:
        return int(s.scalar(select(func.count()).select_from(table)) or 0)


def _outbox(engine: Engine, kind: str) -> list[OutboxEntry]:
    with Session(engine) as s:
        return list(s.scalars(select(OutboxEntry).where(OutboxEntry.kind == kind).order_by(OutboxEntry.seq)))


def _receive(v: Venue) -> HandoverResult:
    result = v.hand_over(ESCORT, SECURE_ROOM, v.ok(*ALL), ("Z0001", "F0001"), ("B0001", "B0002"))
    assert isinstance(result, HandoverResult)
    return result


def test_art22_4_handover_with_two_staff_per_side_is_recorded_complete_audited_and_queued(engine: Engine) -> None:
    v = make_venue(engine)
    result = _receive(v)
    assert not result.with_discrepancy and result.incident_id is None
    with Session(engine) as s:
        h = s.scalars(select(CustodyHandover)).one()
        signers = s.scalars(select(CustodySigner).order_by(CustodySigner.staff_number)).all()
        assert (h.status, h.from_place, h.to_place) == ("complete", ESCORT, SECURE_ROOM)
        assert [(g.side, g.staff_number) for g in signers] == [
            ("receiving", "B0001"), ("receiving", "B0002"), ("giving", "F0001"), ("giving", "Z0001")]
    [event] = audit_events(engine, "custody.handover")
    assert event.cosigner_name == "security_staff B0001"
    assert len(audit_events(engine, "auth.custody_sign")) >= 4
    [queued] = _outbox(engine, "custody_handover")
    assert json.loads(queued.payload_json)["status"] == "complete"
    assert audit.verify(Session(engine)).intact


def test_art22_4_one_person_per_side_is_refused_and_nothing_is_written(engine: Engine) -> None:
    v = make_venue(engine)
    by = v.login()
    draft = HandoverDraft(ESCORT, SECURE_ROOM, v.sitting, v.ok(*ALL))
    givers = v.sign("Z0001", "F0001")
    for receivers in (v.sign("B0001", side=Side.RECEIVING), v.sign("B0001", "B0001", side=Side.RECEIVING)):
        with pytest.raises(VenueError) as err:
            v.custody.record_handover(by, draft, givers, receivers)
        assert err.value.code == "custody.side_needs_two"
    with pytest.raises(VenueError) as err:
        v.custody.record_handover(by, draft, givers, v.sign("F0001", "B0001", side=Side.RECEIVING))
    assert err.value.code == "custody.same_person_both_sides"
    assert _count(engine, CustodyHandover) == 0 and not _outbox(engine, "custody_handover")


def test_art22_4_each_signer_proves_it_with_their_own_credential_and_role(engine: Engine) -> None:
    v = make_venue(engine)
    with pytest.raises(VenueError) as err:
        v.custody.sign(DESK, "B0001", "wrong-credential", Side.RECEIVING)
    assert err.value.code == "auth.bad_credentials"
    with pytest.raises(VenueError) as err:
        v.custody.sign(DESK, "X0001", GOOD, Side.RECEIVING)  # the system administrator does not carry papers
    assert err.value.code == "security.permission_denied"
    assert audit_events(engine, "auth.custody_sign_failed")


def test_art22_4_discrepancy_is_recorded_with_discrepancy_and_opens_a_draft_incident(engine: Engine) -> None:
    v = make_venue(engine)
    _receive(v)
    v.clock.advance(hours=16)  # the morning of the exam
    v.hand_over(SECURE_ROOM, EXAM_OFFICE, v.ok(*ALL), ("B0001", "B0002"), ("Z0001", "F0001"))
    scanned = (Scanned(v.code("01Q"), 29), Scanned(v.code("02Q"), 30))  # 01A missing, 29 papers, 02Q extra
    result = v.hand_over(EXAM_OFFICE, room_place("01"), scanned, ("Z0001", "F0001"), ("J0701", "J0702"))
    assert isinstance(result, HandoverResult) and result.with_discrepancy
    problems = {line.barcode: [p.value for p in line.problems] for line in result.comparison.discrepancies}
    assert problems == {v.code("01Q"): ["count"], v.code("01A"): ["missing"], v.code("02Q"): ["extra"]}
    with Session(engine) as s:
        h = s.scalars(select(CustodyHandover).where(CustodyHandover.id == result.handover_id)).one()
        incident = s.get(Incident, result.incident_id)
        assert h.status == "with_discrepancy" and h.incident_id == result.incident_id
        assert incident is not None and incident.category == "custody_discrepancy" and incident.status == "draft"
        assert v.code("01A") in incident.facts and incident.room_id is not None
        lines = s.scalars(select(CustodyHandoverLine).where(CustodyHandoverLine.handover_id == h.id)).all()
        assert {line.barcode: line.present for line in lines} == {
            v.code("01Q"): True, v.code("01A"): False, v.code("02Q"): True}
    [queued] = _outbox(engine, "custody_discrepancy")
    assert json.loads(queued.payload_json)["incident_id"] == str(result.incident_id)
    assert _outbox(engine, "incident")


def test_art23_chain_alerts_overdue_missing_and_gap(engine: Engine) -> None:
    v = make_venue(engine)
    _receive(v)
    v.hand_over(SECURE_ROOM, EXAM_OFFICE, v.ok(*ALL), ("B0001", "B0002"), ("Z0001", "F0001"))
    v.hand_over(EXAM_OFFICE, room_place("01"), v.ok("01Q"), ("Z0001", "F0001"), ("J0701", "J0702"))  # 01A missing
    v.hand_over(EXAM_OFFICE, room_place("02"), v.ok("02Q", "02A"), ("Z0001", "F0001"), ("J0701", "J0702"))
    with Session(engine) as s:
        codes = {(a.code, a.params["barcode"]) for a in custody_service.alerts(s, ENDS + timedelta(minutes=20))}
        assert codes == {("custody.missing", v.code("01A"))}
        late = {(a.code, a.params["barcode"]) for a in custody_service.alerts(s, ENDS + timedelta(minutes=31))}
        assert ("custody.overdue", v.code("02A")) in late
    # 01A turns up in room 01 and is handed back from there: found where no handover took it.
    v.hand_over(room_place("01"), EXAM_OFFICE, v.ok("01Q", "01A"), ("J0701", "J0702"), ("Z0001", "F0001"))
    with Session(engine) as s:
        found = {(a.code, a.params["barcode"]) for a in custody_service.alerts(s, ENDS + timedelta(minutes=31))}
    assert ("custody.gap", v.code("01A")) in found and ("custody.missing", v.code("01A")) not in found


def test_art23_end_of_day_reconciliation_is_recorded_and_audited(engine: Engine) -> None:
    v = make_venue(engine)
    _receive(v)
    v.hand_over(SECURE_ROOM, EXAM_OFFICE, v.ok(*ALL), ("B0001", "B0002"), ("Z0001", "F0001"))
    v.hand_over(EXAM_OFFICE, room_place("01"), v.ok("01Q", "01A"), ("Z0001", "F0001"), ("J0701", "J0702"))
    result = v.custody.reconcile(v.login())
    assert not result.complete
    assert [(a.item.barcode, a.account) for a in result.unaccounted] == [
        (v.code("01A"), Account.IN_ROOM), (v.code("01Q"), Account.IN_ROOM)]
    v.hand_over(room_place("01"), EXAM_OFFICE, v.ok("01Q", "01A"), ("J0701", "J0702"), ("Z0001", "F0001"))
    v.hand_over(EXAM_OFFICE, SECURE_ROOM, v.ok(*ALL), ("Z0001", "F0001"), ("B0001", "B0002"))
    final = v.custody.reconcile(v.login())
    assert final.complete and final.received == final.accounted == 5
    with Session(engine) as s:
        assert [r.complete for r in s.scalars(select(CustodyReconciliation).order_by(CustodyReconciliation.at))] in (
            [False, True], [True, False])
    assert len(audit_events(engine, "custody.reconcile")) == 2


def test_handover_form_record_names_both_sides_and_every_line(engine: Engine) -> None:
    v = make_venue(engine)
    result = _receive(v)
    record = v.custody.handover(result.handover_id)
    assert {(s.side, s.staff_number) for s in record.signers} == {
        ("giving", "Z0001"), ("giving", "F0001"), ("receiving", "B0001"), ("receiving", "B0002")}
    assert len(record.lines) == 5 and record.sitting.startswith("S1")
    with pytest.raises(VenueError):
        v.custody.handover(v.sitting)


def test_art23_every_package_shows_where_it_is_and_its_whole_chain(engine: Engine) -> None:
    v = make_venue(engine)
    _receive(v)
    v.hand_over(SECURE_ROOM, EXAM_OFFICE, v.ok("01Q", "02Q", "02A", "SPQ"), ("B0001", "B0002"), ("Z0001", "F0001"))
    chain = v.custody.chain(v.code("01A"))
    assert chain.place == SECURE_ROOM and chain.missing and chain.gaps == 0
    assert [(s.from_place, s.to_place, s.present, s.with_discrepancy) for s in chain.steps] == [
        (ESCORT, SECURE_ROOM, True, False), (SECURE_ROOM, EXAM_OFFICE, False, True)]
    assert len(chain.steps[0].signers) == 4
    ok = v.custody.chain(" " + v.code("01Q"))
    assert ok.place == EXAM_OFFICE and not ok.missing
    with pytest.raises(VenueError) as err:
        v.custody.chain("NOPE")
    assert err.value.code == "custody.unknown_package"


def test_art23_two_desks_handing_over_the_same_packages_at_once_record_one_move(engine: Engine) -> None:
    import threading

    v = make_venue(engine)
    _receive(v)
    by = v.login()
    draft = HandoverDraft(SECURE_ROOM, EXAM_OFFICE, v.sitting, v.ok(*ALL))
    signed = [(v.sign("B0001", "B0002"), v.sign("Z0001", "F0001", side=Side.RECEIVING)) for _ in range(2)]
    barrier = threading.Barrier(2)
    results: list[HandoverResult] = []

    def desk(givers: list, receivers: list) -> None:  # type: ignore[type-arg]
        barrier.wait()
        results.append(v.custody.record_handover(by, draft, givers, receivers))

    threads = [threading.Thread(target=desk, args=pair) for pair in signed]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(r.with_discrepancy for r in results) == [False, True]
    late = next(r for r in results if r.with_discrepancy)
    assert {p.value for line in late.comparison.lines for p in line.problems} == {"extra"}
