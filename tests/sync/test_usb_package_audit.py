"""USB fallback (signed, encrypted, idempotent import), package download through the foundation's
import, and the audit head checked by re-chaining the events the venue sent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.db.models import ImportedPackage
from app.db.types import utcnow
from app.errors import VenueError
from app.package.demo import make_demo
from app.package.keys import demo_trusted_keys
from app.security.crypto import DataKeys, PersonalDataCipher
from app.services import audit_anchor
from sync.protocol import AuditHead
from sync.server.__main__ import import_usb
from sync.server.__main__ import main as server_main
from sync.server.store import ServerStore
from sync.service import SyncService
from tests.sync.test_faults import assert_exact
from tests.sync.venue import record, venue_day


def test_usb_export_imports_once_and_again_changes_nothing(
        service: SyncService, sessions: sessionmaker[Session], server_store: ServerStore, venue_code: str,
        tmp_path: Path) -> None:
    keys = venue_day(sessions, tmp_path / "files", admissions=12, files=2)
    out = tmp_path / "usb" / "results.vor"
    records, files = service.export(out)
    assert files == 2 and records >= len(keys)
    assert venue_code.encode() in out.read_bytes()[:200]  # the header names the venue…
    assert b"26000000000001" not in out.read_bytes()  # …but the content is encrypted
    first = import_usb(server_store, out)
    assert first["stored"] == records and first["already_held"] == 0 and first["audit_verified"] is True
    again = import_usb(server_store, out)
    assert again["stored"] == 0 and again["already_held"] == records
    keys_on_server = [r.key for r in server_store.records(venue_code)]
    assert len(keys_on_server) == len(set(keys_on_server)) == records
    # Then the network comes back: the upload adds nothing twice.
    service.upload()
    assert_exact(server_store, venue_code, sessions)


def test_usb_export_altered_by_one_byte_is_refused(
        service: SyncService, sessions: sessionmaker[Session], server_store: ServerStore, venue_code: str,
        tmp_path: Path) -> None:
    venue_day(sessions, tmp_path / "files", admissions=3, files=0)
    out = tmp_path / "results.vor"
    service.export(out)
    blob = bytearray(out.read_bytes())
    blob[-40] ^= 1
    out.write_bytes(bytes(blob))
    with pytest.raises(VenueError) as err:
        import_usb(server_store, out)
    assert err.value.code == "sync.usb_bad_signature"
    assert server_store.records(venue_code) == []


def test_server_cli_imports_usb_file(service: SyncService, sessions: sessionmaker[Session],
                                     server_store: ServerStore, tmp_path: Path, venue_code: str,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    record(sessions, "absence", {"ticket": "26000000000077"})
    out = tmp_path / "results.vor"
    service.export(out)
    db = server_store.engine.url.render_as_string(hide_password=False)
    assert server_main(["--data", str(server_store.data_dir), "--db", db, "import-usb", str(out)]) == 0
    assert json.loads(capsys.readouterr().out)["stored"] >= 2


def test_audit_head_is_verified_against_the_events_received(
        service: SyncService, sessions: sessionmaker[Session], server_store: ServerStore, venue_code: str,
        tmp_path: Path) -> None:
    venue_day(sessions, tmp_path / "files", admissions=4, files=0)
    report = service.upload()
    assert report.audit is not None and report.audit.verified and report.audit.events >= 8
    # A head the events do not lead to (an event withheld or the trail rewritten) is not verified.
    verdict = server_store.verify_audit(venue_code, AuditHead(seq=report.audit.events, hash="f" * 64))
    assert not verdict.verified and "head" in verdict.problem
    # An event whose content was changed on the way no longer matches its hash.
    row = next(r for r in server_store.records(venue_code) if r.kind == "audit_event")
    payload = json.loads(row.payload_json)
    with server_store.sessions() as s, s.begin():
        stored = s.get(type(row), row.id)
        assert stored is not None
        payload["fields"]["reason"] = "rewritten"
        stored.payload_json = json.dumps(payload)
    with sessions() as s, s.begin():
        signed = audit_anchor.checkpoint(s, "test", utcnow())
    assert signed is not None
    verdict = server_store.verify_audit(venue_code, AuditHead(seq=signed.seq, hash=signed.hash,
                                                              signature=signed.signature,
                                                              public_key=signed.public_key))
    assert not verdict.verified and "does not match its hash" in verdict.problem


def test_package_is_downloaded_and_imported_through_the_foundation(
        service: SyncService, sessions: sessionmaker[Session], server_store: ServerStore, tmp_path: Path) -> None:
    package = make_demo(tmp_path / "demo.vopkg")
    published = server_store.publish_package(package)
    service.configure(service.status().server_url, "320107", service._config().ca_file)
    server_store.add_venue("320107", "vo1-" + "7" * 64)
    service.set_credential("vo1-" + "7" * 64)
    service.cipher = PersonalDataCipher(DataKeys.generate())
    service.trusted_keys = demo_trusted_keys()
    fetched = service.fetch_package()
    assert fetched.revision == published.revision and not fetched.result.unchanged
    assert fetched.result.counts["candidates"] > 0
    again = service.fetch_package()
    assert again.result.unchanged
    with sessions() as s:
        assert len(s.scalars(select(ImportedPackage)).all()) == 1


def test_package_not_trusted_is_refused_and_nothing_written(
        service: SyncService, sessions: sessionmaker[Session], server_store: ServerStore, tmp_path: Path) -> None:
    server_store.publish_package(make_demo(tmp_path / "demo.vopkg"))
    service.configure(service.status().server_url, "320107", service._config().ca_file)
    server_store.add_venue("320107", "vo1-" + "7" * 64)
    service.set_credential("vo1-" + "7" * 64)
    service.cipher = PersonalDataCipher(DataKeys.generate())
    service.trusted_keys = {}
    with pytest.raises(VenueError):
        service.fetch_package()
    with sessions() as s:
        assert s.scalars(select(ImportedPackage)).first() is None
