"""Every setting, declared once with its default (the Picard habit).

Settings come from `settings.json` in the configuration folder (written by the first-run
set-up or an administrator) and then from the command line. An unknown key or a value of the
wrong type is refused with a message naming it, so a typo never silently falls back to a default.
"""

from __future__ import annotations

import dataclasses
import json
import socket
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from app.device_settings import DeviceSettings, parse_devices
from app.errors import VenueError

APP_NAME = "venue-ops"


class SettingsError(VenueError):
    pass


@dataclass(frozen=True)
class Settings:
    data_dir: Path = field(default_factory=lambda: Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))
    # None: an SQLite file in data_dir. Otherwise sqlite:///… or postgresql+psycopg://…
    db_url: str | None = None
    language: str = "zh_CN"
    desk_name: str = field(default_factory=socket.gethostname)
    # Provincial signing keys trusted for exam packages: key id → Ed25519 public key (hex or PEM).
    provincial_keys: dict[str, str] = field(default_factory=dict)
    # A second location (another disk, a USB stick) for automatic backups; None: off.
    backup_dir: Path | None = None
    backup_interval_minutes: int = 5
    backups_kept: int = 24
    idle_lock_minutes: int = 10
    lockout_attempts: int = 5
    lockout_minutes: int = 5
    keyring_service: str = APP_NAME
    # Keys in a 0600 file instead of the OS keyring: only where the administrator opts in.
    allow_plaintext_keys: bool = False
    log_level: str = "INFO"
    # The desk's devices, typed and checked by app/device_settings.py (the one place that reads them).
    devices: tuple[DeviceSettings, ...] = ()

    @property
    def database_url(self) -> str:
        return self.db_url or f"sqlite:///{self.data_dir / 'venue.sqlite'}"

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"

    def with_overrides(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})


def config_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "settings.json"


_PATHS = {"data_dir", "backup_dir"}


def load(path: Path | None = None) -> Settings:
    path = path or config_path()
    if not path.exists():
        return Settings()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise SettingsError(
            "settings.unreadable", "The settings file {path} cannot be read: {detail}", path=str(path), detail=str(exc)
        ) from exc
    if not isinstance(raw, dict):
        raise SettingsError("settings.unreadable", "The settings file {path} is not a JSON object.", path=str(path))
    return from_mapping(raw, source=str(path))


def from_mapping(raw: dict[str, Any], source: str = "settings") -> Settings:
    defaults = Settings()
    known = {f.name: f for f in dataclasses.fields(Settings)}
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in known:
            raise SettingsError("settings.unknown_key", "Unknown setting {key} in {source}.", key=key, source=source)
        expected = getattr(defaults, key)
        if key in _PATHS:
            values[key] = None if value is None else Path(value)
        elif key == "devices":
            values[key] = parse_devices(value, source)
        elif expected is not None and value is not None and not isinstance(value, type(expected)):
            raise SettingsError(
                "settings.bad_type",
                "Setting {key} in {source} must be {expected}, not {value!r}.",
                key=key,
                source=source,
                expected=type(expected).__name__,
                value=value,
            )
        else:
            values[key] = value
    return dataclasses.replace(defaults, **values)


def save(settings: Settings, path: Path | None = None) -> Path:
    path = path or config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {f.name: getattr(settings, f.name) for f in dataclasses.fields(Settings)}
    for key in _PATHS:
        data[key] = None if data[key] is None else str(data[key])
    data["devices"] = [d.to_dict() for d in settings.devices]
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(path)
    return path
