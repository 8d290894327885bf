"""Builds the program-log screen from the core (the composition's one line for it)."""

from __future__ import annotations

from app.bootstrap import Core
from app.security.auth import StaffSession
from app.services.support_logs import SupportLogs
from ui.logs.screen import LogActions, LogScreen
from ui.runner import OpRunner


def from_core(core: Core, runner: OpRunner, user: StaffSession) -> LogScreen:
    """The screen acts for `user`; reading and exporting check SUPPORT_LOGS in app."""
    logs = SupportLogs(core.sessions, core.clock, core.desk)
    return LogScreen(runner, LogActions(entries=lambda level: logs.entries(user, level),
                                        export=lambda path: logs.export(user, path)))
