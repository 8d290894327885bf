"""What a piece of core work changed, as a typed set of data kinds (the Anki habit: after an
operation the views hear what changed and each decides whether to refresh).

A service does not spell its kinds by hand: the database layer notes the tables every committed
transaction wrote (`app/db/changes.py` maps each table to its kind), so a write cannot forget to
announce itself. `recording()` collects what the calls made inside it committed; the GUI's runner
wraps every job in it and broadcasts the set.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from enum import StrEnum
from typing import TypeVar

T = TypeVar("T")


class DataKind(StrEnum):
    """A kind of data a screen shows; a committed write announces the kinds it touched."""

    PACKAGE = "package"  # exam, venue, rooms, seats, candidates, custody items: what the package brings
    SITTINGS = "sittings"
    STAFF = "staff"
    SETTINGS = "settings"
    ROOMS = "rooms"  # a room's state in a sitting: checklist, opening, exits, record signatures
    ASSIGNMENT = "assignment"  # invigilators drawn for the rooms
    CHECKIN = "checkin"  # admissions, refusals, scans, information changes
    ATTENDANCE = "attendance"  # absences
    INCIDENTS = "incidents"
    CUSTODY = "custody"  # handovers and reconciliation
    PAPER_ROOM = "paper_room"  # duty, recordings, camera events, evidence
    SYNC = "sync"  # the outbox towards the provincial server
    AUDIT = "audit"


ChangeSet = frozenset[DataKind]
NOTHING: ChangeSet = frozenset()

_bucket: ContextVar[set[DataKind] | None] = ContextVar("venue_changes", default=None)


def note(kinds: Iterable[DataKind]) -> None:
    """Called when a transaction commits; outside `recording()` it does nothing."""
    bucket = _bucket.get()
    if bucket is not None:
        bucket.update(kinds)


@contextmanager
def recording() -> Iterator[set[DataKind]]:
    """Collects the kinds committed inside the block (on this thread), also when it raises: an
    operation that committed one transaction and failed in the next did change data. A nested
    recording hands its kinds on to the enclosing one."""
    outer = _bucket.get()
    bucket: set[DataKind] = set()
    token = _bucket.set(bucket)
    try:
        yield bucket
    finally:
        _bucket.reset(token)
        if outer is not None:
            outer.update(bucket)


def tracked(fn: Callable[[], T]) -> tuple[T, ChangeSet]:
    """Runs `fn` and returns its result with what it changed."""
    with recording() as kinds:
        result = fn()
    return result, frozenset(kinds)
