"""The secure paper room's recording (art. 22(五): monitored throughout), owned by the engine: it
starts with the application (or the headless service) and stops with it, never with a session or
a screen.

The engine talks to the cameras through two small protocols. A `Recorder` (the composition root
plugs in `devices.camera.bank.CameraBank`; a test may plug in anything of the same shape) is
started with a `RecorderListener` and reports to it from its own threads: each closed segment,
each alarm (motion, tamper, a failed recording, with a snapshot file when there is a frame) and
each status change. `PaperRoomRecording` is that listener: it stamps alarms with the venue clock
and writes them and the segments' index to the database on its own worker thread, so a slow
database never holds up a camera. `subscribe()` lets a screen hear about it.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from app.engine.clock import VenueClock
from app.services.audit import Actor
from app.services.paper_room import PaperRoomService

log = logging.getLogger(__name__)


class RecorderListener(Protocol):
    def segment(self, camera: str, path: Path, start_wall: float, end_wall: float, frames: int, sha256: str,
                size: int) -> None: ...

    def alarm(self, camera: str, kind: str, detail: str, snapshot: Path | None) -> None: ...

    def status(self, status: object) -> None: ...


class Recorder(Protocol):
    def start(self, listener: RecorderListener) -> None: ...

    def stop(self) -> None: ...


@dataclass(frozen=True)
class Recorded:
    """Told to subscribers once the database holds it: `kind` is "segment" or the alarm's kind."""

    camera: str
    kind: str
    at: datetime
    record: object  # the segment's id or the CameraEvent row


Subscriber = Callable[[object], None]  # a Recorded, or a camera's status object


class PaperRoomRecording:
    def __init__(self, service: PaperRoomService, recorder: Recorder, clock: VenueClock, actor: Actor,
                 desk: str) -> None:
        self.recorder = recorder
        self._service, self._clock, self._actor, self._desk = service, clock, actor, desk
        self._jobs: queue.Queue[Callable[[], None] | None] = queue.Queue()
        self._worker: threading.Thread | None = None
        self._subscribers: list[Subscriber] = []
        self._lock = threading.Lock()
        self.statuses: dict[str, object] = {}
        self.segments_indexed = 0
        self.events_recorded = 0
        self.failures = 0

    @property
    def running(self) -> bool:
        return self._worker is not None

    def start(self) -> None:
        if self._worker is not None:
            return
        self._worker = threading.Thread(target=self._work, name="paper-room-recording", daemon=True)
        self._worker.start()
        self.recorder.start(self)
        log.info("paper-room recording started")

    def stop(self) -> None:
        if self._worker is None:
            return
        self.recorder.stop()  # its last segments are reported before it returns
        self._jobs.put(None)
        self._worker.join(30)
        self._worker = None
        log.info("paper-room recording stopped (%d segments indexed)", self.segments_indexed)

    def subscribe(self, subscriber: Subscriber) -> Callable[[], None]:
        with self._lock:
            self._subscribers.append(subscriber)

        def unsubscribe() -> None:
            with self._lock:
                if subscriber in self._subscribers:
                    self._subscribers.remove(subscriber)

        return unsubscribe

    def _tell(self, what: object) -> None:
        with self._lock:
            subscribers = list(self._subscribers)
        for subscriber in subscribers:
            try:
                subscriber(what)
            except Exception:
                log.exception("a recording subscriber failed")

    # --- the listener (the cameras' threads) ------------------------------------------------

    def _venue_time(self, wall: float) -> datetime:
        """A wall-clock timestamp of the PC on the venue clock (a jumped PC clock moves no segment)."""
        skew = self._clock.wall() - self._clock.now()
        return datetime.fromtimestamp(wall, UTC) - skew

    def segment(self, camera: str, path: Path, start_wall: float, end_wall: float, frames: int, sha256: str,
                size: int) -> None:
        start, end = self._venue_time(start_wall), self._venue_time(end_wall)

        def run() -> None:
            sid = self._service.index_segment(self._actor, self._desk, camera, path, start, end, frames, sha256, size)
            self.segments_indexed += 1
            self._tell(Recorded(camera, "segment", end, sid))

        self._jobs.put(run)

    def alarm(self, camera: str, kind: str, detail: str, snapshot: Path | None) -> None:
        at = self._clock.now()

        def run() -> None:
            row = self._service.record_event(self._actor, self._desk, camera, kind, at, detail, snapshot)
            self.events_recorded += 1
            self._tell(Recorded(camera, kind, at, row))

        self._jobs.put(run)

    def status(self, status: object) -> None:
        name = str(getattr(status, "name", ""))
        with self._lock:
            self.statuses[name] = status
        self._tell(status)

    # --- the worker ----------------------------------------------------------------------------

    def drain(self, timeout: float = 10.0) -> bool:
        """Wait until every job handed in so far is done (tests, shutdown)."""
        done = threading.Event()
        self._jobs.put(done.set)
        return done.wait(timeout)

    def _work(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            try:
                job()
            except Exception:
                self.failures += 1
                log.exception("paper-room record not written")
