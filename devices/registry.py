"""Which device is configured where, and keeping the drivers running (设备登记与看护).

The registry holds a small typed config per device, builds each driver through a factory it is
given (so it imports no driver itself and works with anything shaped like `devices.base.Device`),
starts and stops them, and restarts a driver that reports FAILED after a growing pause. It keeps
the current `DeviceStatus` of every device and tells subscribers about each change.

Threads: drivers call back on their own I/O threads; restarts run on one supervisor thread (a
driver cannot be stopped from its own thread). Subscribers are called one at a time, in the order
the changes happened, and must neither block nor call `start`/`stop`/`add`/`remove` (hand the
change to another thread, as the Qt bridge does).
"""

from __future__ import annotations

import dataclasses
import enum
import itertools
import logging
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from devices.base import Device, DeviceState, DeviceStatus, EventSink
from devices.device_config import DeviceConfig, DriverFactory

log = logging.getLogger(__name__)


class RegistryProblem(enum.StrEnum):
    NO_DRIVER = "no_driver"
    DRIVER_BUILD_FAILED = "driver_build_failed"
    DRIVER_START_FAILED = "driver_start_failed"
    RESTARTING = "restarting"


@dataclass(frozen=True)
class RegistryStatus(DeviceStatus):
    """A status the registry itself reports (a driver that could not be built, a pending restart)."""

    problem: RegistryProblem | None = None


@dataclass(frozen=True)
class Backoff:
    first: float = 0.5
    factor: float = 2.0
    limit: float = 30.0
    stable_after: float = 60.0
    """A driver that ran this long without failing starts again from `first`."""

    def delay(self, attempt: int) -> float:
        return float(min(self.limit, self.first * self.factor ** max(0, attempt - 1)))


@dataclass
class _Slot:
    config: DeviceConfig
    status: DeviceStatus
    driver: Device | None = None
    generation: int = 0
    attempts: int = 0
    healthy_since: float | None = None
    restart_at: float | None = None
    held: bool = False
    """Stopped on request (its port free for a live test) until `release`; never restarted meanwhile."""


StatusListener = Callable[[DeviceStatus], None]


class DeviceRegistry:
    def __init__(self, factories: Mapping[str, DriverFactory], *, on_event: EventSink | None = None,
                 backoff: Backoff = Backoff(), clock: Callable[[], float] = time.monotonic) -> None:
        self._factories = dict(factories)
        self._on_event = on_event
        self._backoff = backoff
        self._clock = clock
        self._lock = threading.RLock()
        self._notify_lock = threading.Lock()
        self._slots: dict[str, _Slot] = {}
        # Registry-wide, not per slot: a device removed and added again under the same name must
        # not let the old driver's late callbacks pass as the new one's.
        self._generations = itertools.count(1)
        self._listeners: list[StatusListener] = []
        self._running = False
        self._wake = threading.Condition(self._lock)
        self._supervisor: threading.Thread | None = None

    # -- configuration and status model -----------------------------------------------------

    def add(self, config: DeviceConfig) -> None:
        with self._lock:
            if config.name in self._slots:
                raise ValueError(f"a device named {config.name!r} is already configured")
            slot = _Slot(config, DeviceStatus(config.name, config.kind, DeviceState.STOPPED))
            self._slots[config.name] = slot
            running = self._running
        self._publish(slot.status)
        if running:
            self._launch(config.name)

    def remove(self, name: str) -> None:
        with self._lock:
            slot = self._slots.pop(name, None)
            if slot is None:
                return
            slot.generation = next(self._generations)
            driver, slot.driver = slot.driver, None
        if driver is not None:
            self._stop_driver(driver)

    def reconfigure(self, configs: Iterable[DeviceConfig]) -> None:
        """The devices from now on: a device gone or changed is stopped, a new or changed one added
        (and started, when the registry runs); one unchanged keeps its driver, unless it was held."""
        wanted = {c.name: c for c in configs}
        with self._lock:
            current = {name: (slot.config, slot.held) for name, slot in self._slots.items()}
        for name, (config, held) in current.items():
            if wanted.get(name) != config or held:
                self.remove(name)
        for name, config in wanted.items():
            if name not in current or current[name][0] != config or current[name][1]:
                self.add(config)

    def hold(self, name: str) -> None:
        """Stops `name`'s driver and keeps it stopped (its port free for a live test) until `release`.
        Blocks while the driver stops: call it off the GUI thread."""
        with self._lock:
            slot = self._slots[name]
            slot.held = True
            slot.restart_at = None
            slot.generation = next(self._generations)
            driver, slot.driver = slot.driver, None
        if driver is not None:
            self._stop_driver(driver)
        with self._lock:
            published = self._set_status(slot, DeviceStatus(name, slot.config.kind, DeviceState.STOPPED,
                                                            "stopped for a test"))
        self._publish(published)

    def release(self, name: str) -> None:
        """Starts a held device again."""
        with self._lock:
            slot = self._slots.get(name)
            if slot is None or not slot.held:
                return
            slot.held = False
            slot.attempts = 0
        self._launch(name)

    def restart(self, name: str) -> None:
        """A fresh driver for `name` now, whatever its state (a person asked: the back-off starts
        over). Blocks while the old driver stops: call it off the GUI thread."""
        with self._lock:
            slot = self._slots[name]
            slot.held = False
            slot.attempts = 0
            slot.restart_at = None
        self._restart(name, asked=True)

    def configs(self) -> list[DeviceConfig]:
        with self._lock:
            return [slot.config for slot in self._slots.values()]

    def statuses(self) -> dict[str, DeviceStatus]:
        with self._lock:
            return {name: slot.status for name, slot in self._slots.items()}

    def status(self, name: str) -> DeviceStatus:
        with self._lock:
            return self._slots[name].status

    def driver(self, name: str) -> Device | None:
        with self._lock:
            return self._slots[name].driver

    def subscribe(self, listener: StatusListener) -> Callable[[], None]:
        """Call `listener` with every status change from now on; returns the unsubscribe function."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    # -- life cycle ------------------------------------------------------------------------

    def start(self, configs: Iterable[DeviceConfig] = ()) -> None:
        for config in configs:
            self.add(config)
        with self._lock:
            if self._running:
                return
            self._running = True
            names = list(self._slots)
            self._supervisor = threading.Thread(target=self._supervise, name="device-supervisor", daemon=True)
            self._supervisor.start()
        for name in names:
            self._launch(name)

    def stop(self) -> None:
        with self._lock:
            self._running = False
            self._wake.notify_all()
            supervisor, self._supervisor = self._supervisor, None
            drivers = []
            for slot in self._slots.values():
                slot.generation = next(self._generations)  # late callbacks from the old drivers are ignored from here on
                slot.restart_at = None
                if slot.driver is not None:
                    drivers.append(slot.driver)
                slot.driver = None
        if supervisor is not None:
            supervisor.join(timeout=5.0)
        for driver in drivers:
            self._stop_driver(driver)
        with self._lock:
            stopped = [self._set_status(slot, DeviceStatus(slot.config.name, slot.config.kind, DeviceState.STOPPED))
                       for slot in self._slots.values()]
        for status in stopped:
            self._publish(status)

    # -- internals -------------------------------------------------------------------------

    def _launch(self, name: str) -> None:
        """Build and start a fresh driver for `name` (drivers are not assumed restartable)."""
        with self._lock:
            slot = self._slots.get(name)
            if slot is None or not self._running or slot.held:
                return
            slot.generation = next(self._generations)
            generation = slot.generation
            config = slot.config
            slot.restart_at = None
        factory = self._factories.get(config.kind)
        if factory is None:
            self._driver_trouble(name, generation, RegistryProblem.NO_DRIVER,
                                 f"no driver is installed for kind {config.kind.value!r}", retry=False)
            return
        try:
            driver = factory(config, self._sink_for(name, generation))
        except Exception as exc:
            log.exception("device %s: building the driver failed", name)
            self._driver_trouble(name, generation, RegistryProblem.DRIVER_BUILD_FAILED,
                                 f"building the driver failed: {type(exc).__name__}: {exc}")
            return
        with self._lock:
            if slot.generation != generation or not self._running:
                stale = True
            else:
                stale = False
                slot.driver = driver
        if stale:
            return
        try:
            driver.start()
        except Exception as exc:
            log.exception("device %s: starting the driver failed", name)
            self._driver_trouble(name, generation, RegistryProblem.DRIVER_START_FAILED,
                                 f"starting the driver failed: {type(exc).__name__}: {exc}")

    def _sink_for(self, name: str, generation: int) -> EventSink:
        def sink(event: object) -> None:
            if isinstance(event, DeviceStatus):
                self._driver_status(name, generation, event)
            elif self._on_event is not None:
                with self._lock:
                    slot = self._slots.get(name)
                    current = slot is not None and slot.generation == generation
                if current:
                    self._on_event(event)

        return sink

    def _driver_status(self, name: str, generation: int, status: DeviceStatus) -> None:
        now = self._clock()
        with self._lock:
            slot = self._slots.get(name)
            if slot is None or slot.generation != generation:
                return
            if status.state is DeviceState.FAILED:
                self._schedule_restart(slot, now)
            elif status.state is DeviceState.CONNECTED and slot.healthy_since is None:
                slot.healthy_since = now
            published = self._set_status(slot, status)
        self._publish(published)

    def _driver_trouble(self, name: str, generation: int, problem: RegistryProblem, detail: str,
                        *, retry: bool = True) -> None:
        with self._lock:
            slot = self._slots.get(name)
            if slot is None or slot.generation != generation:
                return
            if retry:
                self._schedule_restart(slot, self._clock())
            status = RegistryStatus(name, slot.config.kind, DeviceState.FAILED, detail, problem)
            published = self._set_status(slot, status)
        self._publish(published)

    def _schedule_restart(self, slot: _Slot, now: float) -> None:
        if not self._running or slot.restart_at is not None:
            return
        if slot.healthy_since is not None and now - slot.healthy_since >= self._backoff.stable_after:
            slot.attempts = 0
        slot.healthy_since = None
        slot.attempts += 1
        slot.restart_at = now + self._backoff.delay(slot.attempts)
        self._wake.notify_all()

    def _set_status(self, slot: _Slot, status: DeviceStatus) -> DeviceStatus:
        # The registry's name is the one the GUI knows, whatever the driver calls itself.
        if status.name != slot.config.name:
            status = dataclasses.replace(status, name=slot.config.name)
        slot.status = status
        return status

    def _publish(self, status: DeviceStatus) -> None:
        # One notifier at a time, so listeners see each device's changes in the order they happened.
        with self._notify_lock:
            with self._lock:
                listeners = list(self._listeners)
                slot = self._slots.get(status.name)
                if slot is None or slot.status is not status:
                    return  # superseded meanwhile; the newer status is (being) published
            for listener in listeners:
                try:
                    listener(status)
                except Exception:
                    log.exception("a device status listener raised")

    def _supervise(self) -> None:
        while True:
            with self._lock:
                if not self._running:
                    return
                now = self._clock()
                due = [name for name, slot in self._slots.items()
                       if slot.restart_at is not None and slot.restart_at <= now]
                pending = [slot.restart_at for slot in self._slots.values() if slot.restart_at is not None]
                if not due:
                    wait = (min(pending) - now) if pending else None
                    self._wake.wait(timeout=wait)
                    continue
                for name in due:
                    self._slots[name].restart_at = None
            for name in due:
                self._restart(name)

    def _restart(self, name: str, *, asked: bool = False) -> None:
        with self._lock:
            slot = self._slots.get(name)
            if slot is None or slot.held:
                return
            old, slot.driver = slot.driver, None
            slot.generation = next(self._generations)  # silence the old driver before stopping it
            detail = "restarting on request" if asked else f"restarting after a failure (attempt {slot.attempts})"
            status = RegistryStatus(name, slot.config.kind, DeviceState.CONNECTING, detail, RegistryProblem.RESTARTING)
            published = self._set_status(slot, status)
        self._publish(published)
        if old is not None:
            self._stop_driver(old)
        self._launch(name)

    @staticmethod
    def _stop_driver(driver: Device) -> None:
        try:
            driver.stop()
        except Exception:
            log.exception("device %s: stopping the driver failed", driver.name)
