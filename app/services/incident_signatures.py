"""The candidate's part of an incident record (misconduct arts. 16–17): the candidate signed the
written facts, or refused (or destroyed evidence) before two staff members who both prove who they
are (`Confirmation`). In the caller's transaction, at the caller's `now`."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Candidate
from app.db.models_incidents import Incident, IncidentCandidate, IncidentSignature
from app.errors import VenueError
from app.security.auth import StaffSession
from app.security.permissions import Permission, require
from app.security.two_person import Confirmation
from app.services.incident_state import locked, next_state, require_draft, snapshot_of


def _candidate_of(session: Session, incident: Incident, candidate_id: uuid.UUID) -> Candidate:
    link = session.get(IncidentCandidate, (incident.id, candidate_id))
    candidate = session.get(Candidate, candidate_id)
    if link is None or candidate is None:
        raise VenueError("incident.candidate_not_listed", "That candidate is not listed on this incident.")
    return candidate


def _add_signature(session: Session, incident: Incident, candidate_id: uuid.UUID, sig: IncidentSignature) -> None:
    existing = session.scalars(select(IncidentSignature).where(
        IncidentSignature.incident_id == incident.id, IncidentSignature.candidate_id == candidate_id)).first()
    if existing is not None:
        raise VenueError("incident.signature_recorded",
                         "The candidate's signature status is already recorded on this incident.")
    session.add(sig)


def record_signature(session: Session, user: StaffSession, incident_id: uuid.UUID, candidate_id: uuid.UUID,
                     *, now: datetime) -> IncidentSignature:
    """Misconduct art. 16: the candidate signed the written facts (witnessed by `user`)."""
    require(session, user, Permission.RECORD_INCIDENT)
    incident = locked(session, incident_id)
    require_draft(incident)
    _candidate_of(session, incident, candidate_id)
    before = snapshot_of(session, incident)
    sig = IncidentSignature(incident_id=incident.id, candidate_id=candidate_id, status="signed", at=now,
                            witness1_id=user.staff_id, witness1_name=user.name, note="")
    _add_signature(session, incident, candidate_id, sig)
    next_state(session, incident, user.actor, "incident.signed", user.desk, now, before=before)
    return sig


# What a refusal witnessed by two people is confirmed for (TwoPersonRule.confirm, entity (incident, candidate)).
REFUSAL_ACTION = "incident.refused_to_sign"


def record_refusal(session: Session, witnesses: Confirmation, incident_id: uuid.UUID, candidate_id: uuid.UUID,
                   *, note: str = "", now: datetime) -> IncidentSignature:
    """Misconduct art. 16–17: the candidate refused to sign (or destroyed evidence); two staff
    members, both authenticated, record it."""
    require(session, witnesses.initiator, Permission.RECORD_INCIDENT)
    require(session, witnesses.second, Permission.RECORD_INCIDENT)
    witnesses.redeem(REFUSAL_ACTION, (incident_id, candidate_id))
    incident = locked(session, incident_id)
    require_draft(incident)
    _candidate_of(session, incident, candidate_id)
    before = snapshot_of(session, incident)
    sig = IncidentSignature(incident_id=incident.id, candidate_id=candidate_id, status="refused", at=now,
                            witness1_id=witnesses.initiator.staff_id, witness1_name=witnesses.initiator.name,
                            witness2_id=witnesses.second.staff_id, witness2_name=witnesses.second.name,
                            note=note.strip())
    _add_signature(session, incident, candidate_id, sig)
    next_state(session, incident, witnesses.actor, "incident.refused_to_sign", witnesses.initiator.desk, now,
                before=before, reason=note.strip(), cosigner=witnesses.cosigner)
    return sig
