"""The technician's log on screen, and the copy sent to support (issue 15 item 5; arts. 47–48).

`entries` reads the running log's files (app.logs: already scrubbed of ID and phone numbers when
written) newest last, a traceback kept with the line it belongs to, filtered by level.
`export` writes them into one zip for support with what the writer cannot know is personal taken
out as well: every candidate's and staff member's name and every admission-ticket number in this
venue's database is replaced by a masked form. The export is audited; both need SUPPORT_LOGS.
"""

from __future__ import annotations

import logging
import os
import re
import uuid
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.db.models import Candidate, Staff
from app.domain import RetentionClass
from app.errors import VenueError
from app.logs import active_log_file, scrub
from app.security.auth import StaffSession
from app.security.permissions import Permission, require
from app.services import audit

LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
_LINE = re.compile(r"^(\d{4}-\d{2}-\d{2}T\S+) (DEBUG|INFO|WARNING|ERROR|CRITICAL)\s+\[([^\]]*)\] (\S+) (.*)$")
_CJK_RUN = re.compile(r"[\u3400-\u9fff·]{2,}")
_DIGITS = re.compile(r"(?<![0-9])[0-9]{6,20}(?![0-9])")
MOST_SHOWN = 5_000  # lines on screen: the newest


@dataclass(frozen=True)
class LogEntry:
    at: str  # as written (ISO, with the PC's UTC offset)
    level: str
    thread: str
    source: str  # logger:line
    message: str  # the first line; a traceback follows in `detail`
    detail: str = ""


def log_files(current: Path) -> list[Path]:
    """The log and its rotated copies, oldest first (venue-ops.log.10 … venue-ops.log)."""
    rotated = sorted((p for p in current.parent.glob(current.name + ".*") if p.suffix.lstrip(".").isdigit()),
                     key=lambda p: -int(p.suffix.lstrip(".")))
    return [*rotated, current] if current.exists() else rotated


def parse(lines: Iterable[str]) -> list[LogEntry]:
    entries: list[LogEntry] = []
    for raw in lines:
        line = raw.rstrip("\n")
        m = _LINE.match(line)
        if m:
            entries.append(LogEntry(*m.groups()))
        elif entries and line:  # a traceback's or a long message's next line
            last = entries[-1]
            entries[-1] = LogEntry(last.at, last.level, last.thread, last.source, last.message,
                                   f"{last.detail}\n{line}" if last.detail else line)
    return entries


class SupportLogs:
    def __init__(self, sessions: sessionmaker[Session], clock: Callable[[], datetime], desk: str,
                 log_file: Callable[[], Path | None] = active_log_file) -> None:
        self._sessions, self._clock, self._desk, self._log_file = sessions, clock, desk, log_file

    def entries(self, by: StaffSession, min_level: str = "INFO") -> list[LogEntry]:
        """The newest MOST_SHOWN entries at `min_level` or above."""
        with self._sessions() as s, s.begin():
            require(s, by, Permission.SUPPORT_LOGS)
        floor = LEVELS.index(min_level) if min_level in LEVELS else 1
        shown = [e for e in self._read() if LEVELS.index(e.level) >= floor]
        return shown[-MOST_SHOWN:]

    def export(self, by: StaffSession, path: Path) -> int:
        """The log files, with names and ticket numbers masked, as one zip at `path` (written whole
        or not at all); returns how many lines it holds."""
        current = self._log_file()
        files = log_files(current) if current is not None else []
        part = path.with_name(path.name + ".partial")
        with self._sessions() as s, s.begin():
            require(s, by, Permission.SUPPORT_LOGS)
            mask = _PersonalMask(s.scalars(select(Candidate.name)), s.scalars(select(Staff.name)),
                                 s.scalars(select(Candidate.ticket_number)))
            lines = 0
            try:
                with zipfile.ZipFile(part, "w", compression=zipfile.ZIP_DEFLATED) as out:
                    for file in files:
                        text = file.read_text(encoding="utf-8", errors="replace")
                        masked = "".join(mask(scrub(line)) for line in text.splitlines(keepends=True))
                        lines += masked.count("\n")
                        out.writestr(file.name, masked)
                with part.open("rb") as f:
                    os.fsync(f.fileno())
                os.replace(part, path)
            except OSError as exc:
                part.unlink(missing_ok=True)
                raise VenueError("support.export_failed", "The log could not be written to {path}: {detail}.",
                                 path=str(path), detail=exc.strerror or str(exc)) from exc
            audit.record(s, by.actor, "support.logs_exported", "log", uuid.uuid4(), desk=self._desk,
                         after={"file": path.name, "lines": lines, "files": [f.name for f in files]},
                         now=self._clock(), retention=RetentionClass.ELECTRONIC)
        return lines

    def _read(self) -> list[LogEntry]:
        current = self._log_file()
        if current is None:
            return []
        lines: list[str] = []
        for file in log_files(current):
            try:
                with file.open(encoding="utf-8", errors="replace") as f:
                    lines.extend(f)
            except OSError as exc:  # rotated away meanwhile
                logging.getLogger(__name__).debug("log file %s not read: %s", file, exc)
        return parse(lines)


class _PersonalMask:
    """Replaces this venue's people's names (张三 → 张*) and ticket numbers (2600****0129) in a
    line. Names are found inside runs of Chinese characters, so a name inside a sentence is
    masked too."""

    def __init__(self, *columns: Iterable[str]) -> None:
        names, tickets = columns[:2], columns[2]
        self._names = {n for column in names for n in column if n and len(n) >= 2}
        self._longest = max((len(n) for n in self._names), default=0)
        self._tickets = {t for t in tickets if t}

    def __call__(self, line: str) -> str:
        line = _DIGITS.sub(lambda m: _mask_ticket(m.group(0)) if m.group(0) in self._tickets else m.group(0), line)
        return _CJK_RUN.sub(self._mask_run, line) if self._names else line

    def _mask_run(self, m: re.Match[str]) -> str:
        run, out, i = m.group(0), [], 0
        while i < len(run):
            for size in range(min(self._longest, len(run) - i), 1, -1):
                if run[i:i + size] in self._names:
                    out.append(run[i] + "*" * (size - 1))
                    i += size
                    break
            else:
                out.append(run[i])
                i += 1
        return "".join(out)


def _mask_ticket(ticket: str) -> str:
    keep = max(2, len(ticket) // 3)
    return ticket[:keep] + "*" * (len(ticket) - 2 * keep) + ticket[-keep:]


