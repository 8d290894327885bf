"""The proofs of issue 7 against the real reference server on loopback: whatever goes wrong on the
way, once the faults stop the server holds exactly the venue's records, none lost, none doubled."""

from __future__ import annotations

import json
import socket
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.db.models_sync import OutboxEntry
from app.errors import VenueError
from sync.server.devcert import Pki, make_pki
from sync.server.faults import Fault, FaultSwitch
from sync.server.runner import ReferenceServer
from sync.server.store import ServerStore
from sync.service import SyncService
from sync.transport import RetryPolicy
from tests.sync.venue import venue_day


def assert_exact(store: ServerStore, venue: str, sessions: sessionmaker[Session]) -> None:
    received = [r.key for r in store.records(venue)]
    with sessions() as s:
        queued = set(s.scalars(select(OutboxEntry.idempotency_key)))
        unacked = list(s.scalars(select(OutboxEntry.idempotency_key).where(OutboxEntry.acked_at.is_(None))))
    assert len(received) == len(set(received)), "a record was stored twice"
    assert set(received) == queued, f"lost: {queued - set(received)}, unknown: {set(received) - queued}"
    assert unacked == []
    for r in store.records(venue):
        if r.kind == "evidence_file":
            payload = json.loads(r.payload_json)
            assert store.file_offset(venue, payload["sha256"]) == (payload["size"], True)
            assert store.file_path(venue, payload["sha256"]).read_bytes() == Path(payload["path"]).read_bytes()


def pending(service: SyncService) -> int:
    return service.status().pending_total


def test_server_down_loses_nothing_and_later_upload_completes(
        service: SyncService, sessions: sessionmaker[Session], server: ReferenceServer, server_store: ServerStore,
        venue_code: str, pki: Pki, tmp_path: Path) -> None:
    venue_day(sessions, tmp_path / "files")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed_port = sock.getsockname()[1]
    service.configure(f"https://127.0.0.1:{closed_port}", venue_code, pki.ca_file)
    before = pending(service)
    with pytest.raises(VenueError) as err:
        service.upload()
    assert err.value.code == "sync.unreachable"
    assert service.status().last.error == "sync.unreachable"
    assert pending(service) >= before  # nothing marked sent (the audit trail's events were queued too)
    service.configure(server.url, venue_code, pki.ca_file)
    service.upload()
    assert_exact(server_store, venue_code, sessions)


@pytest.mark.parametrize("fault", [
    Fault("error", "/v1/batches", times=3),
    Fault("error", "/v1/files", times=2),
    Fault("cut_request", "/v1/files", times=3),
    Fault("cut_request", "/v1/batches", times=2),
    Fault("cut_response", "/v1/batches", times=2, skip=1),
    Fault("cut_response", "/v1/files", times=2),
    Fault("duplicate_ack", "/v1/batches", times=4),
    Fault("slow", "/v1/", times=5, delay=0.2),
    Fault("timeout", "/v1/batches", times=1, delay=1.2, skip=1),
    Fault("error", "/v1/audit-head", times=2),
], ids=lambda f: f"{f.kind}{f.path.replace('/', '-')}")
# One fault at a time on the SQLite venue; all of them at once (below) runs on both engines.
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_fault_is_survived_with_none_lost_none_duplicated(
        fault: Fault, service: SyncService, sessions: sessionmaker[Session], server_store: ServerStore,
        faults: FaultSwitch, venue_code: str, tmp_path: Path) -> None:
    venue_day(sessions, tmp_path / "files", admissions=25, files=2, file_size=1_200_000)
    if fault.kind == "timeout":
        service.timeout = 0.8
    faults.arm(replace(fault))
    report = service.upload()
    assert faults.injected.get(fault.kind), "the fault never fired"
    assert report.audit is not None and report.audit.verified
    assert_exact(server_store, venue_code, sessions)


def test_all_faults_at_once_then_none_lost_none_duplicated(
        service: SyncService, sessions: sessionmaker[Session], server_store: ServerStore, faults: FaultSwitch,
        venue_code: str, tmp_path: Path) -> None:
    venue_day(sessions, tmp_path / "files", admissions=40, files=3, file_size=1_500_000)
    service.timeout = 0.8
    faults.arm(Fault("error", "/v1/batches", 2), Fault("cut_response", "/v1/batches", 2, skip=2),
               Fault("duplicate_ack", "/v1/batches", 3), Fault("cut_request", "/v1/files", 2),
               Fault("timeout", "/v1/batches", 1, delay=1.2, skip=3), Fault("slow", "/v1/files", 2, delay=0.2))
    service.upload()
    assert_exact(server_store, venue_code, sessions)


def test_upload_given_up_then_resumed_with_other_batches_stores_each_record_once(
        service: SyncService, sessions: sessionmaker[Session], server_store: ServerStore, faults: FaultSwitch,
        venue_code: str, tmp_path: Path) -> None:
    venue_day(sessions, tmp_path / "files", admissions=35, files=1)
    service.retry = RetryPolicy(attempts=1)
    faults.arm(Fault("cut_response", "/v1/batches", times=1, skip=2))
    with pytest.raises(VenueError) as err:
        service.upload()
    assert err.value.code == "sync.unreachable"
    stored_before = len(server_store.records(venue_code))
    assert stored_before > 0
    service.batch_records = 7  # different batches now: the server deduplicates record by record
    service.upload()
    assert_exact(server_store, venue_code, sessions)


def test_wrong_credential_is_refused_clearly_and_nothing_is_lost(
        service: SyncService, sessions: sessionmaker[Session], server_store: ServerStore, venue_code: str,
        tmp_path: Path) -> None:
    venue_day(sessions, tmp_path / "files", admissions=5, files=1)
    service.set_credential("vo1-" + "0" * 64)
    with pytest.raises(VenueError) as err:
        service.upload()
    assert err.value.code == "sync.credential_refused"
    assert venue_code in str(err.value)
    assert server_store.records(venue_code) == []
    with sessions() as s:
        assert s.scalars(select(OutboxEntry).where(OutboxEntry.acked_at.is_not(None))).first() is None


@pytest.mark.parametrize("case", ["other_ca", "wrong_host", "system_trust"])
def test_certificate_that_does_not_match_fails_clearly_before_anything_is_sent(
        case: str, service: SyncService, sessions: sessionmaker[Session], server_store: ServerStore, pki: Pki,
        venue_code: str, tmp_path: Path) -> None:
    venue_day(sessions, tmp_path / "files", admissions=3, files=0)
    if case == "other_ca":
        served = make_pki(tmp_path / "pki", label="impostor")
    elif case == "wrong_host":
        served = make_pki(tmp_path / "pki", hosts=("province.example",), label="wronghost")
    else:
        served = pki
    with ReferenceServer(server_store, certfile=served.cert_file, keyfile=served.key_file) as other:
        ca = None if case == "system_trust" else (served.ca_file if case == "wrong_host" else pki.ca_file)
        service.configure(other.url, venue_code, ca)
        with pytest.raises(VenueError) as err:
            service.upload()
    assert err.value.code == "sync.certificate"
    assert server_store.records(venue_code) == []


def test_plain_http_to_another_machine_is_refused(service: SyncService) -> None:
    with pytest.raises(VenueError) as err:
        service.configure("http://province.example/sync", "320107")
    assert err.value.code == "sync.bad_url"
