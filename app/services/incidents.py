"""Incidents (事件/违纪记录), from a draft opened anywhere in the venue to the chief examiner's
confirmation (misconduct arts. 16–17; exam rules arts. 26, 31–33, 46).

- `open_draft`: any desk records what it saw (check-in, custody, control room).
- `complete`: while a draft, the facts, action taken, category and candidates are filled in.
- The candidate's signature or a witnessed refusal: app.services.incident_signatures.
- Evidence files and snapshots: app.services.incident_evidence.
- `confirm`: the chief examiner confirms; a misconduct record needs every candidate's signature
  status first.
- `amend`: after confirmation nothing changes without an amendment with a reason.
- `mark_reported`: serious incidents (arts. 32, 46) are tracked until reported (how, to whom).

Every change writes its audit event and, for the province, an outbox entry (kind "incident",
one version per state) in the caller's transaction, at the caller's `now` (the venue clock's
time; app.services.incident_log.IncidentLogService is the use cases with their transactions).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Candidate, Room
from app.db.models_incidents import Incident, IncidentAmendment, IncidentCandidate, IncidentSignature
from app.errors import VenueError
from app.rules.misconduct import category as category_of
from app.rules.misconduct import is_serious, retention_for
from app.security.auth import StaffSession
from app.security.permissions import Permission, require
from app.services import audit, outbox
from app.services.audit import Actor
from app.services.incident_state import (
    candidates_of,
    known_category,
    locked,
    next_state,
    require_draft,
    snapshot_of,
)

AMENDABLE = ("category", "facts", "action_taken", "serious")


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
    now: datetime,
) -> Incident:
    """Record a draft incident in the caller's transaction, audited and queued for sync.
    A category that arts. 32/46 name is flagged serious whatever the caller says."""
    serious = serious or is_serious(category)
    incident = Incident(
        id=uuid.uuid4(),
        sitting_id=sitting_id,
        room_id=room_id,
        category=category,
        status="draft",
        serious=serious,
        occurred_at=now,
        facts=facts,
        action_taken="",
        desk=desk,
        recorded_by_id=actor.id,
        recorded_by_name=actor.name,
        created_at=now,
        retention_class=retention_for(category, serious),
        revision=1,
        reported_via="",
        reported_to="",
    )
    session.add(incident)
    session.flush()
    candidates = list(dict.fromkeys(candidate_ids))
    for cid in candidates:
        session.add(IncidentCandidate(incident_id=incident.id, candidate_id=cid))
    session.flush()
    snapshot = snapshot_of(session, incident)
    audit.record(session, actor, "incident.open_draft", "incident", incident.id, desk=desk, after=snapshot, now=now,
                 retention=incident.retention_class)
    outbox.enqueue(session, "incident", incident.id, snapshot, now=now)
    return incident


def record_new(session: Session, user: StaffSession, *, category: str, facts: str, action_taken: str = "",
               sitting_id: uuid.UUID | None = None, room_code: str = "", tickets: Iterable[str] = (),
               now: datetime) -> Incident:
    """An incident recorded from the incident log: room by its code, candidates by ticket number."""
    require(session, user, Permission.RECORD_INCIDENT)
    known_category(category)
    room_id = None
    if room_code.strip():
        room = session.scalars(select(Room).where(Room.code == room_code.strip())).first()
        if room is None:
            raise VenueError("incident.unknown_room", "There is no room {room} in this venue.", room=room_code.strip())
        room_id = room.id
    wanted = [t.strip() for t in tickets if t.strip()]
    found = {c.ticket_number: c.id for c in session.scalars(select(Candidate).where(Candidate.ticket_number.in_(wanted)))}
    missing = [t for t in wanted if t not in found]
    if missing:
        raise VenueError("incident.unknown_ticket", "No candidate with admission ticket {tickets}.",
                         tickets=", ".join(missing))
    incident = open_draft(session, user.actor, desk=user.desk, category=category, facts=facts.strip(),
                          sitting_id=sitting_id, room_id=room_id, candidate_ids=[found[t] for t in wanted], now=now)
    if action_taken.strip():
        complete(session, user, incident.id, action_taken=action_taken, now=now)
    return incident


def complete(
    session: Session,
    user: StaffSession,
    incident_id: uuid.UUID,
    *,
    category: str | None = None,
    facts: str | None = None,
    action_taken: str | None = None,
    candidate_ids: Iterable[uuid.UUID] | None = None,
    serious: bool | None = None,
    now: datetime,
) -> Incident:
    """Fill in a draft (only a draft: a confirmed incident changes through `amend`)."""
    require(session, user, Permission.RECORD_INCIDENT)
    incident = locked(session, incident_id)
    require_draft(incident)
    before = snapshot_of(session, incident)
    if category is not None:
        known_category(category)
        incident.category = category
    if facts is not None:
        incident.facts = facts.strip()
    if action_taken is not None:
        incident.action_taken = action_taken.strip()
    if serious is not None:
        incident.serious = serious or is_serious(incident.category)
    incident.serious = incident.serious or is_serious(incident.category)
    incident.retention_class = retention_for(incident.category, incident.serious)
    if candidate_ids is not None:
        wanted = list(dict.fromkeys(candidate_ids))
        for link in session.scalars(select(IncidentCandidate).where(IncidentCandidate.incident_id == incident.id)):
            if link.candidate_id not in wanted:
                session.delete(link)
        have = set(session.scalars(select(IncidentCandidate.candidate_id)
                                   .where(IncidentCandidate.incident_id == incident.id)))
        for cid in wanted:
            if cid not in have:
                session.add(IncidentCandidate(incident_id=incident.id, candidate_id=cid))
    next_state(session, incident, user.actor, "incident.complete", user.desk, now, before=before)
    return incident


def confirm(session: Session, user: StaffSession, incident_id: uuid.UUID, *, now: datetime) -> Incident:
    """The chief examiner confirms the record (misconduct art. 17: the person in charge signs)."""
    require(session, user, Permission.CONFIRM_INCIDENT)
    incident = locked(session, incident_id)
    require_draft(incident)
    known_category(incident.category)
    if not incident.facts.strip():
        raise VenueError("incident.facts_missing", "Write down the facts before confirming.")
    if not incident.action_taken.strip():
        raise VenueError("incident.action_missing", "Write down the action taken before confirming.")
    cat = category_of(incident.category)
    candidates = candidates_of(session, incident.id)
    if cat is not None and cat.needs_signature:
        if not candidates:
            raise VenueError("incident.no_candidate", "A misconduct record names at least one candidate.")
        signed = set(session.scalars(select(IncidentSignature.candidate_id)
                                     .where(IncidentSignature.incident_id == incident.id)))
        missing = [c.ticket_number for c in candidates if c.id not in signed]
        if missing:
            raise VenueError(
                "incident.signature_missing",
                "Record whether the candidate signed (or refused before two witnesses): {tickets}.",
                tickets=", ".join(missing),
            )
    before = snapshot_of(session, incident)
    incident.status = "confirmed"
    incident.confirmed_at = now
    incident.confirmed_by_id = user.staff_id
    incident.confirmed_by_name = user.name
    next_state(session, incident, user.actor, "incident.confirm", user.desk, now, before=before)
    return incident


def amend(session: Session, user: StaffSession, incident_id: uuid.UUID, changes: Mapping[str, Any], reason: str,
          *, now: datetime) -> IncidentAmendment:
    """Correct a confirmed incident: the fields before and after are kept with the reason (art. 43)."""
    require(session, user, Permission.CONFIRM_INCIDENT)
    reason = reason.strip()
    if not reason:
        raise VenueError("incident.reason_required", "An amendment needs a reason.")
    incident = locked(session, incident_id)
    if incident.status != "confirmed":
        raise VenueError("incident.not_confirmed", "Only a confirmed incident is amended; complete the draft instead.")
    unknown = sorted(set(changes) - set(AMENDABLE))
    if unknown:
        raise VenueError("incident.not_amendable", "These fields cannot be amended: {fields}.", fields=", ".join(unknown))
    if "category" in changes:
        known_category(str(changes["category"]))
    before_fields = {k: getattr(incident, k) for k in changes}
    snapshot_before = snapshot_of(session, incident)
    for key, value in changes.items():
        setattr(incident, key, value.strip() if isinstance(value, str) else bool(value))
    # Serious stays serious once a category of arts. 32/46 is on it.
    incident.serious = incident.serious or is_serious(incident.category)
    incident.retention_class = retention_for(incident.category, incident.serious)
    after_fields = {k: getattr(incident, k) for k in changes}
    amendment = IncidentAmendment(
        incident_id=incident.id, revision=incident.revision + 1,
        before_json=json.dumps(before_fields, ensure_ascii=False, sort_keys=True),
        after_json=json.dumps(after_fields, ensure_ascii=False, sort_keys=True),
        reason=reason, at=now, by_id=user.staff_id, by_name=user.name,
    )
    session.add(amendment)
    next_state(session, incident, user.actor, "incident.amend", user.desk, now, before=snapshot_before, reason=reason)
    return amendment


def mark_reported(session: Session, user: StaffSession, incident_id: uuid.UUID, *, via: str, to: str,
                  now: datetime) -> Incident:
    """Arts. 32, 46: a serious incident was reported up, how (phone, system, …) and to whom."""
    require(session, user, Permission.CONFIRM_INCIDENT)
    incident = locked(session, incident_id)
    if not incident.serious:
        raise VenueError("incident.not_serious", "Only a serious incident is tracked until reported.")
    if incident.reported_at is not None:
        raise VenueError("incident.already_reported", "This incident is already marked as reported.")
    if not via.strip() or not to.strip():
        raise VenueError("incident.report_details", "Say how the incident was reported and to whom.")
    before = snapshot_of(session, incident)
    incident.reported_at, incident.reported_via, incident.reported_to = now, via.strip()[:100], to.strip()[:200]
    incident.reported_by_name = user.name
    next_state(session, incident, user.actor, "incident.reported", user.desk, now, before=before)
    return incident
