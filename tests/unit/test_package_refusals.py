"""Every way an exam package is refused: a specific `package.*` code, params naming the file,
record or field, and nothing written to the database (real SQLite file and real PostgreSQL)."""

from __future__ import annotations

import json
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Engine

from app.package.demo import SHANGHAI
from app.package.keys import demo_private_key
from app.package.writer import write_package
from tests.unit.test_package_kit import (
    members,
    refused,
    rezip,
    row_counts,
    run_import,
    small_content,
    small_package,
)

EMPTY = dict.fromkeys(("exam", "venue", "imported_package", "sitting", "room", "seat", "candidate",
                       "seat_assignment", "staff", "staff_relation", "custody_item", "audit_event"), 0)


def _assert_refused_and_untouched(engine: Engine, path: Path, code: str, **kwargs: Any) -> dict[str, Any]:
    before = row_counts(engine)
    error = refused(engine, path, **kwargs)
    assert error.code == f"package.{code}", error
    assert row_counts(engine) == before
    return error.params


def test_art51_manifest_altered_after_signing_is_a_bad_signature(engine: Engine, tmp_path: Path) -> None:
    content = members(small_package(tmp_path))
    content["manifest.json"] = content["manifest.json"].replace(b'"revision": 1', b'"revision": 9')
    params = _assert_refused_and_untouched(engine, rezip(tmp_path / "t.vopkg", content), "bad_signature")
    assert params == {"key_id": "demo-2026"}
    assert row_counts(engine) == EMPTY


def test_art51_package_signed_by_an_untrusted_key_names_the_signer(engine: Engine, tmp_path: Path) -> None:
    data, photos = small_content()
    path = write_package(tmp_path / "rogue.vopkg", data, photos, revision=1,
                         created_at=datetime(2026, 10, 1, tzinfo=SHANGHAI), signing_key=Ed25519PrivateKey.generate(),
                         key_id="rogue-1")
    assert _assert_refused_and_untouched(engine, path, "unknown_signer") == {"key_id": "rogue-1"}
    # The demo key is trusted only when the caller passes it (the app does so in --demo mode only).
    _assert_refused_and_untouched(engine, small_package(tmp_path), "unknown_signer", trusted_keys={})


def test_truncated_or_non_zip_file_is_a_corrupt_archive(engine: Engine, tmp_path: Path) -> None:
    whole = small_package(tmp_path).read_bytes()
    truncated = tmp_path / "cut.vopkg"
    truncated.write_bytes(whole[: len(whole) // 2])
    _assert_refused_and_untouched(engine, truncated, "corrupt_archive")
    junk = tmp_path / "junk.vopkg"
    junk.write_bytes(b"not a zip at all" * 100)
    _assert_refused_and_untouched(engine, junk, "corrupt_archive")


def test_bad_crc_in_a_member_is_a_corrupt_archive_naming_it(engine: Engine, tmp_path: Path) -> None:
    path = small_package(tmp_path)
    with zipfile.ZipFile(path) as zf:
        photo = next(i for i in zf.infolist() if i.filename.endswith(".jpg"))
        start = photo.header_offset + 30 + len(photo.filename.encode()) + len(photo.extra)
    raw = bytearray(path.read_bytes())
    raw[start + 100] ^= 0xFF  # photos are stored uncompressed: this flips one byte of the JPEG
    path.write_bytes(bytes(raw))
    params = _assert_refused_and_untouched(engine, path, "corrupt_archive")
    assert params["member"] == photo.filename


def test_member_missing_from_archive_is_named(engine: Engine, tmp_path: Path) -> None:
    content = members(small_package(tmp_path))
    gone = next(n for n in content if n.endswith(".jpg"))
    del content[gone]
    assert _assert_refused_and_untouched(engine, rezip(tmp_path / "t.vopkg", content), "missing_file") == {
        "member": gone}


def test_file_whose_hash_differs_from_the_signed_manifest_is_named(engine: Engine, tmp_path: Path) -> None:
    content = members(small_package(tmp_path))
    name = next(n for n in content if n.endswith(".jpg"))
    body = bytearray(content[name])
    body[-10] ^= 0x01  # same size, different bytes, valid zip CRC: only the signed hash catches it
    content[name] = bytes(body)
    params = _assert_refused_and_untouched(engine, rezip(tmp_path / "t.vopkg", content), "hash_mismatch")
    assert params == {"member": name, "field": "SHA-256"}


def test_unlisted_extra_file_and_path_traversal_are_refused(engine: Engine, tmp_path: Path) -> None:
    content = members(small_package(tmp_path))
    extra = {**content, "photos/intruder.jpg": b"\xff\xd8\xff"}
    assert _assert_refused_and_untouched(engine, rezip(tmp_path / "a.vopkg", extra), "unlisted_file") == {
        "member": "photos/intruder.jpg"}
    traversal = {**content, "../../etc/evil.jpg": b"x"}
    params = _assert_refused_and_untouched(engine, rezip(tmp_path / "b.vopkg", traversal), "bad_member")
    assert params["member"] == "../../etc/evil.jpg"


def test_zip_bomb_member_is_refused_by_size_before_reading(engine: Engine, tmp_path: Path) -> None:
    content = members(small_package(tmp_path))
    name = next(n for n in content if n.endswith(".jpg"))
    content[name] = b"\0" * (3 * 1024 * 1024)  # deflates to a few KB
    params = _assert_refused_and_untouched(engine, rezip(tmp_path / "t.vopkg", content), "file_too_large")
    assert params["member"] == name


def test_schema_violation_names_the_json_path_and_the_candidate(engine: Engine, tmp_path: Path) -> None:
    def drop_gender(data: dict[str, Any]) -> None:
        del data["candidates"][4]["gender"]

    params = _assert_refused_and_untouched(engine, small_package(tmp_path, drop_gender), "schema_violation")
    data, _ = small_content()
    assert params["path"] == "candidates[4].gender"
    assert data["candidates"][4]["ticket_number"] in params["record"]
    assert params["member"] == "data.json"


def test_schema_violation_in_a_nested_field_does_not_echo_personal_data(engine: Engine, tmp_path: Path) -> None:
    def bad_number(data: dict[str, Any]) -> None:
        data["candidates"][0]["document_number"] = "11010219781027232X!"

    params = _assert_refused_and_untouched(engine, small_package(tmp_path, bad_number), "schema_violation")
    assert params["path"] == "candidates[0].document_number"
    assert "11010219781027232X" not in json.dumps(params)


def test_duplicate_ticket_numbers_are_named(engine: Engine, tmp_path: Path) -> None:
    def duplicate(data: dict[str, Any]) -> None:
        data["candidates"][2]["ticket_number"] = data["candidates"][1]["ticket_number"]

    data, _ = small_content()
    params = _assert_refused_and_untouched(engine, small_package(tmp_path, duplicate), "duplicate_ticket_number")
    assert params["keys"] == [data["candidates"][1]["ticket_number"]]


def test_art20_one_seat_given_twice_in_a_sitting_names_sitting_room_and_seat(engine: Engine, tmp_path: Path) -> None:
    def twice(data: dict[str, Any]) -> None:
        first, second = data["seat_assignments"][0], data["seat_assignments"][1]
        second["room"], second["seat"] = first["room"], first["seat"]

    data, _ = small_content()
    a, b = data["seat_assignments"][0], data["seat_assignments"][1]
    params = _assert_refused_and_untouched(engine, small_package(tmp_path, twice), "seat_twice")
    assert (params["sitting"], params["room"], params["seat"]) == (a["sitting"], a["room"], a["seat"])
    assert sorted(params["tickets"]) == sorted([a["ticket_number"], b["ticket_number"]])


def test_a_candidate_seated_twice_in_one_sitting_is_refused(engine: Engine, tmp_path: Path) -> None:
    def twice(data: dict[str, Any]) -> None:
        data["seat_assignments"][1]["ticket_number"] = data["seat_assignments"][0]["ticket_number"]

    data, _ = small_content()
    params = _assert_refused_and_untouched(engine, small_package(tmp_path, twice), "candidate_twice")
    assert params["ticket"] == data["seat_assignments"][0]["ticket_number"]


def test_invalid_id_checksum_names_the_ticket_and_only_the_masked_number(engine: Engine, tmp_path: Path) -> None:
    data, _ = small_content()
    victim = next(c for c in data["candidates"] if c["document_type"] == "resident_id")
    number = victim["document_number"]
    wrong = number[:17] + ("0" if number[17] != "0" else "1")

    def corrupt(d: dict[str, Any]) -> None:
        next(c for c in d["candidates"] if c["ticket_number"] == victim["ticket_number"])["document_number"] = wrong

    error = refused(engine, small_package(tmp_path, corrupt))
    assert error.code == "package.invalid_document_number"
    assert error.params["ticket"] == victim["ticket_number"] and error.params["problem"] == "checksum"
    assert wrong not in str(error) and wrong not in json.dumps(error.params)
    assert error.params["masked"] == wrong[:6] + "********" + wrong[-4:]
    assert row_counts(engine) == EMPTY


def test_unresolved_reference_and_unfit_room_are_refused(engine: Engine, tmp_path: Path) -> None:
    def ghost_room(data: dict[str, Any]) -> None:
        data["custody_items"][0]["room"] = "99"

    params = _assert_refused_and_untouched(engine, small_package(tmp_path, ghost_room), "unresolved_reference")
    assert (params["what"], params["key"]) == ("room", "99")

    def paper_room(data: dict[str, Any]) -> None:
        data["rooms"][0]["kind"] = "paper"  # but the computer-based sitting S2 is seated there

    params = _assert_refused_and_untouched(engine, small_package(tmp_path, paper_room, name="p.vopkg"), "room_unfit")
    assert params["room"] == "01" and params["kind"] == "paper"


def test_package_for_another_venue_names_both_codes(engine: Engine, tmp_path: Path) -> None:
    params = _assert_refused_and_untouched(engine, small_package(tmp_path), "wrong_venue", expected_venue_code="320999")
    assert params == {"package_venue": "320107", "venue": "320999"}
    run_import(engine, small_package(tmp_path))

    def elsewhere(data: dict[str, Any]) -> None:
        data["venue"]["code"] = "320999"

    other = small_package(tmp_path, elsewhere, revision=2, name="other.vopkg")
    params = _assert_refused_and_untouched(engine, other, "wrong_venue")
    assert params == {"package_venue": "320999", "venue": "320107"}


def test_older_revision_is_refused_naming_both_revisions(engine: Engine, tmp_path: Path) -> None:
    run_import(engine, small_package(tmp_path, revision=2, name="r2.vopkg"))
    params = _assert_refused_and_untouched(engine, small_package(tmp_path, revision=1, name="r1.vopkg"),
                                           "older_revision")
    assert params == {"revision": 1, "current": 2}


def test_same_revision_with_different_content_is_refused(engine: Engine, tmp_path: Path) -> None:
    run_import(engine, small_package(tmp_path))

    def renamed(data: dict[str, Any]) -> None:
        data["candidates"][0]["name"] = "王小明"

    params = _assert_refused_and_untouched(engine, small_package(tmp_path, renamed, name="b.vopkg"),
                                           "revision_conflict")
    assert params == {"revision": 1}


@pytest.mark.parametrize("part", ["exam", "venue"])
def test_manifest_and_data_must_name_the_same_exam_and_venue(engine: Engine, tmp_path: Path, part: str) -> None:
    content = members(small_package(tmp_path))
    manifest = json.loads(content["manifest.json"])
    manifest[part]["name"] += "（改）"
    # Signed properly: only the disagreement between manifest and data is wrong.
    content["manifest.json"] = json.dumps(manifest, ensure_ascii=False).encode()
    content["manifest.sig"] = demo_private_key().sign(content["manifest.json"])
    params = _assert_refused_and_untouched(engine, rezip(tmp_path / "m.vopkg", content), "manifest_mismatch")
    assert params["field"] == f"{part}.name"
