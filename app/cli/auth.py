"""Who runs a sensitive command (art. 44, 51): the command line asks for a staff member's
credential, as the GUI's sign-in does, and the command's services check that person against the
one permission table and name them in the audit trail.

The staff number comes from `--staff NUMBER` (or is asked for at a terminal); the credential is
asked for without echo at a terminal, or read as the first line of standard input otherwise, so
scripts can pipe it. While nobody can sign in yet (first set-up: a new database, or a roster
imported without credentials), nobody is asked and the work is audited as set-up.
"""

from __future__ import annotations

import getpass
import sys
from argparse import Namespace
from collections.abc import Callable

from app.security.auth import AuthService, SessionFactory, StaffSession
from app.security.authorize import SignInRequired, anyone_can_sign_in

# (command, subcommand); None: every subcommand of the command.
SENSITIVE: frozenset[tuple[str, str | None]] = frozenset({
    ("db", "backup"), ("db", "restore"), ("package", "import"),
    ("sync", "configure"), ("sync", "set-credential"), ("sync", "upload"), ("sync", "export"),
    ("sync", "fetch-package"), ("staff", "set-credential"), ("staff", "deactivate"), ("staff", "activate"),
})
# `staff enrol-chief` is first set-up itself; `staff change-credential` asks its own staff member.


def subcommand(args: Namespace) -> str | None:
    value = getattr(args, f"{args.command}_command", None) if args.command else None
    return str(value) if value else None


def is_sensitive(args: Namespace) -> bool:
    return bool(args.command) and ((args.command, None) in SENSITIVE or (args.command, subcommand(args)) in SENSITIVE)


def command_name(args: Namespace) -> str:
    return " ".join(p for p in (args.command, subcommand(args)) if p)


def read_secret(prompt: str) -> str:
    """A secret from the terminal without echo, or the next line of standard input."""
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    return sys.stdin.readline().rstrip("\r\n")


def sign_in(sessions: SessionFactory, auth: AuthService, args: Namespace, desk: str,
            prompt: Callable[[str], str]) -> StaffSession | None:
    """The staff member `args`' command runs as, or None at first set-up. `prompt(key)` gives the
    translated prompt ("staff_number_prompt", "staff_credential_prompt"). Raises SignInRequired,
    or the login errors (BadCredentials, AccountLocked, AccountInactive)."""
    with sessions() as s:
        if not anyone_can_sign_in(s):
            return None
    number = getattr(args, "staff", None)
    if not number:
        if not sys.stdin.isatty():
            raise SignInRequired()
        number = input(prompt("staff_number_prompt"))
    credential = read_secret(prompt("staff_credential_prompt"))
    return auth.authenticate(number, credential, desk, purpose="command", detail=command_name(args))
