"""Connects the devices screen to the core and to the window's long-lived device station (used by
ui/compose.py). The service lives as long as the window (it knows the devices saved since start-up);
each sign-in binds it to the person signed in."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.bootstrap import Core
from app.device_settings import DeviceSettings, parse_device
from app.engine.recording import PaperRoomRecording
from app.security.auth import StaffSession
from app.services.device_setup import DeviceSetupService
from ui.devices.station import DeviceStation
from ui.runner import OpRunner

if TYPE_CHECKING:
    from ui.devices.screen import DeviceScreenActions, DevicesScreen


def device_service(core: Core, station: DeviceStation, settings_file: Path | None) -> DeviceSetupService:
    """The demo's devices are its simulators, saved (if changed) in the demo's own folder, never the PC's."""
    devices: Sequence[DeviceSettings] = core.settings.devices
    if core.demo:
        devices = [parse_device({"name": c.name, "kind": c.kind.value, "source": c.source,
                                 "options": dict(c.options)}, "demo") for c in station.configs()]
    path = settings_file if settings_file is not None and not core.demo else core.settings.data_dir / "settings.json"
    return DeviceSetupService(core.sessions, core.clock, path, devices, desk=core.desk)


def actions_for(service: DeviceSetupService, user: StaffSession) -> DeviceScreenActions:
    from ui.devices.screen import DeviceScreenActions  # at sign-in: the live test loads OpenCV

    def save(entries: Sequence[dict[str, Any]]) -> tuple[DeviceSettings, ...]:
        return service.save(user, entries)

    return DeviceScreenActions(devices=service.devices, allow=lambda: service.allow(user), save=save)


def build(core: Core, runner: OpRunner, user: StaffSession, station: DeviceStation,
          service: DeviceSetupService, recording: PaperRoomRecording | None = None) -> DevicesScreen:
    """`recording`: the engine's paper-room recording, whose cameras the screen shows (it owns them)."""
    from ui.devices.screen import DevicesScreen
    from ui.paper_room.cameras import PaperRoomCameras

    cameras = PaperRoomCameras(recording)
    screen = DevicesScreen(runner, station, actions_for(service, user), core.clock, cameras=cameras)
    cameras.setParent(screen)
    unsubscribe = cameras.unsubscribe  # the recording goes on; this screen stops listening
    screen.destroyed.connect(lambda *_: unsubscribe())
    return screen
