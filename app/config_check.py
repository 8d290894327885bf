"""What each setting may hold, checked once when settings.json is read: a wrong type, a value out
of range, a relative folder or a language without a catalogue is refused with a sentence naming
the key, so a typo never becomes a default and a huge number never reaches a timer or a lockout.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.device_settings import DeviceSettings, parse_devices
from app.errors import VenueError
from app.resources import languages

MAX_SETTINGS_BYTES = 1024 * 1024
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
# Inclusive (least, most) for each whole-number setting.
RANGES: dict[str, tuple[int, int]] = {
    "idle_lock_minutes": (1, 120),
    "lockout_attempts": (3, 20),
    "lockout_minutes": (1, 1440),
    "backup_interval_minutes": (1, 10080),
    "backups_kept": (1, 10000),
}


class SettingsError(VenueError):
    pass


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 40 else text[:37] + "..."


def _whole_number(key: str, value: Any, source: str) -> int:
    least, most = RANGES[key]
    if isinstance(value, bool) or not isinstance(value, int) or not least <= value <= most:
        raise SettingsError("settings.out_of_range",
                            "Setting {key} in {source} must be a whole number from {least} to {most}, not {value}.",
                            key=key, source=source, least=least, most=most, value=_shown(value))
    return value


def _text(key: str, value: Any, source: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise SettingsError("settings.not_text", "Setting {key} in {source} must be a non-empty text, not {value}.",
                            key=key, source=source, value=_shown(value))
    return value


def _folder(key: str, value: Any, source: str) -> Path:
    if not isinstance(value, str) or not value.strip() or not Path(value).is_absolute():
        raise SettingsError("settings.not_absolute",
                            "Setting {key} in {source} must be a full folder path (such as D:\\VenueOps), not {value}.",
                            key=key, source=source, value=_shown(value))
    return Path(value)


def _optional_folder(key: str, value: Any, source: str) -> Path | None:
    return None if value is None else _folder(key, value, source)


def _optional_text(key: str, value: Any, source: str) -> str | None:
    return None if value is None else _text(key, value, source)


def _boolean(key: str, value: Any, source: str) -> bool:
    if not isinstance(value, bool):
        raise SettingsError("settings.not_boolean", "Setting {key} in {source} must be true or false, not {value}.",
                            key=key, source=source, value=_shown(value))
    return value


def _language(key: str, value: Any, source: str) -> str:
    known = languages()
    if value not in known:
        raise SettingsError("settings.unknown_language",
                            "Setting {key} in {source} must be one of the installed languages ({known}), not {value}.",
                            key=key, source=source, known=", ".join(known), value=_shown(value))
    return str(value)


def _log_level(key: str, value: Any, source: str) -> str:
    if value not in LOG_LEVELS:
        raise SettingsError("settings.bad_choice", "Setting {key} in {source} must be one of {choices}, not {value}.",
                            key=key, source=source, choices=", ".join(LOG_LEVELS), value=_shown(value))
    return str(value)


def _keys(key: str, value: Any, source: str) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise SettingsError("settings.not_key_map",
                            "Setting {key} in {source} must map each key id to a public key, both texts.",
                            key=key, source=source)
    return dict(value)


def _devices(key: str, value: Any, source: str) -> tuple[DeviceSettings, ...]:
    """The list and each entry are checked where device settings are declared (app/device_settings.py)."""
    return parse_devices(value, source)


CHECKS: dict[str, Callable[[str, Any, str], Any]] = {
    "data_dir": _folder,
    "db_url": _optional_text,
    "language": _language,
    "desk_name": _text,
    "provincial_keys": _keys,
    "backup_dir": _optional_folder,
    **dict.fromkeys(RANGES, _whole_number),
    "keyring_service": _text,
    "allow_plaintext_keys": _boolean,
    "log_level": _log_level,
    "devices": _devices,
}


def check(key: str, value: Any, source: str) -> Any:
    """The typed value of one setting, or the `SettingsError` naming it."""
    rule = CHECKS.get(key)
    if rule is None:
        raise SettingsError("settings.unknown_key", "Unknown setting {key} in {source}.", key=key, source=source)
    return rule(key, value, source)


def read_file(path: Path, *, required: bool) -> dict[str, Any] | None:
    """The file's JSON object; None for an absent file that was not asked for by name."""
    try:
        with path.open("rb") as f:
            raw = f.read(MAX_SETTINGS_BYTES + 1)
    except FileNotFoundError as exc:
        if not required:
            return None
        raise SettingsError("settings.missing", "The settings file {path} does not exist.", path=str(path)) from exc
    except OSError as exc:
        raise SettingsError("settings.unreadable", "The settings file {path} cannot be read: {detail}",
                            path=str(path), detail=exc.strerror or type(exc).__name__) from exc
    if len(raw) > MAX_SETTINGS_BYTES:
        raise SettingsError("settings.too_large", "The settings file {path} is larger than {limit} bytes.",
                            path=str(path), limit=MAX_SETTINGS_BYTES)
    try:
        parsed = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise SettingsError("settings.not_utf8", "The settings file {path} is not UTF-8 text.", path=str(path)) from exc
    except json.JSONDecodeError as exc:
        raise SettingsError("settings.bad_json",
                            "The settings file {path} is not valid JSON (line {line}, column {column}).",
                            path=str(path), line=exc.lineno, column=exc.colno) from exc
    except (RecursionError, ValueError) as exc:  # nested too deep, or a number too long to read
        raise SettingsError("settings.bad_json",
                            "The settings file {path} is not valid JSON (line {line}, column {column}).",
                            path=str(path), line=1, column=1) from exc
    if not isinstance(parsed, dict):
        raise SettingsError("settings.unreadable", "The settings file {path} is not a JSON object.", path=str(path))
    return parsed
