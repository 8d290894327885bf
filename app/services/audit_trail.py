"""Reading the audit trail (审计日志, arts. 42, 43, 46): filtered, a block of events at a time, its
chain verified with progress, and a filtered range exported for an appeal, the export itself
audited.

A screen over a million events asks how many rows there are and then only for the blocks it
shows (`size`, then `block`: rows `offset` … in seq order). The whole trail is addressed by seq
itself (row n is event first + n: the chain numbers its events 1, 2, 3 …), so its size is two
primary-key lookups and any block, the newest included, one primary-key range; an event missing
from the table shows as a row without one. A filtered trail is counted (a scan) and its blocks
counted off (`OFFSET`). Every call checks VIEW_AUDIT (exports EXPORT) and that the session is
still current, in its own transaction.
"""

from __future__ import annotations

import csv
import os
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import Session, sessionmaker

from app.db.engine import read_session_factory
from app.db.models import AuditEvent
from app.domain import RetentionClass
from app.errors import VenueError
from app.rules.timing import venue_time
from app.security.auth import StaffSession
from app.security.permissions import Permission, require
from app.services import audit
from app.services.audit_verify import ChainReport, verify_trail

EXPORT_MOST = 5_000  # events in one PDF (about 100 pages, typeset at once); a CSV takes any number
_T = AuditEvent.__table__.c


@dataclass(frozen=True)
class AuditQuery:
    """What the trail is narrowed to; empty fields narrow nothing."""

    since: datetime | None = None  # at or after (aware)
    until: datetime | None = None  # before
    person: str = ""  # in the name of who acted or cosigned
    action: str = ""  # the action starts with this ("checkin." or "checkin.admit")
    entity: str = ""  # the entity's type, or in its id

    def empty(self) -> bool:
        return self == AuditQuery()

    def as_dict(self) -> dict[str, str]:
        return {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in asdict(self).items() if v}


@dataclass(frozen=True)
class TrailSize:
    rows: int
    first_seq: int = 0  # > 0: row n is the event numbered first_seq + n (the whole trail); 0: counted off


@dataclass(frozen=True)
class AuditLine:
    """One event as the trail screen and the exports show it. Absent values are "" (no None)."""

    seq: int
    at: datetime
    desk: str
    actor: str
    cosigner: str
    action: str
    entity_type: str
    entity_id: str
    reason: str
    before: str  # JSON as stored (personal data already masked by audit.record)
    after: str
    retention: str


COLUMNS = (_T.seq, _T.at_utc, _T.desk, _T.actor_name, _T.cosigner_name, _T.action, _T.entity_type, _T.entity_id,
           _T.reason, _T.before_json, _T.after_json, _T.retention_class)


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _where(q: AuditQuery) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if q.since is not None:
        conditions.append(_T.at_utc >= q.since)
    if q.until is not None:
        conditions.append(_T.at_utc < q.until)
    if q.person.strip():
        p = f"%{_like(q.person.strip())}%"
        conditions.append(or_(_T.actor_name.like(p, escape="\\"), _T.cosigner_name.like(p, escape="\\")))
    if q.action.strip():
        conditions.append(_T.action.like(f"{_like(q.action.strip())}%", escape="\\"))
    if q.entity.strip():
        e = q.entity.strip()
        conditions.append(or_(_T.entity_type == e, _T.entity_id.like(f"%{_like(e)}%", escape="\\")))
    return conditions


def _line(row: Sequence[Any]) -> AuditLine:
    at = row[1]
    return AuditLine(int(row[0]), at, row[2] or "", row[3] or "", row[4] or "", row[5] or "", row[6] or "",
                     row[7] or "", row[8] or "", row[9] or "", row[10] or "", str(row[11] or ""))


def _select(q: AuditQuery) -> Select[Any]:
    return select(*COLUMNS).where(and_(True, *_where(q))).order_by(_T.seq)


class AuditTrailService:
    def __init__(self, sessions: sessionmaker[Session], clock: Callable[[], datetime], desk: str) -> None:
        self._sessions = sessions
        self._read = read_session_factory(sessions)  # lists and counts never hold up a writer
        self._clock = clock
        self._desk = desk

    def size(self, by: StaffSession, query: AuditQuery) -> TrailSize:
        with self._read() as s, s.begin():
            require(s, by, Permission.VIEW_AUDIT)
            if query.empty():
                # Two statements: SQLite reads a lone min() or max() off the key, both at once by a scan.
                low = s.execute(select(func.min(_T.seq))).scalar()
                high = s.execute(select(func.max(_T.seq))).scalar()
                return TrailSize(int(high) - int(low) + 1, int(low)) if high is not None and low is not None else TrailSize(0)
            return TrailSize(self._count(s, query))

    def count(self, by: StaffSession, query: AuditQuery) -> int:
        """How many events match (a scan of the trail)."""
        with self._read() as s, s.begin():
            require(s, by, Permission.VIEW_AUDIT)
            return self._count(s, query)

    def block(self, by: StaffSession, query: AuditQuery, offset: int, limit: int, first_seq: int = 0) -> list[AuditLine]:
        """Rows offset … offset + limit − 1 in seq order: with `first_seq` (the whole trail, see
        `size`) the events numbered first_seq + offset on, any missing one left out; without it
        the matching events counted off."""
        offset, limit = max(0, offset), max(0, limit)
        with self._read() as s, s.begin():
            require(s, by, Permission.VIEW_AUDIT)
            if first_seq and query.empty():
                first = first_seq + offset
                rows = s.execute(_select(query).where(_T.seq >= first, _T.seq < first + limit)).all()
            else:
                rows = s.execute(_select(query).offset(offset).limit(limit)).all()
            return [_line(r) for r in rows]

    @staticmethod
    def _count(s: Session, query: AuditQuery) -> int:
        return int(s.execute(select(func.count()).select_from(AuditEvent.__table__)
                             .where(and_(True, *_where(query)))).scalar_one())

    def verify(self, by: StaffSession, progress: Callable[[int], None] | None = None) -> ChainReport:
        """The whole chain and its signed checkpoints (`audit verify`), `progress(events so far)`
        after each batch."""
        with self._read() as s:
            with s.begin():
                require(s, by, Permission.VIEW_AUDIT)
            return verify_trail(s, progress=progress)

    # --- exports (EXPORT: the chief examiner; each one is itself an audit event) --------------------

    def export_csv(self, by: StaffSession, query: AuditQuery, path: Path) -> int:
        """The filtered trail as CSV (UTF-8 with a byte-order mark, which Excel on a Chinese
        Windows needs), written whole or not at all; returns the number of events."""
        part = path.with_name(path.name + ".partial")
        count = 0
        with self._sessions() as s, s.begin():
            require(s, by, Permission.EXPORT)
            try:
                with part.open("w", encoding="utf-8-sig", newline="") as f:
                    out = csv.writer(f)
                    out.writerow(["seq", "at_venue_time", "desk", "actor", "cosigner", "action", "entity_type",
                                  "entity_id", "reason", "before", "after", "retention"])
                    for line in self._walk(s, query):
                        out.writerow([line.seq, venue_time(line.at).isoformat(timespec="seconds"), line.desk,
                                      line.actor, line.cosigner, line.action, line.entity_type, line.entity_id,
                                      line.reason, line.before, line.after, line.retention])
                        count += 1
                    f.flush()
                    os.fsync(f.fileno())
                os.replace(part, path)
            except OSError as exc:
                part.unlink(missing_ok=True)
                raise VenueError("audit.export_failed", "The export could not be written to {path}: {detail}.",
                                 path=str(path), detail=exc.strerror or str(exc)) from exc
            self._audit_export(s, by, query, "csv", path, count)
        return count

    def export_lines(self, by: StaffSession, query: AuditQuery, path: Path) -> list[AuditLine]:
        """The filtered trail (at most EXPORT_MOST events) for a PDF the screen writes to `path`;
        the export is audited here, before the file is written."""
        with self._sessions() as s, s.begin():
            require(s, by, Permission.EXPORT)
            total = self._count(s, query)
            if total > EXPORT_MOST:
                raise VenueError("audit.export_too_long",
                                 "{count} events match: a PDF holds at most {most}. Narrow the filter, or export "
                                 "them as CSV.", count=total, most=EXPORT_MOST)
            lines = [_line(r) for r in s.execute(_select(query)).all()]
            self._audit_export(s, by, query, "pdf", path, len(lines))
            return lines

    def _walk(self, s: Session, query: AuditQuery, batch: int = 5_000) -> Iterator[AuditLine]:
        after = 0
        while True:
            rows = s.execute(_select(query).where(_T.seq > after).limit(batch)).all()
            if not rows:
                return
            for r in rows:
                yield _line(r)
            after = int(rows[-1][0])

    def _audit_export(self, s: Session, by: StaffSession, query: AuditQuery, kind: str, path: Path,
                      count: int) -> None:
        audit.record(s, by.actor, "audit.export", "audit_trail", uuid.uuid4(), desk=self._desk,
                     after={"format": kind, "events": count, "file": path.name, "filter": query.as_dict()},
                     now=self._clock(), retention=RetentionClass.ELECTRONIC)
