"""What the control room may ask of the core, bundled by ui/control/wiring.py."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from app.services.assignment import DrawSheet
from app.services.control import Checklist
from app.services.room_record import RoomRecord


@dataclass(frozen=True)
class ControlActions:
    sign_checklist: Callable[[uuid.UUID, uuid.UUID, Checklist], object]
    open_room: Callable[[uuid.UUID, uuid.UUID], object]
    collect_papers: Callable[[uuid.UUID, uuid.UUID], object]
    sign_record: Callable[[uuid.UUID, uuid.UUID], object] | None = None
    load_record: Callable[[uuid.UUID, uuid.UUID], RoomRecord] | None = None
    draw: Callable[[uuid.UUID, str, str, str], object] | None = None  # sitting, second no, credential, reason
    load_draw: Callable[[uuid.UUID], DrawSheet | None] | None = None
    hand_in: Callable[[uuid.UUID, uuid.UUID, str, str], object] | None = None  # sitting, room, ticket, emergency
