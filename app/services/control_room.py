"""The control room's use cases for one signed-in leader, each in its own transaction: the view of
every room of the current sitting, the per-room steps, the room record, and the invigilator draw.
The screens get these methods; no session or transaction is opened outside `app`."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from sqlalchemy.orm import Session

from app.security.auth import AuthService, StaffSession
from app.security.permissions import Permission, require
from app.security.two_person import TwoPersonRule
from app.services import assignment, control, room_record
from app.services.control import Checklist, ControlView


class ControlRoomService:
    def __init__(self, sessions: Callable[[], Session], clock: Callable[[], datetime], auth: AuthService,
                 user: StaffSession) -> None:
        self._sessions, self._clock, self._auth, self._user = sessions, clock, auth, user

    def view(self, now: datetime) -> ControlView | None:
        """The control room (Permission.VIEW_CONTROL_ROOM)."""
        with self._sessions() as s:  # a read, and still refused once the session has ended
            require(s, self._user, Permission.VIEW_CONTROL_ROOM)
        return self._view(now)

    def timers(self, now: datetime) -> ControlView | None:
        """The same picture for the timer view, which the rooms' invigilators see too."""
        return self._view(now)

    def _view(self, now: datetime) -> ControlView | None:
        """The current sitting's control-room view at `now`, with the venue's custody and paper-room
        alerts; None when the package holds no sitting."""
        with self._sessions() as s:
            sitting = control.current_sitting(s, now)
            if sitting is None:
                return None
            view = control.control_view(s, sitting.id, now)
            return replace(view, venue_alerts=control.venue_alerts(s, now))

    def sign_checklist(self, sitting: uuid.UUID, room: uuid.UUID, items: Checklist) -> None:
        with self._sessions() as s, s.begin():
            control.sign_checklist(s, self._user, sitting, room, items, now=self._clock())

    def open_room(self, sitting: uuid.UUID, room: uuid.UUID) -> None:
        with self._sessions() as s, s.begin():
            control.open_room(s, self._user, sitting, room, now=self._clock())

    def collect_papers(self, sitting: uuid.UUID, room: uuid.UUID) -> None:
        with self._sessions() as s, s.begin():
            control.collect_papers(s, self._user, sitting, room, now=self._clock())

    def sign_room_record(self, sitting: uuid.UUID, room: uuid.UUID) -> None:
        with self._sessions() as s, s.begin():
            room_record.sign_room_record(s, self._user, sitting, room, now=self._clock())

    def room_record(self, sitting: uuid.UUID, room: uuid.UUID) -> room_record.RoomRecord:
        with self._sessions() as s:
            return room_record.room_record(s, sitting, room)

    def draw(self, sitting: uuid.UUID, number: str, credential: str, reason: str) -> None:
        """Art. 18: the draw needs a second leader's credential."""
        confirmation = TwoPersonRule(self._auth).confirm(self._user, number, credential,
                                                         Permission.ASSIGN_INVIGILATORS, action=assignment.DRAW_ACTION,
                                                         entity=sitting)
        with self._sessions() as s, s.begin():
            assignment.draw_invigilators(s, confirmation, sitting, reason=reason, now=self._clock())

    def draw_sheet(self, sitting: uuid.UUID) -> assignment.DrawSheet | None:
        with self._sessions() as s:
            return assignment.draw_sheet(s, sitting)

    def hand_in(self, sitting: uuid.UUID, room: uuid.UUID, ticket: str, emergency: str) -> None:
        with self._sessions() as s, s.begin():
            control.record_exit_by_ticket(s, self._user, sitting, room, ticket, emergency_reason=emergency,
                                          now=self._clock())
