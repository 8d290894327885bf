"""What the check-in desk needs from the core, bundled by the composition root (ui/checkin/wiring.py)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.security.auth import StaffSession
from app.security.two_person import Confirmation
from app.services.attendance import RoomAttendance
from app.services.checkin import CheckinService, DeskSetup, Outcome
from devices.scanner.wedge import WedgeConfig


@dataclass
class DeskPorts:
    """What the desk needs from the core, bundled by the composition root."""

    service: CheckinService
    user: StaffSession
    desk: str
    clock: Callable[[], datetime]
    confirm: Callable[[str, str, Outcome], Confirmation]  # (second staff number, credential, the check), on the worker
    attendance: Callable[[DeskSetup, uuid.UUID], RoomAttendance]  # (setup, room id)
    reports_dir: Path
    venue_name: str = ""
    exam_name: str = ""
    wedge: WedgeConfig | None = None  # the configured keyboard-wedge scanner's thresholds; None: the defaults
