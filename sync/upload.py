"""Uploading the outbox: batches acknowledged record by record, evidence files in chunks that
resume at the server's offset, then the audit head. Safe to stop at any moment: a row is marked
acknowledged only after the server's answer says it holds it, and a resent batch carries the same
idempotency key, so the server neither loses nor doubles anything."""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from pydantic import BaseModel
from sqlalchemy.orm import Session, sessionmaker

from app.db.models_sync import OutboxEntry
from app.errors import VenueError
from app.services import audit
from sync import config, queue
from sync.protocol import ACCEPTED, AuditVerdict, Batch, BatchAnswer, FileState
from sync.transport import Transport, cancelled

log = logging.getLogger(__name__)


class ChunkAnswer(BaseModel):
    """What a chunk upload gets back: a FileState (200) or an ErrorAnswer with the offset (409)."""

    offset: int | None = None
    complete: bool = False


@dataclass(frozen=True)
class Progress:
    records_done: int = 0
    records_total: int = 0
    bytes_done: int = 0
    bytes_total: int = 0


@dataclass(frozen=True)
class UploadReport:
    records_sent: int
    files_sent: int
    bytes_sent: int
    batches: int
    not_accepted: dict[str, str] = field(default_factory=dict)  # record key → why
    audit: AuditVerdict | None = None
    clock_skew_seconds: float | None = None


class Uploader:
    def __init__(self, sessions: sessionmaker[Session], transport: Transport, *, files_root: Path,
                 actor: audit.Actor, desk: str, batch_records: int = 250, chunk_bytes: int = 1 << 20,
                 clock: Callable[[], datetime], progress: Callable[[Progress], None] | None = None,
                 parallel_files: int = 4) -> None:
        self._sessions = sessions
        self._t = transport
        self._files_root = files_root
        self._actor, self._desk = actor, desk
        self._batch_records = batch_records
        self._chunk = chunk_bytes
        self._progress = progress or (lambda _p: None)
        self._clock = clock
        self._state = Progress()
        self._lock = threading.Lock()
        self._parallel_files = parallel_files

    @property
    def cancel(self) -> threading.Event:
        return self._t.cancel

    def run(self) -> UploadReport:
        try:
            report = self._run()
        except VenueError as exc:
            self._note_failure(exc)
            raise
        self._note_success(report)
        return report

    def _run(self) -> UploadReport:
        with self._sessions() as s, s.begin():
            head = queue.queue_audit_events(s, self._clock())
        with self._sessions() as s:
            total = sum(queue.pending_counts(s).values())
            self._state = Progress(0, total, 0, queue.pending_file_bytes(s))
        self._report()
        skip: set[int] = set()
        refused: dict[str, str] = {}
        sent = files = sent_bytes = batches = 0
        while True:
            if self.cancel.is_set():
                raise cancelled()
            with self._sessions() as s:
                entries = queue.next_entries(s, self._batch_records, skip)
            if not entries:
                break
            evidence = [e for e in entries if e.kind == "evidence_file"]
            if evidence:
                # A few files at once: each is a round trip or two, so this hides the latency.
                with ThreadPoolExecutor(max_workers=self._parallel_files, thread_name_prefix="sync-file") as pool:
                    sizes = list(pool.map(self._upload_file_if_present, evidence))
                for entry, size in zip(evidence, sizes, strict=True):
                    if size is None:  # the file is gone from this PC: the rest still goes
                        refused[entry.idempotency_key] = "evidence file missing on this computer"
                        skip.add(entry.seq)
                entries = [e for e in entries if e.seq not in skip]
                files += sum(1 for n in sizes if n is not None)
                sent_bytes += sum(n for n in sizes if n is not None)
                if not entries:
                    continue
            answer = self._send(entries)
            batches += 1
            acked, failed = self._apply(entries, answer)
            for key, detail in failed.items():
                refused[key] = detail
            skip.update(e.seq for e in entries if e.idempotency_key in failed)
            sent += acked
        verdict = None
        if self.cancel.is_set():
            raise cancelled()
        verdict = self._t.answer("POST", "/v1/audit-head", AuditVerdict, json=head.as_json())
        return UploadReport(sent, files, sent_bytes, batches, refused, verdict, self._t.skew_seconds)

    def _send(self, entries: list[OutboxEntry]) -> BatchAnswer:
        records = [queue.as_record(e) for e in entries]
        # The same rows always make the same key, so a batch resent after a cut is recognised.
        key = hashlib.sha256("\n".join([self._t.venue, *(r.key for r in records)]).encode()).hexdigest()
        batch = Batch(batch_key=key, records=records)
        # An answer with more acks than twice the batch is not an answer to it (acks may repeat).
        return self._t.answer("POST", "/v1/batches", BatchAnswer, check=lambda a: len(a.acks) <= 2 * len(records),
                              content=batch.model_dump_json(),
                              headers={"Content-Type": "application/json", "Idempotency-Key": key})

    def _apply(self, entries: list[OutboxEntry], answer: BatchAnswer) -> tuple[int, dict[str, str]]:
        by_key = {e.idempotency_key: e for e in entries}
        accepted: set[int] = set()
        failed: dict[str, str] = {}
        for ack in answer.acks:  # an ack may come twice, or for a key not in this batch: both harmless
            entry = by_key.get(ack.key)
            if entry is None:
                continue
            if ack.status in ACCEPTED:
                accepted.add(entry.seq)
                failed.pop(ack.key, None)
            elif entry.seq not in accepted:
                failed[ack.key] = f"{ack.status}: {ack.detail}"
        missing = [e for e in entries if e.seq not in accepted and e.idempotency_key not in failed]
        for e in missing:
            failed[e.idempotency_key] = "no acknowledgement"
        with self._sessions() as s, s.begin():
            queue.mark_acked(s, accepted, self._clock())
            queue.count_attempt(s, [e.seq for e in entries if e.seq not in accepted])
        with self._lock:
            self._state = replace(self._state, records_done=self._state.records_done + len(accepted))
            self._report()
        for key, why in failed.items():
            log.warning("record %s not accepted by the server: %s", key, why)
        return len(accepted), failed

    def _upload_file_if_present(self, entry: OutboxEntry) -> int | None:
        try:
            return self._upload_file(entry)
        except VenueError as exc:
            if exc.code != "sync.evidence_missing":
                raise
            log.error("%s", exc)
            return None

    def _upload_file(self, entry: OutboxEntry) -> int:
        payload = json.loads(entry.payload_json)
        sha, size = str(payload["sha256"]), int(payload["size"])
        path = Path(str(payload["path"]))
        if not path.is_absolute():
            path = self._files_root / path
        state = self._t.answer("GET", f"/v1/files/{sha}", FileState)
        offset = state.offset
        if state.complete:
            self._bytes(size)
            return 0
        if not path.is_file():
            raise VenueError("sync.evidence_missing",
                             "The evidence file {path} is missing on this computer, so it cannot be sent.",
                             path=str(path))
        start = offset
        with path.open("rb") as f:
            while offset < size:
                if self.cancel.is_set():
                    raise cancelled()
                f.seek(offset)
                chunk = f.read(min(self._chunk, size - offset))
                body = self._t.answer("PUT", f"/v1/files/{sha}", ChunkAnswer, params={"offset": offset, "size": size},
                                      content=chunk, accept=(200, 409), check=lambda a: 0 <= (a.offset or 0) <= size,
                                      headers={"Content-Type": "application/octet-stream"})
                new = body.offset or 0  # 409: the server holds a different amount; resume there
                self._bytes(max(0, new - offset))
                offset = new
                if body.complete:  # a 409 (ErrorAnswer) has no "complete"
                    break
        return size - start

    def _bytes(self, n: int) -> None:
        with self._lock:
            self._state = replace(self._state, bytes_done=self._state.bytes_done + n)
            self._report()

    def _report(self) -> None:
        self._progress(self._state)

    def _note_success(self, report: UploadReport) -> None:
        with self._sessions() as s, s.begin():
            now = self._clock()
            config.put(s, config.LAST_SUCCESS, now.isoformat())
            config.put(s, config.LAST_ERROR, "")
            if report.clock_skew_seconds is not None:
                config.put(s, config.SKEW, f"{report.clock_skew_seconds:.3f}")
            if report.audit is not None:
                config.put(s, config.AUDIT_OK, "1" if report.audit.verified else "0")
            audit.record(s, self._actor, "sync.uploaded", "outbox", "sync", desk=self._desk,
                         after={"records": report.records_sent, "files": report.files_sent,
                                "batches": report.batches, "not_accepted": len(report.not_accepted),
                                "audit_verified": report.audit.verified if report.audit else None},
                         reason="results sent to the provincial server", now=now)

    def _note_failure(self, exc: VenueError) -> None:
        try:
            with self._sessions() as s, s.begin():
                config.put(s, config.LAST_ERROR, exc.code)
                if self._t.skew_seconds is not None:
                    config.put(s, config.SKEW, f"{self._t.skew_seconds:.3f}")
        except Exception:  # the error being reported matters more than this note
            log.exception("could not note the sync failure")
