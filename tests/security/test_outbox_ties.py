"""Art. 42, 43: the province finds an outbox row deleted, edited or slipped in before upload, a
tail truncated after an upload, and a trail rewritten before the first upload, because each record
is tied to the audit event that queued it and each head is signed and must extend the last one the
province accepted. On commit 9bf9245 every one of these was "verified"."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session, sessionmaker

from app.db.models import AuditEvent
from app.db.models_sync import OutboxEntry
from app.db.types import utcnow
from app.services import audit, audit_anchor
from sync.service import SyncService
from tests.security.tamper import rechain, unguarded
from tests.sync.venue import ACTOR, record, venue_day


def upload_verdict(service: SyncService) -> tuple[bool, str]:
    report = service.upload()
    assert report.audit is not None
    return report.audit.verified, report.audit.problem


def test_art43_untouched_outbox_is_verified_both_ways(service: SyncService, sessions: sessionmaker[Session],
                                                      tmp_path: Path) -> None:
    venue_day(sessions, tmp_path / "files", admissions=3, files=1)
    assert upload_verdict(service) == (True, "")
    with sessions() as s:
        untied = s.scalar(select(func.count()).select_from(OutboxEntry).where(
            OutboxEntry.kind != "audit_event", OutboxEntry.audit_seq.is_(None)))
    assert untied == 0


def test_art43_outbox_row_deleted_before_upload_is_found(service: SyncService, sessions: sessionmaker[Session],
                                                         tmp_path: Path) -> None:
    venue_day(sessions, tmp_path / "files", admissions=3, files=0)
    key = record(sessions, "incident", {"state": "confirmed", "facts": "夹带"})
    with sessions() as s, s.begin():
        s.execute(OutboxEntry.__table__.delete().where(OutboxEntry.idempotency_key == key))
    verified, problem = upload_verdict(service)
    assert not verified and key in problem and "has not arrived" in problem


def test_art43_outbox_row_edited_before_upload_is_found(service: SyncService, sessions: sessionmaker[Session],
                                                        tmp_path: Path) -> None:
    key = record(sessions, "admission", {"ticket": "26000000000001", "seat": 3})
    with sessions() as s, s.begin():
        s.execute(OutboxEntry.__table__.update().where(OutboxEntry.idempotency_key == key)
                  .values(payload_json=json.dumps({"seat": 4, "ticket": "26000000000001"})))
    verified, problem = upload_verdict(service)
    assert not verified and key in problem and "edited" in problem


def test_art43_outbox_row_slipped_in_is_found(service: SyncService, sessions: sessionmaker[Session]) -> None:
    record(sessions, "admission", {"ticket": "26000000000001", "seat": 3})
    rid = uuid.uuid4()
    with sessions() as s, s.begin():
        s.add(OutboxEntry(kind="admission", record_id=str(rid), idempotency_key=f"admission:{rid}:1",
                          payload_json=json.dumps({"ticket": "26000000000002"}), created_at=utcnow()))
    verified, problem = upload_verdict(service)
    assert not verified and "has no audit event" in problem


def test_art43_outbox_row_with_a_borrowed_tie_is_found(service: SyncService, sessions: sessionmaker[Session]) -> None:
    record(sessions, "admission", {"ticket": "26000000000001", "seat": 3})
    rid = uuid.uuid4()
    with sessions() as s, s.begin():
        real = s.scalars(select(OutboxEntry).where(OutboxEntry.kind == "admission")).one()
        s.add(OutboxEntry(kind="admission", record_id=str(rid), idempotency_key=f"admission:{rid}:1",
                          payload_json=real.payload_json, audit_seq=real.audit_seq, audit_hash=real.audit_hash,
                          created_at=real.created_at))
    verified, problem = upload_verdict(service)
    assert not verified and "did not queue it" in problem


@pytest.mark.parametrize("work_goes_on", [False, True])
def test_art43_tail_truncated_after_an_upload_is_found_at_the_next(
        service: SyncService, sessions: sessionmaker[Session], engine: Engine, tmp_path: Path,
        work_goes_on: bool) -> None:
    venue_day(sessions, tmp_path / "files", admissions=5, files=0)
    assert upload_verdict(service)[0]
    with sessions() as s:
        top = int(s.scalar(select(func.max(AuditEvent.seq))) or 0)
    # The insider removes the last events and the checkpoints that name them, then work goes on.
    with unguarded(engine) as conn:
        conn.execute(text(f"DELETE FROM audit_event WHERE seq > {top - 6}"))
        conn.execute(text("DELETE FROM audit_checkpoint"))
    if work_goes_on:
        with sessions() as s, s.begin():
            audit.record(s, ACTOR, "room.close", "room", "07", desk="desk-1", now=utcnow())
    verified, problem = upload_verdict(service)
    # SQLite hands the removed seqs out again (a second event at a seq the server holds, or a head
    # behind the anchor); PostgreSQL's sequence does not (the new event does not follow the last).
    assert not verified
    assert any(why in problem for why in ("accepted before", "rewritten", "does not follow"))


def test_art43_rewrite_before_the_first_upload_after_a_checkpoint_is_found(
        service: SyncService, sessions: sessionmaker[Session], engine: Engine, tmp_path: Path) -> None:
    venue_day(sessions, tmp_path / "files", admissions=5, files=0)
    with sessions() as s, s.begin():
        assert audit_anchor.checkpoint(s, "backup", utcnow()) is not None
    with unguarded(engine) as conn:
        conn.execute(text("UPDATE audit_event SET actor_name = 'someone else' WHERE seq = 1"))
        rechain(conn)
    with sessions() as s:
        assert audit.verify(s).code == "audit.checkpoint_mismatch"  # the venue's own check
    verified, problem = upload_verdict(service)  # and the province's: the venue will not sign it
    assert not verified and "not signed" in problem
