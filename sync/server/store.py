"""What the reference server keeps and how: venues, records deduplicated by idempotency key, batch
answers (a resent batch gets its first answer again), evidence files, packages, USB imports.

Used by the HTTP app and by the USB import alike, so both paths store a record exactly once."""

from __future__ import annotations

import hashlib
import json
import shutil
import threading
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from app.db.engine import make_engine
from app.services.audit import GENESIS
from sync import credential as cred
from sync.protocol import Ack, AuditHead, AuditVerdict, Batch, BatchAnswer, Record
from sync.server import audit_check
from sync.server.audit_check import Anchor, TiedRecord
from sync.server.models import (
    PublishedPackage,
    ReceivedBatch,
    ReceivedFile,
    ReceivedRecord,
    ServerBase,
    UsbImport,
    VenueAccount,
)


def now_text() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class ServerError(Exception):
    """A refusal the HTTP layer turns into an ErrorAnswer."""

    def __init__(self, status: int, error: str, detail: str = "", offset: int | None = None) -> None:
        super().__init__(detail or error)
        self.status, self.error, self.detail, self.offset = status, error, detail, offset


@dataclass(frozen=True)
class PackageFile:
    revision: int
    sha256: str
    size: int
    path: Path


class ServerStore:
    def __init__(self, db_url: str, data_dir: Path) -> None:
        self.engine = make_engine(db_url)
        ServerBase.metadata.create_all(self.engine)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.data_dir = data_dir
        self._file_locks: dict[tuple[str, str], threading.Lock] = {}
        self._locks_guard = threading.Lock()

    def close(self) -> None:
        self.engine.dispose()

    # -- venues ----------------------------------------------------------------------------------

    def add_venue(self, code: str, credential: str) -> None:
        with self.sessions() as s, s.begin():
            s.merge(VenueAccount(code=code, verifier=cred.verifier(credential),
                                 export_key_hex=cred.export_key(credential).hex(), audit_problem=""))

    def authenticate(self, code: str, credential: str) -> bool:
        with self.sessions() as s:
            venue = s.get(VenueAccount, code)
        return venue is not None and venue.verifier == cred.verifier(credential)

    def export_key(self, code: str) -> bytes | None:
        with self.sessions() as s:
            venue = s.get(VenueAccount, code)
        return bytes.fromhex(venue.export_key_hex) if venue else None

    def venues(self) -> list[str]:
        with self.sessions() as s:
            return list(s.scalars(select(VenueAccount.code).order_by(VenueAccount.code)))

    # -- records ---------------------------------------------------------------------------------

    def receive_batch(self, venue: str, batch: Batch) -> BatchAnswer:
        for _attempt in range(3):
            try:
                return self._receive_batch(venue, batch)
            except IntegrityError:
                continue  # the same batch or record arrived concurrently: the next try replays it
        raise ServerError(409, "busy", "the same batch is being received concurrently")

    def _receive_batch(self, venue: str, batch: Batch) -> BatchAnswer:
        with self.sessions() as s, s.begin():
            seen = s.scalars(select(ReceivedBatch).where(ReceivedBatch.venue_code == venue,
                                                         ReceivedBatch.batch_key == batch.batch_key)).first()
            if seen is not None:
                seen.times_received += 1
                answer = BatchAnswer.model_validate_json(seen.answer_json)
                return answer.model_copy(update={"replayed": True, "server_time": now_text()})
            acks = self._store_records(s, venue, batch.records, via="https")
            answer = BatchAnswer(server_time=now_text(), batch_key=batch.batch_key, replayed=False, acks=acks)
            s.add(ReceivedBatch(venue_code=venue, batch_key=batch.batch_key, answer_json=answer.model_dump_json()))
            return answer

    def _store_records(self, s: Session, venue: str, records: Iterable[Record], via: str) -> list[Ack]:
        records = list(records)
        keys = [r.key for r in records]
        existing: set[str] = set()
        for i in range(0, len(keys), 500):
            existing.update(s.scalars(select(ReceivedRecord.key).where(
                ReceivedRecord.venue_code == venue, ReceivedRecord.key.in_(keys[i:i + 500]))))
        files = self._complete_files(s, venue, records)
        acks = []
        rows: list[dict[str, Any]] = []
        now = datetime.now(UTC)
        for r in records:
            if r.key in existing:
                acks.append(Ack(key=r.key, status="duplicate"))
                continue
            if r.kind == "evidence_file" and str(r.payload.get("sha256")) not in files:
                acks.append(Ack(key=r.key, status="file_missing", detail="upload the file first"))
                continue
            if r.key != f"{r.kind}:{r.record_id}:{r.version}":
                acks.append(Ack(key=r.key, status="rejected", detail="key is not kind:record_id:version"))
                continue
            rows.append({"venue_code": venue, "key": r.key, "kind": r.kind, "record_id": r.record_id,
                         "version": r.version, "via": via, "received_at": now,
                         "audit_seq": r.audit_seq, "audit_hash": r.audit_hash,
                         "payload_json": json.dumps(r.payload, ensure_ascii=False, sort_keys=True)})
            existing.add(r.key)
            acks.append(Ack(key=r.key, status="stored"))
        if rows:
            s.execute(insert(ReceivedRecord), rows)
        return acks

    def _complete_files(self, s: Session, venue: str, records: list[Record]) -> set[str]:
        wanted = [str(r.payload.get("sha256")) for r in records if r.kind == "evidence_file"]
        if not wanted:
            return set()
        return set(s.scalars(select(ReceivedFile.sha256).where(
            ReceivedFile.venue_code == venue, ReceivedFile.sha256.in_(wanted), ReceivedFile.complete.is_(True))))

    def records(self, venue: str) -> list[ReceivedRecord]:
        with self.sessions() as s:
            return list(s.scalars(select(ReceivedRecord).where(ReceivedRecord.venue_code == venue)
                                  .order_by(ReceivedRecord.id)))

    def record_count(self, venue: str) -> int:
        with self.sessions() as s:
            return int(s.scalar(select(func.count()).select_from(ReceivedRecord)
                                .where(ReceivedRecord.venue_code == venue)) or 0)

    def batches_resent(self, venue: str) -> int:
        """How many times batches were received again (each resend beyond the first)."""
        with self.sessions() as s:
            return int(s.scalar(select(func.coalesce(func.sum(ReceivedBatch.times_received - 1), 0))
                                .where(ReceivedBatch.venue_code == venue)) or 0)

    # -- evidence files --------------------------------------------------------------------------

    def _dir(self, venue: str) -> Path:
        d = self.data_dir / "files" / venue
        d.mkdir(parents=True, exist_ok=True)
        return d

    def file_path(self, venue: str, sha256: str) -> Path:
        return self._dir(venue) / sha256

    def file_lock(self, venue: str, sha256: str) -> threading.Lock:
        with self._locks_guard:
            return self._file_locks.setdefault((venue, sha256), threading.Lock())

    def file_offset(self, venue: str, sha256: str) -> tuple[int, bool]:
        final = self.file_path(venue, sha256)
        if final.exists():
            return final.stat().st_size, True
        part = final.with_suffix(".part")
        return (part.stat().st_size if part.exists() else 0), False

    def finish_file(self, venue: str, sha256: str, size: int) -> None:
        """Called once the part file holds `size` bytes: check its hash, then make it final."""
        final = self.file_path(venue, sha256)
        part = final.with_suffix(".part")
        h = hashlib.sha256()
        with part.open("rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
        if h.hexdigest() != sha256:
            part.unlink()
            raise ServerError(422, "file_hash_mismatch", "the file's bytes do not match its SHA-256; send it again")
        part.replace(final)
        self._mark_file(venue, sha256, size)

    def _mark_file(self, venue: str, sha256: str, size: int) -> None:
        try:
            with self.sessions() as s, s.begin():
                row = s.scalars(select(ReceivedFile).where(ReceivedFile.venue_code == venue,
                                                           ReceivedFile.sha256 == sha256)).first()
                if row is None:
                    s.add(ReceivedFile(venue_code=venue, sha256=sha256, size=size, offset=size, complete=True))
        except IntegrityError:
            pass  # marked by a concurrent request

    def store_whole_file(self, venue: str, sha256: str, body: bytes) -> None:
        if hashlib.sha256(body).hexdigest() != sha256:
            raise ServerError(422, "file_hash_mismatch", "the file's bytes do not match its SHA-256")
        final = self.file_path(venue, sha256)
        if not final.exists():
            tmp = final.with_suffix(".usb")
            tmp.write_bytes(body)
            tmp.replace(final)
        self._mark_file(venue, sha256, len(body))

    # -- audit head ------------------------------------------------------------------------------

    def verify_audit(self, venue: str, head: AuditHead) -> AuditVerdict:
        """Check the head the venue claims against what it sent and what was accepted before
        (`audit_check`). A verified head becomes the new anchor; a flagged one leaves it."""
        with self.sessions() as s, s.begin():
            account = s.get(VenueAccount, venue)
            anchor = None
            if account is not None and (account.anchor_seq is not None or account.audit_public_key):
                anchor = Anchor(account.anchor_seq or 0, account.anchor_hash or GENESIS, account.audit_public_key)
            events = (json.loads(p) for p in s.scalars(select(ReceivedRecord.payload_json).where(
                ReceivedRecord.venue_code == venue, ReceivedRecord.kind == "audit_event")))
            records = (TiedRecord(k, seq, h, p) for k, seq, h, p in s.execute(
                select(ReceivedRecord.key, ReceivedRecord.audit_seq, ReceivedRecord.audit_hash,
                       ReceivedRecord.payload_json).where(ReceivedRecord.venue_code == venue,
                                                          ReceivedRecord.kind != "audit_event")))
            found = audit_check.check(events, records, head, anchor)
            if account is not None:
                account.audit_head_seq, account.audit_head_hash = head.seq, head.hash
                account.audit_verified, account.audit_problem = found.verified, found.problem
                if found.verified and head.seq >= (account.anchor_seq or 0):
                    account.anchor_seq, account.anchor_hash = head.seq, head.hash
                    if head.public_key:
                        account.audit_public_key = head.public_key
            return AuditVerdict(server_time=now_text(), verified=found.verified, events=found.events,
                                problem=found.problem, anchor_seq=account.anchor_seq if account else None)

    def audit_verified(self, venue: str) -> bool | None:
        with self.sessions() as s:
            account = s.get(VenueAccount, venue)
            return account.audit_verified if account else None

    # -- packages --------------------------------------------------------------------------------

    def publish_package(self, path: Path) -> PackageFile:
        """Serve an exam package to its venue (venue and revision read from its manifest)."""
        with zipfile.ZipFile(path) as zf:
            manifest: dict[str, Any] = json.loads(zf.read("manifest.json"))
        venue, revision = str(manifest["venue"]["code"]), int(manifest["revision"])
        body = path.read_bytes()
        digest = hashlib.sha256(body).hexdigest()
        dest = self.data_dir / "packages" / venue / f"r{revision}-{digest[:12]}.vopkg"
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, dest)
        with self.sessions() as s, s.begin():
            held = s.scalars(select(PublishedPackage).where(PublishedPackage.venue_code == venue,
                                                            PublishedPackage.revision == revision)).first()
            if held is not None and held.sha256 != digest:
                raise ServerError(409, "revision_conflict",
                                  f"revision {revision} for venue {venue} is already published with other content")
            if held is None:
                s.add(PublishedPackage(venue_code=venue, revision=revision, sha256=digest, size=len(body),
                                       path=str(dest)))
        return PackageFile(revision, digest, len(body), dest)

    def package_for(self, venue: str) -> PackageFile | None:
        with self.sessions() as s:
            row = s.scalars(select(PublishedPackage).where(PublishedPackage.venue_code == venue)
                            .order_by(PublishedPackage.revision.desc()).limit(1)).first()
        return PackageFile(row.revision, row.sha256, row.size, Path(row.path)) if row else None

    # -- USB -------------------------------------------------------------------------------------

    def store_usb(self, venue: str, file_sha256: str, records: list[Record], files: dict[str, bytes],
                  head: AuditHead | None) -> tuple[int, int, AuditVerdict | None]:
        """Store an export's content; (records stored, records already held, audit verdict)."""
        for sha, body in files.items():
            self.store_whole_file(venue, sha, body)
        with self.sessions() as s, s.begin():
            acks = self._store_records(s, venue, records, via="usb")
            if not s.scalars(select(UsbImport).where(UsbImport.sha256 == file_sha256)).first():
                s.add(UsbImport(venue_code=venue, sha256=file_sha256))
        stored = sum(1 for a in acks if a.status == "stored")
        verdict = self.verify_audit(venue, head) if head else None
        return stored, len(acks) - stored, verdict
