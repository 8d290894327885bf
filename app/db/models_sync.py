"""The outbox: one row per record the venue must send to the provincial server (issue 7).

A service writes the row in the same transaction as the record it describes, so nothing
can be recorded but not queued. The sync client reads, sends, and marks rows acknowledged."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models import Base, new_id
from app.db.types import UtcDateTime


class OutboxEntry(Base):
    __tablename__ = "outbox"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[uuid.UUID] = mapped_column(unique=True, default=new_id)
    kind: Mapped[str] = mapped_column(String(32), index=True)  # admission, refusal, absence, incident, …
    record_id: Mapped[str] = mapped_column(String(64))
    # Stable per record: the server deduplicates on it, so a resend can never double a record.
    idempotency_key: Mapped[str] = mapped_column(String(120), unique=True)
    payload_json: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())  # the queuer's now (app.services.outbox)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    acked_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True, index=True)
    # The audit event that created this row ("outbox.queued", naming its key and payload digest):
    # the province checks both ways, so a deleted or edited row shows (issue 13).
    audit_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)
    audit_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
