"""Three small breakages: the GUI's USB export (F6) always failed on a text path, `--json` was
refused after the subcommand although README documents it there, and `make-cert` wrote a server
data folder into whatever folder it was run from. And `--debug` is the one way to a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import sessionmaker

from app.db.engine import make_engine
from app.db.migrate import upgrade
from app.security.keystore_testing import MemoryKeyring
from app.services import audit
from sync.credential import CredentialStore
from tests.sync.test_screen import drain
from tests.sync.venue import venue_day
from ui.runner import OpRunner
from ui.sync.screen import SyncScreen

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def sqlite_file(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'venue.sqlite'}"
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    return url


def test_gui_usb_export_f6_writes_the_file(qtbot: QtBot, tmp_path: Path, sqlite_file: str) -> None:
    from app.engine.clock import VenueClock
    from sync.service import SyncService

    engine = make_engine(sqlite_file)
    sessions = sessionmaker(engine, expire_on_commit=False)
    ring = MemoryKeyring()
    service = SyncService(sessions, CredentialStore(backend=lambda: ring), tmp_path / "files",
                          audit.Actor.system("t"), "desk-1", VenueClock())
    service.configure("https://province.example", "320107")
    service.set_credential("a-venue-credential-of-enough-length")
    venue_day(sessions, tmp_path / "files", admissions=2, files=0)
    screen = SyncScreen(OpRunner(), service)
    qtbot.addWidget(screen)
    out = tmp_path / "usb" / "results.vor"
    screen.export_to(str(out))  # what the file dialog hands over: text
    qtbot.waitUntil(out.exists, timeout=20_000)
    drain()
    engine.dispose()


def _cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The command line in a child (it sets up logging and keys as a real run does)."""
    settings = tmp_path / "settings.json"
    settings.write_text(json.dumps({"data_dir": str(tmp_path / "data"), "allow_plaintext_keys": True}))
    return subprocess.run([sys.executable, "-m", "app", "--lang", "en", "--settings", str(settings), *args],
                          capture_output=True, text=True, timeout=120)


def test_json_is_accepted_after_the_subcommand(tmp_path: Path) -> None:
    done = _cli(tmp_path, "audit", "verify", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["intact"] is True


def test_make_cert_writes_nothing_into_the_current_folder(tmp_path: Path) -> None:
    work = tmp_path / "cwd"
    work.mkdir()
    # PYTHONPATH: this checkout's code, not an installed copy, although the child runs elsewhere.
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "xdg"), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "sync.server", "make-cert", str(tmp_path / "certs")], cwd=work,
                          env=env, capture_output=True, text=True, timeout=120,
                          check=True)
    assert Path(json.loads(done.stdout)["ca"]).is_file()
    assert list(work.iterdir()) == []


def test_a_traceback_only_with_debug(tmp_path: Path) -> None:
    missing = str(tmp_path / "no-such-backup.sqlite")
    done = _cli(tmp_path, "db", "restore", missing)
    assert done.returncode == 1
    assert "does not exist" in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    debug = _cli(tmp_path, "db", "restore", missing, "--debug")
    assert debug.returncode == 1
    assert "Traceback" in debug.stderr and "does not exist" in debug.stderr
