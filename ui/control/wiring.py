"""Connects the control room, timer and incident log screens to the core (used by ui/compose.py)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from app.bootstrap import Core
from app.rules.clock import AnchoredClock
from app.security.auth import StaffSession
from app.services.control_room import ControlRoomService
from ui.control.screen import ControlActions, ControlRoomScreen
from ui.incidents import wiring as incidents_wiring
from ui.runner import OpRunner
from ui.timer.screen import TimerScreen


def control_actions(service: ControlRoomService) -> ControlActions:
    return ControlActions(service.sign_checklist, service.open_room, service.collect_papers, service.note_clock_jump,
                          service.sign_room_record, service.room_record, service.draw, service.draw_sheet,
                          service.hand_in)


def control_factories(core: Core, runner: OpRunner, user: Any) -> dict[str, Callable[[], QWidget]]:
    """The control room, timer and incident log screens for a signed-in user. One anchored clock per window:
    from here on a change of the PC's clock moves no timer (and is logged)."""
    if not isinstance(user, StaffSession):
        return {}
    clock = AnchoredClock(core.clock, time.monotonic)
    clock.anchor()
    service = ControlRoomService(core.sessions, clock.now, core.auth, user)
    return {
        "control": lambda: ControlRoomScreen(runner, service.view, clock.now, control_actions(service),
                                             check_clock=clock.check),
        "timer": lambda: TimerScreen(runner, service.view, clock.now),
        "incidents": lambda: incidents_wiring.build(core, runner, user, clock.now),
    }
