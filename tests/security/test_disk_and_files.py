"""Disks and files that fail under the program: a full disk, a read-only, garbage or half-truncated
database, a garbage key file, a data or log folder that cannot be used, a backup to restore that is
not there. Each is one specific sentence (at the desk through ui.messages.describe, on the command
line through main()), never a traceback, and for a full disk: the free space, that nothing saved was
lost, and what to do. Full and read-only disks are real: small tmpfs mounts (root, as here and in CI)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from app.__main__ import main
from app.db.engine import make_engine
from app.db.migrate import upgrade
from app.db.models import AuditEvent
from app.db.types import utcnow
from app.errors import VenueError
from app.services import audit
from tests.disk_support import fill, read_only, tmpfs
from tests.security.cli_support import cli_app

__all__ = ["cli_app"]


def _settings(tmp_path: Path, data_dir: Path) -> str:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"data_dir": str(data_dir), "allow_plaintext_keys": True}))
    return str(path)


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["--lang", "en", *args]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    return err


@pytest.fixture
def venue(tmp_path: Path, cli_app: object) -> Path:
    """A set-up data folder (database migrated, key file made) as a first run leaves it."""
    data = tmp_path / "data"
    assert main(["--lang", "en", "--settings", _settings(tmp_path, data), "audit", "verify"]) == 0
    return data


def test_full_disk_at_the_desk_says_free_space_and_that_nothing_was_lost(tmp_path: Path, qapp: object) -> None:
    from ui.messages import describe

    engine = make_engine(f"sqlite:///{tmp_path / 'venue.sqlite'}")
    upgrade(engine)
    actor = audit.Actor.system("desk")
    with Session(engine) as s, s.begin():
        audit.record(s, actor, "checkin.admitted", "admission", "a1", desk="desk-1", after={"seat": 1}, now=utcnow())
    with engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    event.listen(engine, "connect", lambda conn, _r: conn.execute(f"PRAGMA max_page_count={pages}"))
    engine.dispose()  # new connections: the disk is now "full" at today's size
    with pytest.raises(VenueError) as caught, Session(engine) as s, s.begin():
        for n in range(2000):
            audit.record(s, actor, "checkin.admitted", "admission", f"b{n}", desk="desk-1", after={"x": "y" * 500}, now=utcnow())
    assert caught.value.code == "disk.full"
    said = describe(caught.value)
    assert "is full" in said and "free" in said and "Nothing already saved was lost" in said
    with Session(engine) as s:
        assert s.scalar(select(func.count()).select_from(AuditEvent)) == 1
    engine.dispose()


def test_full_disk_backup_says_full_not_cannot_be_opened(tmp_path: Path, venue: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    with tmpfs(tmp_path / "usb", "256k") as usb:
        fill(usb)
        err = _run(capsys, "--settings", _settings(tmp_path, venue), "db", "backup", str(usb / "backup.sqlite"))
        assert "is full" in err and "cannot be opened" not in err
        assert not (usb / "backup.sqlite").exists() and not (usb / "backup.sqlite.part").exists()


def test_read_only_database_is_said_as_such(tmp_path: Path, venue: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with tmpfs(tmp_path / "ro", "8m") as ro:
        shutil.copyfile(venue / "venue.sqlite", ro / "venue.sqlite")
        read_only(ro)
        err = _run(capsys, "--settings", _settings(tmp_path, venue), "--db", f"sqlite:///{ro / 'venue.sqlite'}",
                   "audit", "verify")
        assert "is read-only" in err


@pytest.mark.parametrize("damage", ["garbage", "half"])
def test_garbage_or_half_truncated_database_is_said_damaged(tmp_path: Path, venue: Path, damage: str,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    db = venue / "venue.sqlite"
    whole = db.read_bytes()
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    db.write_bytes(os.urandom(len(whole)) if damage == "garbage" else whole[: len(whole) // 2])
    err = _run(capsys, "--settings", _settings(tmp_path, venue), "audit", "verify")
    assert "is damaged" in err and "db restore" in err


def test_garbage_key_file_is_said_damaged(tmp_path: Path, venue: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (key,) = (venue / "keys").glob("*.key")
    key.write_bytes(b"\x00\xffnot a key")
    err = _run(capsys, "--settings", _settings(tmp_path, venue), "audit", "verify")
    assert "key file" in err and "damaged" in err


def test_data_folder_that_cannot_be_used_is_named(tmp_path: Path, cli_app: object,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    err = _run(capsys, "--settings", _settings(tmp_path, tmp_path / "a-file" / "data"), "audit", "verify")
    assert "may not use" in err and "a-file" in err
    with tmpfs(tmp_path / "locked", "64k") as locked:
        read_only(locked)
        err = _run(capsys, "--settings", _settings(tmp_path, locked / "data"), "audit", "verify")
        assert "may not use" in err and "the disk is read-only" in err


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="file modes do not stop root")
def test_unreadable_data_folder_is_named(tmp_path: Path, venue: Path, capsys: pytest.CaptureFixture[str]) -> None:
    venue.chmod(0)
    try:
        err = _run(capsys, "--settings", _settings(tmp_path, venue), "audit", "verify")
    finally:
        venue.chmod(0o700)
    assert "may not use" in err


def test_unwritable_log_folder_is_named(tmp_path: Path, venue: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.rmtree(venue / "logs")
    with tmpfs(venue / "logs", "64k") as logs:
        read_only(logs)
        err = _run(capsys, "--settings", _settings(tmp_path, venue), "audit", "verify")
        assert "may not use" in err and "logs" in err


def test_restore_of_a_missing_backup_is_named(tmp_path: Path, venue: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = _run(capsys, "--settings", _settings(tmp_path, venue), "db", "restore", str(tmp_path / "nope.sqlite"))
    assert "does not exist" in err and "nope.sqlite" in err
    assert (venue / "venue.sqlite").is_file()
