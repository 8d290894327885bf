"""Incidents: opening a draft from anywhere in the venue (the chief examiner completes it)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy.orm import Session

from app.db.models_incidents import Incident, IncidentCandidate
from app.db.types import utcnow
from app.services import audit, outbox
from app.services.audit import Actor


def open_draft(
    session: Session,
    actor: Actor,
    *,
    desk: str,
    category: str,
    facts: str,
    sitting_id: uuid.UUID | None = None,
    room_id: uuid.UUID | None = None,
    candidate_ids: Iterable[uuid.UUID] = (),
    serious: bool = False,
    now: datetime | None = None,
) -> Incident:
    """Record a draft incident in the caller's transaction, audited and queued for sync."""
    at = now or utcnow()
    incident = Incident(
        id=uuid.uuid4(),
        sitting_id=sitting_id,
        room_id=room_id,
        category=category,
        status="draft",
        serious=serious,
        occurred_at=at,
        facts=facts,
        desk=desk,
        recorded_by_id=actor.id,
        recorded_by_name=actor.name,
        created_at=at,
    )
    session.add(incident)
    session.flush()
    candidates = list(dict.fromkeys(candidate_ids))
    for cid in candidates:
        session.add(IncidentCandidate(incident_id=incident.id, candidate_id=cid))
    snapshot = {
        "category": category,
        "status": "draft",
        "sitting_id": str(sitting_id) if sitting_id else None,
        "room_id": str(room_id) if room_id else None,
        "candidates": [str(c) for c in candidates],
        "facts": facts,
        "serious": serious,
        "occurred_at": at.isoformat(),
    }
    audit.record(session, actor, "incident.open_draft", "incident", incident.id, desk=desk, after=snapshot, now=at)
    outbox.enqueue(session, "incident", incident.id, snapshot)
    return incident
