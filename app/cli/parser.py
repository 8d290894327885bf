"""The command line's grammar (design.md, "Command line"). Parsing only: no work is done here."""

from __future__ import annotations

import argparse
from pathlib import Path

STAFF_HELP = ("your staff number, for commands that ask a staff credential (it is then read from standard "
              "input when that is not a terminal)")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="venue-ops", description="Venue Ops (考点考务)")
    p.add_argument("--demo", action="store_true", help="temporary SQLite database, demo exam package, simulated devices")
    p.add_argument("--db", metavar="URL", help="sqlite:///… or postgresql+psycopg://… (default: the user data folder)")
    p.add_argument("--lang", choices=["zh_CN", "en"], help="user interface language (default: zh_CN)")
    p.add_argument("--settings", type=Path, metavar="FILE", help="settings file (default: the user config folder)")
    p.add_argument("--self-check", action="store_true", help="headless end-to-end smoke test of this installation")
    p.add_argument("--screenshot", type=Path, metavar="PNG", help="render a screen offscreen to a PNG file and exit")
    p.add_argument("--screen", default="login", help="screen for --screenshot (login, overview, …)")
    p.add_argument("--size", default="1366x768", help="window size for --screenshot, e.g. 1920x1080")
    p.add_argument("--json", action="store_true", help="machine-readable output where a command reports data")
    p.add_argument("--debug", action="store_true", help="on a failure, also print the technician's traceback")
    p.add_argument("--exit-when-ready", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--staff", metavar="NUMBER", help=STAFF_HELP)

    # Sensitive commands also take --staff after their name; SUPPRESS keeps a value given before it.
    staff_opt = argparse.ArgumentParser(add_help=False)
    staff_opt.add_argument("--staff", metavar="NUMBER", default=argparse.SUPPRESS, help=STAFF_HELP)

    commands = p.add_subparsers(dest="command")
    commands.add_parser("serve", help="run the exam-day engine with no window (an OS service) until stopped")
    # Everything after `devices` is the device command line's own (python -m devices …), in the user's
    # language; no prefix characters, so its options (--json, --help) are passed on untouched.
    devices = commands.add_parser("devices", add_help=False, prefix_chars="\0",
                                  help="device diagnostics (python -m devices …) in the user's language")
    devices.add_argument("rest", nargs=argparse.REMAINDER)
    db = commands.add_parser("db", help="database maintenance").add_subparsers(dest="db_command", required=True)
    db.add_parser("upgrade", help="apply migrations (a SQLite file is copied aside first)")
    backup = db.add_parser("backup", help="write a consistent backup of the database", parents=[staff_opt])
    backup.add_argument("dest", type=Path)
    restore = db.add_parser("restore", help="replace the (stopped) SQLite database with a backup", parents=[staff_opt])
    restore.add_argument("backup", type=Path)

    package = commands.add_parser("package", help="exam packages").add_subparsers(dest="package_command", required=True)
    make_demo = package.add_parser("make-demo", help="write a signed, realistic demo exam package")
    make_demo.add_argument("out", type=Path)
    imp = package.add_parser("import", help="verify and import an exam package", parents=[staff_opt])
    imp.add_argument("file", type=Path)

    audit = commands.add_parser("audit", help="the audit trail").add_subparsers(dest="audit_command", required=True)
    audit.add_parser("verify", help="walk the audit chain and report the first broken link")

    staff = commands.add_parser("staff", help="staff credentials").add_subparsers(dest="staff_command", required=True)
    enrol = staff.add_parser("enrol-chief", help="set the first chief examiner's credential (only when none has one)")
    enrol.add_argument("staff_number")
    reset = staff.add_parser("set-credential", parents=[staff_opt],
                             help="set another staff member's credential (they must set their own before cosigning)")
    reset.add_argument("staff_number")
    reset.add_argument("--reason", required=True)
    staff.add_parser("change-credential", parents=[staff_opt], help="change your own credential (asks the old one)")
    for name, what in (("deactivate", "deactivate a staff account (ends its sessions)"),
                       ("activate", "activate a staff account again")):
        change = staff.add_parser(name, parents=[staff_opt], help=what)
        change.add_argument("staff_number")
        change.add_argument("--reason", required=True)

    sync = commands.add_parser("sync", help="the provincial server (docs/sync.md)").add_subparsers(
        dest="sync_command", required=True)
    configure = sync.add_parser("configure", help="set the provincial server's address (https://…)", parents=[staff_opt])
    configure.add_argument("url")
    configure.add_argument("--venue", help="this venue's code (default: the imported package's venue)")
    configure.add_argument("--ca", type=Path, metavar="PEM", help="trust only this certificate authority (pinned)")
    sync.add_parser("set-credential", parents=[staff_opt],
                    help="store the venue's sync credential in the keyring (read from stdin after the staff credential)")
    status = sync.add_parser("status", help="what waits to be sent, last success, clock skew")
    status.add_argument("--server", action="store_true", help="also ask the server (records held, clock skew)")
    sync.add_parser("upload", help="send the results now (resumes where the last attempt stopped)", parents=[staff_opt])
    export = sync.add_parser("export", help="write the results to one signed, encrypted file (USB fallback)",
                             parents=[staff_opt])
    export.add_argument("file", type=Path)
    sync.add_parser("fetch-package", help="download the exam package and import it", parents=[staff_opt])
    _also_after_subcommands(p)
    return p


def _also_after_subcommands(parser: argparse.ArgumentParser) -> None:
    """--json and --debug are also accepted after the subcommand (`venue-ops audit verify --json`).
    SUPPRESS as the default keeps a subcommand from resetting what was given before it."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                _also_after_subcommands(sub)
                for flag in ("--json", "--debug"):
                    if flag not in sub._option_string_actions:
                        sub.add_argument(flag, action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
