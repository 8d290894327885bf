"""Importing exam packages: the first load, re-imports that change nothing, newer revisions
applied as audited differences; personal data encrypted at rest (art. 47–48), audit chain intact."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.db.engine import make_engine
from app.db.migrate import upgrade
from app.db.models import (
    AuditEvent,
    Candidate,
    CustodyItem,
    ImportedPackage,
    Room,
    Seat,
    SeatAssignment,
    Sitting,
    Staff,
)
from app.package import make_demo
from app.package.state import DOCUMENT_CONTEXT, PHONE_CONTEXT, PHOTO_CONTEXT
from app.security.crypto import mask_document_number
from app.services import audit
from tests.unit.test_package_kit import (
    CIPHER,
    SMALL,
    row_counts,
    run_import,
    small_content,
    small_package,
    write,
)


def test_small_demo_imports_with_expected_counts_and_encrypted_personal_data(engine: Engine, tmp_path: Path) -> None:
    data, photos = small_content()
    result = run_import(engine, small_package(tmp_path))
    assert not result.unchanged and result.revision == 1 and result.previous_revision is None
    counts = row_counts(engine)
    assert counts["candidate"] == len(data["candidates"]) == 15
    assert counts["seat_assignment"] == 4 * SMALL["candidates_per_sitting"]
    assert (counts["room"], counts["seat"], counts["sitting"]) == (3, 15, 4)
    assert counts["staff"] == len(data["staff"]) and counts["custody_item"] == len(data["custody_items"])
    assert counts["staff_relation"] == len(data["staff_relations"])
    assert counts["audit_event"] == 1 and counts["imported_package"] == 1  # one event for the whole first load
    first = data["candidates"][0]
    with Session(engine) as s:
        row = s.scalars(select(Candidate).where(Candidate.ticket_number == first["ticket_number"])).one()
        assert first["document_number"].encode() not in row.document_number_enc
        assert CIPHER.decrypt_text(row.document_number_enc, DOCUMENT_CONTEXT) == first["document_number"]
        assert row.document_number_hash == CIPHER.blind_index(first["document_number"])
        assert row.document_number_masked == mask_document_number(first["document_number"])
        assert row.photo_enc is not None and CIPHER.decrypt(row.photo_enc, PHOTO_CONTEXT) == photos[first["photo"]]
        if first["phone"]:
            assert row.phone_enc is not None and CIPHER.decrypt_text(row.phone_enc, PHONE_CONTEXT) == first["phone"]
        assert all(st.credential_hash == "" for st in s.scalars(select(Staff)))  # no credentials travel
        computer = s.scalars(select(Sitting).where(Sitting.mode == "computer")).one()
        assert (computer.ends_at - computer.starts_at).total_seconds() > 2 * 3600
        event = s.scalars(select(AuditEvent)).one()
        assert event.action == "package.imported" and first["document_number"] not in (event.after_json or "")
        assert audit.verify(s).intact


def test_reimporting_the_same_package_changes_nothing_and_says_so(engine: Engine, tmp_path: Path) -> None:
    path = small_package(tmp_path)
    run_import(engine, path)
    before = row_counts(engine)
    again = run_import(engine, path)
    assert again.unchanged and again.changed_rows == 0 and again.previous_revision == 1
    assert row_counts(engine) == before


def _revise(data: dict[str, Any]) -> dict[str, str]:
    """Revision 2: rename one candidate, withdraw another, register a new one, swap two seats,
    reseal a package, drop a seat from room 03. Returns the tickets involved."""
    renamed, withdrawn = data["candidates"][0], data["candidates"][1]
    renamed["name"] = "更名测试"
    data["candidates"].remove(withdrawn)
    t = withdrawn["ticket_number"]
    data["seat_assignments"] = [a for a in data["seat_assignments"] if a["ticket_number"] != t]
    data["staff_relations"] = [r for r in data["staff_relations"] if r["ticket_number"] != t]
    newcomer = {**renamed, "ticket_number": "26320107999999", "name": "新增考生", "photo": None, "phone": None}
    data["candidates"].append(newcomer)
    s1 = [a for a in data["seat_assignments"] if a["sitting"] == "S1"]
    taken = {(a["room"], a["seat"]) for a in s1}
    free = next((r["code"], n) for r in data["rooms"] for n in r["seats"] if (r["code"], n) not in taken)
    data["seat_assignments"].append({"ticket_number": newcomer["ticket_number"], "sitting": "S1",
                                     "room": free[0], "seat": free[1]})
    a, b = s1[0], s1[1]
    (a["room"], a["seat"]), (b["room"], b["seat"]) = (b["room"], b["seat"]), (a["room"], a["seat"])
    data["custody_items"][0]["seal_number"] = "F99999999"
    room3 = data["rooms"][2]
    used = {a["seat"] for a in data["seat_assignments"] if a["room"] == room3["code"]}
    spare = max(n for n in room3["seats"] if n not in used)
    room3["seats"].remove(spare)
    return {"renamed": renamed["ticket_number"], "withdrawn": t, "new": newcomer["ticket_number"],
            "swap_a": a["ticket_number"], "swap_b": b["ticket_number"]}


def test_newer_revision_applies_its_differences_with_one_audit_event_each(engine: Engine, tmp_path: Path) -> None:
    run_import(engine, small_package(tmp_path))
    data, photos = small_content()
    tickets = _revise(data)
    result = run_import(engine, write(tmp_path / "r2.vopkg", data, photos, revision=2))
    assert not result.unchanged and result.previous_revision == 1
    assert result.changes["candidate"] == {"added": 1, "changed": 1, "removed": 1}
    assert result.changes["seat_assignment"]["changed"] == 2
    assert result.changes["custody_item"]["changed"] == 1
    assert result.changes["seat"] == {"added": 0, "changed": 0, "removed": 1}
    with Session(engine) as s:
        names = dict(s.execute(select(Candidate.ticket_number, Candidate.name).where(~Candidate.withdrawn)).all())
        assert names[tickets["renamed"]] == "更名测试" and tickets["withdrawn"] not in names
        # Kept, marked withdrawn: check-ins and incidents may refer to the candidate.
        assert s.scalars(select(Candidate.withdrawn).where(Candidate.ticket_number == tickets["withdrawn"])).one()
        assert names[tickets["new"]] == "新增考生"
        seat_of = {
            t: (room, number) for t, room, number in s.execute(
                select(Candidate.ticket_number, Room.code, Seat.number)
                .join(SeatAssignment, SeatAssignment.candidate_id == Candidate.id)
                .join(Sitting, Sitting.id == SeatAssignment.sitting_id).join(Seat, Seat.id == SeatAssignment.seat_id)
                .join(Room, Room.id == Seat.room_id).where(Sitting.code == "S1"))
        }
        s1 = {a["ticket_number"]: (a["room"], a["seat"]) for a in data["seat_assignments"] if a["sitting"] == "S1"}
        assert seat_of == s1
        assert s.scalars(select(CustodyItem.seal_number).where(
            CustodyItem.barcode == data["custody_items"][0]["barcode"])).one() == "F99999999"
        events = s.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()
        actions = [e.action for e in events]
        assert actions.count("package.imported") == 2
        assert actions.count("candidate.changed") == 1 and actions.count("candidate.withdrawn") == 1
        assert actions.count("seat_assignment.changed") == 2 and actions.count("custody_item.changed") == 1
        assert len(events) == 2 + result.changed_rows
        renamed_event = next(e for e in events if e.action == "candidate.changed")
        assert json.loads(renamed_event.after_json or "{}")["name"] == "更名测试"
        assert '"document_number": "***"' in (renamed_event.before_json or "")
        assert [p.revision for p in s.scalars(select(ImportedPackage).order_by(ImportedPackage.revision))] == [1, 2]
        assert audit.verify(s).intact


def test_full_size_demo_imports_once_on_sqlite(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'full.sqlite'}")
    upgrade(engine)
    result = run_import(engine, make_demo(tmp_path / "demo.vopkg"))
    assert result.counts == {"sittings": 4, "rooms": 30, "seats": 900, "candidates": 1350,
                             "seat_assignments": 3600, "staff": 78, "staff_relations": 3, "custody_items": 214}
    with Session(engine) as s:
        assert s.scalars(select(Room.kind).distinct()).all() == ["audio_video"]
        assert audit.verify(s).intact
    engine.dispose()


def test_a_withdrawn_candidate_listed_again_comes_back_and_withdrawing_twice_changes_nothing(
    engine: Engine, tmp_path: Path
) -> None:
    run_import(engine, small_package(tmp_path))
    data, photos = small_content()
    gone = data["candidates"].pop()
    data["seat_assignments"] = [a for a in data["seat_assignments"] if a["ticket_number"] != gone["ticket_number"]]
    data["staff_relations"] = [r for r in data["staff_relations"] if r["ticket_number"] != gone["ticket_number"]]
    run_import(engine, write(tmp_path / "r2.vopkg", data, photos, revision=2))
    again = run_import(engine, write(tmp_path / "r3.vopkg", data, photos, revision=3))
    assert again.changes["candidate"] == {"added": 0, "changed": 0, "removed": 0}
    back, back_photos = small_content()
    result = run_import(engine, write(tmp_path / "r4.vopkg", back, back_photos, revision=4))
    assert result.changes["candidate"]["changed"] == 1
    with Session(engine) as s:
        assert not s.scalars(select(Candidate.withdrawn).where(Candidate.ticket_number == gone["ticket_number"])).one()
