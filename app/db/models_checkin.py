"""Check-in (art. 30): every scan with its verdict, the admissions, the absences, and the
information-change requests a desk raises (art. 43).

One admission per candidate per sitting is a database constraint, not a check-then-insert:
two desks racing over one candidate get one admission and one "already admitted"."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models import Base, _enum, new_id
from app.db.types import UtcDateTime
from app.domain import RetentionClass


class Admission(Base):
    """A candidate let into the sitting (入场)."""

    __tablename__ = "admission"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    candidate_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("candidate.id"))
    sitting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sitting.id"))
    room_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("room.id"))
    seat_number: Mapped[int] = mapped_column(Integer)
    admitted_at: Mapped[datetime] = mapped_column(UtcDateTime())
    desk: Mapped[str] = mapped_column(String(64))
    staff_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    staff_name: Mapped[str] = mapped_column(String(100))
    cosigner_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    cosigner_name: Mapped[str | None] = mapped_column(String(100), nullable=True)
    # How identity was established: "card_and_ticket", "card", "ticket", "manual".
    method: Mapped[str] = mapped_column(String(24))
    check_reason: Mapped[str] = mapped_column(Text, default="")
    retention_class: Mapped[RetentionClass] = mapped_column(_enum(RetentionClass), default=RetentionClass.ROOM_RECORD)
    __table_args__ = (UniqueConstraint("candidate_id", "sitting_id"),)


class CheckinScan(Base):
    """One input at a desk and the verdict it got; refusals are records too (they are synced)."""

    __tablename__ = "checkin_scan"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[uuid.UUID] = mapped_column(unique=True, default=new_id)
    at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    desk: Mapped[str] = mapped_column(String(64))
    staff_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    staff_name: Mapped[str] = mapped_column(String(100))
    sitting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sitting.id"), index=True)
    desk_room_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("room.id"), nullable=True)  # None: venue gate
    candidate_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("candidate.id"), nullable=True)
    ticket_number: Mapped[str] = mapped_column(String(64), default="")
    document_masked: Mapped[str] = mapped_column(String(40), default="")
    inputs: Mapped[str] = mapped_column(String(64))  # e.g. "ticket+card", "manual_ticket"
    verdict: Mapped[str] = mapped_column(String(8))  # admit | refuse | check
    reason: Mapped[str] = mapped_column(String(40), default="")  # a stable code, e.g. "entry_closed"
    detail_json: Mapped[str] = mapped_column(Text, default="{}")
    manual_reason: Mapped[str] = mapped_column(Text, default="")
    retention_class: Mapped[RetentionClass] = mapped_column(_enum(RetentionClass), default=RetentionClass.ROOM_RECORD)


class Absence(Base):
    """Marked when entry closes for everyone of the room not admitted (缺考)."""

    __tablename__ = "absence"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    candidate_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("candidate.id"))
    sitting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sitting.id"))
    room_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("room.id"))
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime())
    desk: Mapped[str] = mapped_column(String(64))
    staff_name: Mapped[str] = mapped_column(String(100))
    retention_class: Mapped[RetentionClass] = mapped_column(_enum(RetentionClass), default=RetentionClass.ROOM_RECORD)
    __table_args__ = (UniqueConstraint("candidate_id", "sitting_id"),)


class InfoChangeRequest(Base):
    """A registration detail that looks mistyped, sent to the province to decide (art. 43:
    name and document number never both)."""

    __tablename__ = "info_change_request"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    candidate_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("candidate.id"))
    field: Mapped[str] = mapped_column(String(24))  # "document_number" | "name"
    registered_masked: Mapped[str] = mapped_column(String(100))
    observed_masked: Mapped[str] = mapped_column(String(100))
    observed_enc: Mapped[bytes] = mapped_column(LargeBinary)
    reason: Mapped[str] = mapped_column(Text)
    requested_at: Mapped[datetime] = mapped_column(UtcDateTime())
    desk: Mapped[str] = mapped_column(String(64))
    staff_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    staff_name: Mapped[str] = mapped_column(String(100))
    cosigner_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    cosigner_name: Mapped[str | None] = mapped_column(String(100), nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    retention_class: Mapped[RetentionClass] = mapped_column(_enum(RetentionClass), default=RetentionClass.ELECTRONIC)
