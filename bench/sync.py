"""`python -m bench sync`: a full venue day uploaded to the reference server over loopback HTTPS,
and an upload resumed after the connection is cut.

Figures: `venue_day_seconds` (3,000 candidates × 2 sittings admitted, 100 incidents with 300
evidence images of ~200 KB, every audit event: from the first request to the verified audit
head) and `batches_resent` (batches the server received twice when an upload cut after its
tenth batch is started again)."""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from app.db.engine import make_engine, make_session_factory
from app.db.migrate import upgrade
from app.errors import VenueError
from app.security.keystore_testing import MemoryKeyring
from app.services import audit
from app.services.outbox import enqueue
from bench.common import Figure, note
from sync.credential import CredentialStore, new_credential
from sync.server.devcert import make_pki
from sync.server.faults import Fault, FaultSwitch
from sync.server.runner import ReferenceServer
from sync.server.store import ServerStore
from sync.service import SyncService
from sync.transport import RetryPolicy

ACTOR = audit.Actor.system("bench-desk")


def _queue(s: Session, kind: str, payload: dict[str, object], rid: object = None, version: int = 1) -> None:
    rid = rid or uuid.uuid4()
    audit.record(s, ACTOR, f"{kind}.recorded", kind, rid, desk="desk-1", after=payload)
    enqueue(s, kind, rid, payload, version=version)


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
        store = ServerStore(f"sqlite:///{root / 'server.sqlite'}", root / "province")
        faults = FaultSwitch()
        with ReferenceServer(store, faults=faults, certfile=pki.cert_file, keyfile=pki.key_file) as server:
            seconds = _timed_day(store, server.url, pki.ca_file, first, root)
            resent = _resumed(store, server.url, pki.ca_file, f"sqlite:///{root / 'venue2.sqlite'}", root, faults)
        store.close()
    return [Figure("sync", "venue_day_seconds", round(seconds, 2), "s", "<= 15"),
            Figure("sync", "batches_resent", resent, "batches", "<= 1")]


def _service(store: ServerStore, url: str, ca: Path, db_url: str, root: Path, venue: str,
             retry: RetryPolicy | None = None) -> tuple[SyncService, sessionmaker[Session]]:
    engine = make_engine(db_url)
    sessions = make_session_factory(engine)
    ring = MemoryKeyring()
    service = SyncService(sessions, CredentialStore(backend=lambda: ring), root / "files", ACTOR, "desk-1",
                          retry=retry or RetryPolicy())
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


def _resumed(store: ServerStore, url: str, ca: Path, db_url: str, root: Path, faults: FaultSwitch) -> int:
    service, _ = _service(store, url, ca, db_url, root, "BENCH2", RetryPolicy(attempts=1))
    faults.arm(Fault("cut_response", "/v1/batches", times=1, skip=9))
    try:
        service.upload()
    except VenueError as exc:
        note(f"upload cut after the tenth batch as planned: {exc.code}")
    service.retry = RetryPolicy()
    service.upload()
    resent = store.batches_resent("BENCH2")
    note(f"resumed upload: {resent} batch(es) received twice; server holds {store.record_count('BENCH2')} records")
    return resent
