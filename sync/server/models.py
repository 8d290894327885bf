"""The provincial server's own database (not the venue's migrations): venues and what they sent."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.db.types import UtcDateTime, utcnow


class ServerBase(DeclarativeBase):
    pass


class VenueAccount(ServerBase):
    __tablename__ = "venue_account"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    verifier: Mapped[str] = mapped_column(String(64))
    export_key_hex: Mapped[str] = mapped_column(String(64))
    audit_head_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)
    audit_head_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    audit_verified: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    audit_problem: Mapped[str] = mapped_column(Text, default="")
    # The highest head this server accepted (seq, hash) and the venue's checkpoint key, pinned at
    # first use: a later head that does not extend the anchor is flagged (issue 13).
    anchor_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)
    anchor_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    audit_public_key: Mapped[str] = mapped_column(String(64), default="")


class ReceivedRecord(ServerBase):
    __tablename__ = "received_record"
    __table_args__ = (UniqueConstraint("venue_code", "key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    venue_code: Mapped[str] = mapped_column(String(32), index=True)
    key: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(32), index=True)
    record_id: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)
    payload_json: Mapped[str] = mapped_column(Text)
    via: Mapped[str] = mapped_column(String(16))  # "https" or "usb"
    audit_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)  # the event that queued it
    audit_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


class ReceivedBatch(ServerBase):
    __tablename__ = "received_batch"
    __table_args__ = (UniqueConstraint("venue_code", "batch_key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    venue_code: Mapped[str] = mapped_column(String(32))
    batch_key: Mapped[str] = mapped_column(String(100))
    answer_json: Mapped[str] = mapped_column(Text)
    times_received: Mapped[int] = mapped_column(Integer, default=1)


class ReceivedFile(ServerBase):
    __tablename__ = "received_file"
    __table_args__ = (UniqueConstraint("venue_code", "sha256"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    venue_code: Mapped[str] = mapped_column(String(32))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)
    offset: Mapped[int] = mapped_column(BigInteger, default=0)
    complete: Mapped[bool] = mapped_column(Boolean, default=False)


class PublishedPackage(ServerBase):
    __tablename__ = "published_package"
    __table_args__ = (UniqueConstraint("venue_code", "revision"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    venue_code: Mapped[str] = mapped_column(String(32), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)
    path: Mapped[str] = mapped_column(Text)


class UsbImport(ServerBase):
    __tablename__ = "usb_import"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    venue_code: Mapped[str] = mapped_column(String(32))
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    imported_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
