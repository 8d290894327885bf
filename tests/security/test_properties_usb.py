"""Property: whatever a USB results file holds — any bytes, the right magic line with any header,
or an authentic (correctly sealed) file whose content is anything — reading it gives the export or
a `VenueError`, never another exception."""

from __future__ import annotations

import io
import json
import os
import zipfile

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from hypothesis import given
from hypothesis import strategies as st

from app.errors import VenueError
from sync.usb import MAGIC, open_export, read_header
from tests.security.fuzz_support import bounded, hostile_json

KEY = bytes(range(32))


def _open(blob: bytes) -> None:
    try:
        read_header(blob)
        open_export(blob, KEY)
    except VenueError as exc:
        assert exc.code.startswith("sync.usb_"), exc.code


def _sealed(plain: bytes, venue: object = "320107") -> bytes:
    nonce = os.urandom(12)
    header = json.dumps({"venue": venue, "created_at": "2026-11-01T08:00:00+08:00", "nonce": nonce.hex()}).encode()
    header += b"\n"
    return MAGIC + header + AESGCM(KEY).encrypt(nonce, plain, MAGIC + header)


@bounded(100)
@given(st.binary(max_size=500))
def test_any_bytes_are_an_export_or_refused(blob: bytes) -> None:
    _open(blob)
    _open(MAGIC + blob)


@bounded(100)
@given(hostile_json(), st.binary(max_size=100))
def test_any_header_is_read_or_refused(header: bytes, rest: bytes) -> None:
    _open(MAGIC + header.replace(b"\n", b" ") + b"\n" + rest)


@st.composite
def contents(draw: st.DrawFn) -> bytes:
    """An authentic file's plaintext: junk, or a zip of records.jsonl / audit_head.json / files."""
    if draw(st.booleans()):
        return draw(st.binary(max_size=300))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name in draw(st.lists(st.sampled_from(["records.jsonl", "audit_head.json", "files/ab", "x"]),
                                  max_size=4, unique=True)):
            zf.writestr(name, draw(hostile_json()))
    return buffer.getvalue()


@bounded(80)
@given(contents(), st.sampled_from(["320107", 7, None, ["a"]]))
def test_an_authentic_file_with_any_content_is_read_or_refused(plain: bytes, venue: object) -> None:
    _open(_sealed(plain, venue))
