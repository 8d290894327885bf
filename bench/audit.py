"""`python -m bench audit [--events N] [--postgres URL]`: how fast `audit verify` walks a long
trail (issue 13). A trail of N events (default 1,000,000) with a signed checkpoint every 1,000 is
written straight into a migrated SQLite file (and PostgreSQL when a URL is given or
VENUE_TEST_POSTGRES_URL is set), then verified end to end: chain, every checkpoint's signature,
the tail. Figure: verify_events_per_s (target >= 50,000)."""

from __future__ import annotations

import os
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, insert, text
from sqlalchemy.engine import make_url

from app.db.engine import make_engine, make_session_factory
from app.db.migrate import upgrade
from app.db.models import AuditCheckpoint, AuditEvent
from app.domain import RetentionClass
from app.security.checkpoint_key import CheckpointSigner
from app.security.crypto import DataKeys
from app.services import audit, audit_anchor
from bench.common import Figure, note

CHUNK = 10_000


def write_trail(engine: Engine, signer: CheckpointSigner, events: int) -> None:
    """Events as the desks write them (a check-in's after-snapshot, a queued record's tie), hashed
    and checkpointed exactly as `audit.record` does, inserted in bulk."""
    start = datetime(2026, 11, 1, 0, 30, tzinfo=UTC)
    actor = uuid.uuid4()
    prev = audit.GENESIS
    with engine.begin() as conn:
        for base in range(0, events, CHUNK):
            rows: list[dict[str, Any]] = []
            marks: list[dict[str, Any]] = []
            for seq in range(base + 1, min(base + CHUNK, events) + 1):
                at = start + timedelta(milliseconds=seq * 40)
                row: dict[str, Any] = {
                    "seq": seq, "id": uuid.uuid4(), "at_utc": at, "venue_time": at.isoformat(timespec="seconds"),
                    "desk": "desk-1", "actor_id": actor, "actor_name": "监考 张", "cosigner_id": None,
                    "cosigner_name": None, "action": "checkin.admit", "entity_type": "candidate",
                    "entity_id": str(uuid.uuid4()), "before_json": None,
                    "after_json": f'{{"room_code": "07", "seat_number": {seq % 30 + 1}, "verdict": "admit"}}',
                    "reason": "", "retention_class": RetentionClass.ELECTRONIC, "prev_hash": prev,
                }
                row["hash"] = prev = audit.event_hash(prev, audit.fields([row[c] for c in audit.CHAINED_COLUMNS]))
                rows.append(row)
                if seq % audit_anchor.EVERY == 0:
                    marks.append({"seq": seq, "hash": prev, "at_utc": at, "reason": "every_1000",
                                  "signature": signer.sign(seq, prev)})
            conn.execute(insert(AuditEvent), rows)
            if marks:
                conn.execute(insert(AuditCheckpoint), marks)


def measure(engine: Engine, events: int, label: str) -> float:
    signer = CheckpointSigner.from_keys(DataKeys.generate())
    started = time.perf_counter()
    write_trail(engine, signer, events)
    note(f"{label}: {events} events written in {time.perf_counter() - started:.1f} s")
    sessions = make_session_factory(engine)
    audit_anchor.attach(sessions, signer)
    started, cpu = time.perf_counter(), time.process_time()
    with sessions() as s:
        report = audit.verify(s)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    if not report.intact or report.events != events:
        raise SystemExit(f"bench: the trail did not verify: {report}")
    note(f"{label}: verified {events} events, {report.checkpoints} checkpoints in {seconds:.2f} s "
         f"({cpu:.2f} s of this process's CPU; load average {os.getloadavg()[0]:.2f})")
    return events / seconds


def run(argv: list[str]) -> list[Figure]:
    events = int(argv[argv.index("--events") + 1]) if "--events" in argv else 1_000_000
    pg = argv[argv.index("--postgres") + 1] if "--postgres" in argv else os.environ.get("VENUE_TEST_POSTGRES_URL")
    figures = []
    with tempfile.TemporaryDirectory(prefix="bench-audit-") as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'venue.sqlite'}")
        upgrade(engine)
        rate = measure(engine, events, "sqlite")
        figures.append(Figure("audit", "verify_events_per_s", round(rate), "events/s", ">= 50000"))
        engine.dispose()
    if pg:
        name = f"bench_audit_{uuid.uuid4().hex[:8]}"
        admin = make_engine(pg, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            engine = make_engine(make_url(pg).set(database=name).render_as_string(hide_password=False))
            upgrade(engine)
            rate = measure(engine, events, "postgres")
            figures.append(Figure("audit", "postgres_verify_events_per_s", round(rate), "events/s", ">= 50000"))
            engine.dispose()
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()
    return figures
