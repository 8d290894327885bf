"""Custody of papers (arts. 22–25) and the secure paper room (art. 22(五)).

A handover (交接) is recorded once, with its lines (one per package expected or scanned) and the
staff who confirmed each side with their own credential. Where an item is now is not stored: it is
read from the chain of handovers, so the chain and the location can never disagree.

The paper room keeps its duty log (值守记录), the gaps when fewer than two were on duty while papers
were in the room, the index of recorded video segments with their SHA-256, the time ranges marked
as evidence, and the camera events (motion, tamper) with their snapshots."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models import Base, _enum, new_id
from app.db.types import UtcDateTime
from app.domain import RetentionClass


class CustodyHandover(Base):
    """One handover between two places ("secure_room", "exam_office", "escort", "room:<code>")."""

    __tablename__ = "custody_handover"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[uuid.UUID] = mapped_column(unique=True, default=new_id)
    sitting_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("sitting.id"), nullable=True)
    from_place: Mapped[str] = mapped_column(String(40))
    to_place: Mapped[str] = mapped_column(String(40))
    at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    desk: Mapped[str] = mapped_column(String(64))
    recorded_by_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    recorded_by_name: Mapped[str] = mapped_column(String(100))
    # "complete" or "with_discrepancy": a discrepancy never blocks recording (art. 22(四)).
    status: Mapped[str] = mapped_column(String(20))
    discrepancy_json: Mapped[str] = mapped_column(Text, default="[]")
    incident_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("incident.id"), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    retention_class: Mapped[RetentionClass] = mapped_column(_enum(RetentionClass), default=RetentionClass.ROOM_RECORD)


class CustodyHandoverLine(Base):
    """One package in a handover: expected and/or scanned, with its count and seal check."""

    __tablename__ = "custody_handover_line"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    handover_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("custody_handover.id"), index=True)
    # None for a barcode that matches no item of the exam package.
    item_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("custody_item.id"), nullable=True, index=True)
    barcode: Mapped[str] = mapped_column(String(64))
    expected: Mapped[bool] = mapped_column(Boolean)
    present: Mapped[bool] = mapped_column(Boolean)
    counted: Mapped[int | None] = mapped_column(Integer, nullable=True)
    seal_intact: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    seal_number_seen: Mapped[str] = mapped_column(String(64), default="")
    problems: Mapped[str] = mapped_column(String(200), default="")  # comma-separated LineProblem values
    __table_args__ = (UniqueConstraint("handover_id", "barcode"),)


class CustodySigner(Base):
    """A staff member who confirmed one side of a handover with their own credential."""

    __tablename__ = "custody_signer"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    handover_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("custody_handover.id"), index=True)
    side: Mapped[str] = mapped_column(String(10))  # giving | receiving
    staff_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("staff.id"))
    staff_number: Mapped[str] = mapped_column(String(32))
    staff_name: Mapped[str] = mapped_column(String(100))
    confirmed_at: Mapped[datetime] = mapped_column(UtcDateTime())
    __table_args__ = (UniqueConstraint("handover_id", "staff_id"),)


class CustodyReconciliation(Base):
    """The end-of-day account of every item (art. 23): what was received and where it is now."""

    __tablename__ = "custody_reconciliation"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    desk: Mapped[str] = mapped_column(String(64))
    staff_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    staff_name: Mapped[str] = mapped_column(String(100))
    received: Mapped[int] = mapped_column(Integer)
    accounted: Mapped[int] = mapped_column(Integer)
    complete: Mapped[bool] = mapped_column(Boolean)
    detail_json: Mapped[str] = mapped_column(Text)
    retention_class: Mapped[RetentionClass] = mapped_column(_enum(RetentionClass), default=RetentionClass.ROOM_RECORD)


class DutyShift(Base):
    """A staff member on duty in the secure paper room, from sign-on to sign-off."""

    __tablename__ = "paper_room_duty"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    staff_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("staff.id"), index=True)
    staff_name: Mapped[str] = mapped_column(String(100))
    on_at: Mapped[datetime] = mapped_column(UtcDateTime())
    off_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    desk: Mapped[str] = mapped_column(String(64))
    retention_class: Mapped[RetentionClass] = mapped_column(_enum(RetentionClass), default=RetentionClass.ROOM_RECORD)


class DutyGap(Base):
    """A time when papers were in the room and fewer than two staff were on duty (art. 22(五))."""

    __tablename__ = "paper_room_duty_gap"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    on_duty: Mapped[int] = mapped_column(Integer)  # the fewest on duty during the gap
    items_in_room: Mapped[int] = mapped_column(Integer)
    retention_class: Mapped[RetentionClass] = mapped_column(_enum(RetentionClass), default=RetentionClass.ROOM_RECORD)


class VideoSegment(Base):
    """One closed recording segment of a paper-room camera, with its hash (art. 22(五): ≥ 90 days)."""

    __tablename__ = "paper_room_segment"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    camera: Mapped[str] = mapped_column(String(64), index=True)
    path: Mapped[str] = mapped_column(String(500), unique=True)
    start_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    end_at: Mapped[datetime] = mapped_column(UtcDateTime())
    frames: Mapped[int] = mapped_column(Integer)
    bytes: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    retention_class: Mapped[RetentionClass] = mapped_column(
        _enum(RetentionClass), default=RetentionClass.PAPER_ROOM_VIDEO
    )
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)


class EvidenceRange(Base):
    """A time range of paper-room video kept as evidence (2-year class, art. 29)."""

    __tablename__ = "paper_room_evidence"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    camera: Mapped[str | None] = mapped_column(String(64), nullable=True)  # None: every camera
    start_at: Mapped[datetime] = mapped_column(UtcDateTime())
    end_at: Mapped[datetime] = mapped_column(UtcDateTime())
    reason: Mapped[str] = mapped_column(Text)
    marked_at: Mapped[datetime] = mapped_column(UtcDateTime())
    staff_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    staff_name: Mapped[str] = mapped_column(String(100))
    retention_class: Mapped[RetentionClass] = mapped_column(_enum(RetentionClass), default=RetentionClass.SERIOUS)


class CameraEvent(Base):
    """Motion outside a handover window, or tamper (covered, defocused, moved, signal lost)."""

    __tablename__ = "paper_room_event"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[uuid.UUID] = mapped_column(unique=True, default=new_id)
    camera: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(24))  # motion | covered | defocused | moved | signal_lost | recovered
    at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    detail: Mapped[str] = mapped_column(Text, default="")
    snapshot_path: Mapped[str] = mapped_column(String(500), default="")
    alert: Mapped[bool] = mapped_column(Boolean)
    retention_class: Mapped[RetentionClass] = mapped_column(_enum(RetentionClass), default=RetentionClass.ROOM_RECORD)
