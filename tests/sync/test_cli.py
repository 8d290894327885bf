"""`venue-ops sync …` end to end, in process, against the loopback reference server.

`qapp` first: the command line's translator would otherwise create a bare QCoreApplication, and
every GUI test after this one would find no QApplication."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from app.__main__ import main
from app.db.engine import make_engine, make_session_factory
from app.security.keystore_testing import MemoryKeyring
from sync.credential import new_credential
from sync.server.devcert import Pki
from sync.server.runner import ReferenceServer
from sync.server.store import ServerStore
from tests.sync.venue import venue_day


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous: KeyringBackend = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_configure_credential_upload_status_export(
        qapp: object, tmp_path: Path, memory_keyring: MemoryKeyring, server: ReferenceServer, server_store: ServerStore,
        pki: Pki, venue_code: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    settings = tmp_path / "settings.json"
    settings.write_text(json.dumps({"data_dir": str(tmp_path / "data"), "language": "en"}))
    base = ("--settings", str(settings))
    code, out, err = run(capsys, *base, "sync", "upload")
    assert code == 1 and "not set up" in err
    code, out, _ = run(capsys, *base, "sync", "configure", server.url, "--venue", venue_code, "--ca", str(pki.ca_file))
    assert code == 0 and venue_code in out
    code, _, err = run(capsys, *base, "sync", "upload")
    assert code == 1 and "no sync credential" in err
    secret = new_credential()
    server_store.add_venue(venue_code, secret)
    monkeypatch.setattr("sys.stdin", io.StringIO(secret + "\n"))
    assert run(capsys, *base, "sync", "set-credential")[0] == 0

    engine = make_engine(f"sqlite:///{tmp_path / 'data' / 'venue.sqlite'}")
    venue_day(make_session_factory(engine), tmp_path / "files", admissions=5, files=1)
    engine.dispose()

    code, out, _ = run(capsys, *base, "--json", "sync", "status")
    status = json.loads(out)
    assert status["pending"]["admission"] == 5 and status["pending_bytes"] == 300_000
    code, out, _ = run(capsys, *base, "--json", "sync", "upload")
    sent = json.loads(out)
    assert code == 0 and sent["files"] == 1 and sent["audit_verified"] is True
    code, out, _ = run(capsys, *base, "sync", "status", "--server")
    assert code == 0 and "Clock skew" in out
    code, out, _ = run(capsys, *base, "--json", "sync", "status", "--server")
    assert json.loads(out)["server_records"] == sent["records"]
    code, out, _ = run(capsys, *base, "sync", "export", str(tmp_path / "usb.vor"))
    assert code == 0 and (tmp_path / "usb.vor").is_file()

    monkeypatch.setattr("sys.stdin", io.StringIO("vo1-" + "9" * 64 + "\n"))
    run(capsys, *base, "sync", "set-credential")
    code, _, err = run(capsys, *base, "sync", "upload")
    assert code == 1 and "refused this venue's credential" in err
