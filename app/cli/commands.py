"""The commands that need only the core: the database (upgrade, backup, restore), the exam package
(import, a demo one), the audit trail's check and staff accounts. A command that needs another
layer (sync) is handed in by the composition root as a `CoreCommand`."""

from __future__ import annotations

from argparse import Namespace
from collections.abc import Callable, Mapping
from typing import Any

from app import config
from app.bootstrap import Core, open_core
from app.cli.console import Console
from app.errors import VenueError
from app.security.auth import StaffSession

CoreCommand = Callable[[Namespace, Core, StaffSession | None, Console], int]


def run_command(args: Namespace, settings: config.Settings, console: Console,
                wired: Mapping[str, CoreCommand]) -> int:
    """`wired`: the commands, by name, that the composition root builds from other layers."""
    if args.command == "package" and args.package_command == "make-demo":
        return _make_demo(args, console)
    if args.command == "db" and args.db_command == "restore":
        return _restore(args, settings, console)
    if args.command == "db" and args.db_command == "upgrade":
        return _upgrade(settings, console)
    core = open_core(settings)
    try:
        user = staff_of(args, core, console)
        command = _CORE_COMMANDS.get(_name(args)) or wired.get(args.command)
        if command is None:
            raise AssertionError(f"unhandled command {args.command}")
        return command(args, core, user, console)
    finally:
        core.close()


def _name(args: Namespace) -> str:
    sub = {"db": "db_command", "package": "package_command", "audit": "audit_command"}.get(args.command)
    return f"{args.command} {getattr(args, sub)}" if sub else str(args.command)


def staff_of(args: Namespace, core: Core, console: Console) -> StaffSession | None:
    """The staff member a sensitive command runs as (asked for their credential), None at first set-up."""
    from app.cli.auth import is_sensitive, sign_in

    if not is_sensitive(args):
        return None
    return sign_in(core.sessions, core.auth, args, core.desk, console.text)


def _make_demo(args: Namespace, console: Console) -> int:
    from app.package.demo import make_demo

    out = make_demo(args.out)
    console.emit({"written": str(out)}, console.text("demo_written").format(path=out))
    return 0


def _upgrade(settings: config.Settings, console: Console) -> int:
    from app.db import migrate
    from app.db.engine import make_engine

    engine = make_engine(settings.database_url)
    copy = migrate.upgrade(engine)
    console.emit({"revision": migrate.current_revision(engine), "copy": copy},
                 console.text("db_revision").format(rev=migrate.current_revision(engine)))
    return 0


def _backup(args: Namespace, core: Core, user: StaffSession | None, console: Console) -> int:
    dest = core.maintenance().backup(user, args.dest)
    console.emit({"backup": str(dest)}, console.text("backup_written").format(path=dest))
    return 0


def _import_package(args: Namespace, core: Core, user: StaffSession | None, console: Console) -> int:
    result = core.package_importer().import_file(args.file, by=user)
    if result.unchanged:
        text = console.text("package_unchanged")
    else:
        text = console.text("package_imported")
    console.emit({"revision": result.revision, "unchanged": result.unchanged, "counts": result.counts,
                  "changes": result.changes},
                 text.format(rev=result.revision, candidates=result.counts.get("candidates", 0),
                             rooms=result.counts.get("rooms", 0), staff=result.counts.get("staff", 0)))
    return 0


def _audit_verify(args: Namespace, core: Core, user: StaffSession | None, console: Console) -> int:
    from app.services.audit_verify import TrailVerifier

    report = TrailVerifier(core.sessions).verify()
    data: dict[str, Any] = {"intact": report.intact, "events": report.events, "checkpoints": report.checkpoints,
            "last_checkpoint_seq": report.last_checkpoint_seq, "signatures_checked": report.signatures_checked}
    if report.intact:
        console.emit(data, console.text("audit_intact").format(n=report.events))
        return 0
    data.update(broken_at_seq=report.broken_at_seq, problem=report.problem, code=report.code)
    problem = console.describe(report.error) if report.error else report.problem
    console.emit(data, console.text("audit_broken").format(seq=report.broken_at_seq, problem=problem)
                 if report.broken_at_seq else problem)
    return 1


def _staff(args: Namespace, core: Core, user: StaffSession | None, console: Console) -> int:
    from app.cli.staff import run_staff

    return run_staff(args, core, user, console.say, console.text)


def _restore(args: Namespace, settings: config.Settings, console: Console) -> int:
    from app.db.backup import restore_sqlite
    from app.db.engine import make_engine
    from app.db.migrate import sqlite_path
    from app.failures import missing_file

    if not args.backup.is_file():
        raise missing_file(str(args.backup))
    engine = make_engine(settings.database_url)
    path = sqlite_path(engine)
    engine.dispose()
    if path is None:
        raise VenueError("backup.restore_sqlite_only",
                         "Only an SQLite database is restored here; restore PostgreSQL with pg_restore.")
    core = open_core(settings)  # the database in place says who may replace it
    try:
        actor = core.maintenance().authorize_restore(staff_of(args, core, console))
    finally:
        core.close()
    kept = restore_sqlite(args.backup, path)
    core = open_core(settings)
    try:
        core.maintenance().record_restore(actor, args.backup)
    finally:
        core.close()
    console.emit({"restored": str(path), "kept": str(kept) if kept else None},
                 console.text("restored").format(path=args.backup))
    return 0


_CORE_COMMANDS: dict[str, CoreCommand] = {
    "db backup": _backup,
    "package import": _import_package,
    "audit verify": _audit_verify,
    "staff": _staff,
}
