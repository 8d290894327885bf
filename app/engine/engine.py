"""The venue engine: the exam day running in the core, with or without a window.

One loop thread ticks about once a second: it checks the PC's clock (`ClockWatch`) and runs the
scheduler's due work (`EntryCloseScheduler`). The paper-room recording (`app.engine.recording`)
starts with the engine and stops with it, not with anybody's session. The GUI builds the same
engine as the headless service (`venue-ops serve`) and only shows what it does; `changed`
listeners hear which kinds of data a tick changed (the GUI refreshes its screens on them).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from sqlalchemy.orm import Session, sessionmaker

from app import changes
from app.changes import ChangeSet
from app.engine.clock import VenueClock
from app.engine.clock_watch import ClockWatch
from app.engine.recording import PaperRoomRecording
from app.engine.scheduler import EntryClosed, EntryCloseScheduler
from app.services.audit import Actor

log = logging.getLogger(__name__)
TICK_SECONDS = 1.0

Listener = Callable[[ChangeSet], None]


class VenueEngine:
    def __init__(self, sessions: sessionmaker[Session], clock: VenueClock, actor: Actor, desk: str, *,
                 recording: PaperRoomRecording | None = None, tick_seconds: float = TICK_SECONDS) -> None:
        self.clock = clock
        self.watch = ClockWatch(sessions, clock, actor, desk)
        self.scheduler = EntryCloseScheduler(sessions, clock, actor, desk)
        self.recording = recording
        self._tick_seconds = tick_seconds
        self._listeners: list[Listener] = []
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """`listener(kinds)` after a tick changed data (called on the engine's thread); returns an unsubscribe."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def _announce(self, kinds: ChangeSet) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(kinds)
            except Exception:
                log.exception("an engine listener failed")

    def tick(self) -> list[EntryClosed]:
        """One step: the clock watch, then the scheduler's due work; what they committed is announced."""
        with changes.recording() as changed:
            self.watch.check()
            closed = self.scheduler.run_due()
        if changed:
            self._announce(frozenset(changed))
        return closed

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self.running:
            return
        self._stop.clear()
        if self.recording is not None:
            self.recording.start()
        self._thread = threading.Thread(target=self._run, name="venue-engine", daemon=True)
        self._thread.start()
        log.info("venue engine started (venue time %s)", self.clock.local().isoformat(timespec="seconds"))

    def _run(self) -> None:
        failing = False
        while True:
            try:
                self.tick()
                failing = False
            except Exception:  # one bad tick must not stop the exam day (logged once per failure streak)
                if not failing:
                    log.exception("engine tick failed; retrying every tick")
                failing = True
            if self._stop.wait(self._tick_seconds):
                return

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        if self.recording is not None:
            self.recording.stop()
        log.info("venue engine stopped")
