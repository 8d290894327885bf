"""Bounds checked before any real work on a package: how many members its zip says it holds (read
from the end-of-central-directory record, before `zipfile` builds an object per member), how deep
its JSON nests, and how long its numbers are (before `json` recurses or `int()` grinds).

A refusal from here costs a few reads and one pass over the bytes, whatever the package claims.
"""

from __future__ import annotations

import json
import math
import re
import struct
from pathlib import Path
from typing import Any

from app.package import errors

MAX_MEMBERS = 200_010  # every candidate's photo, plus manifest, signature, data and the folder
# A central-directory entry is 46 bytes plus its name (at most "photos/" + 64 + ".jpg") and extras.
MAX_CENTRAL_DIRECTORY = MAX_MEMBERS * 160  # 32 MB
MAX_JSON_DEPTH = 16  # data.json nests 4 deep (top, list, record, seats); the manifest 3
MAX_INT_DIGITS = 18
MAX_FLOAT_CHARS = 32

_EOCD = b"PK\x05\x06"
_EOCD_SIZE = 22
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_EOCD = b"PK\x06\x06"
_ENTRY = b"PK\x01\x02"
_TAIL = _EOCD_SIZE + 0xFFFF  # the record plus the longest comment

# A JSON string, or the unterminated rest of one: always matches from a quote, so the scan is linear.
_STRING = re.compile(rb'"(?:[^"\\]|\\.)*(?:"|\\?\Z)', re.DOTALL)
_NOT_BRACKET = bytes(b for b in range(256) if b not in b"[]{}")


def central_directory(path: Path, size: int) -> tuple[int, int, int]:
    """(members, central-directory bytes, where the directory ends) as the archive's end record
    states them."""
    try:
        with path.open("rb") as f:
            start = max(0, size - _TAIL)
            f.seek(start)
            tail = f.read()
            at = tail.rfind(_EOCD)
            if at < 0 or len(tail) - at < _EOCD_SIZE:
                raise errors.corrupt_archive("not a zip archive or truncated")
            _sig, _disk, _cd_disk, _here, members, cd_size, _cd_offset, _comment = struct.unpack(
                "<4s4H2LH", tail[at:at + _EOCD_SIZE])
            locator = tail[at - 20:at] if at >= 20 else b""
            if locator.startswith(_ZIP64_LOCATOR):
                return _zip64(f, locator)
    except OSError as exc:
        raise errors.corrupt_archive("cannot read the file") from exc
    return members, cd_size, start + at


def _zip64(f: Any, locator: bytes) -> tuple[int, int, int]:
    _sig, _disk, offset, _disks = struct.unpack("<4sLQL", locator)
    f.seek(offset)
    record = f.read(56)
    if len(record) < 56 or not record.startswith(_ZIP64_EOCD):
        raise errors.corrupt_archive("not a zip archive or truncated")
    fields = struct.unpack("<4sQ2H2L4Q", record)
    return int(fields[7]), int(fields[8]), int(offset)


def check_member_count(path: Path, size: int) -> None:
    """Refuse an archive of more than MAX_MEMBERS members: first by what its end record claims,
    then by counting the entry signatures in its central directory (the count field may lie)."""
    members, cd_size, cd_end = central_directory(path, size)
    if members > MAX_MEMBERS or cd_size > MAX_CENTRAL_DIRECTORY:
        raise errors.bad_member(f"{members} files", "too many files")
    try:
        with path.open("rb") as f:
            f.seek(max(0, cd_end - cd_size))
            entries = f.read(cd_size).count(_ENTRY)
    except OSError as exc:
        raise errors.corrupt_archive("cannot read the file") from exc
    if entries > MAX_MEMBERS:
        raise errors.bad_member(f"{entries} files", "too many files")


def check_depth(raw: bytes, member: str, limit: int = MAX_JSON_DEPTH) -> None:
    """Refuse JSON nested deeper than `limit`, counting only brackets outside strings."""
    skeleton = _STRING.sub(b"", raw).translate(None, _NOT_BRACKET)
    depth = 0
    for byte in skeleton:
        if byte in (0x5B, 0x7B):  # [ {
            depth += 1
            if depth > limit:
                raise errors.too_deep(member, limit)
        else:
            depth -= 1


def loads(raw: bytes, member: str, limit: int = MAX_JSON_DEPTH) -> Any:
    """JSON from bytes, within the bounds above, or the `PackageRefused` that says which one."""
    check_depth(raw, member, limit)

    def integer(text: str) -> int:
        if len(text.lstrip("-")) > MAX_INT_DIGITS:
            raise errors.number_too_long(member, MAX_INT_DIGITS)
        return int(text)

    def real(text: str) -> float:
        value = float(text) if len(text) <= MAX_FLOAT_CHARS else math.inf
        if not math.isfinite(value):
            raise errors.number_too_long(member, MAX_INT_DIGITS)
        return value

    def constant(text: str) -> Any:
        raise errors.number_too_long(member, MAX_INT_DIGITS)

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise errors.bad_json(member, 1) from exc
    try:
        return json.loads(text, parse_int=integer, parse_float=real, parse_constant=constant)
    except json.JSONDecodeError as exc:
        raise errors.bad_json(member, exc.lineno) from exc
    except RecursionError as exc:  # not reached after check_depth; kept so no input can crash
        raise errors.too_deep(member, limit) from exc
