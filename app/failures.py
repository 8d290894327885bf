"""Failures of the machine rather than of the user — a full disk, a read-only or damaged database,
a folder this user may not use — told as what happened, what was kept, and what to do.

`explain(exc)` turns an operating-system or database exception into the `VenueError` a person
reads at the desk or on the command line; anything it does not recognise it returns as None.
"""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from app.errors import VenueError

# SQLite's own words (sqlite3 and SQLAlchemy pass them through) for each kind of failure.
_FULL = ("database or disk is full",)
_READ_ONLY = ("attempt to write a readonly database", "readonly database")
_DAMAGED = ("file is not a database", "database disk image is malformed", "file is encrypted or is not a database")
_UNOPENABLE = ("unable to open database file",)


class DiskFull(VenueError):
    def __init__(self, place: str) -> None:
        super().__init__("disk.full",
                         "The disk holding {place} is full ({free} free). Nothing already saved was lost; the "
                         "last change was not saved. Free some space on that disk (or give a data folder on "
                         "another disk), then do it again.", place=place, free=free_space(place))


def free_space(place: str) -> str:
    """Free space on the disk holding `place`, for a person ("12.3 MB"); "unknown" if it cannot be read."""
    folder = Path(place)
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return "unknown"
    size = float(free)
    for unit in ("KB", "MB", "GB"):
        size /= 1024
        if size < 1024 or unit == "GB":
            return f"{size:.1f} {unit}" if free >= 1024 else f"{free} bytes"
    return "unknown"


def read_only_database(place: str) -> VenueError:
    return VenueError("db.read_only",
                      "The database {place} is read-only for this user, so nothing can be recorded. Nothing "
                      "was changed. Make the file and its folder writable (or copy them to a writable disk).",
                      place=place)


def damaged_database(place: str) -> VenueError:
    return VenueError("db.damaged",
                      "The database {place} is damaged or is not a Venue Ops database. Nothing was changed. "
                      "Restore the latest backup (venue-ops db restore FILE).", place=place)


def folder_refused(place: str, detail: str) -> VenueError:
    """`detail`: "permission" (this user may not), "read_only" (the disk is), or the system's words."""
    if detail == "permission":
        return VenueError("file.refused", "Venue Ops may not use {place}: this user has no permission for it. Give "
                          "this user access to it, or choose another folder in the settings.", place=place,
                          detail=detail)
    if detail == "read_only":
        return VenueError("file.refused", "Venue Ops may not use {place}: the disk is read-only. Use a writable "
                          "disk, or choose another folder in the settings.", place=place, detail=detail)
    return VenueError("file.refused",
                      "Venue Ops may not use {place} ({detail}). Give this user access to it, or choose "
                      "another folder in the settings.", place=place, detail=detail)


def missing_file(place: str) -> VenueError:
    return VenueError("file.missing", "The file {place} does not exist.", place=place)


_SQLSTATES = {"53100": "full", "25006": "read_only", "XX001": "damaged"}  # PostgreSQL's codes


def explain_database_failure(orig: BaseException, place: str) -> VenueError | None:
    """For a driver's exception (sqlite3, psycopg): the sentence, or None when it is another failure."""
    kind = _SQLSTATES.get(str(getattr(orig, "sqlstate", "") or ""))
    if kind == "full":
        return DiskFull(place)
    if kind == "read_only":
        return read_only_database(place)
    if kind == "damaged":
        return damaged_database(place)
    return _database_failure(str(orig), place)


def _database_failure(message: str, place: str) -> VenueError | None:
    text = message.lower()
    if any(words in text for words in _FULL):
        return DiskFull(place)
    if any(words in text for words in _READ_ONLY):
        return read_only_database(place)
    if any(words in text for words in _DAMAGED):
        return damaged_database(place)
    if any(words in text for words in _UNOPENABLE) and _read_only_file(place):
        return read_only_database(place)  # SQLite in WAL mode cannot even open it for reading
    return None


def _read_only_file(place: str) -> bool:
    """An existing database file this process may not write, or whose folder it may not write."""
    path = Path(place)
    return bool(place) and path.is_file() and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))


def explain(exc: BaseException, place: str = "") -> VenueError | None:
    """The sentence for a machine failure; `place` names the database or folder involved."""
    if isinstance(exc, VenueError):
        return exc
    if isinstance(exc, DBAPIError):
        return explain_database_failure(exc.orig or exc, place)
    if type(exc).__module__ == "sqlite3":
        return explain_database_failure(exc, place)
    if isinstance(exc, OSError):
        where = str(exc.filename) if exc.filename else place
        if exc.errno == errno.ENOSPC:
            return DiskFull(where)
        if exc.errno == errno.EROFS:
            return folder_refused(where, "read_only")
        if isinstance(exc, PermissionError):
            return folder_refused(where, "permission")
        if isinstance(exc, FileNotFoundError):
            return missing_file(where)
        if isinstance(exc, NotADirectoryError | IsADirectoryError | FileExistsError):
            return folder_refused(where, exc.strerror or type(exc).__name__)
    return None
