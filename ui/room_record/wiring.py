"""Builds the invigilators' room-record screen from the core for one signed-in staff member."""

from __future__ import annotations

from app.bootstrap import Core
from app.security.auth import StaffSession
from app.services.invigilator_records import InvigilatorRecords
from ui.room_record.screen import RoomRecordActions, RoomRecordScreen
from ui.runner import OpRunner


def room_record_actions(service: InvigilatorRecords) -> RoomRecordActions:
    return RoomRecordActions(rooms=service.rooms, record=service.record, sign=service.sign)


def from_core(core: Core, runner: OpRunner, user: StaffSession) -> RoomRecordScreen:
    service = InvigilatorRecords(core.sessions, core.clock, core.auth, user)
    return RoomRecordScreen(runner, room_record_actions(service), core.settings.data_dir / "reports")
