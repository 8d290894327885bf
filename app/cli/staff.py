"""`venue-ops staff …`: staff accounts from the command line. Every change goes through
StaffService (Permission.MANAGE_STAFF, a reason, the audit trail naming who did it); only
`enrol-chief`, the first set-up, runs before anyone can sign in."""

from __future__ import annotations

from argparse import Namespace
from collections.abc import Callable
from typing import Any

from app.cli.auth import read_secret
from app.security.auth import StaffSession
from app.security.authorize import SignInRequired

Say = Callable[..., None]


def run_staff(args: Namespace, core: Any, user: StaffSession | None, say: Say, prompt: Callable[[str], str]) -> int:
    command = args.staff_command
    if command == "enrol-chief":
        credential = read_secret(prompt("new_credential"))
        core.staff.enrol_first_chief(args.staff_number, credential, desk=core.desk,
                                     reason="first chief examiner enrolled from the command line")
        say({"enrolled": args.staff_number}, "chief_enrolled", number=args.staff_number)
        return 0
    if command == "change-credential":
        number = getattr(args, "staff", None) or input(prompt("staff_number_prompt"))
        old = read_secret(prompt("staff_credential_prompt"))
        me = core.auth.login(number, old, core.desk)
        new = read_secret(prompt("new_credential"))
        core.staff.change_own_credential(me, old, new)
        say({"changed": me.staff_number}, "credential_changed", number=me.staff_number)
        return 0
    if user is None:  # nobody can sign in yet: there is nobody whose account to manage
        raise SignInRequired()
    staff_id = core.staff.id_of(args.staff_number)
    if command == "set-credential":
        credential = read_secret(prompt("new_credential"))
        core.staff.set_credential(user, staff_id, credential, reason=args.reason)
        say({"credential_set": args.staff_number}, "credential_set", number=args.staff_number)
        return 0
    active = command == "activate"
    core.staff.set_active(user, staff_id, active, reason=args.reason)
    say({"staff": args.staff_number, "active": active}, "activated" if active else "deactivated",
        number=args.staff_number)
    return 0
