"""Connects the incident log screen to the core (used by ui/control/wiring.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from app.bootstrap import Core
from app.security.auth import StaffSession
from app.services.incident_log import IncidentLogService
from ui.incidents.screen import IncidentActions, IncidentLogScreen
from ui.runner import OpRunner


def incident_actions(service: IncidentLogService) -> IncidentActions:
    return IncidentActions(complete=service.complete, signed=service.signed, refused=service.refused,
                           confirm=service.confirm, amend=service.amend, reported=service.reported,
                           add_file=service.add_file, new=service.new)


def incident_service(core: Core, user: StaffSession, clock: Callable[[], datetime]) -> IncidentLogService:
    return IncidentLogService(core.sessions, clock, core.auth, user, core.settings.data_dir / "evidence")


def build(core: Core, runner: OpRunner, user: StaffSession, clock: Callable[[], datetime]) -> IncidentLogScreen:
    service = incident_service(core, user, clock)
    return IncidentLogScreen(runner, service.lines, clock, incident_actions(service))
