"""The room record from the invigilators' side (arts. 23, 40): a signed-in invigilator sees the
rooms they were drawn to in today's sittings, reads each room's record, and signs it with their own
credential once the papers are collected; the chief examiner's office countersigns afterwards in
the control room. Each use case in its own transaction; the screen gets these methods."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime

from sqlalchemy.orm import Session

from app.security.auth import AuthService, StaffSession
from app.services import room_record
from app.services.room_record import RoomRecord, RoomToSign

SIGN_PURPOSE = "room_record_sign"  # names the audit events of the credential check (auth.room_record_sign…)


class InvigilatorRecords:
    def __init__(self, sessions: Callable[[], Session], clock: Callable[[], datetime], auth: AuthService,
                 user: StaffSession) -> None:
        self._sessions, self._clock, self._auth, self._user = sessions, clock, auth, user

    def rooms(self) -> list[RoomToSign]:
        with self._sessions() as s:
            return room_record.rooms_to_sign(s, self._user, self._clock())

    def record(self, sitting: uuid.UUID, room: uuid.UUID) -> RoomRecord:
        with self._sessions() as s:
            room_record.require_own_room(s, self._user, sitting, room)
            return room_record.room_record(s, sitting, room)

    def sign(self, sitting: uuid.UUID, room: uuid.UUID, credential: str) -> None:
        """The signed-in invigilator proves it is them (their own credential, counted toward the
        lock-out like any attempt), then signs; refused as `sign_room_record` refuses."""
        signer = self._auth.reauthenticate(self._user, credential, purpose=SIGN_PURPOSE)
        with self._sessions() as s, s.begin():
            room_record.sign_room_record(s, signer, sitting, room, now=self._clock())
