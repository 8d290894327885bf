"""The check-in service on real databases (SQLite file and PostgreSQL): what each verdict writes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from app.db.models_checkin import Absence, Admission, CheckinScan, InfoChangeRequest
from app.db.models_incidents import Incident, IncidentCandidate
from app.db.models_sync import OutboxEntry
from app.errors import VenueError
from app.rules.checkin import CardPhoto, PresentedTicket, Reason, Verdict
from app.security.auth import StaffSession
from app.services import audit
from app.services.attendance import room_attendance
from app.services.audit import Actor
from tests.checkin.kit import Kit, card, make_kit, ticket


@pytest.fixture
def kit(engine: Engine, tmp_path: Path) -> Kit:
    return make_kit(engine, tmp_path)


def _count(engine: Engine, model: type) -> int:
    with Session(engine) as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def _kinds(engine: Engine) -> list[str]:
    with Session(engine) as s:
        return list(s.scalars(select(OutboxEntry.kind).order_by(OutboxEntry.seq)))


def test_art30_1_card_and_ticket_admit_once_with_scan_audit_and_outbox(kit: Kit) -> None:
    c = kit.seated("S1")[0]
    desk = kit.door("S1", c["room"])
    waiting = kit.service.present(kit.first, desk, ticket=ticket(c))
    assert waiting.verdict is Verdict.WAIT and waiting.scan_id is None
    assert waiting.candidate is not None and waiting.candidate.seat_number == c["seat"]
    done = kit.service.present(kit.first, desk, ticket=ticket(c), document=card(c))
    assert done.verdict is Verdict.ADMIT and done.admission_id is not None
    assert done.candidate is not None and done.candidate.photo  # the registration photo to compare
    assert done.candidate.document_masked != c["document_number"]
    with Session(kit.engine) as s:
        admission = s.scalars(select(Admission)).one()
        assert (admission.desk, admission.staff_name, admission.method) == ("desk-door", kit.first.name, "card_and_ticket")
        scan = s.scalars(select(CheckinScan)).one()
        assert (scan.verdict, scan.reason, scan.inputs) == ("admit", "match", "ticket+card")
        assert audit.verify(s).intact
        assert c["document_number"] not in (s.scalars(select(audit.AuditEvent.after_json)
                                                      .order_by(audit.AuditEvent.seq.desc())).first() or "")
    assert _kinds(kit.engine)[-1] == "admission"


def test_art30_2_late_arrival_is_refused_recorded_and_queued_for_the_province(kit: Kit) -> None:
    c = kit.seated("S1")[0]
    kit.at("S1", minutes=7, seconds=12)
    out = kit.service.present(kit.first, kit.door("S1", c["room"]), ticket=ticket(c), document=card(c))
    assert out.verdict is Verdict.REFUSE and out.decision.reason is Reason.ENTRY_CLOSED
    with Session(kit.engine) as s:
        scan = s.scalars(select(CheckinScan)).one()
        assert json.loads(scan.detail_json)["late_seconds"] == 132  # 2 min 12 s after the cutoff
        assert s.scalar(select(func.count()).select_from(Admission)) == 0
    assert _kinds(kit.engine) == ["refusal"]


def test_wrong_persons_card_refused_with_a_draft_incident_naming_both(kit: Kit) -> None:
    a, b = kit.seated("S1")[:2]
    out = kit.service.present(kit.first, kit.door("S1", a["room"]), ticket=ticket(a), document=card(b))
    assert out.verdict is Verdict.REFUSE and out.decision.reason is Reason.DOCUMENT_MISMATCH
    assert out.incident_id is not None and out.other is not None and out.other.name == b["name"]
    with Session(kit.engine) as s:
        incident = s.get(Incident, out.incident_id)
        assert incident is not None and (incident.status, incident.category) == ("draft", "identity_mismatch")
        linked = set(s.scalars(select(IncidentCandidate.candidate_id)))
        assert len(linked) == 2
        # The facts go into the room record and the misconduct file: an official Chinese text, with
        # no English words and no internal names (only the ticket, the masked number, the desk's name).
        facts = incident.facts
        assert a["ticket_number"] in facts and b["name"] in facts and "居民身份证" in facts and "拒绝其入场" in facts
        assert not re.findall(r"[A-Za-z_]{3,}", facts.replace(kit.door("S1", a["room"]).desk, "")), facts
    assert _kinds(kit.engine) == ["refusal", "incident"]


def test_second_desk_is_told_who_admitted_the_candidate_where_and_when(kit: Kit) -> None:
    c = kit.seated("S1")[0]
    kit.service.present(kit.first, kit.door("S1", None, "desk-gate"), ticket=ticket(c), document=card(c))
    again = kit.service.present(kit.second, kit.door("S1", c["room"], "desk-door"), ticket=ticket(c), document=card(c))
    assert again.decision.reason is Reason.ALREADY_ADMITTED
    prior = again.decision.candidate.admitted if again.decision.candidate else None
    assert prior is not None and (prior.desk, prior.staff_name) == ("desk-gate", kit.first.name)
    assert _count(kit.engine, Admission) == 1


def test_check_then_admit_needs_a_second_invigilator_and_keeps_the_reason(kit: Kit) -> None:
    c = kit.seated("S1")[0]
    desk = kit.door("S1", c["room"])
    checked = kit.service.present(kit.first, desk, ticket=ticket(c), document=card(c, card_photo=CardPhoto.FAILED))
    assert checked.verdict is Verdict.CHECK and checked.admission_id is None
    with pytest.raises(VenueError) as err:
        kit.service.admit_after_check(kit.confirm(checked), desk, checked, "  ")
    assert err.value.code == "checkin.reason_required"
    admitted = kit.service.admit_after_check(kit.confirm(checked), desk, checked, "face matches the registration photo")
    assert admitted.admission_id is not None
    with Session(kit.engine) as s:
        row = s.scalars(select(Admission)).one()
        assert (row.cosigner_name, row.check_reason) == (kit.second.name, "face matches the registration photo")
        assert [v for v in s.scalars(select(CheckinScan.verdict).order_by(CheckinScan.seq))] == ["check", "admit"]


def test_art43_mistyped_number_admitted_after_check_sends_a_change_request(kit: Kit) -> None:
    c = kit.seated("S1")[0]
    n = c["document_number"]
    typo = n[:-3] + ("1" if n[-3] != "1" else "2") + n[-2:]
    desk = kit.door("S1", c["room"])
    checked = kit.service.present(kit.first, desk, ticket=ticket(c), document=card(c, number=typo))
    assert Reason.NUMBER_TYPO in checked.decision.reasons
    done = kit.service.admit_after_check(kit.confirm(checked), desk, checked, "registration typed one digit wrong")
    assert done.change_request_id is not None
    with Session(kit.engine) as s:
        req = s.scalars(select(InfoChangeRequest)).one()
        assert req.field == "document_number" and typo.encode() not in req.observed_enc
    assert "info_change" in _kinds(kit.engine)


def test_art30_2_a_check_that_outlasts_the_cutoff_is_refused_not_admitted(kit: Kit) -> None:
    c = kit.seated("S1")[0]
    desk = kit.door("S1", c["room"])
    kit.at("S1", minutes=4)
    checked = kit.service.present(kit.first, desk, ticket=ticket(c), document=card(c, card_photo=CardPhoto.FAILED))
    kit.at("S1", minutes=5, seconds=30)
    out = kit.service.admit_after_check(kit.confirm(checked), desk, checked, "looked")
    assert out.decision.reason is Reason.ENTRY_CLOSED and _count(kit.engine, Admission) == 0


def test_manual_entry_needs_a_reason(kit: Kit) -> None:
    c = kit.seated("S1")[0]
    with pytest.raises(VenueError):
        kit.service.present(kit.first, kit.door("S1", c["room"]), ticket=PresentedTicket(c["ticket_number"], manual=True))
    out = kit.service.present(kit.first, kit.door("S1", c["room"]), ticket=PresentedTicket(c["ticket_number"], manual=True),
                              document=card(c, manual=True), manual_reason="scanner broken")
    assert out.verdict is Verdict.CHECK and Reason.MANUAL_ENTRY in out.decision.reasons


def test_search_by_name_needs_two_characters_and_finds_the_sittings_candidates(kit: Kit) -> None:
    c = kit.seated("S1")[0]
    desk = kit.door("S1", None)
    with pytest.raises(VenueError):
        kit.service.search(desk, c["name"][:1])
    hits = kit.service.search(desk, c["name"][:2])
    assert c["ticket_number"] in [h.ticket_number for h in hits]
    assert all(h.document_masked.count("*") for h in hits)


def test_art30_2_closing_entry_marks_everyone_not_admitted_absent_once(kit: Kit) -> None:
    seated = kit.seated("S1")
    room = seated[0]["room"]
    in_room = [c for c in seated if c["room"] == room]
    kit.service.present(kit.first, kit.door("S1", room), ticket=ticket(in_room[0]), document=card(in_room[0]))
    actor = Actor(kit.first.staff_id, kit.first.name)
    with pytest.raises(VenueError) as err:
        kit.service.close_entry(actor, kit.door("S1", room))
    assert err.value.code == "checkin.entry_still_open"
    kit.at("S1", minutes=5, seconds=1)
    assert kit.service.close_entry(actor, kit.door("S1", room)) == len(in_room) - 1
    assert kit.service.close_entry(actor, kit.door("S1", room)) == 0
    counters = kit.service.counters(kit.door("S1", room))
    assert (counters.expected, counters.admitted, counters.absent, counters.not_yet) == (len(in_room), 1, len(in_room) - 1, 0)
    with Session(kit.engine) as s:
        sheet = room_attendance(s, kit.sittings["S1"].id, kit.rooms[room])
    assert (sheet.expected, sheet.admitted, sheet.absent) == (len(in_room), 1, len(in_room) - 1)
    assert _count(kit.engine, Absence) == len(in_room) - 1


def test_checkin_requires_the_permission(kit: Kit) -> None:
    c = kit.seated("S1")[0]
    from app.domain import Role

    guard = StaffSession(kit.first.staff_id, "x", "保密室", Role.SECURITY_STAFF, kit.first.venue_id, "d", kit.first.started_at)
    with pytest.raises(VenueError) as err:
        kit.service.present(guard, kit.door("S1", c["room"]), ticket=ticket(c))
    assert err.value.code == "security.permission_denied"


def test_a_newer_package_withdrawing_an_admitted_candidate_keeps_the_admission(kit: Kit, tmp_path: Path) -> None:
    """Art. 43: an admission is a fact a revision cannot unmake. A revision that withdraws an
    admitted candidate without saying so is refused whole; one that lists them under
    deliberate_changes is applied, the admission stays, and the next desk is told."""
    from app.services.package_drafts import open_drafts
    from tests.unit.test_package_kit import refused, run_import, small_content, write

    c = kit.seated("S1")[0]
    kit.service.present(kit.first, kit.door("S1", c["room"]), ticket=ticket(c), document=card(c))
    data, photos = small_content()
    data["candidates"] = [x for x in data["candidates"] if x["ticket_number"] != c["ticket_number"]]
    data["seat_assignments"] = [a for a in data["seat_assignments"] if a["ticket_number"] != c["ticket_number"]]
    data["staff_relations"] = [r for r in data["staff_relations"] if r["ticket_number"] != c["ticket_number"]]
    unsaid = write(tmp_path / "r2.vopkg", data, photos, revision=2)
    assert refused(kit.engine, unsaid, by=kit.chief(), drafts=open_drafts).code == "package.admitted_changed"
    data["deliberate_changes"] = [{"ticket_number": c["ticket_number"], "reason": "报名资格复核不通过"}]
    run_import(kit.engine, write(tmp_path / "r2b.vopkg", data, photos, revision=2), by=kit.chief(),
               drafts=open_drafts)
    assert _count(kit.engine, Admission) == 1
    again = kit.service.present(kit.second, kit.door("S1", None, "gate"), ticket=ticket(c), document=card(c))
    assert again.decision.reason is Reason.CANDIDATE_WITHDRAWN
