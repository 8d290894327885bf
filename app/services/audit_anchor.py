"""Signed checkpoints of the audit trail (art. 43, issue 13): the anchor outside its own table.

A checkpoint (seq, head hash, Ed25519 signature) is written in the same transaction as the event
that makes 1,000 events since the last one, and at every sync, USB export and backup. The signer
is the venue's key (`app.security.checkpoint_key`); the composition root attaches it to the
session factory (`attach`), so every session of the venue can sign and `audit verify` can check
without the key ever being in the database."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.db.models import AuditCheckpoint, AuditEvent
from app.errors import VenueError
from app.security.checkpoint_key import CheckpointSigner

if TYPE_CHECKING:
    from app.services.audit import Appended

log = logging.getLogger(__name__)

SIGNER_INFO = "venue_ops.audit_signer"
SEEN_INFO = "venue_ops.audit_checkpoint_seen"  # [seq]: the newest checkpoint a session of this factory read
EVERY = 1000  # events at most between two checkpoints


@dataclass(frozen=True)
class SignedHead:
    """What the venue tells the province: its head, signed (docs/sync.md, /v1/audit-head)."""

    seq: int
    hash: str
    signature: str
    public_key: str


def attach(sessions: sessionmaker[Session], signer: CheckpointSigner) -> None:
    info = dict(sessions.kw.get("info") or {})
    info[SIGNER_INFO] = signer
    info[SEEN_INFO] = [0]  # one list shared by every session of the factory (info is copied shallowly)
    sessions.configure(info=info)


def signer_of(session: Session) -> CheckpointSigner | None:
    signer = session.info.get(SIGNER_INFO)
    return signer if isinstance(signer, CheckpointSigner) else None


def last_checkpoint_seq(session: Session) -> int:
    return int(session.scalar(select(func.max(AuditCheckpoint.seq))) or 0)


def after_append(session: Session, event: Appended) -> None:
    """Called by `audit.record` for each new event: a checkpoint when 1,000 events have passed,
    at the event's own time.

    The checkpoints only move forward, so while the newest one this process has read is less than
    1,000 events back, no read is needed (a check-in writes three events: this is its hot path).
    Only what was read is remembered, never what this session wrote: a rolled-back checkpoint
    cannot stretch the interval."""
    signer = signer_of(session)
    if signer is None:
        return
    seen = session.info.get(SEEN_INFO)
    if isinstance(seen, list) and event.seq - seen[0] < EVERY:
        return
    last = last_checkpoint_seq(session)
    if isinstance(seen, list):
        seen[0] = max(seen[0], last)
    if event.seq - last >= EVERY:
        _write(session, signer, event.seq, event.hash, "every_1000", event.at_utc)


class TrailRewritten(VenueError):
    def __init__(self, seq: int) -> None:
        super().__init__("audit.checkpoint_contradicted",
                         "The audit trail no longer holds the event {seq} that the last signed checkpoint "
                         "names: it was shortened or rewritten. Nothing was signed; run audit verify.", seq=seq)


def checkpoint(session: Session, reason: str, now: datetime) -> SignedHead | None:
    """Sign the current head (at a sync, an export, a backup); None without a signer or events.
    Refuses to sign over a trail that no longer reaches the previous checkpoint."""
    from app.services import audit

    signer = signer_of(session)
    if signer is None:
        return None
    audit.lock_chain(session)
    top = audit.head(session)
    if top is None:
        return None
    last = session.scalars(select(AuditCheckpoint).order_by(AuditCheckpoint.seq.desc()).limit(1)).first()
    if last is not None:
        held = session.scalar(select(AuditEvent.hash).where(AuditEvent.seq == last.seq))
        if held != last.hash or top.seq < last.seq:
            raise TrailRewritten(last.seq)
        if last.seq == top.seq:
            return SignedHead(last.seq, last.hash, last.signature, signer.public_key_hex)
    row = _write(session, signer, top.seq, top.hash, reason, now)
    return SignedHead(row.seq, row.hash, row.signature, signer.public_key_hex)


def _write(session: Session, signer: CheckpointSigner, seq: int, head_hash: str, reason: str,
           now: datetime) -> AuditCheckpoint:
    row = AuditCheckpoint(seq=seq, hash=head_hash, at_utc=now.astimezone(UTC), reason=reason,
                          signature=signer.sign(seq, head_hash))
    session.add(row)
    session.flush()
    return row
