"""Evidence attached to an incident: a file or a camera snapshot, stored under its SHA-256 and
queued for upload. In the caller's transaction, at the caller's `now`."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import uuid
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models_incidents import IncidentEvidence
from app.domain import RetentionClass
from app.errors import VenueError
from app.security.auth import StaffSession
from app.security.permissions import Permission, require
from app.services import outbox
from app.services.incident_state import locked, next_state, snapshot_of


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
                 *, kind: str = "file", now: datetime) -> IncidentEvidence:
    """Attach a file (or a camera snapshot written to a file): hashed, stored, queued for upload.
    Evidence may be added after confirmation too: adding is not changing what was recorded."""
    require(session, user, Permission.RECORD_INCIDENT)
    incident = locked(session, incident_id)
    if not source.is_file():
        raise VenueError("incident.evidence_missing", "The evidence file {path} cannot be read.", path=str(source))
    sha, size = _sha256_of(source)
    if session.scalars(select(IncidentEvidence).where(IncidentEvidence.incident_id == incident.id,
                                                      IncidentEvidence.sha256 == sha)).first() is not None:
        raise VenueError("incident.evidence_duplicate", "This file is already attached to the incident.")
    before = snapshot_of(session, incident)
    stored = _store(source, evidence_dir, sha)
    evidence = IncidentEvidence(incident_id=incident.id, kind=kind, original_name=source.name[:255], sha256=sha,
                                size=size, stored_path=str(stored), added_at=now, added_by_name=user.name,
                                retention_class=RetentionClass.SERIOUS)
    session.add(evidence)
    session.flush()
    # Keyed by the evidence row: the same file attached to two incidents is two records, one upload.
    outbox.enqueue(session, "evidence_file", evidence.id, {"sha256": sha, "path": str(stored), "size": size,
                                                   "owner_kind": "incident", "owner_id": str(incident.id)}, now=now)
    next_state(session, incident, user.actor, "incident.evidence_added", user.desk, now, before=before)
    return evidence
