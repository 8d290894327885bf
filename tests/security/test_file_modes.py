"""Art. 47–48, 51: every file the application writes is 0600 and every folder 0700 (POSIX), so
another account on the venue PC reads none of it. A day's commands through the composition root
from a shell with the usual umask 022, then a walk of everything written."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from sqlalchemy import select

from app.db.engine import make_engine, make_session_factory
from app.db.models import Staff
from app.domain import Role
from app.package.demo import make_demo
from app.package.keys import demo_trusted_keys
from app.security.keystore_testing import MemoryKeyring
from tests.security.test_cli_asks_credential import CHIEF_SECRET, _main

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


@pytest.fixture
def usual_umask() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.fixture
def memory_keyring() -> Iterator[None]:
    previous: KeyringBackend = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(previous)


def _modes(root: Path) -> dict[str, str]:
    found = {}
    for path in [root, *root.rglob("*")]:
        mode = stat.S_IMODE(path.lstat().st_mode)
        want = 0o700 if path.is_dir() else 0o600
        if mode != want:
            found[str(path.relative_to(root.parent))] = oct(mode)
    return found


def test_art51_a_days_commands_leave_only_private_files_and_folders(
        qapp: object, tmp_path: Path, usual_umask: None, memory_keyring: None) -> None:
    out = tmp_path / "out"  # the administrator's own folder: what the program puts there is private
    data = out / "data"
    settings = tmp_path / "settings.json"
    settings.write_text(json.dumps({"data_dir": str(data), "language": "en", "allow_plaintext_keys": True,
                                    "provincial_keys": demo_trusted_keys()}))
    package = make_demo(tmp_path / "demo.vopkg")
    base = ["--settings", str(settings)]

    def run(*argv: str, stdin: str = "") -> None:
        code, _, err = _main([*base, *argv], stdin)
        assert code == 0, (argv, err)

    run("package", "import", str(package))
    engine = make_engine(f"sqlite:///{data / 'venue.sqlite'}")
    with make_session_factory(engine)() as s:
        chief = s.scalars(select(Staff.staff_number).where(Staff.role == Role.CHIEF_EXAMINER)).first() or ""
    engine.dispose()
    run("staff", "enrol-chief", chief, stdin=CHIEF_SECRET + "\n")
    run("--staff", chief, "db", "backup", str(out / "backups" / "venue-backup.sqlite"), stdin=CHIEF_SECRET + "\n")
    run("--staff", chief, "sync", "configure", "https://127.0.0.1:9", "--venue", "V1", stdin=CHIEF_SECRET + "\n")
    run("--staff", chief, "sync", "set-credential", stdin=f"{CHIEF_SECRET}\nvo1-{'5' * 64}\n")
    run("--staff", chief, "sync", "export", str(out / "usb" / "results.vor"), stdin=CHIEF_SECRET + "\n")
    run("--staff", chief, "db", "restore", str(out / "backups" / "venue-backup.sqlite"), stdin=CHIEF_SECRET + "\n")

    written = {p.name for p in out.rglob("*")}
    assert {"venue.sqlite", "venue-backup.sqlite", "results.vor", "logs"} <= written, written
    assert _modes(out) == {}
