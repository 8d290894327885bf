"""Incidents (事件/违纪记录): what happened at the venue, recorded as facts (misconduct arts. 16–17).

A check-in desk opens a *draft* (e.g. a document that does not belong to the ticket's
candidate); the chief examiner completes and confirms it. Nothing is edited in place:
corrections are amendments (issue 5 adds them)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models import Base, _enum, new_id
from app.db.types import UtcDateTime, utcnow
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
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    retention_class: Mapped[RetentionClass] = mapped_column(_enum(RetentionClass), default=RetentionClass.ROOM_RECORD)


class IncidentCandidate(Base):
    __tablename__ = "incident_candidate"
    incident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("incident.id"), primary_key=True)
    candidate_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("candidate.id"), primary_key=True)
