"""Backing up and restoring the venue database on a person's word (art. 46, 51): the permission
check (Permission.BACKUP) and the audit event naming who did it. The automatic backups the
program takes itself (app.db.backup.BackupScheduler) are its own duty and ask nobody."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from app.db.backup import backup
from app.security.auth import StaffSession
from app.security.authorize import authorize
from app.security.permissions import Permission
from app.services import audit, audit_anchor
from app.services.audit import Actor


class MaintenanceService:
    """Backups and restores asked for by a person, audited at the venue clock's time. `setup_actor`
    is who a first set-up (before anyone can sign in) is written as."""

    def __init__(self, engine: Engine, sessions: Callable[[], Session], clock: Callable[[], datetime], *,
                 setup_actor: Actor, desk: str) -> None:
        self._engine, self._sessions, self._clock = engine, sessions, clock
        self._setup_actor, self._desk = setup_actor, desk

    def backup(self, by: StaffSession | None, dest: Path) -> Path:
        """Write a consistent backup to `dest` for `by`; the trail records who took it and where."""
        with self._sessions() as s, s.begin():
            actor = authorize(s, by, Permission.BACKUP, setup_actor=self._setup_actor)
            audit_anchor.checkpoint(s, "backup", self._clock())  # the copy carries a signed checkpoint of its trail
        written = backup(self._engine, dest)
        with self._sessions() as s, s.begin():
            audit.record(s, actor, "db.backup", "database", "-", desk=self._desk, after={"file": str(written)},
                         reason="backup taken on request", now=self._clock())
        return written

    def authorize_restore(self, by: StaffSession | None) -> Actor:
        """Who may replace the database, checked against the database in place before it goes."""
        with self._sessions() as s, s.begin():
            return authorize(s, by, Permission.BACKUP, setup_actor=self._setup_actor)

    def record_restore(self, actor: Actor, source: Path) -> None:
        """The restored database's trail names who restored it, from which file."""
        with self._sessions() as s, s.begin():
            audit.record(s, actor, "db.restored", "database", "-", desk=self._desk, after={"file": str(source)},
                         reason="database restored from a backup", now=self._clock())
