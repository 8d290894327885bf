"""`audit verify` (art. 43, issue 13): walk the chain from the genesis, check every signed
checkpoint on the way and that the trail still reaches the last one, so an edit, an insertion, a
deletion, a REPLACE, a truncation or a rewrite from the genesis after a checkpoint all show as the
first broken link, named by its seq.

Every event's hash is computed again from its columns (`audit_rows`), never read. A damaged row
(garbage in `at_utc`, `actor_id`, a retention class outside the enum, text that is not UTF-8) is
a broken link too, never a crash; a dropped table is said as such. Fast enough for a long exam
season: see `python -m bench audit`."""

from __future__ import annotations

import hashlib
import sqlite3
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from app.db.engine import READ_ONLY
from app.db.models import AuditCheckpoint
from app.errors import VenueError
from app.security.checkpoint_key import CheckpointSigner
from app.services import audit_anchor
from app.services.audit import GENESIS
from app.services.audit_rows import COLUMNS, POSTGRES_HASHED_TEXT, hash_rows, row_hash

_BATCH = 5000
_MMAP = 1 << 30  # at most this much of the file is mapped (a million events are ~600 MB)
_FROM = " FROM audit_event WHERE seq > ? ORDER BY seq"  # constant names only, here and below
_SQLITE_ROWS = f"SELECT {', '.join(COLUMNS)}{_FROM}"
_POSTGRES_TEXTS = f"SELECT seq, prev_hash, hash, {POSTGRES_HASHED_TEXT} FROM audit_event ORDER BY seq"
_POSTGRES_ROW = f"SELECT {', '.join(COLUMNS)} FROM audit_event WHERE seq = %s"
_FIRST = -(2**63)  # below any seq


@dataclass(frozen=True)
class ChainReport:
    events: int
    broken_at_seq: int | None = None
    problem: str = ""  # English, for logs and --json; `error` is the translatable form
    checkpoints: int = 0
    last_checkpoint_seq: int = 0
    signatures_checked: bool = False
    error: VenueError | None = field(default=None, compare=False)

    @property
    def intact(self) -> bool:
        return self.broken_at_seq is None and self.error is None

    @property
    def code(self) -> str:
        return self.error.code if self.error else ""


def _broken(code: str, english: str, events: int, seq: int, **params: Any) -> ChainReport:
    error = VenueError(code, english, seq=seq, **params)
    return ChainReport(events, seq, error.english_text(), error=error)


def _missing_table(table: str) -> ChainReport:
    error = VenueError("audit.table_missing",
                       "The database has no {table} table: the audit trail was removed. Restore the latest "
                       "backup and report this to the province.", table=table)
    return ChainReport(0, 0, error.english_text(), error=error)


# A batch: raw rows (seq first) and the hash computed for each, or the damage that stopped it.
Batch = tuple[Sequence[Sequence[Any]], Sequence["str | Exception"]]


def _sqlite_walk(session: Session) -> Iterator[Batch]:
    """Raw rows in seq order, in batches, hashed by `hash_rows`. A row the driver cannot even
    decode (text that is not UTF-8) fails its whole batch: from there the rows are read one at a
    time, so the rows before it are still checked and it is named by its seq."""
    dbapi: Any = session.connection().connection.dbapi_connection
    after, size = _FIRST, _BATCH
    dbapi.execute(f"PRAGMA mmap_size={_MMAP}")  # the walk reads the file through memory, not read() calls
    try:
        yield from _sqlite_batches(dbapi, after, size)
    finally:
        dbapi.execute("PRAGMA mmap_size=0")  # the connection goes back to the pool as it came


def _sqlite_batches(dbapi: Any, after: int, size: int) -> Iterator[Batch]:
    while True:
        cursor = dbapi.cursor()
        try:
            cursor.execute(_SQLITE_ROWS, (after,))
            while batch := cursor.fetchmany(size):
                after = batch[-1][0]
                yield batch, hash_rows(batch)
            return
        except sqlite3.Error as exc:
            if size > 1:
                size = 1
                continue
            seq = dbapi.execute("SELECT seq FROM audit_event WHERE seq > ? ORDER BY seq LIMIT 1", (after,)).fetchone()
            if seq is None:
                raise
            yield [(int(seq[0]), *([None] * 17))], [exc]  # named by its seq: nothing else is read
            return
        finally:
            cursor.close()


def _postgres_walk(session: Session) -> Iterator[Batch]:
    """The texts PostgreSQL writes from the columns, hashed here (server-side cursor, in batches);
    a row without one, or whose text does not hash to its stored hash, is read raw for `row_hash`.
    Rows come as (seq, prev_hash, hash, text)."""
    dbapi: Any = session.connection().connection.dbapi_connection
    cursor = dbapi.cursor(name="venue_ops_audit_verify", binary=True)
    cursor.execute(_POSTGRES_TEXTS)
    sha256 = hashlib.sha256
    try:
        while batch := cursor.fetchmany(_BATCH):
            hashes: list[str | Exception] = []
            for seq, _, stored, text in batch:
                computed: str | Exception = "" if text is None else sha256(text).hexdigest()
                hashes.append(computed if computed == stored else _postgres_raw(dbapi, seq))
            yield batch, hashes
    finally:
        cursor.close()


def _postgres_raw(dbapi: Any, seq: int) -> str | Exception:
    try:
        with dbapi.cursor() as raw:
            raw.execute(_POSTGRES_ROW, (seq,))
            return row_hash(raw.fetchone())
    except Exception as exc:  # any damage to a row is a broken link, never a crash
        return exc


def _unreadable_checkpoint(seq: int, detail: str) -> ChainReport:
    return _broken("audit.checkpoint_unreadable",
                   "A signed checkpoint cannot be read ({detail}): the checkpoint table was damaged or altered.",
                   0, seq, detail=detail)


def _checkpoints(session: Session) -> dict[int, tuple[str, str]] | ChainReport:
    """The signed checkpoints by seq, or the report naming the first one that cannot be read (a
    damaged checkpoint row is a broken anchor, never a crash: SQLite keeps whatever was written)."""
    marks: dict[int, tuple[str, str]] = {}
    try:
        rows = session.execute(select(AuditCheckpoint.seq, AuditCheckpoint.hash, AuditCheckpoint.signature)).all()
    except Exception as exc:  # e.g. text that is not UTF-8
        return _unreadable_checkpoint(0, type(exc).__name__)
    for seq, head, signature in rows:
        if seq.__class__ is not int or not isinstance(head, str) or not isinstance(signature, str):
            return _unreadable_checkpoint(seq if seq.__class__ is int else 0, repr(seq)[:40])
        marks[seq] = (head, signature)
    return marks


def _mark_broken(mark: tuple[str, str], stored: str, seq: int, count: int,
                 signer: CheckpointSigner | None) -> ChainReport | None:
    """The report when the signed checkpoint at `seq` does not name this event or is not signed."""
    if mark[0] != stored:
        return _broken("audit.checkpoint_mismatch",
                       "Event {seq} is not the event the signed checkpoint names: the trail was "
                       "rewritten up to here.", count, seq)
    if signer is not None and not signer.verify(seq, mark[0], mark[1]):
        return _broken("audit.checkpoint_unsigned",
                       "The checkpoint at event {seq} does not carry this venue's signature: it "
                       "was forged.", count, seq)
    return None


def verify_trail(session: Session, progress: Callable[[int], None] | None = None) -> ChainReport:
    """The first link that does not hold, or an intact report; `progress(events checked)` after
    each batch (the trail screen's progress). On SQLite the walk is a read transaction (DEFERRED,
    a snapshot under WAL) when this call begins it, so the desks keep writing while a long trail
    is verified."""
    # A read transaction only when this call begins it (a caller's open transaction is kept as it is).
    options = {} if session.in_transaction() else {READ_ONLY: True}
    names = set(inspect(session.connection(execution_options=options)).get_table_names())
    for table in ("audit_event", "audit_checkpoint"):
        if table not in names:
            return _missing_table(table)
    signer = audit_anchor.signer_of(session)
    marks = _checkpoints(session)
    if isinstance(marks, ChainReport):
        return marks
    postgres = session.get_bind().dialect.name == "postgresql"
    walk, prev_at, hash_at = (_postgres_walk, 1, 2) if postgres else (_sqlite_walk, 16, 17)  # in each walk's rows
    prev, count, last_seq = GENESIS, 0, 0
    seen: set[int] = set()
    mark_seqs = sorted(marks)
    for rows, hashes in walk(session):
        if progress is not None and count:
            progress(count)
        stored_all = [row[hash_at] for row in rows]
        if hashes == stored_all and [row[prev_at] for row in rows] == [prev, *stored_all[:-1]]:
            # The usual batch, checked whole: every hash recomputed equals the stored one (so each
            # is text) and each row names the one before it, as the row-by-row loop below asks.
            for seq in mark_seqs[bisect_left(mark_seqs, rows[0][0]):bisect_right(mark_seqs, rows[-1][0])]:
                at = bisect_left(rows, seq, key=itemgetter(0))
                if rows[at][0] != seq:
                    continue  # no such event: a missing checkpoint, named after the walk
                seen.add(seq)
                broken = _mark_broken(marks[seq], stored_all[at], seq, count + at + 1, signer)
                if broken is not None:
                    return broken
            count, last_seq, prev = count + len(rows), rows[-1][0], stored_all[-1]
            continue
        for row, computed in zip(rows, hashes, strict=True):
            seq, prev_stored, stored = row[0], row[prev_at], row[hash_at]
            count += 1
            last_seq = seq
            if computed.__class__ is not str:
                return _broken("audit.row_unreadable",
                               "Event {seq} cannot be read ({detail}): the row was damaged or altered.",
                               count, seq, detail=type(computed).__name__)
            if prev_stored != prev:
                return _broken("audit.prev_mismatch",
                               "Event {seq} does not follow the event before it: an event was removed, "
                               "inserted or replaced here.", count, seq)
            if computed != stored:
                return _broken("audit.content_mismatch",
                               "Event {seq} does not match its hash: its content was altered.", count, seq)
            mark = marks.get(seq)
            if mark is not None:
                seen.add(seq)
                broken = _mark_broken(mark, stored, seq, count, signer)
                if broken is not None:
                    return broken
            prev = stored
    missing = sorted(set(marks) - seen)
    if missing:
        first = missing[0]
        if first > last_seq:
            return _broken("audit.truncated",
                           "The audit trail ends at event {last}, but a signed checkpoint names event {signed}: "
                           "events from {seq} on were removed.", count, last_seq + 1, last=last_seq,
                           signed=missing[-1])
        return _broken("audit.checkpoint_mismatch",
                       "Event {seq} is not the event the signed checkpoint names: the trail was "
                       "rewritten up to here.", count, first)
    last_mark = max(marks, default=0)
    return ChainReport(count, checkpoints=len(marks), last_checkpoint_seq=last_mark,
                       signatures_checked=signer is not None)


class TrailVerifier:
    """`venue-ops audit verify` and the self-check: the whole trail, read in its own session."""

    def __init__(self, sessions: Callable[[], Session]) -> None:
        self._sessions = sessions

    def verify(self) -> ChainReport:
        with self._sessions() as s:
            return verify_trail(s)
