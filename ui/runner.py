"""The one way the GUI runs core work: a service call on a worker thread, its result handed back
to the GUI thread, and an announcement of which kinds of data it changed (the Anki habit).

What changed is not told by the caller: the job runs inside `app.changes.recording()`, which
collects the data kinds of every transaction the call committed. Views subscribe to `changed`
(a `frozenset[DataKind]`), through `ui.screen.Screen`, and refresh when a kind they show is in it.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, SignalInstance, Slot

from app.changes import ChangeSet, recording
from app.security.auth import SessionEnded

log = logging.getLogger(__name__)

_Callbacks = tuple[Callable[[Any], None] | None, Callable[[BaseException], None] | None, QObject | None]


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], ticket: int, done: SignalInstance) -> None:
        super().__init__()
        self._fn = fn
        self._ticket = ticket
        self._done = done

    def run(self) -> None:
        with recording() as kinds:
            try:
                result = self._fn()
            except Exception as exc:  # handed to the GUI thread, which decides how to show it
                outcome: tuple[Any, BaseException | None] = (None, exc)
            else:
                outcome = (result, None)
        # One tuple, never a bare None: emitting None through an `object` signal from worker
        # threads wears down None's reference count in PySide6 until the interpreter aborts.
        self._done.emit((self._ticket, *outcome, frozenset(kinds)))


class OpRunner(QObject):
    """Runs `fn` off the GUI thread; `on_done(result)` or `on_error(exc)` run on the GUI thread.

    Every job reports through the one `_finished` signal of the runner (queued to the GUI thread,
    where the runner lives), its callbacks kept under a ticket until then. Not a QObject per job:
    in PySide6 6.10 and 6.11 each QObject that C++ deletes later (`deleteLater`) keeps one
    reference to None for good, and each Python callable connected to a signal keeps another
    when the connection goes with its sender; a relay per job (connected, then deleted) drifted
    None's count by 2 a job, about 270,000 an hour beside a busy desk
    (tests/ui/test_none_refcount.py, the probe's runner_jobs)."""

    changed = Signal(frozenset)  # frozenset[DataKind]: what a finished operation committed
    session_ended = Signal()
    """The core refused a call because the signed-in session has ended (deactivated, or the
    credential reset by someone else): whichever screen made it, the window signs out."""
    _finished = Signal(object)  # (ticket, result, exception, changed kinds)

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._tickets = itertools.count()
        self._pending: dict[int, _Callbacks] = {}
        self._finished.connect(self._finish, Qt.ConnectionType.QueuedConnection)

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
        ticket = next(self._tickets)
        self._pending[ticket] = (on_done, on_error, owner)
        self._pool.start(_Job(fn, ticket, self._finished))

    @Slot(object)
    def _finish(self, outcome: tuple[int, Any, BaseException | None, ChangeSet]) -> None:
        ticket, result, exc, kinds = outcome
        on_done, on_error, owner = self._pending.pop(ticket)
        try:
            self._deliver(result, exc, on_done, on_error, owner)
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
