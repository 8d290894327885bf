"""Builds the paper-room screen over the engine's recording (app.engine.recording): the cameras
record from the start of the application (or of the headless service) until it ends, whoever is
signed in; the screen shows their feeds, the duty log and the events."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from app.bootstrap import Core
from app.engine.recording import PaperRoomRecording
from app.security.auth import StaffSession
from app.security.permissions import Permission, is_allowed
from app.services.paper_room import PaperRoomService
from ui.paper_room.cameras import PaperRoomCameras
from ui.paper_room.screen import DutyActions, PaperRoomScreen, PaperRoomView
from ui.runner import OpRunner


def free_bytes(path: Path) -> int:
    path.mkdir(parents=True, exist_ok=True)
    return shutil.disk_usage(path).free


def paper_room_screen(runner: OpRunner, service: PaperRoomService, clock: Callable[[], datetime], desk: str,
                      recordings: Path, recording: PaperRoomRecording | None,
                      user: StaffSession | None = None) -> PaperRoomScreen:
    """The screen over the engine's `recording` (None: no camera on this PC); it only shows."""
    cameras = PaperRoomCameras(recording)

    def load() -> PaperRoomView:
        return PaperRoomView(service.state(), service.events(40), service.forecast(free_bytes(recordings)))

    screen = PaperRoomScreen(runner, cameras, load, DutyActions(
        sign_on=lambda number, credential: service.sign_on(desk, number, credential),
        sign_off=lambda number, credential: service.sign_off(desk, number, credential),
        keep_evidence=_keeper(service, clock, user),
    ))
    cameras.setParent(screen)
    unsubscribe = cameras.unsubscribe  # the recording goes on; this screen stops listening
    screen.destroyed.connect(lambda *_: unsubscribe())
    return screen


def _keeper(service: PaperRoomService, clock: Callable[[], datetime],
            user: StaffSession | None) -> Callable[[int, str], object] | None:
    if user is None or not is_allowed(user.role, Permission.MANAGE_RECORDINGS):
        return None

    def keep(minutes: int, reason: str) -> object:
        end = clock()
        return service.mark_evidence(user, end - timedelta(minutes=minutes), end, None, reason)

    return keep


def from_core(core: Core, runner: OpRunner, user: StaffSession,
              recording: PaperRoomRecording | None) -> PaperRoomScreen:
    """The composition root's one call."""
    service = PaperRoomService(core.sessions, core.clock, core.auth)
    return paper_room_screen(runner, service, core.clock, user.desk, core.settings.data_dir / "paper_room",
                             recording, user)
