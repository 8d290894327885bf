"""Incidents (事件/违纪记录): what happened at the venue, recorded as facts (misconduct arts. 16–17).

A check-in desk opens a *draft* (e.g. a document that does not belong to the ticket's
candidate); the chief examiner completes and confirms it. After confirmation nothing is edited
without a trace: a correction is an `IncidentAmendment` holding the fields before and after and
its reason (the incident row shows the amended state; its history is the amendments, in order)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models import Base, _enum, new_id
from app.db.types import UtcDateTime
from app.domain import RetentionClass


class Incident(Base):
    __tablename__ = "incident"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    sitting_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("sitting.id"), nullable=True)
    room_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("room.id"), nullable=True)
    # A code from app.rules.misconduct / the other-incident list, e.g. "art8.2", "identity_mismatch".
    category: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(16), default="draft")  # draft | confirmed
    serious: Mapped[bool] = mapped_column(Boolean, default=False)  # arts. 32, 46: report now
    occurred_at: Mapped[datetime] = mapped_column(UtcDateTime())
    facts: Mapped[str] = mapped_column(Text, default="")
    action_taken: Mapped[str] = mapped_column(Text, default="")
    desk: Mapped[str] = mapped_column(String(64))
    recorded_by_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    recorded_by_name: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())  # the venue clock's time, set by open_draft
    retention_class: Mapped[RetentionClass] = mapped_column(_enum(RetentionClass), default=RetentionClass.ROOM_RECORD)
    # Each later state sent to the province is a new outbox version (draft = 1).
    revision: Mapped[int] = mapped_column(Integer, default=1)
    confirmed_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    confirmed_by_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    confirmed_by_name: Mapped[str | None] = mapped_column(String(100), nullable=True)
    # Arts. 32, 46: when and how a serious incident was reported up, and to whom.
    reported_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    reported_via: Mapped[str] = mapped_column(String(100), default="")
    reported_to: Mapped[str] = mapped_column(String(200), default="")
    reported_by_name: Mapped[str | None] = mapped_column(String(100), nullable=True)


class IncidentCandidate(Base):
    __tablename__ = "incident_candidate"
    incident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("incident.id"), primary_key=True)
    candidate_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("candidate.id"), primary_key=True)


class IncidentSignature(Base):
    """The candidate's signature on the facts (misconduct art. 16–17): signed, or refused and the
    refusal witnessed by two staff members."""

    __tablename__ = "incident_signature"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    incident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("incident.id"), index=True)
    candidate_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("candidate.id"))
    status: Mapped[str] = mapped_column(String(16))  # signed | refused
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    witness1_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    witness1_name: Mapped[str] = mapped_column(String(100))
    witness2_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    witness2_name: Mapped[str | None] = mapped_column(String(100), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (UniqueConstraint("incident_id", "candidate_id"),)


class IncidentEvidence(Base):
    """A file the incident holds (camera snapshot, photo of a confiscated device, …), stored by
    its SHA-256 and queued for upload to the province."""

    __tablename__ = "incident_evidence"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    incident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("incident.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # snapshot | file
    original_name: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)
    stored_path: Mapped[str] = mapped_column(Text)
    added_at: Mapped[datetime] = mapped_column(UtcDateTime())
    added_by_name: Mapped[str] = mapped_column(String(100))
    # Art. 29: video and files used as evidence are kept 2 years.
    retention_class: Mapped[RetentionClass] = mapped_column(_enum(RetentionClass), default=RetentionClass.SERIOUS)
    __table_args__ = (UniqueConstraint("incident_id", "sha256"),)


class IncidentAmendment(Base):
    """A correction of a confirmed incident: which fields, before and after, why, and who."""

    __tablename__ = "incident_amendment"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    incident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("incident.id"), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    before_json: Mapped[str] = mapped_column(Text)
    after_json: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    by_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    by_name: Mapped[str] = mapped_column(String(100))
    __table_args__ = (UniqueConstraint("incident_id", "revision"),)
