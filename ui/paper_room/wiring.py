"""Builds the paper-room screen: the service, the camera monitors (from the settings' devices of
kind "camera"; four simulated cameras in the demo) and the screen. The cameras record from the
moment the screen is first opened until the application quits."""

from __future__ import annotations

import atexit
import shutil
import weakref
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.bootstrap import Core
from app.device_settings import CameraSettings, of_kind
from app.security.auth import StaffSession
from app.security.permissions import Permission, is_allowed
from app.services.audit import Actor
from app.services.paper_room import PaperRoomService
from devices.camera.monitor import CameraMonitor, MonitorConfig
from devices.camera.source import parse_source
from ui.paper_room.cameras import PaperRoomCameras
from ui.paper_room.screen import DutyActions, PaperRoomScreen, PaperRoomView
from ui.runner import OpRunner

DEMO_CAMERAS = (("保密室-1", "sim:motion"), ("保密室-2", "sim:motion"), ("保密室-3", "sim:motion"),
                ("保密室-4", "sim:motion"))


def monitors_for(sources: Sequence[tuple[str, str]], recordings: Path,
                 segment_minutes: int) -> Callable[[Callable[[object], None]], list[CameraMonitor]]:
    def make(sink: Callable[[object], None]) -> list[CameraMonitor]:
        return [CameraMonitor(name, parse_source(source), sink,
                              MonitorConfig(out_dir=recordings / name, segment_minutes=segment_minutes))
                for name, source in sources[:4]]

    return make


def free_bytes(path: Path) -> int:
    path.mkdir(parents=True, exist_ok=True)
    return shutil.disk_usage(path).free


MakeMonitors = Callable[[Callable[[object], None]], Sequence[CameraMonitor]]


def paper_room_screen(runner: OpRunner, service: PaperRoomService, clock: Callable[[], datetime], desk: str,
                      actor: Actor, recordings: Path, make_monitors: MakeMonitors,
                      user: StaffSession | None = None, cameras: PaperRoomCameras | None = None) -> PaperRoomScreen:
    """The screen over `cameras` (left running when the screen goes, e.g. at sign-out), or over
    cameras made from `make_monitors` that live and die with the screen."""
    owned = cameras is None
    if cameras is None:
        cameras = start_cameras(runner, service, clock, desk, actor, recordings, make_monitors)

    def load() -> PaperRoomView:
        return PaperRoomView(service.state(), service.events(40), service.forecast(free_bytes(recordings)))

    screen = PaperRoomScreen(runner, cameras, load, DutyActions(
        sign_on=lambda number, credential: service.sign_on(desk, number, credential),
        sign_off=lambda number, credential: service.sign_off(desk, number, credential),
        keep_evidence=_keeper(service, clock, user),
    ))
    if owned:
        stop = cameras.stop
        screen.destroyed.connect(lambda *_: stop())
    return screen


def start_cameras(runner: OpRunner, service: PaperRoomService, clock: Callable[[], datetime], desk: str,
                  actor: Actor, recordings: Path, make_monitors: MakeMonitors) -> PaperRoomCameras:
    cameras = PaperRoomCameras(runner, service, actor, desk, make_monitors, recordings / "snapshots", clock)
    cameras.start()
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(cameras.stop)
    # Also when the program ends without an event loop (screenshots): camera threads still inside
    # OpenCV while the interpreter shuts down can abort the process.
    atexit.register(cameras.stop)
    return cameras


# Monitoring must not stop when somebody signs out (art. 22(五)): one set of cameras per main
# window (its runner), started with the first paper-room screen and stopped when the application
# quits or the runner goes.
_RUNNING: dict[int, tuple[weakref.ref[OpRunner], PaperRoomCameras]] = {}


def _running(runner: OpRunner) -> PaperRoomCameras | None:
    entry = _RUNNING.get(id(runner))
    if entry is None or entry[0]() is not runner:  # a dead runner's id may be reused
        return None
    return entry[1]


def _keeper(service: PaperRoomService, clock: Callable[[], datetime],
            user: StaffSession | None) -> Callable[[int, str], object] | None:
    if user is None or not is_allowed(user.role, Permission.MANAGE_RECORDINGS):
        return None

    def keep(minutes: int, reason: str) -> object:
        end = clock()
        return service.mark_evidence(user, end - timedelta(minutes=minutes), end, None, reason)

    return keep


def camera_sources(core: Core) -> list[tuple[str, str]]:
    configured = [(d.name, d.source) for d in of_kind(core.settings.devices, CameraSettings)]
    if not configured and core.demo:
        return list(DEMO_CAMERAS)
    return configured


def from_core(core: Core, runner: OpRunner, user: StaffSession) -> PaperRoomScreen:
    """The composition root's one call."""
    service = PaperRoomService(core.sessions, core.clock, core.auth)
    recordings = core.settings.data_dir / "paper_room"
    make = monitors_for(camera_sources(core), recordings, 1 if core.demo else 5)
    cameras = _running(runner)
    if cameras is None:
        cameras = start_cameras(runner, service, core.clock, user.desk, core.system_actor(), recordings, make)
        _RUNNING[id(runner)] = (weakref.ref(runner), cameras)
        runner.destroyed.connect(cameras.stop)
    return paper_room_screen(runner, service, core.clock, user.desk, core.system_actor(), recordings, make, user,
                             cameras)
