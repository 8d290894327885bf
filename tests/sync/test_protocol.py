"""Protocol v1 as served: the OpenAPI document, the server's time in every answer (so the skew is
known), and the idempotency of batches and files at the HTTP level."""

from __future__ import annotations

import hashlib
import ssl
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from sync.credential import new_credential
from sync.protocol import SERVER_TIME_HEADER
from sync.server.devcert import Pki
from sync.server.runner import ReferenceServer
from sync.server.store import ServerStore
from sync.transport import RetryPolicy, Transport


@pytest.fixture
def client(server: ReferenceServer, pki: Pki) -> httpx.Client:
    return httpx.Client(base_url=server.url, verify=ssl.create_default_context(cafile=str(pki.ca_file)))


def test_openapi_document_describes_every_endpoint(client: httpx.Client) -> None:
    doc = client.get("/openapi.json").json()
    assert set(doc["paths"]) >= {"/v1/status", "/v1/batches", "/v1/files/{sha256}", "/v1/audit-head",
                                 "/v1/package", "/v1/package/info"}
    assert {"Batch", "BatchAnswer", "Ack", "FileState", "AuditHead", "ErrorAnswer"} <= set(doc["components"]["schemas"])


def test_every_answer_carries_the_server_time_even_a_refusal(client: httpx.Client) -> None:
    refused = client.get("/v1/status", headers={"X-Venue": "nobody", "Authorization": "Bearer wrong"})
    assert refused.status_code == 401 and refused.json()["error"] == "credential"
    stamp = datetime.fromisoformat(refused.headers[SERVER_TIME_HEADER])
    assert abs((stamp - datetime.now(UTC)).total_seconds()) < 60


def test_clock_skew_is_measured_from_the_server_time(server: ReferenceServer, server_store: ServerStore, pki: Pki,
                                                     venue_code: str) -> None:
    secret = new_credential()
    server_store.add_venue(venue_code, secret)
    ahead = Transport(server.url, venue_code, secret, ca_file=pki.ca_file,
                      clock=lambda: datetime.now(UTC) + timedelta(seconds=90))
    with ahead:
        ahead.request("GET", "/v1/status")
    assert ahead.skew_seconds is not None and 85 < ahead.skew_seconds < 95


def test_resent_batch_gets_its_first_answer_and_stores_nothing_twice(
        server: ReferenceServer, server_store: ServerStore, pki: Pki, venue_code: str) -> None:
    secret = new_credential()
    server_store.add_venue(venue_code, secret)
    batch = {"batch_key": "b1", "records": [
        {"key": "absence:a1:1", "kind": "absence", "record_id": "a1", "version": 1, "payload": {"t": 1}},
        {"key": "absence:a1:1", "kind": "absence", "record_id": "a1", "version": 1, "payload": {"t": 1}}]}
    with Transport(server.url, venue_code, secret, ca_file=pki.ca_file, retry=RetryPolicy(attempts=1)) as t:
        first = t.request("POST", "/v1/batches", json=batch).json()
        again = t.request("POST", "/v1/batches", json=batch).json()
        other = t.request("POST", "/v1/batches", json={**batch, "batch_key": "b2"}).json()
    assert [a["status"] for a in first["acks"]] == ["stored", "duplicate"] and not first["replayed"]
    assert again["replayed"] and again["acks"] == first["acks"]
    assert [a["status"] for a in other["acks"]] == ["duplicate", "duplicate"]
    assert [r.key for r in server_store.records(venue_code)] == ["absence:a1:1"]
    assert server_store.batches_resent(venue_code) == 1


def test_file_chunks_resume_at_the_server_offset_and_bad_bytes_are_refused(
        server: ReferenceServer, server_store: ServerStore, pki: Pki, venue_code: str) -> None:
    secret = new_credential()
    server_store.add_venue(venue_code, secret)
    body = bytes(range(256)) * 40
    sha = hashlib.sha256(body).hexdigest()
    with Transport(server.url, venue_code, secret, ca_file=pki.ca_file, retry=RetryPolicy(attempts=1)) as t:
        assert t.request("PUT", f"/v1/files/{sha}", params={"offset": 0, "size": len(body)},
                         content=body[:4000]).json()["offset"] == 4000
        wrong = t.request("PUT", f"/v1/files/{sha}", params={"offset": 0, "size": len(body)}, content=body[:10],
                          accept=(409,))
        assert wrong.json() == {**wrong.json(), "error": "offset_mismatch", "offset": 4000}
        done = t.request("PUT", f"/v1/files/{sha}", params={"offset": 4000, "size": len(body)},
                         content=body[4000:]).json()
        assert done["complete"] and t.request("GET", f"/v1/files/{sha}").json()["complete"]
        fake = hashlib.sha256(b"other").hexdigest()
        refused = t.request("PUT", f"/v1/files/{fake}", params={"offset": 0, "size": 5}, content=b"12345",
                            accept=(422,))
        assert refused.json()["error"] == "file_hash_mismatch"
        assert t.request("GET", f"/v1/files/{fake}").json()["offset"] == 0
    assert server_store.file_path(venue_code, sha).read_bytes() == body
