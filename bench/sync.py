"""`python -m bench sync`: a full venue day uploaded to the reference server over loopback HTTPS,
and an upload resumed after the connection is cut.

Figures: `venue_day_seconds` (3,000 candidates × 2 sittings admitted, 100 incidents with 300
evidence images of ~200 KB, every audit event: from the first request to the verified audit
head) and `batches_resent` (batches the server received twice when an upload cut after its
tenth batch is started again)."""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
from sqlalchemy.orm import Session, sessionmaker

from app.db.engine import make_engine, make_session_factory
from app.db.migrate import upgrade
from app.db.types import utcnow
from app.engine.clock import VenueClock
from app.errors import VenueError
from app.security.keystore_testing import MemoryKeyring
from app.services import audit
from app.services.outbox import enqueue
from bench.common import Figure, note
from sync.credential import CredentialStore, new_credential
from sync.server.devcert import Pki, make_pki
from sync.server.store import ServerStore
from sync.service import SyncService
from sync.transport import RetryPolicy

ACTOR = audit.Actor.system("bench-desk")


def _queue(s: Session, kind: str, payload: dict[str, object], rid: object = None, version: int = 1) -> None:
    rid = rid or uuid.uuid4()
    audit.record(s, ACTOR, f"{kind}.recorded", kind, rid, desk="desk-1", after=payload, now=utcnow())
    enqueue(s, kind, rid, payload, version=version, now=utcnow())


def seed(sessions: sessionmaker[Session], files: Path, candidates: int, incidents: int, images: int,
         image_bytes: int) -> None:
    files.mkdir(parents=True, exist_ok=True)
    for sitting in ("S1", "S2"):
        for start in range(0, candidates, 500):
            with sessions() as s, s.begin():
                for i in range(start, min(candidates, start + 500)):
                    _queue(s, "admission", {"ticket": f"26{i:012d}", "sitting": sitting, "room": f"{i // 30:02d}",
                                            "seat": i % 30 + 1, "verdict": "admitted", "desk": "gate-1"})
    with sessions() as s, s.begin():
        per = max(1, images // max(1, incidents))
        for n in range(incidents):
            incident = uuid.uuid4()
            _queue(s, "incident", {"state": "draft", "room": f"{n % 40:02d}", "article": "6(1)"}, incident)
            _queue(s, "incident", {"state": "confirmed", "room": f"{n % 40:02d}", "article": "6(1)"}, incident, 2)
            for k in range(per if n < images else 0):
                body = os.urandom(image_bytes)
                path = files / f"incident-{n}-{k}.jpg"
                path.write_bytes(body)
                _queue(s, "evidence_file", {"sha256": hashlib.sha256(body).hexdigest(), "path": str(path),
                                            "size": image_bytes, "owner_kind": "incident",
                                            "owner_id": str(incident)})


def run(argv: list[str]) -> list[Figure]:
    p = argparse.ArgumentParser(prog="python -m bench sync")
    p.add_argument("--candidates", type=int, default=3000)
    p.add_argument("--incidents", type=int, default=100)
    p.add_argument("--images", type=int, default=300)
    p.add_argument("--image-kb", type=int, default=200)
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as tmp:
        root = Path(tmp)
        first = f"sqlite:///{root / 'venue.sqlite'}"
        engine = make_engine(first)
        upgrade(engine)
        note(f"seeding a venue day: {args.candidates} candidates × 2 sittings, {args.incidents} incidents, "
             f"{args.images} images of {args.image_kb} KB")
        seed(make_session_factory(engine), root / "files", args.candidates, args.incidents, args.images,
             args.image_kb * 1024)
        engine.dispose()
        shutil.copyfile(root / "venue.sqlite", root / "venue2.sqlite")
        pki = make_pki(root / "pki", label="bench")
        province = root / "province"
        province.mkdir()
        store = ServerStore(f"sqlite:///{province / 'server.sqlite'}", province)
        # The server runs in its own process, as the province's would: it does not share the
        # venue's interpreter lock.
        with _server_process(province, pki) as url:
            seconds = _timed_day(store, url, pki.ca_file, first, root)
        with _server_process(province, pki, "cut_response:/v1/batches:1:0:9") as url:
            resent = _resumed(store, url, pki.ca_file, f"sqlite:///{root / 'venue2.sqlite'}", root)
        store.close()
    return [Figure("sync", "venue_day_seconds", round(seconds, 2), "s", "<= 15"),
            Figure("sync", "batches_resent", resent, "batches", "<= 1")]


@contextlib.contextmanager
def _server_process(data: Path, pki: Pki, *faults: str) -> Iterator[str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    command = [sys.executable, "-m", "sync.server", "--data", str(data), "serve", "--port", str(port),
               "--cert", str(pki.cert_file), "--key", str(pki.key_file), *(f"--fault={f}" for f in faults)]
    project = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(project), os.environ.get("PYTHONPATH")]))}
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=project, env=env)
    url = f"https://127.0.0.1:{port}"
    try:
        context = ssl.create_default_context(cafile=str(pki.ca_file))
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{url}/openapi.json", verify=context, timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the reference server did not start") from None
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(10)


def _service(store: ServerStore, url: str, ca: Path, db_url: str, root: Path, venue: str,
             retry: RetryPolicy | None = None) -> tuple[SyncService, sessionmaker[Session]]:
    engine = make_engine(db_url)
    sessions = make_session_factory(engine)
    ring = MemoryKeyring()
    service = SyncService(sessions, CredentialStore(backend=lambda: ring), root / "files", ACTOR, "desk-1",
                          VenueClock(), retry=retry or RetryPolicy())
    service.configure(url, venue, ca)
    secret = new_credential()
    store.add_venue(venue, secret)
    service.set_credential(secret)
    return service, sessions


def _timed_day(store: ServerStore, url: str, ca: Path, db_url: str, root: Path) -> float:
    service, _ = _service(store, url, ca, db_url, root, "BENCH1")
    started = time.perf_counter()
    report = service.upload()
    seconds = time.perf_counter() - started
    note(f"uploaded {report.records_sent} records, {report.files_sent} files ({report.bytes_sent / 1e6:.1f} MB) "
         f"in {report.batches} batches: {seconds:.2f} s; audit head verified: {report.audit and report.audit.verified}")
    return seconds


def _resumed(store: ServerStore, url: str, ca: Path, db_url: str, root: Path) -> int:
    """The server cuts the connection in the middle of its answer to the tenth batch (after storing
    it) and the venue gives up; then the upload is started again."""
    service, _ = _service(store, url, ca, db_url, root, "BENCH2", RetryPolicy(attempts=1))
    try:
        service.upload()
    except VenueError as exc:
        note(f"upload cut after the tenth batch as planned: {exc.code}")
    service.retry = RetryPolicy()
    service.upload()
    resent = store.batches_resent("BENCH2")
    note(f"resumed upload: {resent} batch(es) received twice; server holds {store.record_count('BENCH2')} records")
    return resent
