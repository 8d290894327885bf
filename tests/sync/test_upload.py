"""Uploading over real HTTPS on loopback: every record arrives exactly once, faults or not."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.db.models_sync import OutboxEntry
from sync.server.store import ServerStore
from sync.service import SyncService
from tests.sync.venue import venue_day


def server_keys(store: ServerStore, venue: str) -> list[str]:
    return [r.key for r in store.records(venue)]


def venue_keys(sessions: sessionmaker[Session]) -> set[str]:
    with sessions() as s:
        return set(s.scalars(select(OutboxEntry.idempotency_key)))


def test_upload_sends_every_record_once_and_marks_it_acknowledged(
        service: SyncService, sessions: sessionmaker[Session], server_store: ServerStore, venue_code: str,
        tmp_path: Path) -> None:
    keys = venue_day(sessions, tmp_path / "files")
    report = service.upload()
    received = server_keys(server_store, venue_code)
    assert len(received) == len(set(received)) == len(venue_keys(sessions))
    assert keys <= set(received)
    assert service.status().pending == {"audit_event": 1}  # the event that records this upload
    assert report.audit is not None and report.audit.verified, report.audit
    assert report.files_sent == 3
    for r in server_store.records(venue_code):
        if r.kind == "evidence_file":
            sha = json.loads(r.payload_json)["sha256"]
            assert server_store.file_offset(venue_code, sha) == (300_000, True)
    # A second upload sends only what happened since (the audit event of the first upload).
    again = service.upload()
    assert again.records_sent == 1
    assert len(server_keys(server_store, venue_code)) == len(venue_keys(sessions))


def test_missing_evidence_file_is_reported_and_everything_else_is_sent(
        service: SyncService, sessions: sessionmaker[Session], server_store: ServerStore, venue_code: str,
        tmp_path: Path) -> None:
    keys = venue_day(sessions, tmp_path / "files", admissions=3, files=2)
    gone = sorted((tmp_path / "files").iterdir())[0]
    gone.unlink()
    report = service.upload()
    (missing,) = report.not_accepted
    assert missing.startswith("evidence_file:") and "missing" in report.not_accepted[missing]
    assert set(server_keys(server_store, venue_code)) >= keys - {missing}
    assert missing not in server_keys(server_store, venue_code)
    assert service.status().pending.get("evidence_file") == 1  # stays queued for when the file is back
