"""The one way the GUI runs core work: a service call on a worker thread, its result handed back
to the GUI thread, and an announcement of which kinds of data it changed (the Anki habit).

What changed is not told by the caller: the job runs inside `app.changes.recording()`, which
collects the data kinds of every transaction the call committed. Views subscribe to `changed`
(a `frozenset[DataKind]`), through `ui.screen.Screen`, and refresh when a kind they show is in it.

Everything Python a job touches lives in the runner's table, keyed by the job's number, and is
dropped there on the GUI thread: the callable (whose closure may hold the last reference to a
screen: freed on a worker thread, its widgets and timers would be deleted off the GUI thread), the
callbacks and the outcome. The worker only reads the callable, writes the outcome and emits the
job's number through one long-lived queued signal. (A relay QObject per job, connected then
deleted, kept two references to `None` a job on PySide6 6.11: bench soak's drift.)
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.changes import ChangeSet, recording
from app.security.auth import SessionEnded

log = logging.getLogger(__name__)


@dataclass
class _Entry:
    fn: Callable[[], Any]
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    owner: QObject | None
    outcome: tuple[Any, BaseException | None, ChangeSet] | None = None


class _Table:
    """The jobs not yet delivered; written by workers under the lock, emptied on the GUI thread."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.entries: dict[int, _Entry] = {}


class _Finished(QObject):
    finished = Signal(int)  # a job's number: nothing Python crosses the threads in the signal


class _Job(QRunnable):
    def __init__(self, job_id: int, table: _Table, relay: _Finished) -> None:
        super().__init__()
        self._id = job_id
        self._table = table
        self._relay = relay

    def run(self) -> None:
        with self._table.lock:
            entry = self._table.entries.get(self._id)
            fn = entry.fn if entry is not None else None
        del entry
        if fn is None:
            return
        with recording() as kinds:
            try:
                result = fn()
            except Exception as exc:  # handed to the GUI thread, which decides how to show it
                self._store((None, exc, frozenset(kinds)))
            else:
                self._store((result, None, frozenset(kinds)))
                del result
        del fn  # the GUI thread's table holds the only references from here on
        try:
            self._relay.finished.emit(self._id)
        except RuntimeError:  # the runner is gone (the application quit): nobody to tell
            log.debug("job %d finished after its runner was deleted: dropped", self._id)

    def _store(self, outcome: tuple[Any, BaseException | None, ChangeSet]) -> None:
        with self._table.lock:
            entry = self._table.entries.get(self._id)
            if entry is not None:
                entry.outcome = outcome


class OpRunner(QObject):
    """Runs `fn` off the GUI thread; `on_done(result)` or `on_error(exc)` run on the GUI thread."""

    changed = Signal(frozenset)  # frozenset[DataKind]: what a finished operation committed
    session_ended = Signal()
    """The core refused a call because the signed-in session has ended (deactivated, or the
    credential reset by someone else): whichever screen made it, the window signs out."""

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._table = _Table()
        self._ids = itertools.count(1)
        self._relay = _Finished(self)  # lives on the GUI thread, so its queued signal lands there
        self._relay.finished.connect(self._finish)

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        owner: QObject | None = None,
    ) -> None:
        """With an `owner` (the widget that shows the result), nothing is delivered once the
        owner has been deleted: a closed dialog never receives a late answer. What the call
        committed is announced on `changed` in any case, even when it failed half-way."""
        job_id = next(self._ids)
        with self._table.lock:
            self._table.entries[job_id] = _Entry(fn, on_done, on_error, owner)
        self._pool.start(_Job(job_id, self._table, self._relay))

    def _finish(self, job_id: int) -> None:
        with self._table.lock:
            entry = self._table.entries.pop(job_id, None)
        if entry is None or entry.outcome is None:
            log.debug("job %d finished with no outcome recorded: dropped", job_id)
            return
        result, exc, kinds = entry.outcome
        owner = entry.owner
        try:
            self._deliver(result, exc, entry.on_done, entry.on_error, owner)
        finally:
            if kinds:
                self.changed.emit(kinds)
            if isinstance(exc, SessionEnded) and (owner is None or shiboken6.isValid(owner)):
                self.session_ended.emit()  # (a closed screen's late answer signs nobody out)

    @staticmethod
    def _deliver(result: Any, exc: BaseException | None, on_done: Callable[[Any], None] | None,
                 on_error: Callable[[BaseException], None] | None, owner: QObject | None) -> None:
        if owner is not None and not shiboken6.isValid(owner):
            log.debug("result dropped: its owner was closed")
            return
        if exc is not None:
            if on_error is None:
                log.error("background operation failed", exc_info=exc)
            else:
                on_error(exc)
            return
        if on_done is not None:
            on_done(result)

    def wait(self, msecs: int = 30000) -> bool:
        return self._pool.waitForDone(msecs)
