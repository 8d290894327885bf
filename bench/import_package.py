"""`python -m bench import`: make the full demo exam package and import it into a fresh, migrated
SQLite file. Target: the whole verified import in ≤ 10 s on a venue PC."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.engine import make_engine, make_session_factory
from app.db.migrate import upgrade
from app.db.models import Candidate
from app.engine.clock import VenueClock
from app.package import PackageImporter, demo_trusted_keys, make_demo
from app.security.crypto import DataKeys, PersonalDataCipher
from app.services.audit import Actor
from bench.common import Figure, note

NAME = "import"


def run(argv: list[str]) -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        package = make_demo(folder / "demo.vopkg")
        made = time.perf_counter() - started
        note(f"demo package written in {made:.2f} s ({package.stat().st_size} bytes)")
        engine = make_engine(f"sqlite:///{folder / 'venue.sqlite'}")
        upgrade(engine)
        cipher = PersonalDataCipher(DataKeys.generate())
        started = time.perf_counter()
        importer = PackageImporter(make_session_factory(engine), VenueClock(), trusted_keys=demo_trusted_keys(),
                                   cipher=cipher, actor=Actor.system("bench"), desk="bench")
        result = importer.import_file(package)
        seconds = time.perf_counter() - started
        started = time.perf_counter()
        again = importer.import_file(package)
        reimport = time.perf_counter() - started
        with Session(engine) as s:
            stored = s.scalar(select(func.count()).select_from(Candidate)) or 0
        engine.dispose()
        if stored != result.counts["candidates"] or not again.unchanged:
            raise RuntimeError("the benchmark's import did not store what the package holds")
        return [
            Figure(NAME, "seconds", round(seconds, 3), "s", "<= 10"),
            Figure(NAME, "reimport_seconds", round(reimport, 3), "s", "informational"),
            Figure(NAME, "make_demo_seconds", round(made, 3), "s", "a few seconds at most"),
            Figure(NAME, "candidates", float(stored), "count", "~1350 (900 per sitting)"),
            Figure(NAME, "seat_assignments", float(result.counts["seat_assignments"]), "count", "informational"),
            Figure(NAME, "package_bytes", float(package.stat().st_size), "bytes", "informational"),
        ]
