"""Art. 47–48: after a scripted venue day on the demo package (admissions, a mistyped number sent
to the province as a change request, a wrong person's card, entry closed, a backup, a USB export),
no file the application wrote (database, WAL, backups, logs, the export, and the export decrypted)
holds any candidate's document number or phone number in plaintext. On commit 9bf9245 the change
request's `observed` put the full number in the outbox, and from there in every one of them."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from app.db.backup import backup
from app.db.engine import make_engine, make_session_factory
from app.db.migrate import upgrade
from app.logs import configure_logging
from app.rules.checkin import Reason, Verdict
from sync import usb
from tests.checkin.kit import Kit, card, make_kit, ticket
from tests.sync.venue import ACTOR

_TOKEN = re.compile(rb"[0-9A-Za-z]{8,}")
EXPORT_KEY = bytes(range(32))


def secrets_of(data: dict[str, Any]) -> set[bytes]:
    found: set[bytes] = set()
    for c in data["candidates"]:
        found.add(str(c["document_number"]).encode())
        if c.get("phone"):
            found.add(str(c["phone"]).encode())
    return found


def leaks(blob: bytes, secrets: set[bytes]) -> set[bytes]:
    """Every secret found in `blob`, also inside a longer run of letters and digits (SQLite packs
    a row's columns side by side)."""
    lengths = {len(s) for s in secrets}
    hits: set[bytes] = set()
    for m in _TOKEN.finditer(blob):
        run = m.group()
        for n in lengths:
            for i in range(len(run) - n + 1):
                if run[i:i + n] in secrets:
                    hits.add(run[i:i + n])
    return hits


def scan(files: Iterable[Path], secrets: set[bytes]) -> dict[str, set[bytes]]:
    return {str(f): found for f in files if f.is_file() and (found := leaks(f.read_bytes(), secrets))}


def venue_day(kit: Kit, tmp_path: Path) -> bytes:
    """The day; returns the number read from the card whose registration has one digit wrong
    (the card is right: that number is the candidate's own, personal data like the package's)."""
    seated = kit.seated("S1")
    for c in seated[:6]:
        done = kit.service.present(kit.first, kit.door("S1", c["room"]), ticket=ticket(c), document=card(c))
        assert done.verdict is Verdict.ADMIT
    typo_of = seated[6]
    n = typo_of["document_number"]
    typo = n[:-3] + ("1" if n[-3] != "1" else "2") + n[-2:]
    desk = kit.door("S1", typo_of["room"])
    checked = kit.service.present(kit.first, desk, ticket=ticket(typo_of), document=card(typo_of, number=typo))
    assert Reason.NUMBER_TYPO in checked.decision.reasons
    assert kit.service.admit_after_check(kit.confirm(checked), desk, checked, "one digit typed wrong").change_request_id
    holder, other = seated[7], seated[8]
    wrong = kit.service.present(kit.first, kit.door("S1", holder["room"]), ticket=ticket(holder), document=card(other))
    assert wrong.verdict is Verdict.REFUSE
    kit.at("S1", minutes=16)
    kit.service.close_entry(kit.first.actor, kit.door("S1", None))
    backup(kit.engine, tmp_path / "backups" / "venue-backup.sqlite")
    usb.export_results(make_session_factory(kit.engine), tmp_path / "usb" / "results.vor", venue="V001",
                       key=EXPORT_KEY, files_root=tmp_path / "files", actor=ACTOR, desk="desk-1", now=kit.clock.now)
    logging.getLogger("venue_ops.day").info("day done for candidate %s", n)  # what a careless line does
    return typo.encode()


@pytest.fixture
def logs(tmp_path: Path) -> Iterable[Path]:
    setup = configure_logging(tmp_path / "logs", logging.INFO)
    yield tmp_path / "logs"
    setup.close()


def test_art47_48_no_document_or_phone_number_in_any_file_the_venue_day_wrote(tmp_path: Path, logs: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'data' / 'venue.sqlite'}")
    (tmp_path / "data").mkdir()
    upgrade(engine)
    kit = make_kit(engine, tmp_path)
    secrets = secrets_of(kit.data)
    assert len(secrets) > 20
    secrets.add(venue_day(kit, tmp_path))
    package = {p for p in tmp_path.glob("*.vopkg")}  # the province's input, not the venue's output
    written = [p for p in tmp_path.rglob("*") if p.is_file() and p not in package]
    assert any(p.name.endswith("-wal") for p in written), "the WAL must be scanned while it holds the day"
    found = scan(written, secrets)
    engine.dispose()  # the WAL folded into the database file: scanned again
    found.update(scan([p for p in tmp_path.rglob("*") if p.is_file() and p not in package], secrets))
    blob = (tmp_path / "usb" / "results.vor").read_bytes()
    content = usb.open_export(blob, EXPORT_KEY)
    decrypted = "\n".join(r.model_dump_json() for r in content.records).encode()
    if hits := leaks(decrypted, secrets):
        found["results.vor (decrypted)"] = hits
    assert any(r.kind == "info_change" for r in content.records)
    assert found == {}
    assert {p.name for p in written} >= {"venue.sqlite", "venue-backup.sqlite", "results.vor", "venue-ops.log"}
