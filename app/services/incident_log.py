"""The incident log: what the log screen and the room record show (`incident_log`), and the log's
use cases for one signed-in staff member, each in its own transaction at the venue clock's time
(`IncidentLogService`; the rules are in app.services.incidents, incident_signatures and
incident_evidence): the screens get these methods, never a session."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Room, Sitting
from app.db.models_incidents import Incident, IncidentAmendment, IncidentEvidence, IncidentSignature
from app.security.auth import AuthService, StaffSession
from app.security.permissions import Permission
from app.security.two_person import TwoPersonRule
from app.services import control, incident_evidence, incident_signatures, incidents
from app.services.incident_state import candidates_of


@dataclass(frozen=True)
class IncidentLine:
    id: uuid.UUID
    occurred_at: datetime
    sitting_code: str
    room_code: str
    category: str
    status: str
    serious: bool
    facts: str
    action_taken: str
    candidates: tuple[tuple[str, str], ...]  # (ticket, name)
    signatures: tuple[tuple[str, str, tuple[str, ...]], ...]  # (ticket, signed|refused, witnesses)
    evidence: tuple[tuple[str, str, int], ...]  # (name, sha256, size)
    amendments: tuple[tuple[datetime, str, str], ...]  # (at, by, reason)
    recorded_by: str
    confirmed_by: str | None
    reported_at: datetime | None
    reported_via: str
    reported_to: str
    candidate_ids: tuple[uuid.UUID, ...] = ()  # in the order of `candidates`

    def waiting_report(self, now: datetime) -> timedelta | None:
        """Time since a serious incident happened while it is not reported yet."""
        if not self.serious or self.reported_at is not None:
            return None
        return now - self.occurred_at


def incident_log(session: Session, *, sitting_id: uuid.UUID | None = None,
                 room_id: uuid.UUID | None = None) -> list[IncidentLine]:
    """Incidents, newest first, with everything the log screen and the room record show."""
    q = select(Incident).order_by(Incident.occurred_at.desc())
    if sitting_id is not None:
        q = q.where(Incident.sitting_id == sitting_id)
    if room_id is not None:
        q = q.where(Incident.room_id == room_id)
    sittings = {s.id: s.code for s in session.scalars(select(Sitting))}
    rooms = {r.id: r.code for r in session.scalars(select(Room))}
    lines = []
    for i in session.scalars(q):
        cands = candidates_of(session, i.id)
        tickets = {c.id: c.ticket_number for c in cands}
        sigs = session.scalars(select(IncidentSignature).where(IncidentSignature.incident_id == i.id))
        ev = session.scalars(select(IncidentEvidence).where(IncidentEvidence.incident_id == i.id)
                             .order_by(IncidentEvidence.added_at))
        am = session.scalars(select(IncidentAmendment).where(IncidentAmendment.incident_id == i.id)
                             .order_by(IncidentAmendment.revision))
        lines.append(IncidentLine(
            i.id, i.occurred_at, sittings.get(i.sitting_id, "") if i.sitting_id else "",
            rooms.get(i.room_id, "") if i.room_id else "", i.category, i.status, i.serious, i.facts, i.action_taken,
            tuple((c.ticket_number, c.name) for c in cands),
            tuple((tickets.get(s.candidate_id, ""), s.status,
                   tuple(w for w in (s.witness1_name, s.witness2_name) if w)) for s in sigs),
            tuple((e.original_name, e.sha256, e.size) for e in ev),
            tuple((a.at, a.by_name, a.reason) for a in am),
            i.recorded_by_name, i.confirmed_by_name, i.reported_at, i.reported_via, i.reported_to,
            tuple(c.id for c in cands),
        ))
    return lines


class IncidentLogService:
    def __init__(self, sessions: Callable[[], Session], clock: Callable[[], datetime], auth: AuthService,
                 user: StaffSession, evidence_dir: Path) -> None:
        self._sessions, self._clock, self._auth, self._user = sessions, clock, auth, user
        self._evidence_dir = evidence_dir

    def lines(self) -> list[IncidentLine]:
        with self._sessions() as s:
            return incident_log(s)

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
            incident_signatures.record_signature(s, self._user, incident, candidate, now=self._clock())

    def refused(self, incident: uuid.UUID, candidate: uuid.UUID, number: str, credential: str, note: str) -> None:
        """Misconduct arts. 16–17: a refusal to sign needs a second witness's credential."""
        witnesses = TwoPersonRule(self._auth).confirm(self._user, number, credential, Permission.RECORD_INCIDENT,
                                                      action=incident_signatures.REFUSAL_ACTION, entity=(incident, candidate))
        with self._sessions() as s, s.begin():
            incident_signatures.record_refusal(s, witnesses, incident, candidate, note=note, now=self._clock())

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
            incident_evidence.add_evidence(s, self._user, incident, Path(path), self._evidence_dir, now=self._clock())
