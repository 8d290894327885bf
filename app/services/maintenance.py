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

SessionFactory = Callable[[], Session]


def backup_database(engine: Engine, sessions: SessionFactory, by: StaffSession | None, dest: Path, *,
                    setup_actor: Actor, desk: str, now: datetime) -> Path:
    """Write a consistent backup to `dest` for `by`; the trail records who took it and where."""
    with sessions() as s, s.begin():
        actor = authorize(s, by, Permission.BACKUP, setup_actor=setup_actor)
        audit_anchor.checkpoint(s, "backup")  # the copy carries a signed checkpoint of its trail
    written = backup(engine, dest)
    with sessions() as s, s.begin():
        audit.record(s, actor, "db.backup", "database", "-", desk=desk, after={"file": str(written)},
                     reason="backup taken on request", now=now)
    return written


def authorize_restore(sessions: SessionFactory, by: StaffSession | None, *, setup_actor: Actor) -> Actor:
    """Who may replace the database, checked against the database in place before it goes."""
    with sessions() as s, s.begin():
        return authorize(s, by, Permission.BACKUP, setup_actor=setup_actor)


def record_restore(sessions: SessionFactory, actor: Actor, source: Path, *, desk: str, now: datetime) -> None:
    """The restored database's trail names who restored it, from which file."""
    with sessions() as s, s.begin():
        audit.record(s, actor, "db.restored", "database", "-", desk=desk, after={"file": str(source)},
                     reason="database restored from a backup", now=now)
