"""The USB fallback: the venue's results as one file, encrypted and authenticated with the venue's
export key (AES-256-GCM, key derived from the venue's sync credential), which the reference
server imports exactly as if the records had come over the network.

File layout: a magic line, a JSON header line (venue, time, nonce; authenticated, not secret),
then the ciphertext of a zip holding `records.jsonl`, `audit_head.json` and `files/<sha256>`.
Only a holder of the venue's credential (the venue, or the province) can make or read it, and
any change to a byte makes the import refuse it."""

from __future__ import annotations

import hashlib
import io
import json
import os
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy.orm import Session, sessionmaker

from app.errors import VenueError
from app.services import audit
from sync import queue
from sync.protocol import AuditHead, Record

MAGIC = b"VENUE-OPS-RESULTS v1\n"


@dataclass(frozen=True)
class ExportContent:
    venue: str
    created_at: str
    records: list[Record]
    files: dict[str, bytes]
    head: AuditHead


def export_results(sessions: sessionmaker[Session], out: Path, *, venue: str, key: bytes, files_root: Path,
                   actor: audit.Actor, desk: str, now: datetime) -> tuple[int, int]:
    """Write every queued record (sent or not) and its evidence files; (records, files)."""
    with sessions() as s, s.begin():
        head = queue.queue_audit_events(s, now)
    buffer = io.BytesIO()
    records = 0
    files: set[str] = set()
    with sessions() as s, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        lines = []
        for entry in queue.all_entries(s):
            record = queue.as_record(entry)
            lines.append(record.model_dump_json())
            records += 1
            if entry.kind == "evidence_file":
                sha = str(record.payload["sha256"])
                if sha in files:
                    continue
                path = Path(str(record.payload["path"]))
                path = path if path.is_absolute() else files_root / path
                if not path.is_file():
                    raise VenueError("sync.evidence_missing",
                                     "The evidence file {path} is missing on this computer, so it cannot be sent.",
                                     path=str(path))
                zf.write(path, f"files/{sha}", compress_type=zipfile.ZIP_STORED)
                files.add(sha)
        zf.writestr("records.jsonl", "\n".join(lines))
        zf.writestr("audit_head.json", json.dumps(head.as_json()))
    nonce = os.urandom(12)
    header = json.dumps({"venue": venue, "created_at": now.astimezone(UTC).isoformat(timespec="seconds"),
                         "nonce": nonce.hex(), "records": records}).encode() + b"\n"
    sealed = AESGCM(key).encrypt(nonce, buffer.getvalue(), MAGIC + header)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    with tmp.open("wb") as f:
        f.write(MAGIC + header + sealed)
        f.flush()
        os.fsync(f.fileno())
    tmp.replace(out)
    with sessions() as s, s.begin():
        audit.record(s, actor, "sync.exported", "outbox", "usb", desk=desk,
                     after={"file": out.name, "records": records, "files": len(files), "audit_head_seq": head.seq},
                     reason="results exported for the USB fallback", now=now)
    return records, len(files)


MAX_HEADER_BYTES = 4096


def _not_export() -> VenueError:
    return VenueError("sync.usb_not_export", "This file is not a Venue Ops results export.")


def read_header(blob: bytes) -> dict[str, Any]:
    """The authenticated-but-public header line: a JSON object naming the venue, time and nonce."""
    end = blob.find(b"\n", len(MAGIC), len(MAGIC) + MAX_HEADER_BYTES)
    if not blob.startswith(MAGIC) or end < 0:
        raise _not_export()
    try:
        header = json.loads(blob[len(MAGIC):end + 1])
    except (ValueError, RecursionError) as exc:  # not JSON, not UTF-8, nested too deep
        raise _not_export() from exc
    if not isinstance(header, dict) or not all(isinstance(header.get(k), str) for k in ("venue", "nonce")):
        raise _not_export()
    return header


def _damaged(venue: str) -> VenueError:
    return VenueError("sync.usb_damaged",
                      "The results file for venue {venue} is authentic but its content is not a results export "
                      "this server can read; nothing was imported.", venue=venue)


def open_export(blob: bytes, key: bytes) -> ExportContent:
    header = read_header(blob)
    venue = str(header["venue"])
    line_end = blob.index(b"\n", len(MAGIC)) + 1
    try:
        plain = AESGCM(key).decrypt(bytes.fromhex(header["nonce"]), blob[line_end:], blob[:line_end])
    except (InvalidTag, ValueError, KeyError) as exc:
        raise VenueError("sync.usb_bad_signature",
                         "The results file for venue {venue} was altered or not made with this venue's "
                         "credential; nothing was imported.", venue=venue) from exc
    try:
        content = _read_content(plain, venue, str(header.get("created_at", "")))
    except VenueError:
        raise
    except Exception as exc:  # authentic but unreadable: a writer's bug, never a crash here
        raise _damaged(venue) from exc
    return content


def _read_content(plain: bytes, venue: str, created_at: str) -> ExportContent:
    with zipfile.ZipFile(io.BytesIO(plain)) as zf:
        text = zf.read("records.jsonl").decode()
        records = [Record.model_validate_json(line) for line in text.splitlines() if line.strip()]
        head = AuditHead.model_validate_json(zf.read("audit_head.json"))
        files = {name.removeprefix("files/"): zf.read(name) for name in zf.namelist() if name.startswith("files/")}
    for sha, body in files.items():
        if hashlib.sha256(body).hexdigest() != sha:
            raise VenueError("sync.usb_bad_signature",
                             "The results file for venue {venue} was altered or not made with this venue's "
                             "credential; nothing was imported.", venue=venue)
    return ExportContent(venue, created_at, records, files, head)
