"""The registry on a person's word (the devices screen): hold a device for a live test and release
it, restart it now, and take a new list of devices keeping the drivers of those unchanged. Real
serial scanners over pseudo-terminals."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from devices.base import DeviceState
from devices.device_config import DeviceConfig, DeviceKind
from devices.factories import default_factories
from devices.registry import DeviceRegistry
from devices.scanner.scan import Scan
from devices.scanner.simulator import ScannerSimulator
from tests.devices.test_registry import FAST, Recorder


@pytest.fixture
def sims() -> Iterator[tuple[ScannerSimulator, ScannerSimulator]]:
    with ScannerSimulator() as one, ScannerSimulator() as two:
        yield one, two


def _registry(events: Recorder, statuses: Recorder) -> DeviceRegistry:
    registry = DeviceRegistry(default_factories(), on_event=events, backoff=FAST)
    registry.subscribe(statuses)
    return registry


def test_a_held_device_frees_its_port_and_is_not_restarted_until_released(
        sims: tuple[ScannerSimulator, ScannerSimulator]) -> None:
    sim = sims[0]
    events, statuses = Recorder(), Recorder()
    registry = _registry(events, statuses)
    registry.start([DeviceConfig("gate", DeviceKind.SCANNER_SERIAL, sim.path)])
    try:
        statuses.wait_for(lambda _: registry.status("gate").state is DeviceState.CONNECTED)
        registry.hold("gate")
        assert registry.status("gate").state is DeviceState.STOPPED and registry.driver("gate") is None
        sim.scan("HELD000001")  # nobody listens while held
        registry.release("gate")
        statuses.wait_for(lambda _: registry.status("gate").state is DeviceState.CONNECTED)
        sim.scan("BACK000001")
        events.wait_for(lambda items: any(isinstance(e, Scan) and e.code == "BACK000001" for e in items))
        assert "HELD000001" not in [e.code for e in events.items if isinstance(e, Scan)]
    finally:
        registry.stop()


def test_restart_builds_a_fresh_driver_that_works(sims: tuple[ScannerSimulator, ScannerSimulator]) -> None:
    sim = sims[0]
    events, statuses = Recorder(), Recorder()
    registry = _registry(events, statuses)
    registry.start([DeviceConfig("gate", DeviceKind.SCANNER_SERIAL, sim.path)])
    try:
        statuses.wait_for(lambda _: registry.status("gate").state is DeviceState.CONNECTED)
        first = registry.driver("gate")
        registry.restart("gate")
        statuses.wait_for(lambda _: registry.status("gate").state is DeviceState.CONNECTED
                          and registry.driver("gate") is not first)
        sim.scan("AFTER00001")
        events.wait_for(lambda items: any(isinstance(e, Scan) and e.code == "AFTER00001" for e in items))
    finally:
        registry.stop()


def test_reconfigure_keeps_an_unchanged_driver_replaces_a_changed_one_and_drops_a_removed_one(
        sims: tuple[ScannerSimulator, ScannerSimulator]) -> None:
    one, two = sims
    events, statuses = Recorder(), Recorder()
    registry = _registry(events, statuses)
    keep = DeviceConfig("keep", DeviceKind.SCANNER_SERIAL, one.path)
    registry.start([keep, DeviceConfig("gone", DeviceKind.SCANNER_SERIAL, two.path)])
    try:
        statuses.wait_for(lambda _: all(s.state is DeviceState.CONNECTED for s in registry.statuses().values()))
        kept = registry.driver("keep")
        registry.reconfigure([keep, DeviceConfig("new", DeviceKind.SCANNER_SERIAL, two.path)])
        assert set(registry.statuses()) == {"keep", "new"} and registry.driver("keep") is kept
        statuses.wait_for(lambda _: registry.status("new").state is DeviceState.CONNECTED)
        registry.reconfigure([DeviceConfig("keep", DeviceKind.SCANNER_SERIAL, one.path, {"baudrate": 115200}),
                              DeviceConfig("new", DeviceKind.SCANNER_SERIAL, two.path)])
        assert registry.driver("keep") is not kept  # its options changed: a new driver
        statuses.wait_for(lambda _: all(s.state is DeviceState.CONNECTED for s in registry.statuses().values()))
        two.scan("NEW0000001")
        events.wait_for(lambda items: any(isinstance(e, Scan) and e.device == "new" for e in items))
    finally:
        registry.stop()
