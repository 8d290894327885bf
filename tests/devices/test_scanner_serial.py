"""The serial scanner driver over real pseudo-terminals (the simulator owns the master side)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator

import pytest

from devices.base import DeviceState, DeviceStatus
from devices.scanner.scan import Scan, ScanSource
from devices.scanner.serial_scanner import SerialScanner, SerialSettings
from devices.scanner.simulator import ScannerSimulator
from devices.scanner.status import ScannerProblem, ScannerStatus


class Collector:
    """An EventSink that records events and lets the test wait for one."""

    def __init__(self) -> None:
        self.events: list[object] = []
        self.threads: set[int] = set()
        self._cond = threading.Condition()

    def __call__(self, event: object) -> None:
        with self._cond:
            self.events.append(event)
            self.threads.add(threading.get_ident())
            self._cond.notify_all()

    def wait_for(self, predicate: Callable[[list[object]], bool], timeout: float = 3.0) -> None:
        with self._cond:
            assert self._cond.wait_for(lambda: predicate(self.events), timeout), f"timed out; saw {self.events}"

    def codes(self) -> list[str]:
        return [e.code for e in self.events if isinstance(e, Scan)]

    def states(self) -> list[DeviceState]:
        return [e.state for e in self.events if isinstance(e, DeviceStatus)]

    def wait_codes(self, n: int) -> list[str]:
        self.wait_for(lambda _: len(self.codes()) >= n)
        return self.codes()

    def wait_state(self, state: DeviceState, count: int = 1) -> None:
        self.wait_for(lambda _: self.states().count(state) >= count)


@pytest.fixture
def sim() -> Iterator[ScannerSimulator]:
    with ScannerSimulator() as simulator:
        yield simulator


@pytest.fixture
def connect(sim: ScannerSimulator) -> Iterator[Callable[..., tuple[SerialScanner, Collector]]]:
    started: list[SerialScanner] = []

    def make(**settings: object) -> tuple[SerialScanner, Collector]:
        sink = Collector()
        scanner = SerialScanner("desk-1", SerialSettings(sim.path, reconnect_interval=0.05, **settings), sink)  # type: ignore[arg-type]
        started.append(scanner)
        scanner.start()
        sink.wait_state(DeviceState.CONNECTED)
        return scanner, sink

    yield make
    for scanner in started:
        scanner.stop()


@pytest.mark.parametrize("terminator", ["CR", "LF", "CRLF"])
def test_each_terminator_ends_a_scan(sim: ScannerSimulator, connect: Callable[..., tuple[SerialScanner, Collector]],
                                     terminator: str) -> None:
    _, sink = connect(silence=None)
    sim.scan("1234567890", terminator)
    assert sink.wait_codes(1) == ["1234567890"]
    scan = next(e for e in sink.events if isinstance(e, Scan))
    assert scan.source == ScanSource.SERIAL and scan.device == "desk-1"


def test_crlf_sent_byte_by_byte_gives_no_extra_empty_scan(sim: ScannerSimulator, connect: Callable[..., tuple[SerialScanner, Collector]]) -> None:
    _, sink = connect(silence=None)
    sim.scan("AB12", "CRLF", pace=0.005)
    sim.scan("CD34", "CRLF")
    assert sink.wait_codes(2) == ["AB12", "CD34"]


def test_code_without_terminator_is_ended_by_silence(sim: ScannerSimulator, connect: Callable[..., tuple[SerialScanner, Collector]]) -> None:
    _, sink = connect(silence=0.05)
    sim.scan("5566778899", "NONE", pace=0.002)
    assert sink.wait_codes(1) == ["5566778899"]


def test_two_codes_back_to_back_in_one_write_are_two_scans(sim: ScannerSimulator, connect: Callable[..., tuple[SerialScanner, Collector]]) -> None:
    _, sink = connect()
    sim.send(b"1111111111\r\n2222222222\r\n")
    assert sink.wait_codes(2) == ["1111111111", "2222222222"]


def test_control_characters_and_garbage_do_not_become_codes(sim: ScannerSimulator, connect: Callable[..., tuple[SerialScanner, Collector]]) -> None:
    _, sink = connect(silence=None)
    sim.send(b"\x02\x03\r\n\x00\r\x021234567890\x03\r\n")
    assert sink.wait_codes(1) == ["1234567890"]
    time.sleep(0.05)
    assert sink.codes() == ["1234567890"]


def test_partial_line_then_unplug_reports_port_lost_and_no_scan(
    sim: ScannerSimulator, connect: Callable[..., tuple[SerialScanner, Collector]]
) -> None:
    _, sink = connect(silence=None)
    sim.send(b"12345")
    time.sleep(0.05)
    sim.unplug()
    sink.wait_state(DeviceState.DISCONNECTED)
    lost = next(e for e in sink.events if isinstance(e, ScannerStatus) and e.state is DeviceState.DISCONNECTED)
    assert lost.problem is ScannerProblem.PORT_LOST and "5 bytes" in lost.detail
    assert sink.codes() == []


def test_scanner_works_again_when_the_port_returns(sim: ScannerSimulator, connect: Callable[..., tuple[SerialScanner, Collector]]) -> None:
    scanner, sink = connect()
    sim.unplug()
    sink.wait_state(DeviceState.DISCONNECTED)
    sim.plug()
    sink.wait_state(DeviceState.CONNECTED, count=2)
    sim.scan("9876543210")
    assert sink.wait_codes(1) == ["9876543210"]
    assert scanner.status.state is DeviceState.CONNECTED


def test_missing_port_is_reported_by_name_and_stop_is_prompt(tmp_path: object) -> None:
    sink = Collector()
    scanner = SerialScanner("desk-2", SerialSettings("/dev/venue-no-such-port", reconnect_interval=5.0), sink)
    scanner.start()
    sink.wait_state(DeviceState.DISCONNECTED)
    status = scanner.status
    assert isinstance(status, ScannerStatus) and status.problem is ScannerProblem.PORT_NOT_FOUND
    assert "/dev/venue-no-such-port" in status.detail
    began = time.monotonic()
    scanner.stop()
    assert time.monotonic() - began < 0.5
    assert scanner.status.state is DeviceState.STOPPED


def test_stop_while_reading_is_prompt(connect: Callable[..., tuple[SerialScanner, Collector]]) -> None:
    scanner, _ = connect()
    began = time.monotonic()
    scanner.stop()
    assert time.monotonic() - began < 0.5


def test_events_come_from_the_io_thread_not_the_caller(sim: ScannerSimulator, connect: Callable[..., tuple[SerialScanner, Collector]]) -> None:
    _, sink = connect()
    sim.scan("1234567890")
    sink.wait_codes(1)
    (only,) = sink.threads
    assert only != threading.get_ident()


def test_a_sink_that_raises_does_not_stop_the_scanner(sim: ScannerSimulator) -> None:
    good = Collector()

    def flaky(event: object) -> None:
        good(event)
        if isinstance(event, Scan) and event.code == "BAD":
            raise RuntimeError("receiver bug")

    scanner = SerialScanner("desk-3", SerialSettings(sim.path), flaky)
    scanner.start()
    try:
        good.wait_state(DeviceState.CONNECTED)
        sim.scan("BAD")
        sim.scan("GOOD")
        assert good.wait_codes(2) == ["BAD", "GOOD"]
        assert scanner.status.state is DeviceState.CONNECTED
    finally:
        scanner.stop()


def test_settings_refused_by_the_port_fail_with_a_stable_code(sim: ScannerSimulator) -> None:
    sink = Collector()
    scanner = SerialScanner("desk-4", SerialSettings(sim.path, baudrate=12_345_678_901), sink)
    scanner.start()
    try:
        sink.wait_state(DeviceState.FAILED)
        status = scanner.status
        assert isinstance(status, ScannerStatus) and status.problem is ScannerProblem.BAD_SETTINGS
    finally:
        scanner.stop()


@pytest.mark.parametrize("bad", [{"baudrate": 0}, {"parity": "X"}, {"bytesize": 9}, {"silence": 0}, {"port": ""}])
def test_invalid_settings_are_refused_before_any_thread_starts(bad: dict[str, object]) -> None:
    values: dict[str, object] = {"port": "/dev/ttyS0", **bad}
    with pytest.raises(ValueError):
        SerialSettings(**values)  # type: ignore[arg-type]


def test_settings_from_registry_options_accept_baud_and_terminators_and_refuse_unknown_names() -> None:
    s = SerialSettings.from_options("/dev/ttyACM0", {"baudrate": 115200, "terminators": "\r"})
    assert s.baudrate == 115200 and s.terminators == b"\r"
    with pytest.raises(ValueError, match="baud"):
        SerialSettings.from_options("/dev/ttyACM0", {"baud": 115200})
