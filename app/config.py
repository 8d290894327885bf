"""Every setting, declared once with its default (the Picard habit).

Settings come from `settings.json` in the configuration folder (written by the first-run
set-up or an administrator) and then from the command line. An unknown key or a value of the
wrong type is refused with a message naming it, so a typo never silently falls back to a default.
"""

from __future__ import annotations

import dataclasses
import json
import os
import socket
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from app.config_check import SettingsError, check, read_file
from app.device_settings import DeviceSettings

APP_NAME = "venue-ops"
__all__ = ["APP_NAME", "Settings", "SettingsError", "config_path", "from_mapping", "load", "save"]


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


def load(path: Path | None = None, *, required: bool = False) -> Settings:
    """Settings from the file (`required`: it was named on the command line, so it must exist)."""
    path = path or config_path()
    raw = read_file(path, required=required)
    return Settings() if raw is None else from_mapping(raw, source=str(path))


def from_mapping(raw: dict[str, Any], source: str = "settings") -> Settings:
    values = {key: check(key, value, source) for key, value in raw.items()}
    return dataclasses.replace(Settings(), **values)


def save(settings: Settings, path: Path | None = None) -> Path:
    path = path or config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {f.name: getattr(settings, f.name) for f in dataclasses.fields(Settings)}
    for key in _PATHS:
        data[key] = None if data[key] is None else str(data[key])
    data["devices"] = [d.to_dict() for d in settings.devices]
    # Whole or not at all: a crash or a full disk mid-write leaves the previous file, never half of one.
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as out:
        out.write(json.dumps(data, ensure_ascii=False, indent=2))
        out.flush()
        os.fsync(out.fileno())
    tmp.replace(path)
    return path
