"""The incident log's use cases for one signed-in staff member, each in its own transaction
(the rules are in `app.services.incidents`): the screens get these methods, never a session."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.security.auth import AuthService, StaffSession
from app.security.permissions import Permission
from app.security.two_person import TwoPersonRule
from app.services import control, incidents
from app.services.incidents import IncidentLine


class IncidentLogService:
    def __init__(self, sessions: Callable[[], Session], clock: Callable[[], datetime], auth: AuthService,
                 user: StaffSession, evidence_dir: Path) -> None:
        self._sessions, self._clock, self._auth, self._user = sessions, clock, auth, user
        self._evidence_dir = evidence_dir

    def lines(self) -> list[IncidentLine]:
        with self._sessions() as s:
            return incidents.incident_log(s)

    def new(self, room: str, tickets: list[str], category: str, facts: str, action: str) -> None:
        now = self._clock()
        with self._sessions() as s, s.begin():
            sitting = control.current_sitting(s, now)
            incidents.record_new(s, self._user, category=category, facts=facts, action_taken=action,
                                 sitting_id=sitting.id if sitting else None, room_code=room, tickets=tickets, now=now)

    def complete(self, incident: uuid.UUID, category: str, facts: str, action: str) -> None:
        with self._sessions() as s, s.begin():
            incidents.complete(s, self._user, incident, category=category, facts=facts, action_taken=action,
                               now=self._clock())

    def signed(self, incident: uuid.UUID, candidate: uuid.UUID) -> None:
        with self._sessions() as s, s.begin():
            incidents.record_signature(s, self._user, incident, candidate, now=self._clock())

    def refused(self, incident: uuid.UUID, candidate: uuid.UUID, number: str, credential: str, note: str) -> None:
        """Misconduct arts. 16–17: a refusal to sign needs a second witness's credential."""
        witnesses = TwoPersonRule(self._auth).confirm(self._user, number, credential, Permission.RECORD_INCIDENT,
                                                      action=incidents.REFUSAL_ACTION, entity=(incident, candidate))
        with self._sessions() as s, s.begin():
            incidents.record_refusal(s, witnesses, incident, candidate, note=note, now=self._clock())

    def confirm(self, incident: uuid.UUID) -> None:
        with self._sessions() as s, s.begin():
            incidents.confirm(s, self._user, incident, now=self._clock())

    def amend(self, incident: uuid.UUID, changes: dict[str, Any], reason: str) -> None:
        with self._sessions() as s, s.begin():
            incidents.amend(s, self._user, incident, changes, reason, now=self._clock())

    def reported(self, incident: uuid.UUID, via: str, to: str) -> None:
        with self._sessions() as s, s.begin():
            incidents.mark_reported(s, self._user, incident, via=via, to=to, now=self._clock())

    def add_file(self, incident: uuid.UUID, path: Path) -> None:
        with self._sessions() as s, s.begin():
            incidents.add_evidence(s, self._user, incident, Path(path), self._evidence_dir, now=self._clock())
