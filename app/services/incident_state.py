"""What every change of an incident shares (app.services.incidents, incident_signatures,
incident_evidence): the row locked for the change, the checks on its state, the snapshot the
province and the audit trail receive, and the next version it becomes.

All of it runs in the caller's transaction, at the caller's `at`."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Candidate
from app.db.models_incidents import Incident, IncidentCandidate, IncidentEvidence, IncidentSignature
from app.errors import VenueError
from app.rules.misconduct import category as category_of
from app.services import audit, outbox
from app.services.audit import Actor


class IncidentNotFound(VenueError):
    def __init__(self, incident: object) -> None:
        super().__init__("incident.not_found", "No incident {incident}.", incident=str(incident))


def locked(session: Session, incident_id: uuid.UUID) -> Incident:
    """The incident, locked for the change the caller makes."""
    incident = session.get(Incident, incident_id, with_for_update=True)
    if incident is None:
        raise IncidentNotFound(incident_id)
    return incident


def candidates_of(session: Session, incident_id: uuid.UUID) -> list[Candidate]:
    return list(session.scalars(
        select(Candidate).join(IncidentCandidate, IncidentCandidate.candidate_id == Candidate.id)
        .where(IncidentCandidate.incident_id == incident_id).order_by(Candidate.ticket_number)))


def snapshot_of(session: Session, incident: Incident) -> dict[str, Any]:
    """The incident as the province receives it (and as the audit trail records it)."""
    signatures = {
        sig.candidate_id: sig for sig in session.scalars(
            select(IncidentSignature).where(IncidentSignature.incident_id == incident.id))
    }
    evidence = session.scalars(
        select(IncidentEvidence).where(IncidentEvidence.incident_id == incident.id).order_by(IncidentEvidence.added_at))
    return {
        "category": incident.category,
        "status": incident.status,
        "revision": incident.revision,
        "sitting_id": str(incident.sitting_id) if incident.sitting_id else None,
        "room_id": str(incident.room_id) if incident.room_id else None,
        "candidates": [
            {"id": str(c.id), "ticket": c.ticket_number,
             "signature": _signature_json(signatures.get(c.id))}
            for c in candidates_of(session, incident.id)
        ],
        "facts": incident.facts,
        "action_taken": incident.action_taken,
        "serious": incident.serious,
        "occurred_at": incident.occurred_at.isoformat(),
        "recorded_by": incident.recorded_by_name,
        "confirmed_by": incident.confirmed_by_name,
        "confirmed_at": incident.confirmed_at.isoformat() if incident.confirmed_at else None,
        "reported_at": incident.reported_at.isoformat() if incident.reported_at else None,
        "reported_via": incident.reported_via,
        "reported_to": incident.reported_to,
        "evidence": [{"sha256": e.sha256, "size": e.size, "kind": e.kind, "name": e.original_name} for e in evidence],
        "retention_class": str(incident.retention_class),
    }


def _signature_json(sig: IncidentSignature | None) -> dict[str, Any] | None:
    if sig is None:
        return None
    return {"status": sig.status, "at": sig.at.isoformat(), "witnesses": [w for w in (sig.witness1_name, sig.witness2_name) if w]}


def next_state(session: Session, incident: Incident, actor: Actor, action: str, desk: str, at: datetime, *,
               before: Mapping[str, Any] | None, reason: str = "", cosigner: Actor | None = None) -> None:
    """A later state of the incident: audited, and queued to the province as the next version."""
    incident.revision += 1
    session.flush()
    after = snapshot_of(session, incident)
    audit.record(session, actor, action, "incident", incident.id, desk=desk, before=before, after=after,
                 reason=reason, cosigner=cosigner, now=at, retention=incident.retention_class)
    outbox.enqueue(session, "incident", incident.id, after, now=at, version=incident.revision)


def require_draft(incident: Incident) -> None:
    if incident.status != "draft":
        raise VenueError("incident.not_draft",
                         "This incident is already confirmed; correct it with an amendment and a reason.")


def known_category(code: str) -> None:
    if category_of(code) is None:
        raise VenueError("incident.unknown_category", "There is no incident category {category}.", category=code)
