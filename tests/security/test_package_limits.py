"""A hostile exam package is refused fast, with little memory, and nothing written: deep JSON in the
unsigned manifest or the signed data, a number thousands of digits long, a zip of too many members,
and a ticket pattern that backtracks (art. 51: the package is checked before anything is applied)."""

from __future__ import annotations

import re
import struct
import time
import tracemalloc
import zlib
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine

from app.package import errors
from app.package.demo import SHANGHAI
from app.package.importer import check_package
from app.package.keys import DEMO_KEY_ID, demo_private_key, demo_trusted_keys
from app.package.ticket_pattern import compile_ticket_pattern
from app.package.writer import DATA, MANIFEST, SIGNATURE, build_manifest, encode_json, write_archive
from tests.unit.test_package_kit import refused, row_counts, small_content, small_package

SECOND = 1.0
HUNDRED_MB = 100 * 1024 * 1024


def _signed(path: Path, data_bytes: bytes) -> Path:
    """A package whose data.json is exactly these bytes, correctly signed by the (trusted) demo key."""
    names, photos = small_content()
    payload = {DATA: data_bytes, **photos}
    manifest = build_manifest(names, payload, revision=1, created_at=datetime(2026, 10, 20, tzinfo=SHANGHAI),
                              key_id=DEMO_KEY_ID)
    return write_archive(path, {MANIFEST: manifest, SIGNATURE: demo_private_key().sign(manifest), **payload})


def _refused_fast(path: Path) -> errors.PackageRefused:
    """Refused within a second (timed alone) and 100 MB (measured in a second run: tracemalloc
    slows the code it watches)."""
    started = time.perf_counter()
    with pytest.raises(errors.PackageRefused) as caught:
        check_package(path, demo_trusted_keys())
    elapsed = time.perf_counter() - started
    tracemalloc.start()
    try:
        with pytest.raises(errors.PackageRefused):
            check_package(path, demo_trusted_keys())
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert elapsed < SECOND, f"refusal took {elapsed:.2f} s"
    assert peak < HUNDRED_MB, f"refusal used {peak / 1e6:.0f} MB"
    return caught.value


def test_art51_manifest_nested_100000_deep_is_refused_before_the_signature(tmp_path: Path) -> None:
    deep = b"[" * 100_000 + b"]" * 100_000
    path = write_archive(tmp_path / "deep.vopkg", {MANIFEST: deep, SIGNATURE: b"\0" * 64, DATA: b"{}"})
    error = _refused_fast(path)
    assert error.code == "package.too_deep" and error.params["member"] == MANIFEST


def test_art51_signed_data_nested_deep_is_refused(tmp_path: Path) -> None:
    path = _signed(tmp_path / "deep-data.vopkg", b'{"exam":' + b'{"a":' * 50_000 + b"1" + b"}" * 50_001)
    error = _refused_fast(path)
    assert error.code == "package.too_deep" and error.params["member"] == DATA


def test_art51_signed_data_with_a_5000_digit_integer_is_refused(tmp_path: Path) -> None:
    data, _photos = small_content()
    raw = re.sub(rb'"capacity":\d+', b'"capacity":' + b"9" * 5000, encode_json(data), count=1)
    error = _refused_fast(_signed(tmp_path / "digits.vopkg", raw))
    assert error.code == "package.number_too_long" and error.params["member"] == DATA


def test_art51_signed_data_with_an_infinite_number_is_refused(tmp_path: Path) -> None:
    data, _photos = small_content()
    raw = re.sub(rb'"capacity":\d+', b'"capacity":1e999', encode_json(data), count=1)
    assert _refused_fast(_signed(tmp_path / "inf.vopkg", raw)).code == "package.number_too_long"


def _many_members(path: Path, count: int) -> Path:
    """A real zip of `count` empty members (one local header they all point at): small on disk,
    but every member is a central-directory entry a reader must walk."""
    name = b"photos/a.jpg"
    local = struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 0, 0, 0, zlib.crc32(b""), 0, 0, len(name), 0) + name
    entry = struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 0, 0, 0, 0, 0, 0, len(name), 0, 0, 0, 0, 0, 0) + name
    directory = entry * count
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, min(count, 0xFFFF), min(count, 0xFFFF), len(directory),
                      len(local), 0)
    path.write_bytes(local + directory + end)
    return path


def test_art51_zip_of_300000_members_is_refused_before_it_is_walked(tmp_path: Path) -> None:
    error = _refused_fast(_many_members(tmp_path / "many.vopkg", 300_000))
    assert error.code == "package.bad_member" and error.params["reason"] == "too many files"


def test_art51_zip_claiming_two_million_members_is_refused_from_its_end_record(tmp_path: Path) -> None:
    path = _many_members(tmp_path / "claims.vopkg", 10)
    raw = bytearray(path.read_bytes())
    # The Zip64 form of the end record, saying 2,000,000 members in a 94 MB directory.
    cd_size = 2_000_000 * 58
    zip64 = struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, 2_000_000, 2_000_000, cd_size, 0)
    locator = struct.pack("<4sLQL", b"PK\x06\x07", 0, len(raw) - 22, 1)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)
    path.write_bytes(bytes(raw[:-22]) + zip64 + locator + end)
    error = _refused_fast(path)
    assert error.code == "package.bad_member" and error.params["member"] == "2000000 files"


def test_art51_backtracking_ticket_pattern_is_refused_at_once_and_nothing_written(engine: Engine,
                                                                                   tmp_path: Path) -> None:
    def hostile(data: dict[str, object]) -> None:
        exam = data["exam"]
        assert isinstance(exam, dict)
        exam["ticket_pattern"] = r"^(\d+)+$"

    path = small_package(tmp_path, hostile)
    before = row_counts(engine)
    started = time.perf_counter()
    error = refused(engine, path)
    assert time.perf_counter() - started < SECOND
    assert error.code == "package.unsafe_ticket_pattern"
    assert row_counts(engine) == before


@pytest.mark.parametrize("pattern", [r"^26\d{12}$", r"^\d{10,20}$", r"^\d+$", r"^[A-Z]{2}[0-9]{6,12}$",
                                     r"26\d{12}", r"^[A-Za-z0-9-]{1,32}$", r"^2026-.{4}$"])
def test_ordinary_ticket_patterns_stay_accepted(pattern: str) -> None:
    assert compile_ticket_pattern(pattern).pattern == pattern


@pytest.mark.parametrize("pattern", [r"^(\d+)+$", r"^(a|b)\d$", r"^(\d)\1$", r"^(?=2)\d+$", r"^\d+?$",
                                     r"^\d*\d*\d*\d*$", r"^\d{3,1}$", r"^\d{1000}$", r"^a|b$", r"^\D+$"])
def test_unsafe_or_unknown_ticket_patterns_are_refused(pattern: str) -> None:
    started = time.perf_counter()
    with pytest.raises(errors.PackageRefused) as caught:
        compile_ticket_pattern(pattern)
    assert caught.value.code == "package.unsafe_ticket_pattern"
    assert time.perf_counter() - started < 0.1
