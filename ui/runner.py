"""The one way the GUI runs core work: a service call on a worker thread, its result handed back
to the GUI thread, and an announcement of which kinds of data it changed (the Anki habit).

What changed is not told by the caller: the job runs inside `app.changes.recording()`, which
collects the data kinds of every transaction the call committed. Views subscribe to `changed`
(a `frozenset[DataKind]`), through `ui.screen.Screen`, and refresh when a kind they show is in it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from app.changes import ChangeSet, recording
from app.security.auth import SessionEnded

log = logging.getLogger(__name__)


class _Relay(QObject):
    # One tuple (result, exception, changed kinds), never a bare None: emitting None through an
    # `object` signal from worker threads wears down None's reference count in PySide6 until the
    # interpreter aborts.
    finished = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        with recording() as kinds:
            try:
                result = self._fn()
            except Exception as exc:  # handed to the GUI thread, which decides how to show it
                outcome: tuple[Any, BaseException | None] = (None, exc)
            else:
                outcome = (result, None)
        self._relay.finished.emit((*outcome, frozenset(kinds)))


class OpRunner(QObject):
    """Runs `fn` off the GUI thread; `on_done(result)` or `on_error(exc)` run on the GUI thread."""

    changed = Signal(frozenset)  # frozenset[DataKind]: what a finished operation committed
    session_ended = Signal()
    """The core refused a call because the signed-in session has ended (deactivated, or the
    credential reset by someone else): whichever screen made it, the window signs out."""

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._live: set[_Relay] = set()

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
        relay = _Relay()  # lives on the GUI thread, so its queued signal lands there
        self._live.add(relay)

        @Slot(object)
        def finish(outcome: tuple[Any, BaseException | None, ChangeSet]) -> None:
            result, exc, kinds = outcome
            self._live.discard(relay)
            relay.deleteLater()
            try:
                self._deliver(result, exc, on_done, on_error, owner)
            finally:
                if kinds:
                    self.changed.emit(kinds)
                if isinstance(exc, SessionEnded) and (owner is None or shiboken6.isValid(owner)):
                    self.session_ended.emit()  # (a closed screen's late answer signs nobody out)

        relay.finished.connect(finish)
        self._pool.start(_Job(fn, relay))

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
