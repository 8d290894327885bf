"""The province's check of a venue's audit trail (issue 13; docs/sync.md, "The audit trail").

Given the audit events a venue sent, the other records it sent, the head it claims and what the
server accepted before, say whether the trail holds:

- the head carries a valid signature by the venue's checkpoint key (pinned at first use);
- the events re-chain from the genesis to the head, with one event per seq;
- the head extends the highest head accepted before (the anchor): a shortened or rewritten trail
  is found even when the venue's own tables were rewritten consistently;
- every record has its "outbox.queued" event and every such event up to the head has its record,
  with the payload whose SHA-256 the event names: a record deleted, edited or slipped in is found.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from app.security.checkpoint_key import verify_signature
from app.services.audit import GENESIS, event_hash
from sync.protocol import AuditHead

QUEUED_ACTION = "outbox.queued"


@dataclass(frozen=True)
class Anchor:
    seq: int
    hash: str
    public_key: str


@dataclass(frozen=True)
class TiedRecord:
    key: str
    audit_seq: int | None
    audit_hash: str | None
    payload_json: str


@dataclass(frozen=True)
class Finding:
    verified: bool
    events: int
    problem: str = ""


def _digest(payload_json: str) -> str:
    text = json.dumps(json.loads(payload_json), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_signature(head: AuditHead, anchor: Anchor | None) -> str:
    if head.seq == 0 and head.hash == GENESIS:
        return ""
    if not head.signature or not head.public_key:
        return f"the head (event {head.seq}) is not signed by the venue's checkpoint key"
    if anchor is not None and anchor.public_key and anchor.public_key != head.public_key:
        return "the head is signed with a different key than the venue used before"
    if not verify_signature(head.public_key, head.seq, head.hash, head.signature):
        return f"the signature on the head (event {head.seq}) is not valid"
    return ""


def check(events: Iterable[dict[str, Any]], records: Iterable[TiedRecord], head: AuditHead,
          anchor: Anchor | None) -> Finding:
    problem = check_signature(head, anchor)
    if problem:
        return Finding(False, 0, problem)
    if anchor is not None and head.seq < anchor.seq:
        return Finding(False, 0, f"the head (event {head.seq}) is behind event {anchor.seq}, accepted before: "
                                 "events were removed from the venue's trail")
    by_seq: dict[int, dict[str, Any]] = {}
    for e in events:
        seq = int(e.get("seq", 0))
        if seq in by_seq and by_seq[seq].get("hash") != e.get("hash"):
            return Finding(False, 0, f"two different events carry seq {seq}: the venue's trail was rewritten")
        by_seq[seq] = e
    prev, count = GENESIS, 0
    queued: dict[str, tuple[int, str, str]] = {}  # record key → (event seq, event hash, payload sha256)
    for seq in sorted(s for s in by_seq if s <= head.seq):
        e = by_seq[seq]
        count += 1
        if e.get("prev_hash") != prev:
            return Finding(False, count, f"event {seq} does not follow the event before it (missing or altered)")
        fields = e.get("fields") or {}
        if event_hash(prev, fields) != e.get("hash"):
            return Finding(False, count, f"event {seq} does not match its hash")
        prev = str(e["hash"])
        if anchor is not None and seq == anchor.seq and prev != anchor.hash:
            return Finding(False, count, f"event {seq} is not the event accepted before: the venue's trail "
                                         "was rewritten")
        if fields.get("action") == QUEUED_ACTION:
            after = json.loads(fields.get("after") or "{}")
            queued[str(after.get("key"))] = (seq, prev, str(after.get("payload_sha256")))
    if head.seq and (head.seq not in by_seq or prev != head.hash):
        return Finding(False, count, f"the head (event {head.seq}) is not the end of the events received")
    return _check_ties(queued, records, head.seq, count)


def _check_ties(queued: dict[str, tuple[int, str, str]], records: Iterable[TiedRecord], head_seq: int,
                count: int) -> Finding:
    held: set[str] = set()
    for r in records:
        held.add(r.key)
        if r.audit_seq is None or r.audit_hash is None:
            return Finding(False, count, f"record {r.key} has no audit event: it did not come from the venue's trail")
        if r.audit_seq > head_seq:
            continue  # created after this head; checked with the next one
        tie = queued.get(r.key)
        if tie is None or tie[0] != r.audit_seq or tie[1] != r.audit_hash:
            return Finding(False, count, f"record {r.key} names audit event {r.audit_seq}, which did not queue it")
        if _digest(r.payload_json) != tie[2]:
            return Finding(False, count, f"record {r.key} is not the record its audit event {r.audit_seq} "
                                         "queued: it was edited")
    for key, (seq, _hash, _sha) in sorted(queued.items(), key=lambda kv: kv[1][0]):
        if key not in held:
            return Finding(False, count, f"record {key}, queued by audit event {seq}, has not arrived: it was "
                                         "removed from the outbox or not sent")
    return Finding(True, count)
