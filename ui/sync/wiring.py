"""Builds the sync screen from the core (the composition's one line for it)."""

from __future__ import annotations

from app.bootstrap import Core
from sync.service import for_core
from ui.runner import OpRunner
from ui.sync.screen import SyncScreen


def from_core(core: Core, runner: OpRunner) -> SyncScreen:
    return SyncScreen(runner, for_core(core))
