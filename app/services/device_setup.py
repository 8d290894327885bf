"""The desk's devices changed by a person on the devices screen (设备配置), after set-up.

The same settings the first-run wizard writes (`settings.json`'s `devices`, checked by
app/device_settings.py), written the same way (`config.save`: a temporary file, flushed and synced,
then renamed over the old one) and only by a role the permission table lets configure devices.
Each change is an audit event naming who made it, with the devices before and after; the file is
written inside the event's transaction, so a file that cannot be written leaves no event behind,
and an event that cannot be recorded leaves the previous file in place.

Other settings in the file are kept as the file holds them (never this run's command-line options).
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app import config
from app.device_settings import DeviceSettings
from app.security.auth import StaffSession
from app.security.permissions import Permission, require
from app.services import audit
from app.services.setup import check_devices

CHANGE_REASON = "devices configured on the devices screen"


class DeviceSetupService:
    """`devices()` as this run uses them; `save()` checks, audits and writes a new list."""

    def __init__(self, sessions: Callable[[], Session], clock: Callable[[], datetime], settings_file: Path,
                 devices: Sequence[DeviceSettings], *, desk: str) -> None:
        self._sessions, self._clock, self._file, self._desk = sessions, clock, settings_file, desk
        self._devices = tuple(devices)
        self._lock = threading.Lock()

    @property
    def settings_file(self) -> Path:
        return self._file

    def devices(self) -> tuple[DeviceSettings, ...]:
        with self._lock:
            return self._devices

    def allow(self, by: StaffSession) -> None:
        """Refuses (PermissionDenied, SessionEnded) unless `by` may configure devices now: asked before
        a device is stopped for a test or restarted, as before a change is saved."""
        with self._sessions() as s, s.begin():
            require(s, by, Permission.CONFIGURE_DEVICES)

    def check(self, entries: Sequence[Mapping[str, Any]]) -> tuple[DeviceSettings, ...]:
        """The entries as settings.json would read them; the first bad one refused by name."""
        return check_devices(entries, "devices")

    def save(self, by: StaffSession, entries: Sequence[Mapping[str, Any] | DeviceSettings]) -> tuple[DeviceSettings, ...]:
        """The desk's devices from now on. Unchanged entries write nothing and record nothing."""
        devices = check_devices([e.to_dict() if isinstance(e, DeviceSettings) else e for e in entries], "devices")
        with self._lock:
            before = self._devices
            previous = self._file.read_bytes() if self._file.exists() else None
            written = False
            try:
                with self._sessions() as s, s.begin():
                    require(s, by, Permission.CONFIGURE_DEVICES)
                    if [d.to_dict() for d in before] == [d.to_dict() for d in devices]:
                        return before
                    audit.record(s, by.actor, "devices.configured", "settings", "devices", desk=self._desk,
                                 now=self._clock(), reason=CHANGE_REASON,
                                 before={"devices": [d.to_dict() for d in before]},
                                 after={"devices": [d.to_dict() for d in devices]})
                    s.flush()
                    config.save(dataclasses.replace(config.load(self._file), devices=devices), self._file)
                    written = True
            except BaseException:
                if written:  # the commit failed after the file was replaced: put the old one back
                    self._restore(previous)
                raise
            self._devices = devices
        return devices

    def _restore(self, previous: bytes | None) -> None:
        if previous is None:
            self._file.unlink(missing_ok=True)
            return
        tmp = self._file.with_suffix(".tmp")
        tmp.write_bytes(previous)
        tmp.replace(self._file)
