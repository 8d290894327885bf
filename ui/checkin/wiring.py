"""Builds the check-in desk from the core and the desk's devices (called by ui/compose.py)."""

from __future__ import annotations

import uuid
from datetime import timedelta

from PySide6.QtWidgets import QWidget

from app.bootstrap import Core
from app.security.auth import StaffSession
from app.security.permissions import Permission
from app.security.two_person import Confirmation, TwoPersonRule
from app.services.attendance import AttendanceService, RoomAttendance
from app.services.checkin import CONFIRM_ACTION, CheckinService, DeskSetup, Outcome, confirmation_entity
from app.services.demo_desk import DemoDesk, DemoPerson
from ui.checkin.ports import DeskPorts
from ui.checkin.screen import CheckinScreen
from ui.checkin.simulator_panel import SimulatorPanel, SimulatorScroll
from ui.devices.station import DeviceStation, follow_wedge
from ui.runner import OpRunner
from ui.shell.main_window import MainWindow


def build(core: Core, runner: OpRunner, user: StaffSession, station: DeviceStation | None,
          names: tuple[str, str] = ("", ""), shell: MainWindow | None = None) -> QWidget:
    """`shell`: the window whose lock the desk follows (nothing decides while it is locked)."""
    clock = core.clock  # the venue's one clock (the demo's "arrive late" moves it for every screen)
    service = CheckinService(core.sessions, core.cipher, clock)
    two_person = TwoPersonRule(core.auth)
    sheets = AttendanceService(core.sessions)

    def confirm(number: str, credential: str, checked: Outcome) -> Confirmation:
        # The desk's current session: after an unlock, whoever unlocked.
        return two_person.confirm(ports.user, number, credential, Permission.CONFIRM_CHECK, action=CONFIRM_ACTION,
                                  entity=confirmation_entity(checked))

    def attendance(setup: DeskSetup, room_id: uuid.UUID) -> RoomAttendance:
        return sheets.room(setup.sitting_id, room_id)

    ports = DeskPorts(service, user, core.desk, clock, confirm, attendance, core.settings.data_dir / "reports",
                      venue_name=names[1], exam_name=names[0],
                      wedge=station.wedge_config() if station is not None else None)
    screen = CheckinScreen(runner, ports)
    if shell is not None:
        screen.listen(shell.lock_changed, screen.set_locked)
        screen.lock_requested.connect(shell.lock)
        if shell.locked:
            screen.set_locked(True)
    if station is not None:
        follow_wedge(screen, station, screen.wedge)
        # The station lives as long as the window; the screen only until sign-out.
        screen.listen(station.bridge.event_received, screen.device_event)
        screen.listen(station.bridge.status_changed, screen.device_status)
        for status in station.registry.statuses().values():
            screen.device_status(status)
    if station is None or station.demo is None:
        return screen

    demo = station.demo
    demo_desk = DemoDesk(core.sessions, core.cipher, clock)

    def load_people(room_id: object | None) -> list[DemoPerson]:
        setup = screen.setup
        if setup is None:
            return []
        room = room_id if isinstance(room_id, uuid.UUID) else setup.room_id
        return demo_desk.people(setup.sitting_id, room)

    def rooms() -> list[tuple[object, str]]:
        return [(room_id, code) for room_id, code, _name in service.rooms()]

    def set_offset(offset: timedelta) -> None:
        clock.travel(offset)
        if offset:
            screen.refresh_counts()
            return
        # Back to real time: what the travelled clock marked absent is withdrawn (demo only).
        actor, desk = user.actor, core.desk
        screen.submit(lambda: demo_desk.withdraw_travelled_absences(actor, desk),
                      lambda _n: screen.refresh_counts())

    def minutes_to_start() -> float:
        info = screen.info
        untravelled = clock.now() - clock.offset
        return (info.schedule.starts_at - untravelled).total_seconds() / 60 if info else 0.0

    panel = SimulatorPanel(demo, load_people, set_offset, minutes_to_start, rooms)
    # In a scroll area: the demo's buttons never push the desk past the window (1366×768 with the
    # entry-closed banner showing); when space is short the panel scrolls instead.
    screen.side.column.addWidget(SimulatorScroll(panel))
    screen.desk_changed.connect(lambda _info: panel.reload())
    return screen
