"""Property: whatever bytes an exam package holds — a random file, a zip of random members, or a
correctly signed package whose data.json is changed anywhere into anything — reading it gives a
checked package or a `PackageRefused`, never another exception, within the time bound."""

from __future__ import annotations

import io
import json
import tempfile
import warnings
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from app.package.demo import SHANGHAI
from app.package.errors import PackageRefused
from app.package.importer import check_package
from app.package.keys import DEMO_KEY_ID, demo_private_key, demo_trusted_keys
from app.package.writer import DATA, MANIFEST, SIGNATURE, build_manifest, encode_json, write_archive
from tests.security.fuzz_support import bounded, hostile_json, json_values
from tests.unit.test_package_kit import small_content

NAMES = st.sampled_from([MANIFEST, SIGNATURE, DATA, "photos/a.jpg", "photos/", "../x", "other.txt", "photos/a b.jpg"])


def _read(blob: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.vopkg"
        path.write_bytes(blob)
        try:
            check_package(path, demo_trusted_keys())
        except PackageRefused:
            pass


@bounded(150)
@given(st.binary(max_size=2000))
def test_any_file_is_read_or_refused(blob: bytes) -> None:
    _read(blob)


@bounded(100)
@given(st.lists(st.tuples(NAMES, hostile_json()), max_size=6))
def test_any_zip_of_any_members_is_read_or_refused(members: list[tuple[str, bytes]]) -> None:
    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        warnings.simplefilter("ignore", UserWarning)  # duplicate names: wanted here
        for name, body in members:
            zf.writestr(name, body)
    _read(buffer.getvalue())


def _mutate(value: Any, path: list[int], replacement: Any) -> Any:
    """`value` with the part that `path` picks (an index into each level's keys) replaced."""
    if not path or not isinstance(value, dict | list) or not value:
        return replacement
    if isinstance(value, dict):
        key = sorted(value)[path[0] % len(value)]
        return {**value, key: _mutate(value[key], path[1:], replacement)}
    index = path[0] % len(value)
    return [*value[:index], _mutate(value[index], path[1:], replacement), *value[index + 1:]]


def _signed(data_bytes: bytes, names: dict[str, Any], photos: dict[str, bytes]) -> bytes:
    payload = {DATA: data_bytes, **photos}
    manifest = build_manifest(names, payload, revision=1, created_at=datetime(2026, 10, 20, tzinfo=SHANGHAI),
                              key_id=DEMO_KEY_ID)
    with tempfile.TemporaryDirectory() as folder:
        path = write_archive(Path(folder) / "p.vopkg",
                             {MANIFEST: manifest, SIGNATURE: demo_private_key().sign(manifest), **payload})
        return path.read_bytes()


@bounded(60)
@given(st.lists(st.integers(0, 10_000), max_size=5), json_values)
def test_a_signed_package_with_data_changed_anywhere_is_read_or_refused(path: list[int], replacement: Any) -> None:
    data, photos = small_content()
    _read(_signed(encode_json(_mutate(data, path, replacement)), data, photos))


@bounded(40)
@given(hostile_json())
def test_a_signed_package_with_hostile_data_bytes_is_read_or_refused(raw: bytes) -> None:
    data, photos = small_content()
    _read(_signed(raw, data, photos))


def test_the_mutation_helper_reaches_deep_fields() -> None:
    data = {"a": [{"b": 1}, {"c": 2}]}
    assert _mutate(data, [0, 1, 0], "x") == {"a": [{"b": 1}, {"c": "x"}]}
    assert json.dumps(_mutate(data, [], None)) == "null"
