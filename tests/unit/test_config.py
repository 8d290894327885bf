from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.config import Settings, SettingsError, load, save


def test_missing_settings_file_gives_the_declared_defaults(tmp_path: Path) -> None:
    s = load(tmp_path / "none.json")
    assert s == Settings(data_dir=s.data_dir, desk_name=s.desk_name)
    assert s.lockout_attempts == 5 and s.lockout_minutes == 5 and s.language == "zh_CN"


def test_settings_round_trip_through_the_file(tmp_path: Path) -> None:
    s = Settings(data_dir=tmp_path, backup_dir=tmp_path / "usb", provincial_keys={"prov-1": "ab" * 32})
    path = save(s, tmp_path / "settings.json")
    assert load(path) == s


def test_an_unknown_key_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"lockout_atempts": 3}))
    with pytest.raises(SettingsError, match="lockout_atempts") as err:
        load(path)
    assert err.value.code == "settings.unknown_key"


def test_a_value_of_the_wrong_type_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"lockout_minutes": "five"}))
    with pytest.raises(SettingsError, match="lockout_minutes"):
        load(path)


def test_default_database_is_a_sqlite_file_in_the_data_folder(tmp_path: Path) -> None:
    assert Settings(data_dir=tmp_path).database_url == f"sqlite:///{tmp_path / 'venue.sqlite'}"



def test_an_unreachable_database_is_a_clear_error_not_a_traceback(tmp_path: Path) -> None:
    import subprocess
    import sys

    url = f"sqlite:///{tmp_path / 'no-such-folder' / 'v.sqlite'}"
    done = subprocess.run([sys.executable, "-m", "app", "--lang", "en", "--db", url, "audit", "verify"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "The database cannot be opened or reached" in done.stderr
    assert "Traceback" not in done.stderr
