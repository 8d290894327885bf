"""The vendor-SDK reader against a real shared library: devices/idcard/fake_sdtapi.c built with cc
into tmp_path, loaded through ctypes exactly as a vendor's libsdtapi.so, answering from the
simulator's card data. Binding, threading, unplug/replug and every error path run through it."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from app.device_settings import parse_device
from devices.__main__ import main
from devices.base import DeviceState
from devices.device_config import DeviceConfig, DeviceKind
from devices.factories import default_factories
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
from devices.idcard.photo import PhotoResult, PhotoStatus
from devices.idcard.samples import SAMPLES, sample_fingerprint
from devices.idcard.sdk_link import SdkConnector
from devices.idcard.sdk_simulator import SdkSimulator, sample_bmp
from devices.registry import DeviceRegistry
from tests.devices.idcard_events import EventLog
from ui.checkin.convert import from_card

FAST = ReaderSettings(find_interval=0.02, status_interval=0.3, reopen_interval=0.05)
SERIAL_CYCLE_BYTES = 10 + 15 + 10 + 19 + 10 + 1295


@pytest.fixture
def sdk(tmp_path: Path) -> SdkSimulator:
    return SdkSimulator(tmp_path / "sdk")


@pytest.fixture
def readers() -> Iterator[list[IdCardReader]]:
    started: list[IdCardReader] = []
    yield started
    for reader in started:
        reader.stop()


def start(readers: list[IdCardReader], library: Path | str, *, port: int | None = 1001,
          settings: ReaderSettings = FAST, photo_bmp: str | None = None, decoder: object = None) -> EventLog:
    log = EventLog()
    connector = SdkConnector(str(library), port, fingerprint=settings.read_fingerprint, photo_bmp=photo_bmp)
    reader = IdCardReader(log, name="gate", settings=settings, connector=connector, kind="idcard-sdk",
                          photo_decoder=(lambda: decoder) if decoder is not None else None)  # type: ignore[arg-type,return-value]
    readers.append(reader)
    reader.start()
    return log


def connected(readers: list[IdCardReader], sdk: SdkSimulator, **kwargs: object) -> EventLog:
    log = start(readers, sdk.library, **kwargs)  # type: ignore[arg-type]
    log.wait_state(DeviceState.CONNECTED)
    return log


def problem_status(log: EventLog, state: DeviceState, problem: ReaderProblem, timeout: float = 3.0) -> ReaderStatus:
    _, status = log.wait_for(ReaderStatus, timeout, lambda s: s.state is state and s.problem is problem)
    return status


@pytest.mark.parametrize("card_type", list(CardType))
def test_each_card_type_comes_through_the_library_as_the_serial_driver_reports_it(
    sdk: SdkSimulator, readers: list[IdCardReader], card_type: CardType
) -> None:
    log = connected(readers, sdk)
    sdk.present(card_type)
    _, event = log.wait_for(CardRead)
    assert event.document == SAMPLES[card_type]
    assert event.document.photo_wlt == SAMPLES[card_type].photo_wlt
    assert event.reader == "gate" and readers[0].status.kind == "idcard-sdk"
    assert event.cycle.bytes_exchanged == SERIAL_CYCLE_BYTES  # the SAM frames the SDK moved for us
    assert event.photo is None  # no decoder and no SDK photo: the desk uses the registration photo


def test_a_card_is_reported_once_per_presentation_and_its_removal_once(
    sdk: SdkSimulator, readers: list[IdCardReader]
) -> None:
    log = connected(readers, sdk)
    sdk.present()
    log.wait_for(CardRead)
    time.sleep(0.3)
    assert len(log.of(CardRead)) == 1
    sdk.remove()
    log.wait_for(CardRemoved)
    sdk.present(CardType.HKMT_RESIDENCE_PERMIT)
    log.wait_for(CardRead, where=lambda e: e.document.card_type is CardType.HKMT_RESIDENCE_PERMIT)
    assert len(log.of(CardRead)) == 2 and len(log.of(CardRemoved)) == 1


def test_fingerprints_come_through_sdt_readbasefpmsg(sdk: SdkSimulator, readers: list[IdCardReader]) -> None:
    log = connected(readers, sdk, settings=replace(FAST, read_fingerprint=True))
    sdk.present(CardType.RESIDENT, fingerprint=True)
    _, event = log.wait_for(CardRead)
    assert event.document.fingerprint == sample_fingerprint(SAMPLES[CardType.RESIDENT].number)
    assert "SDT_ReadBaseFPMsg" in {name for name, _ in sdk.calls()}
    assert "SDT_ReadBaseMsg" not in {name for name, _ in sdk.calls()}


def test_every_library_call_runs_on_the_readers_own_io_thread(sdk: SdkSimulator, readers: list[IdCardReader]) -> None:
    log = connected(readers, sdk)
    sdk.present()
    log.wait_for(CardRead)
    io = next(t for t in threading.enumerate() if t.name == "gate-io")
    calls = sdk.calls()
    assert {name for name, _ in calls} >= {"SDT_OpenPort", "SDT_GetSAMStatus", "SDT_StartFindIDCard",
                                            "SDT_SelectIDCard", "SDT_ReadBaseMsg"}
    assert {tid for _, tid in calls} == {io.native_id}
    readers[0].stop()
    assert sdk.calls()[-1][0] == "SDT_ClosePort"


@pytest.mark.parametrize("code", [0x02, 0x01])
def test_an_unplugged_reader_is_reported_and_read_again_once_replugged(
    sdk: SdkSimulator, readers: list[IdCardReader], code: int
) -> None:
    log = connected(readers, sdk)
    mark = log.mark()
    sdk.unplug(code)
    status = problem_status(log, DeviceState.DISCONNECTED, ReaderProblem.UNPLUGGED)
    assert f"0x{code:02X}" in status.detail
    time.sleep(0.2)  # reopening fails while it is out
    assert not [s for s in log.of(ReaderStatus)[mark:] if s.state is DeviceState.CONNECTED]
    mark = log.mark()
    sdk.replug()
    log.wait_state(DeviceState.CONNECTED, after=mark)
    sdk.present()
    log.wait_for(CardRead, after=mark)
    names = [name for name, _ in sdk.calls()]
    assert "SDT_ClosePort" in names  # the stale port was closed before it was opened again


def test_a_card_on_the_reader_while_it_was_unplugged_is_read_after_the_replug(
    sdk: SdkSimulator, readers: list[IdCardReader]
) -> None:
    log = connected(readers, sdk)
    sdk.present()
    log.wait_for(CardRead)
    sdk.unplug()
    problem_status(log, DeviceState.DISCONNECTED, ReaderProblem.UNPLUGGED)
    mark = log.mark()
    sdk.replug()
    log.wait_for(CardRead, after=mark)  # a fresh connection does not assume the old card was seen


def test_without_a_port_the_usb_then_serial_ports_are_searched(sdk: SdkSimulator, readers: list[IdCardReader]) -> None:
    sdk.set_port(3)
    log = start(readers, sdk.library, port=None)
    _, status = log.wait_state(DeviceState.CONNECTED)
    assert "serial port 3" in status.detail
    opened = [name for name, _ in sdk.calls()].count("SDT_OpenPort")
    assert opened == 16 + 3  # 1001–1016, then 1, 2, 3


def test_a_configured_port_the_reader_is_not_on_never_connects(sdk: SdkSimulator, readers: list[IdCardReader]) -> None:
    sdk.set_port(1005)
    log = start(readers, sdk.library, port=1001)
    status = problem_status(log, DeviceState.CONNECTING, ReaderProblem.NOT_FOUND)
    assert "USB port 1001" in status.detail and "0x01" in status.detail
    time.sleep(0.2)
    assert readers[0].status.state is DeviceState.CONNECTING


def test_a_missing_library_fails_the_reader_by_name(tmp_path: Path, readers: list[IdCardReader]) -> None:
    log = start(readers, tmp_path / "libsdtapi.so")
    status = problem_status(log, DeviceState.FAILED, ReaderProblem.LIBRARY_MISSING)
    assert "libsdtapi.so does not exist" in status.detail


def _patched(library: Path, target: Path, patch: dict[int, bytes]) -> Path:
    data = bytearray(library.read_bytes())
    for offset, value in patch.items():
        data[offset:offset + len(value)] = value
    target.write_bytes(bytes(data))
    return target


@pytest.mark.parametrize(("patch", "built_for"), [
    ({18: (40).to_bytes(2, "little")}, "built for 64-bit ARM Linux"),  # another processor (e_machine)
    ({4: b"\x01"}, "built for 32-bit x86 Linux"),  # a 32-bit library (ELF class)
])
def test_a_library_for_another_architecture_says_so(
    sdk: SdkSimulator, tmp_path: Path, readers: list[IdCardReader], patch: dict[int, bytes], built_for: str
) -> None:
    wrong = _patched(sdk.library, tmp_path / "libsdtapi.so", patch)
    log = start(readers, wrong)
    status = problem_status(log, DeviceState.FAILED, ReaderProblem.WRONG_ARCHITECTURE)
    assert built_for in status.detail and "this program is 64-bit x86 Linux" in status.detail


def test_a_windows_dll_on_this_pc_is_the_wrong_architecture(tmp_path: Path, readers: list[IdCardReader]) -> None:
    header = b"MZ" + bytes(58) + (64).to_bytes(4, "little") + b"PE\0\0" + (0x014C).to_bytes(2, "little")
    dll = tmp_path / "sdtapi.dll"
    dll.write_bytes(header + bytes(512))
    log = start(readers, dll)
    status = problem_status(log, DeviceState.FAILED, ReaderProblem.WRONG_ARCHITECTURE)
    assert "32-bit x86 Windows" in status.detail


def test_a_file_that_is_no_library_is_refused_as_such(tmp_path: Path, readers: list[IdCardReader]) -> None:
    text = tmp_path / "libsdtapi.so"
    text.write_text("the vendor's README, copied by mistake\n" * 10)
    log = start(readers, text)
    status = problem_status(log, DeviceState.FAILED, ReaderProblem.NOT_A_LIBRARY)
    assert "cannot be loaded" in status.detail


def test_a_library_without_sdt_readbasemsg_is_refused_naming_it(tmp_path: Path, readers: list[IdCardReader]) -> None:
    partial = SdkSimulator(tmp_path / "partial", omit=["SDT_ReadBaseMsg"])
    log = start(readers, partial.library)
    status = problem_status(log, DeviceState.FAILED, ReaderProblem.MISSING_SYMBOL)
    assert status.detail.endswith("has no SDT_ReadBaseMsg")
    assert partial.calls() == []  # refused before any call


def test_the_fingerprint_function_is_needed_only_when_fingerprints_are_read(
    tmp_path: Path, readers: list[IdCardReader]
) -> None:
    partial = SdkSimulator(tmp_path / "nofp", omit=["SDT_ReadBaseFPMsg"])
    log = connected(readers, partial)
    partial.present()
    log.wait_for(CardRead)
    log = start(readers, partial.library, settings=replace(FAST, read_fingerprint=True))
    assert "SDT_ReadBaseFPMsg" in problem_status(log, DeviceState.FAILED, ReaderProblem.MISSING_SYMBOL).detail


def test_a_failed_read_is_reported_once_per_presentation(sdk: SdkSimulator, readers: list[IdCardReader]) -> None:
    log = connected(readers, sdk)
    sdk.fail("read", 0x41)
    sdk.present()
    _, failed = log.wait_for(ReadFailed)
    assert (failed.code, failed.meaning, failed.command) == (0x41, "read failed", "read")
    time.sleep(0.3)
    assert len(log.of(ReadFailed)) == 1 and not log.of(CardRead)
    sdk.fail("read", None)
    sdk.remove()
    time.sleep(0.1)
    sdk.present()
    log.wait_for(CardRead)


def test_a_card_leaving_between_find_and_select_is_no_failure(sdk: SdkSimulator, readers: list[IdCardReader]) -> None:
    log = connected(readers, sdk)
    sdk.fail("select", 0x81)
    sdk.present()
    time.sleep(0.3)
    assert not log.of(ReadFailed) and not log.of(CardRead)


def test_a_sam_fault_fails_the_reader_in_the_serial_drivers_words(sdk: SdkSimulator, readers: list[IdCardReader]) -> None:
    log = connected(readers, sdk)
    sdk.fail("sam", 0x60)
    _, status = log.wait_state(DeviceState.FAILED)
    assert status.detail == "USB port 1001 (SDK): SAM self-test failed (0x60)"


def test_a_corrupt_reply_and_a_short_text_block_are_protocol_errors(sdk: SdkSimulator, readers: list[IdCardReader]) -> None:
    log = connected(readers, sdk)
    sdk.fail("find", 0x03)
    _, error = log.wait_for(ProtocolError)
    assert error.fault is Fault.BAD_CHECKSUM
    sdk.fail("find", None)
    sdk.present_text(bytes(100))
    _, error = log.wait_for(ProtocolError, where=lambda e: e.fault is Fault.UNEXPECTED_REPLY)
    assert "100 text bytes" in error.detail and not log.of(CardRead)


def test_art30_a_photo_the_sdk_decodes_into_its_buffer_is_the_cards_photo(
    sdk: SdkSimulator, readers: list[IdCardReader]
) -> None:
    log = connected(readers, sdk)
    sdk.photo_mode("buffer")
    bmp = sample_bmp("resident")
    sdk.present(bmp=bmp)
    _, event = log.wait_for(CardRead)
    assert event.photo == PhotoResult(PhotoStatus.DECODED, bmp=bmp)
    assert event.document.photo_wlt == b""  # the buffer held the BMP, not the WLT


def test_art30_a_photo_file_the_sdk_writes_is_the_cards_photo_and_never_the_previous_cards(
    sdk: SdkSimulator, readers: list[IdCardReader]
) -> None:
    log = connected(readers, sdk, photo_bmp="photo.bmp")  # relative: beside the library
    sdk.photo_mode("file")
    first = sample_bmp("first")
    sdk.present(bmp=first)
    _, event = log.wait_for(CardRead)
    assert event.photo == PhotoResult(PhotoStatus.DECODED, bmp=first)
    assert event.document.photo_wlt == SAMPLES[CardType.RESIDENT].photo_wlt
    sdk.remove()
    log.wait_for(CardRemoved)
    sdk.present(CardType.HKMT_RESIDENCE_PERMIT)  # this time the SDK writes no photo
    _, second = log.wait_for(CardRead, where=lambda e: e.document.card_type is CardType.HKMT_RESIDENCE_PERMIT)
    assert second.photo is not None and second.photo.status is PhotoStatus.FAILED
    assert second.photo.bmp is None and "wrote no photo" in second.photo.detail


class RecordingDecoder:
    def __init__(self) -> None:
        self.seen: list[bytes] = []

    def decode(self, wlt: bytes) -> PhotoResult:
        self.seen.append(wlt)
        return PhotoResult(PhotoStatus.DECODED, bmp=b"BM" + wlt[:4])


def test_without_an_sdk_photo_the_wlt_goes_through_the_configured_decoder(
    sdk: SdkSimulator, readers: list[IdCardReader]
) -> None:
    decoder = RecordingDecoder()
    log = connected(readers, sdk, decoder=decoder)
    sdk.present()
    _, event = log.wait_for(CardRead)
    assert decoder.seen == [SAMPLES[CardType.RESIDENT].photo_wlt]
    assert event.photo == PhotoResult(PhotoStatus.DECODED, bmp=b"BM" + SAMPLES[CardType.RESIDENT].photo_wlt[:4])


def test_the_sdks_own_bmp_wins_over_the_wlt_decoder(sdk: SdkSimulator, readers: list[IdCardReader]) -> None:
    decoder = RecordingDecoder()
    log = connected(readers, sdk, decoder=decoder)
    sdk.photo_mode("buffer")
    bmp = sample_bmp("resident")
    sdk.present(bmp=bmp)
    _, event = log.wait_for(CardRead)
    assert event.photo is not None and event.photo.bmp == bmp and decoder.seen == []


def test_the_registry_builds_the_sdk_reader_from_typed_settings(sdk: SdkSimulator) -> None:
    typed = parse_device({"name": "gate", "kind": "idcard-sdk", "source": str(sdk.library),
                          "options": {"port": 1001, "find_interval": 0.02, "photo_bmp": str(sdk.photo_file)}})
    log = EventLog()
    registry = DeviceRegistry(default_factories(), on_event=log)
    registry.subscribe(log)
    registry.start([DeviceConfig.of(*typed.registry_entry())])
    try:
        _, status = log.wait_state(DeviceState.CONNECTED)
        assert (status.name, status.kind, status.detail) == ("gate", "idcard-sdk", "USB port 1001 (SDK)")
        sdk.photo_mode("file")
        bmp = sample_bmp("registry")
        sdk.present(bmp=bmp)
        _, event = log.wait_for(CardRead)
        assert event.photo is not None and event.photo.bmp == bmp
        assert from_card(event).photo == bmp  # what the desk shows beside the registration photo
    finally:
        registry.stop()


@pytest.mark.parametrize("options", [{"port": 2000}, {"port": "1001"}, {"photo_bmp": 3}, {"baudrate": 9600}])
def test_the_factory_refuses_what_the_settings_would_have(sdk: SdkSimulator, options: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="idcard"):
        default_factories()[DeviceKind.IDCARD_SDK](
            DeviceConfig("gate", DeviceKind.IDCARD_SDK, str(sdk.library), options), EventLog())  # type: ignore[arg-type]


def test_the_command_line_reads_a_card_through_the_library(sdk: SdkSimulator, capsys: pytest.CaptureFixture[str]) -> None:
    sdk.set_port(2)
    sdk.photo_mode("buffer")
    sdk.present(bmp=sample_bmp("cli"))
    code = main(["idcard", "read", "--sdk", str(sdk.library), "--sdk-port", "2", "--json", "--timeout", "5"])
    fields = json.loads(capsys.readouterr().out)
    assert code == 0
    assert (fields["card_type"], fields["number"], fields["photo"]) == ("resident", "110102********232X", "decoded")


def test_the_command_line_says_at_once_why_a_library_cannot_be_used(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    started = time.monotonic()
    code = main(["idcard", "read", "--sdk", str(tmp_path / "libsdtapi.so"), "--timeout", "30"])
    assert code == 3 and time.monotonic() - started < 2.0
    assert "libsdtapi.so does not exist" in capsys.readouterr().err
    assert main(["idcard", "read", "--sdk", "x.so", "--sdk-port", "1017"]) == 2
