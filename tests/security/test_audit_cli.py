"""Art. 43: `venue-ops audit verify` on the command line: intact, a damaged row, a dropped table.
On commit 9bf9245 the damaged row was a traceback and the dropped table "database cannot be reached".

`qapp` first: the command line's translator would otherwise create a bare QCoreApplication."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from app.__main__ import main
from app.db.engine import make_engine
from tests.security.tamper import unguarded


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def base(tmp_path: Path) -> tuple[str, ...]:
    settings = tmp_path / "settings.json"
    settings.write_text(json.dumps({"data_dir": str(tmp_path / "data"), "language": "en",
                                    "allow_plaintext_keys": True}))
    return ("--settings", str(settings))


def test_art43_cli_audit_verify_reports_damage_and_a_dropped_table_without_traceback(
        qapp: object, tmp_path: Path, base: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, *base, "--json", "audit", "verify")
    assert code == 0 and json.loads(out)["intact"]
    engine = make_engine(f"sqlite:///{tmp_path / 'data' / 'venue.sqlite'}")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO audit_event (id, at_utc, venue_time, desk, actor_name, action, entity_type, "
                          "entity_id, reason, retention_class, prev_hash, hash) VALUES ('0123456789abcdef0123456789abcdef', "
                          "'garbage', 'x', 'd', 'a', 'act', 'e', '1', '', 'forever', :g, :h)"),
                     {"g": "0" * 64, "h": "1" * 64})
    code, out, err = run(capsys, *base, "--json", "audit", "verify")
    report = json.loads(out)
    assert code == 1 and not report["intact"] and report["broken_at_seq"] == 1 and "Traceback" not in err
    assert report["code"] == "audit.row_unreadable"
    with unguarded(engine) as conn:
        conn.execute(text("DROP TABLE audit_event"))
    engine.dispose()
    code, out, err = run(capsys, *base, "audit", "verify")
    assert code == 1 and "no audit_event table" in out and "cannot be reached" not in out + err
