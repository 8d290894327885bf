"""Building test packages (a small demo, modified and re-signed, or tampered with after signing),
and the demo maker's own promises: deterministic, well-formed, every document layout present."""

from __future__ import annotations

import copy
import io
import json
import zipfile
from collections.abc import Callable
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from app.db import models
from app.domain import DocumentType
from app.engine.clock import VenueClock
from app.package import (
    PackageImporter,
    PackageRefused,
    TrustedKeys,
    check_package,
    demo_trusted_keys,
    make_demo,
)
from app.package.admitted import DraftOpener
from app.package.demo import SHANGHAI, demo_content
from app.package.importer import ImportResult
from app.package.keys import DEMO_KEY_ID, demo_private_key
from app.package.writer import write_package
from app.rules.identity import is_valid_document_number
from app.security.auth import StaffSession
from app.security.crypto import DataKeys, PersonalDataCipher
from app.services.audit import Actor

SMALL = {"seed": 7, "rooms": 3, "seats_per_room": 5, "candidates_per_sitting": 10}
ACTOR = Actor.system("package import")
CIPHER = PersonalDataCipher(DataKeys.generate())
TABLES = (models.Exam, models.Venue, models.ImportedPackage, models.Sitting, models.Room, models.Seat,
          models.Candidate, models.SeatAssignment, models.Staff, models.StaffRelation, models.CustodyItem,
          models.AuditEvent)


@cache
def _small() -> tuple[str, dict[str, bytes]]:
    data, photos = demo_content(**SMALL)
    return json.dumps(data), photos


def small_content() -> tuple[dict[str, Any], dict[str, bytes]]:
    """A fresh, mutable copy of the small demo's data and photos."""
    text, photos = _small()
    return json.loads(text), dict(photos)


def write(path: Path, data: dict[str, Any], photos: dict[str, bytes], revision: int = 1) -> Path:
    return write_package(path, data, photos, revision=revision, created_at=datetime(2026, 10, 20, tzinfo=SHANGHAI),
                         signing_key=demo_private_key(), key_id=DEMO_KEY_ID)


def small_package(tmp: Path, change: Callable[[dict[str, Any]], None] | None = None, revision: int = 1,
                  name: str = "small.vopkg") -> Path:
    data, photos = small_content()
    if change is not None:
        change(data)
    return write(tmp / name, data, photos, revision)


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def rezip(path: Path, content: dict[str, bytes]) -> Path:
    """Write members as they are (no re-signing): tampering after signing."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, body in content.items():
            zf.writestr(name, body)
    return path


def importer(engine: Engine, *, trusted_keys: TrustedKeys | None = None, drafts: DraftOpener | None = None,
             clock: Callable[[], datetime] | None = None) -> PackageImporter:
    """The import as the core builds it, on `engine`, at `clock` (a real anchored venue clock unless given)."""
    return PackageImporter(sessionmaker(engine, expire_on_commit=False), clock or VenueClock(),
                           trusted_keys=demo_trusted_keys() if trusted_keys is None else trusted_keys,
                           cipher=CIPHER, actor=ACTOR, desk="office", drafts=drafts)


def run_import(engine: Engine, path: Path, *, by: StaffSession | None = None, expected_venue_code: str | None = None,
               **kwargs: Any) -> ImportResult:
    return importer(engine, **kwargs).import_file(path, by=by, expected_venue_code=expected_venue_code)


def row_counts(engine: Engine) -> dict[str, int]:
    with Session(engine) as s:
        return {m.__tablename__: s.scalar(select(func.count()).select_from(m)) or 0 for m in TABLES}


def refused(engine: Engine, path: Path, **kwargs: Any) -> PackageRefused:
    try:
        run_import(engine, path, **kwargs)
    except PackageRefused as exc:
        return exc
    raise AssertionError("the package was imported but should have been refused")


def test_demo_is_byte_for_byte_deterministic_from_its_seed(tmp_path: Path) -> None:
    a = make_demo(tmp_path / "a.vopkg", **SMALL)
    b = make_demo(tmp_path / "b.vopkg", **SMALL)
    assert a.read_bytes() == b.read_bytes()
    assert make_demo(tmp_path / "c.vopkg", **{**SMALL, "seed": 8}).read_bytes() != a.read_bytes()


def test_demo_covers_every_document_layout_with_valid_numbers_and_small_photos(tmp_path: Path) -> None:
    data, photos = small_content()
    types = {c["document_type"] for c in data["candidates"]}
    assert {t.value for t in DocumentType} - {"social_security"} <= types
    assert all(is_valid_document_number(DocumentType(c["document_type"]), c["document_number"])
               for c in data["candidates"])
    assert all(1500 < len(p) < 8000 and p[:3] == b"\xff\xd8\xff" for p in photos.values())
    checked = check_package(make_demo(tmp_path / "d.vopkg", **SMALL), demo_trusted_keys())
    assert checked.content.counts()["seat_assignments"] == 4 * 10


def test_demo_staff_cover_every_role_with_two_invigilators_per_room_and_ineligible_helpers() -> None:
    data, _ = small_content()
    roles = [s["role"] for s in data["staff"]]
    assert {"chief_examiner", "deputy", "invigilator", "roving_invigilator", "system_administrator",
            "security_staff"} <= set(roles)
    assert roles.count("invigilator") >= 2 * SMALL["rooms"]
    ineligible = [s for s in data["staff"] if s["employer_type"] in ("volunteer", "public_recruitment")]
    assert ineligible and all(s["role"] not in ("invigilator", "roving_invigilator") for s in ineligible)
    assert all("credential" not in json.dumps(s) for s in data["staff"])


def test_zip_helpers_round_trip(tmp_path: Path) -> None:
    path = small_package(tmp_path)
    content = members(path)
    copy_path = rezip(tmp_path / "copy.vopkg", copy.deepcopy(content))
    assert members(copy_path) == content
    assert zipfile.is_zipfile(io.BytesIO(copy_path.read_bytes()))
