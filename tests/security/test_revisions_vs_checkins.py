"""Art. 20, 30: a new package revision meets the check-ins already made. Withdrawing or moving an
admitted candidate is refused, naming them, with nothing written, unless the package declares it
(`deliberate_changes`); then it is applied and an incident draft tells the chief examiner. Two
candidates of one sitting sharing a document number is refused outright (the desk finds a card by
its number)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.db.models import Candidate, Room, Sitting
from app.db.models_checkin import Admission
from app.db.models_incidents import Incident, IncidentCandidate
from app.services.package_drafts import open_drafts
from tests.unit.test_package_kit import refused, row_counts, run_import, small_package


def _admit(engine: Engine, data: dict[str, Any], index: int = 0) -> dict[str, Any]:
    """Admit the index-th seated candidate of the first sitting, as the desk records it."""
    seat = data["seat_assignments"][index]
    with Session(engine) as s, s.begin():
        candidate = s.scalars(select(Candidate).where(Candidate.ticket_number == seat["ticket_number"])).one()
        sitting = s.scalars(select(Sitting).where(Sitting.code == seat["sitting"])).one()
        room = s.scalars(select(Room).where(Room.code == seat["room"])).one()
        s.add(Admission(id=uuid.uuid4(), candidate_id=candidate.id, sitting_id=sitting.id, room_id=room.id,
                        seat_number=seat["seat"], admitted_at=datetime.now(UTC), desk="door-01", staff_name="监考",
                        method="card_and_ticket"))
    return dict(seat)


def _first_revision(engine: Engine, tmp_path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    captured: dict[str, Any] = {}
    run_import(engine, small_package(tmp_path, captured.update, name="r1.vopkg"))
    return captured, _admit(engine, captured)


def _withdraw(seat: dict[str, Any]) -> Any:
    def change(data: dict[str, Any]) -> None:
        ticket = seat["ticket_number"]
        data["candidates"] = [c for c in data["candidates"] if c["ticket_number"] != ticket]
        data["seat_assignments"] = [a for a in data["seat_assignments"] if a["ticket_number"] != ticket]
        data["staff_relations"] = [r for r in data["staff_relations"] if r["ticket_number"] != ticket]
    return change


def _move(seat: dict[str, Any]) -> Any:
    def change(data: dict[str, Any]) -> None:
        used = {(a["room"], a["seat"]) for a in data["seat_assignments"] if a["sitting"] == seat["sitting"]}
        room, number = next((r["code"], n) for r in data["rooms"] for n in r["seats"]
                            if r["code"] != seat["room"] and (r["code"], n) not in used)
        for a in data["seat_assignments"]:
            if a["ticket_number"] == seat["ticket_number"] and a["sitting"] == seat["sitting"]:
                a["room"], a["seat"] = room, number
    return change


def test_art30_withdrawing_an_admitted_candidate_is_refused_naming_them(engine: Engine, tmp_path: Path) -> None:
    _data, seat = _first_revision(engine, tmp_path)
    before = row_counts(engine)
    error = refused(engine, small_package(tmp_path, _withdraw(seat), revision=2, name="r2.vopkg"))
    assert error.code == "package.admitted_changed"
    assert error.params["ticket"] == seat["ticket_number"] and error.params["room"] == seat["room"]
    assert error.params["change"] == "withdrawn" and "withdraws" in str(error)
    assert row_counts(engine) == before
    with Session(engine) as s:
        assert not s.scalars(select(Candidate.withdrawn).where(Candidate.ticket_number == seat["ticket_number"])).one()


def test_art30_moving_an_admitted_candidate_to_another_room_is_refused(engine: Engine, tmp_path: Path) -> None:
    _data, seat = _first_revision(engine, tmp_path)
    before = row_counts(engine)
    error = refused(engine, small_package(tmp_path, _move(seat), revision=2, name="r2.vopkg"))
    assert error.code == "package.admitted_changed" and error.params["change"] == "moved"
    assert row_counts(engine) == before


def test_art30_a_declared_withdrawal_is_applied_and_opens_a_draft_for_the_chief(engine: Engine,
                                                                                 tmp_path: Path) -> None:
    _data, seat = _first_revision(engine, tmp_path)

    def declared(data: dict[str, Any]) -> None:
        _withdraw(seat)(data)
        data["deliberate_changes"] = [{"ticket_number": seat["ticket_number"], "reason": "报名资格复核不通过"}]

    package = small_package(tmp_path, declared, revision=2, name="r2.vopkg")
    assert refused(engine, package).code == "package.admitted_changed"  # a caller that opens no drafts
    result = run_import(engine, package, drafts=open_drafts)
    assert result.revision == 2
    with Session(engine) as s:
        candidate = s.scalars(select(Candidate).where(Candidate.ticket_number == seat["ticket_number"])).one()
        assert candidate.withdrawn
        (incident,) = s.scalars(select(Incident)).all()
        assert incident.status == "draft" and "报名资格复核不通过" in incident.facts and seat["room"] in incident.facts
        assert s.scalars(select(IncidentCandidate.candidate_id)).all() == [candidate.id]


def test_art30_a_declared_move_is_applied_and_the_admission_keeps_where_it_happened(engine: Engine,
                                                                                    tmp_path: Path) -> None:
    _data, seat = _first_revision(engine, tmp_path)

    def declared(data: dict[str, Any]) -> None:
        _move(seat)(data)
        data["deliberate_changes"] = [{"ticket_number": seat["ticket_number"], "reason": "考场调整"}]

    run_import(engine, small_package(tmp_path, declared, revision=2, name="r2.vopkg"), drafts=open_drafts)
    with Session(engine) as s:
        (incident,) = s.scalars(select(Incident)).all()
        assert "调至" in incident.facts
        room = s.scalars(select(Room.code).join(Admission, Admission.room_id == Room.id)).one()
        assert room == seat["room"]


def test_art20_two_candidates_of_one_sitting_with_one_document_number_are_refused(engine: Engine,
                                                                                  tmp_path: Path) -> None:
    def twins(data: dict[str, Any]) -> None:
        first, second = data["seat_assignments"][0], data["seat_assignments"][1]
        by_ticket = {c["ticket_number"]: c for c in data["candidates"]}
        a, b = by_ticket[first["ticket_number"]], by_ticket[second["ticket_number"]]
        b["document_type"], b["document_number"] = a["document_type"], a["document_number"]

    before = row_counts(engine)
    error = refused(engine, small_package(tmp_path, twins))
    assert error.code == "package.shared_document"
    assert len(error.params["tickets"]) == 2
    assert row_counts(engine) == before
