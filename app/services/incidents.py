"""Incidents (事件/违纪记录), from a draft opened anywhere in the venue to the chief examiner's
confirmation (misconduct arts. 16–17; exam rules arts. 26, 31–33, 46).

- `open_draft`: any desk records what it saw (check-in, custody, control room).
- `complete`: while a draft, the facts, action taken, category and candidates are filled in.
- `record_signature` / `record_refusal`: the candidate signs the facts, or refuses and two staff
  members witness the refusal (both prove who they are: `Confirmation`).
- `add_evidence`: a file or camera snapshot, stored under its SHA-256 and queued for upload.
- `confirm`: the chief examiner confirms; a misconduct record needs every candidate's signature
  status first.
- `amend`: after confirmation nothing changes without an amendment with a reason.
- `mark_reported`: serious incidents (arts. 32, 46) are tracked until reported (how, to whom).

Every change writes its audit event and, for the province, an outbox entry (kind "incident",
one version per state) in the caller's transaction.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Candidate, Room, Sitting
from app.db.models_incidents import (
    Incident,
    IncidentAmendment,
    IncidentCandidate,
    IncidentEvidence,
    IncidentSignature,
)
from app.db.types import utcnow
from app.domain import RetentionClass
from app.errors import VenueError
from app.rules.misconduct import category as category_of
from app.rules.misconduct import is_serious, retention_for
from app.security.auth import StaffSession
from app.security.permissions import Permission, require
from app.security.two_person import Confirmation
from app.services import audit, outbox
from app.services.audit import Actor

AMENDABLE = ("category", "facts", "action_taken", "serious")


class IncidentNotFound(VenueError):
    def __init__(self, incident: object) -> None:
        super().__init__("incident.not_found", "No incident {incident}.", incident=str(incident))


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
    """Record a draft incident in the caller's transaction, audited and queued for sync.
    A category that arts. 32/46 name is flagged serious whatever the caller says."""
    at = now or utcnow()
    serious = serious or is_serious(category)
    incident = Incident(
        id=uuid.uuid4(),
        sitting_id=sitting_id,
        room_id=room_id,
        category=category,
        status="draft",
        serious=serious,
        occurred_at=at,
        facts=facts,
        action_taken="",
        desk=desk,
        recorded_by_id=actor.id,
        recorded_by_name=actor.name,
        created_at=at,
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
    audit.record(session, actor, "incident.open_draft", "incident", incident.id, desk=desk, after=snapshot, now=at,
                 retention=incident.retention_class)
    outbox.enqueue(session, "incident", incident.id, snapshot)
    return incident


def record_new(session: Session, user: StaffSession, *, category: str, facts: str, action_taken: str = "",
               sitting_id: uuid.UUID | None = None, room_code: str = "", tickets: Iterable[str] = (),
               now: datetime | None = None) -> Incident:
    """An incident recorded from the incident log: room by its code, candidates by ticket number."""
    require(user, Permission.RECORD_INCIDENT)
    _known_category(category)
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


def _get(session: Session, incident_id: uuid.UUID) -> Incident:
    incident = session.get(Incident, incident_id, with_for_update=True)
    if incident is None:
        raise IncidentNotFound(incident_id)
    return incident


def _candidates(session: Session, incident_id: uuid.UUID) -> list[Candidate]:
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
            for c in _candidates(session, incident.id)
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


def _next_state(session: Session, incident: Incident, actor: Actor, action: str, desk: str, at: datetime, *,
                before: Mapping[str, Any] | None, reason: str = "", cosigner: Actor | None = None) -> None:
    """A later state of the incident: audited, and queued to the province as the next version."""
    incident.revision += 1
    session.flush()
    after = snapshot_of(session, incident)
    audit.record(session, actor, action, "incident", incident.id, desk=desk, before=before, after=after,
                 reason=reason, cosigner=cosigner, now=at, retention=incident.retention_class)
    outbox.enqueue(session, "incident", incident.id, after, version=incident.revision)


def _require_draft(incident: Incident) -> None:
    if incident.status != "draft":
        raise VenueError("incident.not_draft",
                         "This incident is already confirmed; correct it with an amendment and a reason.")


def _known_category(code: str) -> None:
    if category_of(code) is None:
        raise VenueError("incident.unknown_category", "There is no incident category {category}.", category=code)


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
    now: datetime | None = None,
) -> Incident:
    """Fill in a draft (only a draft: a confirmed incident changes through `amend`)."""
    require(user, Permission.RECORD_INCIDENT)
    at = now or utcnow()
    incident = _get(session, incident_id)
    _require_draft(incident)
    before = snapshot_of(session, incident)
    if category is not None:
        _known_category(category)
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
    _next_state(session, incident, user.actor, "incident.complete", user.desk, at, before=before)
    return incident


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
                     *, now: datetime | None = None) -> IncidentSignature:
    """Misconduct art. 16: the candidate signed the written facts (witnessed by `user`)."""
    require(user, Permission.RECORD_INCIDENT)
    at = now or utcnow()
    incident = _get(session, incident_id)
    _require_draft(incident)
    _candidate_of(session, incident, candidate_id)
    before = snapshot_of(session, incident)
    sig = IncidentSignature(incident_id=incident.id, candidate_id=candidate_id, status="signed", at=at,
                            witness1_id=user.staff_id, witness1_name=user.name, note="")
    _add_signature(session, incident, candidate_id, sig)
    _next_state(session, incident, user.actor, "incident.signed", user.desk, at, before=before)
    return sig


# What a refusal witnessed by two people is confirmed for (TwoPersonRule.confirm, entity (incident, candidate)).
REFUSAL_ACTION = "incident.refused_to_sign"


def record_refusal(session: Session, witnesses: Confirmation, incident_id: uuid.UUID, candidate_id: uuid.UUID,
                   *, note: str = "", now: datetime | None = None) -> IncidentSignature:
    """Misconduct art. 16–17: the candidate refused to sign (or destroyed evidence); two staff
    members, both authenticated, record it."""
    require(witnesses.initiator, Permission.RECORD_INCIDENT)
    require(witnesses.second, Permission.RECORD_INCIDENT)
    witnesses.redeem(REFUSAL_ACTION, (incident_id, candidate_id))
    at = now or utcnow()
    incident = _get(session, incident_id)
    _require_draft(incident)
    _candidate_of(session, incident, candidate_id)
    before = snapshot_of(session, incident)
    sig = IncidentSignature(incident_id=incident.id, candidate_id=candidate_id, status="refused", at=at,
                            witness1_id=witnesses.initiator.staff_id, witness1_name=witnesses.initiator.name,
                            witness2_id=witnesses.second.staff_id, witness2_name=witnesses.second.name,
                            note=note.strip())
    _add_signature(session, incident, candidate_id, sig)
    _next_state(session, incident, witnesses.actor, "incident.refused_to_sign", witnesses.initiator.desk, at,
                before=before, reason=note.strip(), cosigner=witnesses.cosigner)
    return sig


def _sha256_of(path: Path) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _store(source: Path, evidence_dir: Path, sha: str) -> Path:
    """Content-addressed copy; written beside its final name and renamed, so a stored file is
    always complete. A copy whose transaction later rolls back is harmless (same hash, same file)."""
    dest = evidence_dir / sha[:2] / (sha + source.suffix.lower())
    if dest.exists():
        return dest.resolve()
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=".incoming-")
    os.close(fd)
    shutil.copyfile(source, tmp)
    os.replace(tmp, dest)
    return dest.resolve()


def add_evidence(session: Session, user: StaffSession, incident_id: uuid.UUID, source: Path, evidence_dir: Path,
                 *, kind: str = "file", now: datetime | None = None) -> IncidentEvidence:
    """Attach a file (or a camera snapshot written to a file): hashed, stored, queued for upload.
    Evidence may be added after confirmation too: adding is not changing what was recorded."""
    require(user, Permission.RECORD_INCIDENT)
    at = now or utcnow()
    incident = _get(session, incident_id)
    if not source.is_file():
        raise VenueError("incident.evidence_missing", "The evidence file {path} cannot be read.", path=str(source))
    sha, size = _sha256_of(source)
    if session.scalars(select(IncidentEvidence).where(IncidentEvidence.incident_id == incident.id,
                                                      IncidentEvidence.sha256 == sha)).first() is not None:
        raise VenueError("incident.evidence_duplicate", "This file is already attached to the incident.")
    before = snapshot_of(session, incident)
    stored = _store(source, evidence_dir, sha)
    evidence = IncidentEvidence(incident_id=incident.id, kind=kind, original_name=source.name[:255], sha256=sha,
                                size=size, stored_path=str(stored), added_at=at, added_by_name=user.name,
                                retention_class=RetentionClass.SERIOUS)
    session.add(evidence)
    session.flush()
    # Keyed by the evidence row: the same file attached to two incidents is two records, one upload.
    outbox.enqueue(session, "evidence_file", evidence.id, {"sha256": sha, "path": str(stored), "size": size,
                                                   "owner_kind": "incident", "owner_id": str(incident.id)})
    _next_state(session, incident, user.actor, "incident.evidence_added", user.desk, at, before=before)
    return evidence


def confirm(session: Session, user: StaffSession, incident_id: uuid.UUID, *, now: datetime | None = None) -> Incident:
    """The chief examiner confirms the record (misconduct art. 17: the person in charge signs)."""
    require(user, Permission.CONFIRM_INCIDENT)
    at = now or utcnow()
    incident = _get(session, incident_id)
    _require_draft(incident)
    _known_category(incident.category)
    if not incident.facts.strip():
        raise VenueError("incident.facts_missing", "Write down the facts before confirming.")
    if not incident.action_taken.strip():
        raise VenueError("incident.action_missing", "Write down the action taken before confirming.")
    cat = category_of(incident.category)
    candidates = _candidates(session, incident.id)
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
    incident.confirmed_at = at
    incident.confirmed_by_id = user.staff_id
    incident.confirmed_by_name = user.name
    _next_state(session, incident, user.actor, "incident.confirm", user.desk, at, before=before)
    return incident


def amend(session: Session, user: StaffSession, incident_id: uuid.UUID, changes: Mapping[str, Any], reason: str,
          *, now: datetime | None = None) -> IncidentAmendment:
    """Correct a confirmed incident: the fields before and after are kept with the reason (art. 43)."""
    require(user, Permission.CONFIRM_INCIDENT)
    at = now or utcnow()
    reason = reason.strip()
    if not reason:
        raise VenueError("incident.reason_required", "An amendment needs a reason.")
    incident = _get(session, incident_id)
    if incident.status != "confirmed":
        raise VenueError("incident.not_confirmed", "Only a confirmed incident is amended; complete the draft instead.")
    unknown = sorted(set(changes) - set(AMENDABLE))
    if unknown:
        raise VenueError("incident.not_amendable", "These fields cannot be amended: {fields}.", fields=", ".join(unknown))
    if "category" in changes:
        _known_category(str(changes["category"]))
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
        reason=reason, at=at, by_id=user.staff_id, by_name=user.name,
    )
    session.add(amendment)
    _next_state(session, incident, user.actor, "incident.amend", user.desk, at, before=snapshot_before, reason=reason)
    return amendment


def mark_reported(session: Session, user: StaffSession, incident_id: uuid.UUID, *, via: str, to: str,
                  now: datetime | None = None) -> Incident:
    """Arts. 32, 46: a serious incident was reported up, how (phone, system, …) and to whom."""
    require(user, Permission.CONFIRM_INCIDENT)
    at = now or utcnow()
    incident = _get(session, incident_id)
    if not incident.serious:
        raise VenueError("incident.not_serious", "Only a serious incident is tracked until reported.")
    if incident.reported_at is not None:
        raise VenueError("incident.already_reported", "This incident is already marked as reported.")
    if not via.strip() or not to.strip():
        raise VenueError("incident.report_details", "Say how the incident was reported and to whom.")
    before = snapshot_of(session, incident)
    incident.reported_at, incident.reported_via, incident.reported_to = at, via.strip()[:100], to.strip()[:200]
    incident.reported_by_name = user.name
    _next_state(session, incident, user.actor, "incident.reported", user.desk, at, before=before)
    return incident


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
        cands = _candidates(session, i.id)
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
