"""Several desks as separate processes: exactly one admission per candidate, enforced by the
database (PostgreSQL, 8 desks racing over 500 candidates); and desks killed at random moments
while admitting (50 times): every admission a desk had shown is in the database, intact."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app.db.engine import make_engine, make_session_factory
from app.db.migrate import upgrade
from app.db.models import Candidate, Sitting, Staff, Venue
from app.db.models_checkin import Admission
from app.engine.clock import VenueClock
from app.package import PackageImporter, demo_trusted_keys
from app.package.demo import demo_content
from app.security.crypto import DataKeys, PersonalDataCipher
from app.services import audit
from app.services.audit import Actor
from tests.unit.test_package_kit import write

ROOT = Path(__file__).resolve().parents[2]


def _venue(url: str, tmp: Path, per_sitting: int) -> tuple[Path, list[dict[str, Any]], dict[str, str]]:
    """A venue of `per_sitting` candidates in S1, imported; returns key file, S1 candidates, ids."""
    engine = make_engine(url)
    upgrade(engine)
    keys = DataKeys.generate()
    data, photos = demo_content(seed=11, rooms=per_sitting // 25, seats_per_room=25, candidates_per_sitting=per_sitting)
    photos = {}  # photos are not needed here and slow the import down
    for c in data["candidates"]:
        c["photo"] = None
    PackageImporter(make_session_factory(engine), VenueClock(), cipher=PersonalDataCipher(keys), actor=Actor.system("test"),
                    desk="office", trusted_keys=demo_trusted_keys()).import_file(write(tmp / "race.vopkg", data, photos))
    keyfile = tmp / "keys.txt"
    keyfile.write_text(keys.to_text(), encoding="utf-8")
    s1 = {a["ticket_number"] for a in data["seat_assignments"] if a["sitting"] == "S1"}
    with Session(engine) as s:
        sitting = s.scalars(select(Sitting).where(Sitting.code == "S1")).one()
        ids = {"sitting_id": str(sitting.id), "venue_id": str(s.scalars(select(Venue.id)).one()),
               "staff_id": str(s.scalars(select(Staff.id).limit(1)).one()),
               "now": (sitting.starts_at - timedelta(minutes=10)).isoformat()}  # entry open
    engine.dispose()
    return keyfile, [c for c in data["candidates"] if c["ticket_number"] in s1], ids


def _job(tmp: Path, name: str, desk: str, candidates: list[dict[str, Any]], ids: dict[str, str]) -> Path:
    path = tmp / f"{name}.json"
    path.write_text(json.dumps({"desk": desk, "candidates": candidates, **ids}, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.postgres
@pytest.mark.slow
def test_eight_desks_racing_over_500_candidates_admit_each_exactly_once(pg_url: str, tmp_path: Path) -> None:
    keyfile, people, ids = _venue(pg_url, tmp_path, 500)
    procs = []
    for d in range(8):
        order = people[:]
        random.Random(d).shuffle(order)
        job = _job(tmp_path, f"desk{d}", f"desk-{d}", order, ids)
        procs.append(subprocess.Popen([sys.executable, "-m", "tests.checkin.desk_worker", "run", pg_url, str(keyfile),
                                       str(job)], cwd=ROOT, stdout=subprocess.PIPE, text=True))
    outputs = [p.communicate(timeout=600)[0] for p in procs]
    assert all(p.returncode == 0 for p in procs)
    verdicts = [line.split()[2:] for out in outputs for line in out.splitlines() if line.startswith("SHOWN")]
    assert len(verdicts) == 8 * 500
    assert sum(1 for v in verdicts if v[0] == "admit") == 500
    assert all(v == ["refuse", "already_admitted"] for v in verdicts if v[0] != "admit")
    engine = make_engine(pg_url)
    with Session(engine) as s:
        assert s.scalar(select(func.count()).select_from(Admission)) == 500
        assert s.scalar(select(func.count(func.distinct(Admission.candidate_id)))) == 500
        assert audit.verify(s).intact
    engine.dispose()


@pytest.mark.slow
def test_desks_killed_at_random_moments_lose_no_admission_they_showed(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'venue.sqlite'}"
    keyfile, people, ids = _venue(url, tmp_path, 250)
    zygote = subprocess.Popen([sys.executable, "-m", "tests.checkin.desk_worker", "zygote", url, str(keyfile)],
                              cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert zygote.stdin is not None and zygote.stdout is not None
    rng = random.Random(2026)
    shown: set[str] = set()
    try:
        for run in range(50):
            remaining = [c for c in people if c["ticket_number"] not in shown]
            job = _job(tmp_path, f"run{run}", f"desk-{run}", remaining, ids)
            out = tmp_path / f"run{run}.out"
            zygote.stdin.write(f"FORK {job} {out}\n")
            zygote.stdin.flush()
            pid = int(zygote.stdout.readline())
            deadline = time.monotonic() + 10
            while not (out.exists() and out.read_text().startswith("READY")) and time.monotonic() < deadline:
                time.sleep(0.005)
            time.sleep(rng.uniform(0.0, 0.25))
            os.kill(pid, signal.SIGKILL)
            time.sleep(0.02)
            for line in out.read_text().splitlines():
                parts = line.split()
                if parts[:1] == ["SHOWN"] and parts[2] == "admit":
                    shown.add(parts[1])
    finally:
        zygote.stdin.close()
        zygote.wait(timeout=30)
    assert shown, "no desk got as far as an admission: the kills came too early to prove anything"
    engine = make_engine(url)
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    with Session(engine) as s:
        admitted = set(s.scalars(select(Candidate.ticket_number).join(Admission, Admission.candidate_id == Candidate.id)))
        assert shown <= admitted
        assert audit.verify(s).intact
    engine.dispose()
