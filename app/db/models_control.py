"""Exam-day control (issue 5): per room and sitting, the pre-exam checklist (art. 20(三)), the
room's steps, candidates' hand-in and leaving (art. 30(三)), the random invigilator draw
(art. 19, 49) and the room record's signatures."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models import Base, _enum, new_id
from app.db.types import UtcDateTime
from app.domain import RetentionClass


class RoomSitting(Base):
    """One room in one sitting: its checklist and the steps staff take (the rest of the phase
    follows from the schedule)."""

    __tablename__ = "room_sitting"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    sitting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sitting.id"))
    room_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("room.id"))
    # Art. 20(三): inspected, monitoring works, (computer-based) seal-tested.
    room_inspected: Mapped[bool] = mapped_column(Boolean, default=False)
    monitoring_works: Mapped[bool] = mapped_column(Boolean, default=False)
    seal_tested: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    checklist_note: Mapped[str] = mapped_column(Text, default="")
    checklist_signed_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    checklist_signed_by: Mapped[str | None] = mapped_column(String(100), nullable=True)
    opened_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    opened_by: Mapped[str | None] = mapped_column(String(100), nullable=True)
    collected_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    collected_by: Mapped[str | None] = mapped_column(String(100), nullable=True)
    record_signed_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    retention_class: Mapped[RetentionClass] = mapped_column(_enum(RetentionClass), default=RetentionClass.ROOM_RECORD)
    __table_args__ = (UniqueConstraint("sitting_id", "room_id"),)


class CandidateExit(Base):
    """A candidate handing in (交卷) or leaving; an emergency exit while sealed points at its incident."""

    __tablename__ = "candidate_exit"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    sitting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sitting.id"))
    room_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("room.id"))
    candidate_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("candidate.id"))
    kind: Mapped[str] = mapped_column(String(16))  # hand_in | emergency
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    staff_name: Mapped[str] = mapped_column(String(100))
    incident_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("incident.id"), nullable=True)
    retention_class: Mapped[RetentionClass] = mapped_column(_enum(RetentionClass), default=RetentionClass.ROOM_RECORD)
    __table_args__ = (UniqueConstraint("candidate_id", "sitting_id"),)


class InvigilatorDraw(Base):
    """A random draw of invigilators for a sitting: its seed and canonical inputs, so anyone can
    re-run it; confirmed by two people; a redraw supersedes it with a reason."""

    __tablename__ = "invigilator_draw"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    sitting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sitting.id"), index=True)
    seed: Mapped[str] = mapped_column(String(24))  # a 64-bit integer, as text (portable)
    inputs_json: Mapped[str] = mapped_column(Text)
    inputs_sha256: Mapped[str] = mapped_column(String(64))
    result_json: Mapped[str] = mapped_column(Text)
    drawn_at: Mapped[datetime] = mapped_column(UtcDateTime())
    drawn_by: Mapped[str] = mapped_column(String(100))
    confirmed_by: Mapped[str] = mapped_column(String(100))
    reason: Mapped[str] = mapped_column(Text, default="")
    superseded_by_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    retention_class: Mapped[RetentionClass] = mapped_column(_enum(RetentionClass), default=RetentionClass.ROOM_RECORD)


class InvigilatorAssignment(Base):
    __tablename__ = "invigilator_assignment"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    draw_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("invigilator_draw.id"), index=True)
    room_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("room.id"))
    staff_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("staff.id"))
    position: Mapped[int] = mapped_column(Integer)
    __table_args__ = (UniqueConstraint("draw_id", "staff_id"),)


class RoomRecordSignature(Base):
    """A signature on the room record (考场情况记录): the room's invigilators and the chief's office."""

    __tablename__ = "room_record_signature"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    sitting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sitting.id"))
    room_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("room.id"))
    staff_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("staff.id"))
    staff_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    __table_args__ = (UniqueConstraint("sitting_id", "room_id", "staff_id"),)
