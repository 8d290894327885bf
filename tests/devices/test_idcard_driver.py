"""The ID-card driver against the simulator: real bytes through a pseudo-terminal, no mocks."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import replace

import pytest

from devices.base import DeviceState, DeviceStatus, IoThreadGuard
from devices.idcard.document import CardType
from devices.idcard.driver import IdCardReader, ReaderSettings
from devices.idcard.errors import Fault
from devices.idcard.events import (
    CardRead,
    CardRemoved,
    ProtocolError,
    ReaderProblem,
    ReaderStatus,
    ReadFailed,
)
from devices.idcard.frames import Command
from devices.idcard.link import ReaderLink
from devices.idcard.samples import SAMPLES, sample_fingerprint
from devices.idcard.simulator import ReaderSimulator
from tests.devices.idcard_events import EventLog

FAST = ReaderSettings(
    find_interval=0.02, status_interval=0.5, command_timeout=0.5, connect_timeout=0.5, reopen_interval=0.05
)


@pytest.fixture
def simulator() -> Iterator[ReaderSimulator]:
    with ReaderSimulator() as sim:
        yield sim


def run_reader(sim: ReaderSimulator, settings: ReaderSettings = FAST) -> tuple[IdCardReader, EventLog]:
    log = EventLog()
    reader = IdCardReader(log, sim.path, settings=settings)
    reader.start()
    log.wait_state(DeviceState.CONNECTED)
    return reader, log


def test_card_is_reported_once_per_presentation(simulator: ReaderSimulator) -> None:
    reader, log = run_reader(simulator)
    try:
        simulator.present(CardType.RESIDENT)
        _, first = log.wait_for(CardRead)
        time.sleep(0.3)  # about a dozen more finds with the card still there
        assert len(log.of(CardRead)) == 1
        simulator.remove()
        log.wait_for(CardRemoved)
        simulator.present(CardType.RESIDENT)
        log.wait_for(CardRead, where=lambda e: e is not first)
        assert len(log.of(CardRead)) == 2
        assert first.document == SAMPLES[CardType.RESIDENT]
    finally:
        reader.stop()


@pytest.mark.parametrize("card_type", list(CardType))
def test_each_card_type_is_read_whole_through_the_driver(
    simulator: ReaderSimulator, card_type: CardType
) -> None:
    reader, log = run_reader(simulator)
    try:
        simulator.present(card_type)
        _, event = log.wait_for(CardRead)
        assert event.document == SAMPLES[card_type]
        assert event.document.fingerprint is None
        assert event.cycle.bytes_exchanged == 10 + 15 + 10 + 19 + 10 + 1295
    finally:
        reader.stop()


def test_fingerprint_read_uses_30_10_and_returns_the_prints(simulator: ReaderSimulator) -> None:
    reader, log = run_reader(simulator, replace(FAST, read_fingerprint=True))
    try:
        simulator.present(CardType.RESIDENT, fingerprint=True)
        _, event = log.wait_for(CardRead)
        assert event.document.fingerprint == sample_fingerprint("11010219781027232X")
        assert event.document.photo_wlt == SAMPLES[CardType.RESIDENT].photo_wlt
        assert Command.READ_WITH_FINGERPRINT in simulator.commands_seen()
        assert Command.READ not in simulator.commands_seen()
    finally:
        reader.stop()


def test_sam_failure_marks_the_reader_failed_and_recovery_reconnects(simulator: ReaderSimulator) -> None:
    reader, log = run_reader(simulator)
    try:
        simulator.set_sam_failure()
        _, failed = log.wait_state(DeviceState.FAILED)
        assert "SAM self-test failed (0x60)" in failed.detail
        mark = log.mark()
        simulator.set_sam_failure(None)
        log.wait_state(DeviceState.CONNECTED, after=mark)
        assert not log.of(ReadFailed)
    finally:
        reader.stop()


def test_read_failure_is_reported_once_with_its_meaning_then_the_retry_reads(
    simulator: ReaderSimulator,
) -> None:
    reader, log = run_reader(simulator)
    try:
        simulator.set_read_failure()
        simulator.present(CardType.HKMT_RESIDENCE_PERMIT)
        _, failure = log.wait_for(ReadFailed)
        assert (failure.code, failure.meaning, failure.command) == (0x41, "read failed", "read")
        time.sleep(0.2)
        assert len(log.of(ReadFailed)) == 1  # not once per poll
        simulator.set_read_failure(None)
        _, event = log.wait_for(CardRead)
        assert event.document.card_type is CardType.HKMT_RESIDENCE_PERMIT
    finally:
        reader.stop()


def test_garbage_before_a_reply_is_skipped_reported_and_the_card_still_read(
    simulator: ReaderSimulator,
) -> None:
    reader, log = run_reader(simulator)
    try:
        simulator.inject_garbage(b"\x00\x13\xaa\xaa\x96junk\xaa")
        simulator.present(CardType.FOREIGN_PERMANENT_2017)
        _, garbage = log.wait_for(ProtocolError)
        assert garbage.fault is Fault.GARBAGE and "skipped 10 bytes" in garbage.detail
        log.wait_for(CardRead)
    finally:
        reader.stop()


def test_corrupted_reply_is_a_bad_checksum_error_and_the_next_poll_reads(simulator: ReaderSimulator) -> None:
    reader, log = run_reader(simulator)
    try:
        simulator.corrupt_next_reply()
        simulator.present(CardType.RESIDENT)
        _, error = log.wait_for(ProtocolError)
        assert error.fault is Fault.BAD_CHECKSUM
        log.wait_for(CardRead)
    finally:
        reader.stop()


def test_reply_split_into_one_byte_writes_is_reassembled(simulator: ReaderSimulator) -> None:
    reader, log = run_reader(simulator)
    try:
        simulator.set_split(1, gap=0.00005)
        simulator.present(CardType.FOREIGN_PERMANENT_2023)
        _, event = log.wait_for(CardRead)
        assert event.document == SAMPLES[CardType.FOREIGN_PERMANENT_2023]
        assert not log.of(ProtocolError)
    finally:
        reader.stop()


def test_silent_reader_times_out_cleanly_and_recovers(simulator: ReaderSimulator) -> None:
    reader, log = run_reader(simulator, replace(FAST, command_timeout=0.3))
    try:
        mark = log.mark()
        simulator.set_silent()
        _, timeout = log.wait_for(ProtocolError, after=mark)
        assert timeout.fault is Fault.TIMEOUT and "within 0.3 s" in timeout.detail
        _, status = log.wait_state(DeviceState.FAILED, after=mark)
        assert "not answering" in status.detail
        mark = log.mark()
        simulator.set_silent(False)
        log.wait_state(DeviceState.CONNECTED, after=mark)
    finally:
        reader.stop()


def test_unplug_reports_disconnected_and_replug_reconnects_within_2_s(simulator: ReaderSimulator) -> None:
    reader, log = run_reader(simulator, ReaderSettings())  # the production intervals
    try:
        simulator.present(CardType.RESIDENT)
        log.wait_for(CardRead)
        mark = log.mark()
        simulator.unplug()
        _, gone = log.wait_state(DeviceState.DISCONNECTED, after=mark)
        assert simulator.path in gone.detail
        assert isinstance(gone, ReaderStatus) and gone.problem is ReaderProblem.UNPLUGGED  # as the SDK reader's
        time.sleep(0.4)
        mark = log.mark()
        replugged = time.monotonic()
        simulator.replug()
        stamp, _ = log.wait_state(DeviceState.CONNECTED, timeout=2.5, after=mark)
        assert stamp - replugged < 2.0
        log.wait_for(CardRead, after=mark)  # and it reads again on the new port
    finally:
        reader.stop()


def test_reader_is_found_by_probing_the_candidate_ports(simulator: ReaderSimulator) -> None:
    log = EventLog()
    reader = IdCardReader(
        log, None, settings=FAST, candidates=lambda: ["/dev/nonexistent-tty", simulator.path]
    )
    reader.start()
    try:
        _, status = log.wait_state(DeviceState.CONNECTED)
        assert simulator.path in status.detail
    finally:
        reader.stop()


def test_missing_port_is_retried_until_it_appears() -> None:
    with ReaderSimulator() as sim:
        sim.unplug()
        log = EventLog()
        reader = IdCardReader(log, sim.path, settings=FAST)
        reader.start()
        try:
            _, status = log.wait_for(DeviceStatus, where=lambda s: "not present" in s.detail)
            assert status.state is DeviceState.CONNECTING
            sim.replug()
            log.wait_state(DeviceState.CONNECTED)
        finally:
            reader.stop()


def test_stop_is_prompt_even_while_waiting_for_a_reply(simulator: ReaderSimulator) -> None:
    reader, _ = run_reader(simulator, replace(FAST, command_timeout=5.0))
    simulator.set_silent()
    time.sleep(0.2)  # now inside a 5 s wait
    started = time.monotonic()
    reader.stop()
    assert time.monotonic() - started < 1.0
    assert reader.status.state is DeviceState.STOPPED


def test_unknown_card_type_is_a_protocol_error_reported_once(simulator: ReaderSimulator) -> None:
    reader, log = run_reader(simulator)
    try:
        block = bytearray(" ".encode("utf-16-le") * 128)
        block[248:250] = "Q".encode("utf-16-le")
        simulator.present_text(bytes(block), bytes(1024))
        _, error = log.wait_for(ProtocolError)
        assert error.fault is Fault.UNKNOWN_CARD_TYPE
        time.sleep(0.2)
        assert len(log.of(ProtocolError)) == 1
        assert reader.status.state is DeviceState.CONNECTED
    finally:
        reader.stop()


def test_receiver_that_raises_does_not_stop_the_reader(simulator: ReaderSimulator) -> None:
    log = EventLog()

    def fragile(event: object) -> None:
        log(event)
        raise RuntimeError("receiver bug")

    reader = IdCardReader(fragile, simulator.path, settings=FAST)
    reader.start()
    try:
        simulator.present(CardType.RESIDENT)
        log.wait_for(CardRead)
    finally:
        reader.stop()


def test_link_refuses_io_from_outside_its_thread(simulator: ReaderSimulator) -> None:
    guard = IoThreadGuard()
    guard.bind()
    link = ReaderLink.open(simulator.path, 115200, guard, threading.Event())
    errors: list[BaseException] = []

    def elsewhere() -> None:
        try:
            link.exchange(Command.SAM_STATUS, 0.5)
        except RuntimeError as exc:
            errors.append(exc)

    thread = threading.Thread(target=elsewhere)
    thread.start()
    thread.join()
    link.close()
    assert len(errors) == 1 and "outside its I/O thread" in str(errors[0])


def test_link_reports_port_gone_when_the_pty_master_closes(simulator: ReaderSimulator) -> None:
    # On Linux the slave then reads end-of-file (select says readable, read returns nothing) and
    # writes fail with EIO; both must count as the port vanishing.
    from devices.idcard.link import PortGone

    guard = IoThreadGuard()
    guard.bind()
    link = ReaderLink.open(simulator.path, 115200, guard, threading.Event())
    try:
        assert link.exchange(Command.SAM_STATUS, 0.5).reply.sw3 == 0x90
        simulator.unplug()
        with pytest.raises(PortGone, match=simulator.path):
            link.exchange(Command.SAM_STATUS, 0.5)
    finally:
        link.close()


def test_settings_come_from_device_config_options_and_bad_ones_are_named() -> None:
    settings = ReaderSettings.from_options({"find_interval": 1, "read_fingerprint": True})
    assert (settings.find_interval, settings.read_fingerprint, settings.command_timeout) == (1.0, True, 5.0)
    with pytest.raises(ValueError, match="unknown option 'speed'"):
        ReaderSettings.from_options({"speed": 3})
    with pytest.raises(ValueError, match="'command_timeout' must be positive"):
        ReaderSettings.from_options({"command_timeout": 0})
    with pytest.raises(ValueError, match="'read_fingerprint' must be bool"):
        ReaderSettings.from_options({"read_fingerprint": "yes"})
