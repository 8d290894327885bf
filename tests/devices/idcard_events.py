"""A test EventSink for the ID-card driver: records events and lets a test wait for one."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TypeVar

from devices.base import DeviceState, DeviceStatus

T = TypeVar("T")


class EventLog:
    def __init__(self) -> None:
        self._events: list[tuple[float, object]] = []
        self._changed = threading.Condition()

    def __call__(self, event: object) -> None:
        with self._changed:
            self._events.append((time.monotonic(), event))
            self._changed.notify_all()

    def of(self, kind: type[T]) -> list[T]:
        with self._changed:
            return [event for _, event in self._events if isinstance(event, kind)]

    def wait_for(
        self,
        kind: type[T],
        timeout: float = 3.0,
        where: Callable[[T], bool] = lambda _e: True,
        after: int = 0,
    ) -> tuple[float, T]:
        """The first event of `kind` satisfying `where`, among events from index `after` on; with the
        monotonic time it arrived. Fails the test after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                for stamp, event in self._events[after:]:
                    if isinstance(event, kind) and where(event):
                        return stamp, event
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = [type(e).__name__ for _, e in self._events]
                    raise AssertionError(f"no {kind.__name__} within {timeout} s; saw {seen}")
                self._changed.wait(left)

    def wait_state(
        self, state: DeviceState, timeout: float = 3.0, after: int = 0
    ) -> tuple[float, DeviceStatus]:
        return self.wait_for(DeviceStatus, timeout, lambda s: s.state is state, after)

    def mark(self) -> int:
        """An index to pass as `after`: only events from now on count."""
        with self._changed:
            return len(self._events)
