"""A malformed or out-of-range settings.json is refused with one sentence naming the key, inside
main()'s error handler (so the program says why instead of a traceback), and never silently
becomes a default: a huge lockout, `true` for a count, a relative or empty data folder, a
language without a catalogue, a settings file that is not there."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app import config
from app.__main__ import main
from app.config import SettingsError
from app.errors import VenueError
from tests.security.cli_support import cli_app

__all__ = ["cli_app"]

BAD_VALUES: list[tuple[str, Any, str]] = [
    ("idle_lock_minutes", 0, "settings.out_of_range"),
    ("idle_lock_minutes", -5, "settings.out_of_range"),
    ("idle_lock_minutes", 121, "settings.out_of_range"),
    ("lockout_attempts", True, "settings.out_of_range"),
    ("lockout_attempts", 2, "settings.out_of_range"),
    ("lockout_attempts", 21, "settings.out_of_range"),
    ("lockout_minutes", 10**12, "settings.out_of_range"),
    ("lockout_minutes", 0, "settings.out_of_range"),
    ("lockout_minutes", 5.0, "settings.out_of_range"),
    ("backup_interval_minutes", 0, "settings.out_of_range"),
    ("backups_kept", -1, "settings.out_of_range"),
    ("backups_kept", "24", "settings.out_of_range"),
    ("data_dir", "", "settings.not_absolute"),
    ("data_dir", "relative/folder", "settings.not_absolute"),
    ("data_dir", 7, "settings.not_absolute"),
    ("backup_dir", "usb", "settings.not_absolute"),
    ("language", "fr", "settings.unknown_language"),
    ("language", None, "settings.unknown_language"),
    ("allow_plaintext_keys", "yes", "settings.not_boolean"),
    ("allow_plaintext_keys", 1, "settings.not_boolean"),
    ("provincial_keys", ["k"], "settings.not_key_map"),
    ("provincial_keys", {"k": 1}, "settings.not_key_map"),
    ("desk_name", "", "settings.not_text"),
    ("desk_name", ["a"], "settings.not_text"),
    ("keyring_service", None, "settings.not_text"),
    ("log_level", "LOUD", "settings.bad_choice"),
    ("db_url", 5, "settings.not_text"),
]


def _file(tmp_path: Path, content: str | bytes) -> Path:
    path = tmp_path / "settings.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return path


@pytest.mark.parametrize(("key", "value", "code"), BAD_VALUES)
def test_art44_each_bad_value_is_refused_naming_its_key(tmp_path: Path, key: str, value: Any, code: str) -> None:
    with pytest.raises(SettingsError) as caught:
        config.load(_file(tmp_path, json.dumps({key: value})))
    assert caught.value.code == code
    assert caught.value.params["key"] == key


@pytest.mark.parametrize(("value", "code"), [("abc", "settings.devices_not_list"),
                                             ({"kind": "idcard"}, "settings.devices_not_list"),
                                             ([1, 2], "settings.device_not_object")])
def test_devices_must_be_a_list_of_objects(tmp_path: Path, value: Any, code: str) -> None:
    with pytest.raises(VenueError) as caught:  # each entry's fields: app/device_settings.py
        config.load(_file(tmp_path, json.dumps({"devices": value})))
    assert caught.value.code == code


@pytest.mark.parametrize("content", ["{", "", "[1, 2]", "null", '"text"', "{\"a\": 1,}", "[" * 100_000,
                                     '{"lockout_minutes": ' + "9" * 5000 + "}", b"\xff\xfe{}"])
def test_syntax_errors_and_wrong_top_level_types_are_refused(tmp_path: Path, content: str | bytes) -> None:
    with pytest.raises(SettingsError) as caught:
        config.load(_file(tmp_path, content))
    assert caught.value.code.startswith("settings.")


def test_a_settings_file_named_on_the_command_line_must_exist(tmp_path: Path) -> None:
    with pytest.raises(SettingsError) as caught:
        config.load(tmp_path / "typo.json", required=True)
    assert caught.value.code == "settings.missing"
    assert config.load(tmp_path / "absent.json") == config.Settings(
        data_dir=config.Settings().data_dir, desk_name=config.Settings().desk_name)


def test_good_values_at_the_edges_are_accepted(tmp_path: Path) -> None:
    good = {"idle_lock_minutes": 120, "lockout_attempts": 3, "lockout_minutes": 1440, "backup_interval_minutes": 1,
            "backups_kept": 1, "data_dir": str(tmp_path), "language": "en"}
    s = config.load(_file(tmp_path, json.dumps(good)))
    assert (s.idle_lock_minutes, s.lockout_attempts, s.lockout_minutes) == (120, 3, 1440)
    assert s.data_dir == tmp_path and s.language == "en"


@pytest.mark.parametrize(("content", "words"), [
    ('{"lockout_minutes": 1000000000000}', "lockout_minutes"),
    ("[1, 2]", "is not a JSON object"),
    ("{oops", "is not valid JSON"),
])
def test_main_says_one_sentence_and_exits_non_zero(cli_app: object, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str], content: str,
                                                    words: str) -> None:
    code = main(["--lang", "en", "--settings", str(_file(tmp_path, content)), "audit", "verify"])
    err = capsys.readouterr().err
    assert code == 1
    assert words in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_main_says_a_missing_settings_file_in_chinese(cli_app: object, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--lang", "zh_CN", "--settings", str(tmp_path / "typo.json"), "audit", "verify"])
    err = capsys.readouterr().err
    assert code == 1 and "typo.json" in err and "不存在" in err
