"""Connects the control room, timer and incident log screens to the core (used by ui/compose.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from app.bootstrap import Core
from app.security.auth import StaffSession
from app.services.control_room import ControlRoomService
from ui.control.actions import ControlActions
from ui.control.screen import ControlRoomScreen
from ui.incidents import wiring as incidents_wiring
from ui.runner import OpRunner
from ui.timer.screen import TimerScreen


def control_actions(service: ControlRoomService) -> ControlActions:
    return ControlActions(service.sign_checklist, service.open_room, service.collect_papers,
                          service.sign_room_record, service.room_record, service.draw, service.draw_sheet,
                          service.hand_in)


def control_factories(core: Core, runner: OpRunner, user: Any) -> dict[str, Callable[[], QWidget]]:
    """The control room, timer and incident log screens for a signed-in user, on the venue's one
    clock (the engine watches the PC's clock and records a jump; the control room shows it)."""
    if not isinstance(user, StaffSession):
        return {}
    clock = core.clock  # the venue's one anchored clock
    service = ControlRoomService(core.sessions, clock, core.auth, user)
    return {
        "control": lambda: ControlRoomScreen(runner, service.view, clock, control_actions(service)),
        "timer": lambda: TimerScreen(runner, service.timers, clock),
        "incidents": lambda: incidents_wiring.build(core, runner, user, clock),
    }
