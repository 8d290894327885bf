"""Protocol v1 between a venue and the provincial server: the shapes both sides exchange.

The reference server serves these as an OpenAPI document (`/openapi.json`); `docs/sync.md`
explains the rules around them (authentication, idempotency, resuming, clock skew)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

PROTOCOL_VERSION = 1
PREFIX = "/v1"
VENUE_HEADER = "X-Venue"
SERVER_TIME_HEADER = "X-Server-Time"
IDEMPOTENCY_HEADER = "Idempotency-Key"
REVISION_HEADER = "X-Package-Revision"
SHA256_HEADER = "X-Package-Sha256"

# What venues queue (see app.services.outbox.enqueue). The server treats payloads as opaque JSON
# objects, except "audit_event" (re-chained to verify the head) and "evidence_file" (the file
# itself must have arrived before its record is acknowledged).
KINDS = ("admission", "refusal", "absence", "info_change", "incident", "evidence_file", "room_record",
         "custody_handover", "custody_discrepancy", "duty_gap", "paper_room_evidence", "assignment",
         "audit_event")

AckStatus = Literal["stored", "duplicate", "file_missing", "rejected"]
ACCEPTED: frozenset[str] = frozenset({"stored", "duplicate"})


class Record(BaseModel):
    key: str = Field(description="Idempotency key of the record: kind:record_id:version")
    kind: str
    record_id: str
    version: int = 1
    payload: dict[str, Any]
    audit_seq: int | None = Field(default=None, description="Seq of the outbox.queued audit event that created "
                                  "this record (every kind but audit_event); the server checks the tie both ways")
    audit_hash: str | None = Field(default=None, description="Hash of that audit event")


class Batch(BaseModel):
    batch_key: str = Field(description="Idempotency key of the batch; a resent batch gets its first answer again")
    records: list[Record]


class Ack(BaseModel):
    key: str
    status: AckStatus
    detail: str = ""


class BatchAnswer(BaseModel):
    server_time: str
    batch_key: str
    replayed: bool = Field(description="True when this batch key was received before: the stored answer")
    acks: list[Ack]


class FileState(BaseModel):
    server_time: str
    sha256: str
    offset: int = Field(description="Bytes the server holds; the next chunk starts here")
    size: int | None = None
    complete: bool


class AuditHead(BaseModel):
    seq: int
    hash: str
    signature: str = Field(default="", description="Ed25519 signature (hex) of the venue's checkpoint over "
                           "(seq, hash); see docs/sync.md")
    public_key: str = Field(default="", description="The venue's checkpoint key (hex, raw Ed25519); pinned "
                            "by the server at its first use")


class AuditVerdict(BaseModel):
    server_time: str
    verified: bool
    events: int
    problem: str = ""
    anchor_seq: int | None = Field(default=None, description="The highest head the server has accepted")


class Status(BaseModel):
    server_time: str
    protocol: int = PROTOCOL_VERSION
    venue: str
    records: int
    package_revision: int | None = None
    audit_verified: bool | None = None


class PackageInfo(BaseModel):
    server_time: str
    revision: int
    sha256: str
    size: int


class ErrorAnswer(BaseModel):
    server_time: str
    error: str = Field(description="credential, offset_mismatch, file_hash_mismatch, no_package, bad_request")
    detail: str = ""
    offset: int | None = None
