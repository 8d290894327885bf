"""A venue's outbox filled the way the features fill it: record, audit event and outbox row in
one transaction."""

from __future__ import annotations

import hashlib
import uuid
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from app.db.types import utcnow
from app.services import audit
from app.services.outbox import enqueue

ACTOR = audit.Actor.system("test-desk")


def record(sessions: sessionmaker[Session], kind: str, payload: dict[str, object], *, version: int = 1,
           record_id: object | None = None) -> str:
    rid = str(record_id or uuid.uuid4())
    with sessions() as s, s.begin():
        audit.record(s, ACTOR, f"{kind}.recorded", kind, rid, desk="desk-1", after=payload, now=utcnow())
        enqueue(s, kind, rid, payload, version=version, now=utcnow())
    return f"{kind}:{rid}:{version}"


def evidence(sessions: sessionmaker[Session], folder: Path, size: int, *, seed: int = 0) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    body = hashlib.sha256(str(seed).encode()).digest() * (size // 32 + 1)
    body = body[:size]
    path = folder / f"evidence-{seed}.jpg"
    path.write_bytes(body)
    sha = hashlib.sha256(body).hexdigest()
    return record(sessions, "evidence_file", {"sha256": sha, "path": str(path), "size": size,
                                              "owner_kind": "incident", "owner_id": str(uuid.uuid4())})


def venue_day(sessions: sessionmaker[Session], folder: Path, *, admissions: int = 30, files: int = 3,
              file_size: int = 300_000) -> set[str]:
    keys = set()
    for i in range(admissions):
        keys.add(record(sessions, "admission", {"ticket": f"26{i:012d}", "sitting": "S1", "seat": i % 30 + 1}))
    keys.add(record(sessions, "refusal", {"ticket": "26999999999999", "reason": "late"}))
    keys.add(record(sessions, "absence", {"ticket": "26888888888888", "sitting": "S1"}))
    incident = uuid.uuid4()
    keys.add(record(sessions, "incident", {"state": "draft", "room": "07"}, record_id=incident))
    keys.add(record(sessions, "incident", {"state": "confirmed", "room": "07"}, record_id=incident, version=2))
    for i in range(files):
        keys.add(evidence(sessions, folder, file_size, seed=i))
    return keys
