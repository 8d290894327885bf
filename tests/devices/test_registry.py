"""The device registry: configuration, building drivers through factories, supervision, status model."""

from __future__ import annotations

import itertools
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator

import pytest

from devices.base import Device, DeviceState, DeviceStatus, EventSink
from devices.device_config import DeviceConfig, DeviceKind
from devices.factories import default_factories
from devices.registry import Backoff, DeviceRegistry, RegistryProblem, RegistryStatus
from devices.scanner.scan import Scan
from devices.scanner.simulator import ScannerSimulator
from devices.scanner.status import ScannerStatus

FAST = Backoff(first=0.02, factor=2.0, limit=0.2, stable_after=10.0)


class Recorder:
    def __init__(self) -> None:
        self.items: list[object] = []
        self._cond = threading.Condition()

    def __call__(self, item: object) -> None:
        with self._cond:
            self.items.append(item)
            self._cond.notify_all()

    def wait_for(self, predicate: Callable[[list[object]], bool], timeout: float = 3.0) -> None:
        with self._cond:
            assert self._cond.wait_for(lambda: predicate(self.items), timeout), f"timed out; saw {self.items}"

    def states(self, name: str) -> list[DeviceState]:
        return [s.state for s in self.items if isinstance(s, DeviceStatus) and s.name == name]


class FailingDriver:
    """A small real driver: its I/O thread reports CONNECTED, then FAILED after `fail_after` seconds."""

    instances: list[FailingDriver]

    def __init__(self, config: DeviceConfig, sink: EventSink, fail_after: float | None) -> None:
        self.name = config.name
        self.kind = config.kind.value
        self._sink = sink
        self._fail_after = fail_after
        self._status = DeviceStatus(self.name, self.kind, DeviceState.STOPPED)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.started_at: float | None = None

    @property
    def status(self) -> DeviceStatus:
        return self._status

    def start(self) -> None:
        self.started_at = time.monotonic()
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join()
        self._report(DeviceState.STOPPED)

    def report_late(self, event: object) -> None:
        self._sink(event)

    def _run(self) -> None:
        self._report(DeviceState.CONNECTED)
        if self._fail_after is not None and not self._stop.wait(self._fail_after):
            self._report(DeviceState.FAILED, "simulated fault")

    def _report(self, state: DeviceState, detail: str = "") -> None:
        self._status = DeviceStatus(self.name, self.kind, state, detail)
        self._sink(self._status)


@pytest.fixture
def built() -> list[FailingDriver]:
    return []


def failing_factory(built: list[FailingDriver], fail_after: float | None) -> Callable[[DeviceConfig, EventSink], Device]:
    def factory(config: DeviceConfig, sink: EventSink) -> Device:
        driver = FailingDriver(config, sink, fail_after)
        built.append(driver)
        return driver

    return factory


@pytest.fixture
def registries() -> Iterator[list[DeviceRegistry]]:
    made: list[DeviceRegistry] = []
    yield made
    for registry in made:
        registry.stop()


def test_serial_scanner_built_from_config_reports_scans_and_status(registries: list[DeviceRegistry]) -> None:
    events, statuses = Recorder(), Recorder()
    with ScannerSimulator() as sim:
        registry = DeviceRegistry(default_factories(), on_event=events, backoff=FAST)
        registries.append(registry)
        registry.subscribe(statuses)
        registry.start([DeviceConfig("gate-1", DeviceKind.SCANNER_SERIAL, sim.path, {"baudrate": 115200})])
        statuses.wait_for(lambda _: DeviceState.CONNECTED in statuses.states("gate-1"))
        assert registry.statuses()["gate-1"].state is DeviceState.CONNECTED
        sim.scan("1234567890")
        events.wait_for(lambda items: any(isinstance(e, Scan) for e in items))
        assert [e.code for e in events.items if isinstance(e, Scan)] == ["1234567890"]
        sim.unplug()
        statuses.wait_for(lambda _: DeviceState.DISCONNECTED in statuses.states("gate-1"))
        current = registry.status("gate-1")
        assert isinstance(current, ScannerStatus) and current.problem is not None  # the driver's code survives
        registry.stop()
    assert registry.status("gate-1").state is DeviceState.STOPPED


def test_driver_reporting_failed_is_rebuilt_with_growing_pauses(registries: list[DeviceRegistry],
                                                                built: list[FailingDriver]) -> None:
    statuses = Recorder()
    registry = DeviceRegistry({DeviceKind.IDCARD: failing_factory(built, fail_after=0.0)}, backoff=FAST)
    registries.append(registry)
    registry.subscribe(statuses)
    registry.start([DeviceConfig("reader", DeviceKind.IDCARD, "/dev/ttyUSB0")])
    statuses.wait_for(lambda _: len(built) >= 4)
    registry.stop()
    starts = [d.started_at or 0.0 for d in built[:4]]
    pauses = [b - a for a, b in itertools.pairwise(starts)]
    assert pauses[0] >= 0.02 and pauses[1] >= 0.04 and pauses[2] >= 0.08
    restarting = [s for s in statuses.items if isinstance(s, RegistryStatus) and s.problem is RegistryProblem.RESTARTING]
    assert restarting and "attempt" in restarting[0].detail


def test_pause_before_restart_never_exceeds_the_limit() -> None:
    backoff = Backoff(first=0.5, factor=2.0, limit=30.0)
    assert [backoff.delay(n) for n in (1, 2, 3)] == [0.5, 1.0, 2.0]
    assert backoff.delay(50) == 30.0


def test_factory_that_raises_is_reported_failed_and_retried_until_it_works(registries: list[DeviceRegistry],
                                                                          built: list[FailingDriver]) -> None:
    calls = []

    def flaky_factory(config: DeviceConfig, sink: EventSink) -> Device:
        calls.append(config.name)
        if len(calls) < 3:
            raise OSError("camera busy")
        return failing_factory(built, fail_after=None)(config, sink)

    statuses = Recorder()
    registry = DeviceRegistry({DeviceKind.CAMERA: flaky_factory}, backoff=FAST)
    registries.append(registry)
    registry.subscribe(statuses)
    registry.start([DeviceConfig("paper-room", DeviceKind.CAMERA, "0")])
    statuses.wait_for(lambda _: DeviceState.CONNECTED in statuses.states("paper-room"))
    failures = [s for s in statuses.items if isinstance(s, RegistryStatus) and s.state is DeviceState.FAILED]
    assert len(failures) == 2 and failures[0].problem is RegistryProblem.DRIVER_BUILD_FAILED
    assert "camera busy" in failures[0].detail


def test_kind_without_a_driver_fails_once_with_a_stable_code_and_is_not_retried(registries: list[DeviceRegistry]) -> None:
    statuses = Recorder()
    registry = DeviceRegistry({}, backoff=FAST)
    registries.append(registry)
    registry.subscribe(statuses)
    registry.start([DeviceConfig("cam", DeviceKind.SCANNER_CAMERA)])
    statuses.wait_for(lambda _: DeviceState.FAILED in statuses.states("cam"))
    time.sleep(0.1)
    status = registry.status("cam")
    assert isinstance(status, RegistryStatus) and status.problem is RegistryProblem.NO_DRIVER
    assert statuses.states("cam").count(DeviceState.FAILED) == 1


def test_events_from_a_replaced_driver_are_ignored(registries: list[DeviceRegistry], built: list[FailingDriver]) -> None:
    events = Recorder()
    registry = DeviceRegistry({DeviceKind.IDCARD: failing_factory(built, fail_after=None)}, on_event=events, backoff=FAST)
    registries.append(registry)
    registry.start([DeviceConfig("reader", DeviceKind.IDCARD)])
    old = built[0]
    registry.remove("reader")
    registry.add(DeviceConfig("reader", DeviceKind.IDCARD))
    old.report_late(Scan("stale"))
    old.report_late(DeviceStatus("reader", "idcard", DeviceState.FAILED, "late"))
    assert events.items == []
    assert registry.status("reader").state is not DeviceState.FAILED
    assert len(built) == 2


def test_status_uses_the_configured_name_whatever_the_driver_calls_itself(registries: list[DeviceRegistry]) -> None:
    class Renamed(FailingDriver):
        def _report(self, state: DeviceState, detail: str = "") -> None:
            self._sink(DeviceStatus("vendor-name", self.kind, state, detail))

    registry = DeviceRegistry({DeviceKind.IDCARD: lambda c, s: Renamed(c, s, None)})
    registries.append(registry)
    statuses = Recorder()
    registry.subscribe(statuses)
    registry.start([DeviceConfig("desk-3 reader", DeviceKind.IDCARD)])
    statuses.wait_for(lambda _: DeviceState.CONNECTED in statuses.states("desk-3 reader"))
    assert set(registry.statuses()) == {"desk-3 reader"}


def test_unsubscribed_listener_hears_nothing_more(registries: list[DeviceRegistry], built: list[FailingDriver]) -> None:
    heard = Recorder()
    registry = DeviceRegistry({DeviceKind.IDCARD: failing_factory(built, fail_after=None)})
    registries.append(registry)
    unsubscribe = registry.subscribe(heard)
    unsubscribe()
    registry.start([DeviceConfig("r", DeviceKind.IDCARD)])
    time.sleep(0.05)
    assert heard.items == []


def test_concurrent_status_reports_leave_listeners_agreeing_with_the_model(registries: list[DeviceRegistry],
                                                                           built: list[FailingDriver]) -> None:
    registry = DeviceRegistry({DeviceKind.IDCARD: failing_factory(built, fail_after=None)})
    registries.append(registry)
    last_heard: dict[str, DeviceStatus] = {}
    registry.subscribe(lambda s: last_heard.__setitem__(s.name, s))
    names = [f"r{i}" for i in range(8)]
    registry.start([DeviceConfig(n, DeviceKind.IDCARD) for n in names])

    def hammer(driver: FailingDriver) -> None:
        for i in range(200):
            driver.report_late(DeviceStatus(driver.name, driver.kind, DeviceState.CONNECTED, f"tick {i}"))

    threads = [threading.Thread(target=hammer, args=(d,)) for d in built]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert {n: s.detail for n, s in registry.statuses().items()} == {n: "tick 199" for n in names}
    assert {n: s.detail for n, s in last_heard.items()} == {n: "tick 199" for n in names}


def test_duplicate_device_names_are_refused() -> None:
    registry = DeviceRegistry({})
    registry.add(DeviceConfig("a", DeviceKind.IDCARD))
    with pytest.raises(ValueError, match="'a'"):
        registry.add(DeviceConfig("a", DeviceKind.CAMERA))


def test_config_from_the_typed_settings_keeps_kind_source_and_options() -> None:
    from app.device_settings import parse_device

    typed = parse_device({"name": "gate", "kind": "scanner-serial", "port": "COM3", "options": {"baudrate": 115200}})
    config = DeviceConfig.of(*typed.registry_entry())
    assert config.kind is DeviceKind.SCANNER_SERIAL and config.source == "COM3" and config.options["baudrate"] == 115200


def test_config_options_cannot_be_changed_behind_the_registrys_back() -> None:
    options = {"baudrate": 9600}
    config = DeviceConfig("gate", DeviceKind.SCANNER_SERIAL, "COM3", options)
    options["baudrate"] = 115200
    assert config.options["baudrate"] == 9600
    with pytest.raises(TypeError):
        config.options["baudrate"] = 1  # type: ignore[index]


def test_importing_the_registry_and_its_factories_imports_no_driver() -> None:
    code = "import sys, devices.registry, devices.factories; print(sorted(m for m in ('serial', 'devices.scanner.serial_scanner', 'cv2') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
