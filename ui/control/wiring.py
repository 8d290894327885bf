"""Connects the control room, timer and incident log screens to the core (used by ui/compose.py)."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtWidgets import QWidget

from app.bootstrap import Core
from app.rules.clock import AnchoredClock, ClockJump
from app.security.auth import StaffSession
from app.security.permissions import Permission
from app.security.two_person import TwoPersonRule
from app.services import assignment, control, room_record
from app.services.control import Checklist, ControlView
from ui.control.screen import ControlActions, ControlRoomScreen
from ui.incidents import wiring as incidents_wiring
from ui.runner import OpRunner
from ui.timer.screen import TimerScreen


def load_control(core: Core) -> Callable[[datetime], ControlView | None]:
    def load(now: datetime) -> ControlView | None:
        with core.sessions() as s:
            sitting = control.current_sitting(s, now)
            if sitting is None:
                return None
            view = control.control_view(s, sitting.id, now)
            return replace(view, venue_alerts=control.venue_alerts(s, now))

    return load


def control_actions(core: Core, user: StaffSession, clock: Callable[[], datetime]) -> ControlActions:
    def write(fn: Callable[[Any], object]) -> object:
        with core.sessions() as s, s.begin():
            return fn(s)

    def checklist(sitting: uuid.UUID, room: uuid.UUID, items: Checklist) -> object:
        return write(lambda s: control.sign_checklist(s, user, sitting, room, items, now=clock()))

    def open_room(sitting: uuid.UUID, room: uuid.UUID) -> object:
        return write(lambda s: control.open_room(s, user, sitting, room, now=clock()))

    def collect(sitting: uuid.UUID, room: uuid.UUID) -> object:
        return write(lambda s: control.collect_papers(s, user, sitting, room, now=clock()))

    def jump(j: ClockJump, sitting: uuid.UUID | None) -> object:
        return write(lambda s: control.note_clock_jump(s, user.actor, user.desk, j, sitting))

    def sign(sitting: uuid.UUID, room: uuid.UUID) -> object:
        return write(lambda s: room_record.sign_room_record(s, user, sitting, room, now=clock()))

    def record(sitting: uuid.UUID, room: uuid.UUID) -> room_record.RoomRecord:
        with core.sessions() as s:
            return room_record.room_record(s, sitting, room)

    def draw(sitting: uuid.UUID, number: str, credential: str, reason: str) -> object:
        confirmation = TwoPersonRule(core.auth).confirm(user, number, credential, Permission.ASSIGN_INVIGILATORS,
                                                        action=assignment.DRAW_ACTION, entity=sitting)
        return write(lambda s: assignment.draw_invigilators(s, confirmation, sitting, reason=reason, now=clock()))

    def sheet(sitting: uuid.UUID) -> assignment.DrawSheet | None:
        with core.sessions() as s:
            return assignment.draw_sheet(s, sitting)

    def hand_in(sitting: uuid.UUID, room: uuid.UUID, ticket: str, emergency: str) -> object:
        return write(lambda s: control.record_exit_by_ticket(s, user, sitting, room, ticket,
                                                             emergency_reason=emergency, now=clock()))

    return ControlActions(checklist, open_room, collect, jump, sign, record, draw, sheet, hand_in)


def control_factories(core: Core, runner: OpRunner, user: Any) -> dict[str, Callable[[], QWidget]]:
    """The control room, timer and incident log screens for a signed-in user. One anchored clock per window:
    from here on a change of the PC's clock moves no timer (and is logged)."""
    if not isinstance(user, StaffSession):
        return {}
    clock = AnchoredClock(core.clock, time.monotonic)
    clock.anchor()
    load = load_control(core)
    return {
        "control": lambda: ControlRoomScreen(runner, load, clock.now, control_actions(core, user, clock.now),
                                             check_clock=clock.check),
        "timer": lambda: TimerScreen(runner, load, clock.now),
        "incidents": lambda: incidents_wiring.build(core, runner, user, clock.now),
    }
