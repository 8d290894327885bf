"""The WLT photo decoder seam and the `python -m devices idcard` command line."""

from __future__ import annotations

import glob
import json
import os
import signal
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from devices.__main__ import main
from devices.idcard.document import CardType
from devices.idcard.photo import (
    NoPhotoDecoder,
    PhotoDecoderUnavailable,
    PhotoStatus,
    VendorWltDecoder,
    make_photo_decoder,
)
from devices.idcard.simulator import ReaderSimulator


def test_without_a_vendor_library_the_photo_is_not_decodable_here() -> None:
    result = make_photo_decoder(None).decode(bytes(1024))
    assert isinstance(make_photo_decoder(""), NoPhotoDecoder)
    assert (result.status, result.bmp) == (PhotoStatus.NOT_DECODABLE, None)


def test_configured_library_that_does_not_exist_is_a_clear_error() -> None:
    with pytest.raises(PhotoDecoderUnavailable, match=r"/opt/vendor/libwlt2bmp\.so does not exist"):
        make_photo_decoder("/opt/vendor/libwlt2bmp.so")


def test_configured_file_that_is_not_a_library_is_a_clear_error(tmp_path: Path) -> None:
    fake = tmp_path / "WltRS.dll"
    fake.write_bytes(b"MZ not really")
    with pytest.raises(PhotoDecoderUnavailable, match="cannot be loaded"):
        VendorWltDecoder(fake)


def test_library_without_the_vendor_entry_point_is_a_clear_error() -> None:
    libc = next(iter(sorted(glob.glob("/lib/*/libc.so.6") + glob.glob("/usr/lib/*/libc.so.6"))), None)
    if libc is None:
        pytest.skip("no libc.so.6 to stand in for a library without the entry point")
    with pytest.raises(PhotoDecoderUnavailable, match="has no entry point unpack"):
        make_photo_decoder(libc, "unpack")


def test_unknown_flavour_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PhotoDecoderUnavailable, match="flavour"):
        make_photo_decoder(str(tmp_path / "x.so"), "magic")


@pytest.fixture
def simulator() -> Iterator[ReaderSimulator]:
    with ReaderSimulator() as sim:
        yield sim


def test_cli_read_prints_the_card_with_the_number_masked(
    simulator: ReaderSimulator, capsys: pytest.CaptureFixture[str]
) -> None:
    simulator.present(CardType.RESIDENT)
    assert main(["idcard", "read", "--port", simulator.path, "--timeout", "5"]) == 0
    out = capsys.readouterr().out
    assert "110102********232X" in out and "11010219781027232X" not in out
    assert "张三" in out and "not_decodable" in out


def test_cli_read_json_with_show_number_and_fingerprints(
    simulator: ReaderSimulator, capsys: pytest.CaptureFixture[str]
) -> None:
    simulator.present(CardType.FOREIGN_PERMANENT_2023, fingerprint=True)
    code = main(["idcard", "read", "--port", simulator.path, "--json", "--show-number", "--fingerprint"])
    card = json.loads(capsys.readouterr().out)
    assert code == 0
    assert (card["card_type"], card["number"], card["fingerprint_bytes"]) == (
        "foreign2023",
        "930000198507099340",
        1024,
    )


def test_cli_read_without_a_card_exits_1(
    simulator: ReaderSimulator, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["idcard", "read", "--port", simulator.path, "--timeout", "0.5"]) == 1
    assert f"No card was presented on port {simulator.path}" in capsys.readouterr().err


def test_cli_read_on_a_missing_port_exits_3_naming_the_port(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["idcard", "read", "--port", "/dev/ttyNOSUCH", "--timeout", "0.5"]) == 3
    assert "port /dev/ttyNOSUCH is not present" in capsys.readouterr().err


def test_cli_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["idcard", "read", "--timeout", "-3"]) == 2
    assert "must be a positive number of seconds" in capsys.readouterr().err


def test_cli_probe_says_which_port_is_a_reader(
    simulator: ReaderSimulator, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(
            ["idcard", "probe", "--json", "--timeout", "0.2", "--port", simulator.path, "--port", "/dev/nope"]
        )
        == 0
    )
    rows = {row["port"]: row for row in map(json.loads, capsys.readouterr().out.splitlines())}
    assert rows[simulator.path]["reader"] is True and "success (0x90)" in rows[simulator.path]["detail"]
    assert rows["/dev/nope"] == {
        "port": "/dev/nope",
        "reader": False,
        "detail": "port /dev/nope is not present",
    }


def test_cli_simulate_serves_a_reader_until_interrupted(capsys: pytest.CaptureFixture[str]) -> None:
    # Ctrl-C arrives as KeyboardInterrupt in the main thread; raise it there from a timer.
    timer = threading.Timer(0.5, os.kill, (os.getpid(), signal.SIGINT))
    timer.start()
    assert main(["idcard", "simulate", "--card-type", "hkmt"]) == 0
    out, err = capsys.readouterr()
    assert out.strip().endswith("ttyIDCARD") and "hkmt card" in err
