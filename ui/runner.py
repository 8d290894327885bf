"""The one way the GUI runs core work: a service call on a worker thread, its result handed back
to the GUI thread, and an announcement of which kinds of data it changed (the Anki habit).

Views subscribe to `changed` and refresh themselves when a kind they show is in the set.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Relay(QObject):
    # One tuple (result, exception), never a bare None: emitting None through an `object` signal
    # from worker threads wears down None's reference count in PySide6 until the interpreter aborts.
    finished = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # handed to the GUI thread, which decides how to show it
            self._relay.finished.emit((None, exc))
        else:
            self._relay.finished.emit((result, None))


class OpRunner(QObject):
    """Runs `fn` off the GUI thread; `on_done(result)` or `on_error(exc)` run on the GUI thread."""

    changed = Signal(frozenset)

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._live: set[_Relay] = set()

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        changes: Iterable[str] = (),
        owner: QObject | None = None,
    ) -> None:
        """With an `owner` (the widget that shows the result), nothing is delivered once the
        owner has been deleted: a closed dialog never receives a late answer."""
        relay = _Relay()  # lives on the GUI thread, so its queued signal lands there
        self._live.add(relay)
        kinds = frozenset(changes)

        @Slot(object)
        def finish(outcome: tuple[Any, BaseException | None]) -> None:
            result, exc = outcome
            self._live.discard(relay)
            relay.deleteLater()
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
            if kinds:
                self.changed.emit(kinds)

        relay.finished.connect(finish)
        self._pool.start(_Job(fn, relay))

    def wait(self, msecs: int = 30000) -> bool:
        return self._pool.waitForDone(msecs)
