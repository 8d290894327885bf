"""The venue's tables (SQLAlchemy 2, typed). Primary keys are UUIDs: records are made on
several desks and merged at the provincial server. Later features add tables by migration."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    Boolean,
    Enum,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from app.db.types import UtcDateTime
from app.domain import (
    CustodyKind,
    DocumentType,
    EmployerType,
    Gender,
    RetentionClass,
    Role,
    RoomKind,
    SittingMode,
)
from app.rules.timing import Schedule

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _enum(cls: type) -> Enum:
    # Stored as the value strings, not a native type: identical on SQLite and PostgreSQL,
    # and adding a member needs no ALTER TYPE.
    return Enum(cls, native_enum=False, length=32, values_callable=lambda e: [m.value for m in e])


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def new_id() -> uuid.UUID:
    return uuid.uuid4()


class Exam(Base):
    """考试: one exam (e.g. 经济专业技术资格 初级) as the provincial package describes it."""

    __tablename__ = "exam"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    ticket_pattern: Mapped[str] = mapped_column(String(200), default=r"^\d{10,20}$")


class Venue(Base):
    """考点."""

    __tablename__ = "venue"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    district: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(String(400), default="")


class ImportedPackage(Base):
    """Each exam package applied to this database, newest revision last."""

    __tablename__ = "imported_package"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    exam_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("exam.id"))
    venue_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("venue.id"))
    revision: Mapped[int] = mapped_column(Integer)
    manifest_sha256: Mapped[str] = mapped_column(String(64))
    signer_key_id: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    imported_at: Mapped[datetime] = mapped_column(UtcDateTime())  # the venue clock's time of the import
    __table_args__ = (UniqueConstraint("exam_id", "venue_id", "revision"),)


class Sitting(Base):
    """场次: one timed session of one subject."""

    __tablename__ = "sitting"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    exam_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("exam.id"))
    code: Mapped[str] = mapped_column(String(64))
    subject: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime())
    ends_at: Mapped[datetime] = mapped_column(UtcDateTime())
    mode: Mapped[SittingMode] = mapped_column(_enum(SittingMode))
    # Computer-based sittings may end sealing 15 minutes before the end (art. 30(三)).
    early_seal_release: Mapped[bool] = mapped_column(Boolean, default=False)
    __table_args__ = (UniqueConstraint("exam_id", "code"),)

    @property
    def schedule(self) -> Schedule:
        """What the timing rules of art. 30 read (entry cutoff, sealing)."""
        return Schedule(self.starts_at, self.ends_at, self.mode, self.early_seal_release)


class Room(Base):
    """考场."""

    __tablename__ = "room"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    venue_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("venue.id"))
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[RoomKind] = mapped_column(_enum(RoomKind))
    capacity: Mapped[int] = mapped_column(Integer)
    seats: Mapped[list[Seat]] = relationship(back_populates="room", order_by="Seat.number")
    __table_args__ = (UniqueConstraint("venue_id", "code"),)


class Seat(Base):
    __tablename__ = "seat"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    room_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("room.id"))
    number: Mapped[int] = mapped_column(Integer)
    room: Mapped[Room] = relationship(back_populates="seats")
    __table_args__ = (UniqueConstraint("room_id", "number"),)


class Candidate(Base):
    """应试人员. The document number and photo are encrypted at rest; the number is found
    through a keyed hash (`document_number_hash`), never by decrypting every row."""

    __tablename__ = "candidate"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    exam_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("exam.id"))
    ticket_number: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(100), index=True)
    gender: Mapped[Gender] = mapped_column(_enum(Gender))
    document_type: Mapped[DocumentType] = mapped_column(_enum(DocumentType))
    document_number_enc: Mapped[bytes] = mapped_column(LargeBinary)
    document_number_hash: Mapped[str] = mapped_column(String(64), index=True)
    document_number_masked: Mapped[str] = mapped_column(String(40))
    phone_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    photo_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    # Set when a newer package no longer lists the candidate: kept, because check-ins refer to it.
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False)
    __table_args__ = (UniqueConstraint("exam_id", "ticket_number"),)


class SeatAssignment(Base):
    """Candidate × sitting → room and seat, exactly as the province drew it (art. 20(一): no manual edits)."""

    __tablename__ = "seat_assignment"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    candidate_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("candidate.id"))
    sitting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sitting.id"))
    room_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("room.id"))
    seat_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("seat.id"))
    __table_args__ = (
        UniqueConstraint("candidate_id", "sitting_id"),
        UniqueConstraint("sitting_id", "seat_id"),
    )


class Staff(Base):
    """考务人员. The credential is stored only as a salted scrypt hash."""

    __tablename__ = "staff"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    venue_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("venue.id"))
    staff_number: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[Role] = mapped_column(_enum(Role))
    employer: Mapped[str] = mapped_column(String(200), default="")
    employer_type: Mapped[EmployerType] = mapped_column(_enum(EmployerType))
    computer_skills: Mapped[bool] = mapped_column(Boolean, default=False)
    trained: Mapped[bool] = mapped_column(Boolean, default=False)
    credential_hash: Mapped[str] = mapped_column(String(256))
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Raised whenever a staff member's sessions must end at once (deactivated, credential reset
    # by someone else); a session remembers the value it was issued under (art. 51).
    session_epoch: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Set when someone else set this credential: until the staff member sets their own, they
    # cannot confirm or cosign (art. 42: the one who reset it knows it).
    credential_reset: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class StaffRelation(Base):
    """A declared relation between a staff member and a candidate (art. 49): the staff member steps aside."""

    __tablename__ = "staff_relation"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    staff_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("staff.id"))
    candidate_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("candidate.id"))
    relation: Mapped[str] = mapped_column(String(100))
    __table_args__ = (UniqueConstraint("staff_id", "candidate_id"),)


class CustodyItem(Base):
    """A package or disc the venue expects to receive and account for (art. 22–24)."""

    __tablename__ = "custody_item"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    exam_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("exam.id"))
    sitting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sitting.id"))
    room_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("room.id"), nullable=True)
    kind: Mapped[CustodyKind] = mapped_column(_enum(CustodyKind))
    barcode: Mapped[str] = mapped_column(String(64), unique=True)
    seal_number: Mapped[str] = mapped_column(String(64))
    expected_count: Mapped[int] = mapped_column(Integer)


class AuditEvent(Base):
    """The append-only, hash-chained audit trail (art. 42, 43). The database refuses UPDATE and
    DELETE on this table (triggers in the first migration), and REPLACE (migration 0007). `seq`
    orders the chain."""

    __tablename__ = "audit_event"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[uuid.UUID] = mapped_column(unique=True, default=new_id)
    at_utc: Mapped[datetime] = mapped_column(UtcDateTime())
    venue_time: Mapped[str] = mapped_column(String(40))
    desk: Mapped[str] = mapped_column(String(64))
    actor_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    actor_name: Mapped[str] = mapped_column(String(100))
    cosigner_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    cosigner_name: Mapped[str | None] = mapped_column(String(100), nullable=True)
    action: Mapped[str] = mapped_column(String(64))
    entity_type: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str] = mapped_column(String(64))
    before_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    after_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    retention_class: Mapped[RetentionClass] = mapped_column(_enum(RetentionClass))
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class AuditCheckpoint(Base):
    """A signed statement "the audit trail had `hash` at event `seq`" (art. 43), written at least
    every 1,000 events and at every sync and export. The signature (Ed25519, a key derived from the
    venue's data keys, so kept in the keyring and never in this database) anchors the trail outside
    its own table: a rewrite or truncation of events up to a checkpoint is found by `audit verify`.
    Append-only like the events (triggers in migration 0006)."""

    __tablename__ = "audit_checkpoint"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    hash: Mapped[str] = mapped_column(String(64))
    at_utc: Mapped[datetime] = mapped_column(UtcDateTime())
    reason: Mapped[str] = mapped_column(String(32))
    signature: Mapped[str] = mapped_column(String(128))


class KeyValue(Base):
    """Small venue-wide facts (e.g. which keyring entry holds this database's data key)."""

    __tablename__ = "venue_setting"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
