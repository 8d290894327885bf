"""Wires the core's services into the window's screens. The one place the GUI learns what the
core can do; each screen still receives only the callables it needs."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from app.bootstrap import Core
from app.engine.engine import VenueEngine
from app.security.auth import StaffSession
from app.services.overview import OverviewService
from ui.devices import wiring as devices_wiring
from ui.devices.bridge import DeviceBridge
from ui.devices.station import DeviceStation
from ui.overview.screen import OverviewScreen
from ui.runner import OpRunner
from ui.shell.main_window import MainWindow, ShellServices

log = logging.getLogger(__name__)


def build_main_window(core: Core, runner: OpRunner, language: str, engine: VenueEngine,
                      settings_file: Path | None = None) -> MainWindow:
    """The window over the running `engine` (its clock, scheduler and paper-room recording go on
    whoever is signed in; the window only shows them). `settings_file`: where the devices screen
    saves the desk's devices (the demo saves in its own folder)."""
    overview = OverviewService(core.sessions)
    exam_name, venue_name = overview.names()
    relay = DeviceBridge()  # the engine's "data changed" comes from its own thread
    relay.event_received.connect(lambda kinds: runner.changed.emit(kinds))
    stop_relay = engine.subscribe(relay.sink)

    station = DeviceStation.simulated() if core.demo else DeviceStation.from_settings(
        core.settings.devices, ticket_pattern=overview.ticket_pattern())
    station.start()
    device_setup = devices_wiring.device_service(core, station, settings_file)

    def factories(_user: Any) -> dict[str, Callable[[], QWidget]]:
        # The screens are imported at sign-in, not at start-up: the login window comes up before
        # OpenCV, the camera wall and the sync client are loaded.
        from ui.audit import wiring as audit_wiring
        from ui.checkin import wiring as checkin_wiring
        from ui.control import wiring as control_wiring
        from ui.custody import wiring as custody_wiring
        from ui.logs import wiring as logs_wiring
        from ui.paper_room import wiring as paper_room_wiring
        from ui.room_record import wiring as room_record_wiring
        from ui.sync import wiring as sync_wiring

        return {
            "overview": lambda: OverviewScreen(runner, overview.overview),
            "checkin": lambda: checkin_wiring.build(core, runner, _session(_user), station, (exam_name, venue_name),
                                                    window),
            "custody": lambda: custody_wiring.from_core(core, runner, _session(_user), station.bridge),
            "paper_room": lambda: paper_room_wiring.from_core(core, runner, _session(_user), engine.recording),
            "room_record": lambda: room_record_wiring.from_core(core, runner, _session(_user)),
            "sync": lambda: sync_wiring.from_core(core, runner, _session(_user)),
            "devices": lambda: devices_wiring.build(core, runner, _session(_user), station, device_setup,
                                                    engine.recording),
            "audit": lambda: audit_wiring.from_core(core, runner, _session(_user)),
            "logs": lambda: logs_wiring.from_core(core, runner, _session(_user)),
            **control_wiring.control_factories(core, runner, _user),
        }

    services = ShellServices(
        login=lambda number, credential: core.auth.login(number, credential, core.desk),
        unlock=lambda user, credential: core.auth.reauthenticate(_session(user), credential),
        sign_out=lambda user: core.auth.logout(_session(user)),
        change_credential=lambda user, current, new: core.staff.change_own_credential(_session(user), current, new),
        screen_factories=factories,
        title=f"{exam_name} · {venue_name}" if exam_name else venue_name,
        venue_name=venue_name,
        idle_lock_seconds=timedelta(minutes=core.settings.idle_lock_minutes).total_seconds(),
        clock=core.clock,
    )
    window = MainWindow(runner, services, language)
    window.destroyed.connect(station.stop)
    window.destroyed.connect(lambda *_: stop_relay())
    window.station = station  # type: ignore[attr-defined]  # kept alive with the window
    window.engine_relay = relay  # type: ignore[attr-defined]
    return window


def _session(user: Any) -> StaffSession:
    assert isinstance(user, StaffSession)
    return user
