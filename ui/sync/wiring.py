"""Builds the sync screen from the core (the composition's one line for it)."""

from __future__ import annotations

from app.bootstrap import Core
from app.security.auth import StaffSession
from app.security.permissions import permissions_of
from sync.service import for_core
from ui.runner import OpRunner
from ui.sync.screen import SyncScreen


def from_core(core: Core, runner: OpRunner, user: StaffSession) -> SyncScreen:
    """The screen acts for `user`, and offers only what their role may do."""
    return SyncScreen(runner, for_core(core, user), allowed=permissions_of(user.role))
