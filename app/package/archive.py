"""Reading an exam package defensively, and proving it came from the province unaltered.

Order matters: the archive's shape is checked first (bounded sizes, no path tricks), then the
signature over the exact manifest bytes, then each member's size and SHA-256 against the signed
manifest. Only after that is anything in data.json parsed. Nothing here touches the database.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from app.package import errors, limits
from app.package.schema import validate_manifest
from app.package.writer import DATA, MANIFEST, SIGNATURE

MAX_PACKAGE_BYTES = 512 * 1024 * 1024
MAX_TOTAL_UNCOMPRESSED = 1024 * 1024 * 1024
MAX_MANIFEST_BYTES = 32 * 1024 * 1024
MAX_DATA_BYTES = 256 * 1024 * 1024
MAX_PHOTO_BYTES = 1024 * 1024
SIGNATURE_BYTES = 64
_PHOTO_NAME = re.compile(r"^photos/[A-Za-z0-9_-]{1,64}\.jpg$")


@dataclass(frozen=True)
class VerifiedArchive:
    """A package whose signature and member hashes hold; data.json is still unparsed bytes."""

    manifest: dict[str, Any]
    manifest_sha256: str
    signer_key_id: str
    data: bytes
    photos: dict[str, bytes]
    size: int


def _limit_for(name: str) -> int:
    if name == MANIFEST:
        return MAX_MANIFEST_BYTES
    if name == SIGNATURE:
        return SIGNATURE_BYTES
    if name == DATA:
        return MAX_DATA_BYTES
    return MAX_PHOTO_BYTES


def _check_name(name: str) -> None:
    # Only a closed set of flat names is legal, which also rules out "../", absolute paths,
    # drive letters and backslashes; they are named here so the refusal says which trick it was.
    if name.startswith(("/", "\\")) or "\\" in name or ":" in name:
        raise errors.bad_member(name, "absolute or non-portable path")
    if any(part in {"", ".", ".."} for part in name.rstrip("/").split("/")):
        raise errors.bad_member(name, "path traversal")
    if name not in {MANIFEST, SIGNATURE, DATA, "photos/"} and not _PHOTO_NAME.match(name):
        raise errors.bad_member(name, "unexpected file")


def _survey(zf: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    infos = zf.infolist()
    if len(infos) > limits.MAX_MEMBERS:
        raise errors.bad_member(f"{len(infos)} files", "too many files")
    members: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        _check_name(info.filename)
        if info.is_dir():
            continue
        if info.filename in members:
            raise errors.bad_member(info.filename, "listed twice in the archive")
        if info.flag_bits & 0x1:
            raise errors.bad_member(info.filename, "encrypted")
        limit = _limit_for(info.filename)
        if info.file_size > limit:
            raise errors.member_too_large(info.filename, info.file_size, limit)
        total += info.file_size
        members[info.filename] = info
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise errors.member_too_large("(all files)", total, MAX_TOTAL_UNCOMPRESSED)
    return members


def _read_upto(zf: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo], name: str, limit: int) -> bytes:
    """At most limit + 1 bytes of a member: one past the limit shows it is too long, whatever the
    central directory claims (its sizes may lie, as in zip bombs)."""
    info = members.get(name)
    if info is None:
        raise errors.missing_member(name)
    try:
        with zf.open(info) as f:
            return f.read(limit + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as exc:
        raise errors.corrupt_archive(type(exc).__name__, name) from exc


def _read(zf: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo], name: str, limit: int) -> bytes:
    body = _read_upto(zf, members, name, limit)
    if len(body) > limit:
        raise errors.member_too_large(name, len(body), limit)
    return body


def _signer_key_id(manifest: bytes) -> str:
    """The key id, read from the not-yet-verified manifest only to choose which key to verify with."""
    try:
        parsed = limits.loads(manifest, MANIFEST)
    except errors.PackageRefused as exc:
        if exc.code != "package.bad_json":
            raise  # nested too deep, or a number too long: said as such
        raise errors.corrupt_archive("manifest.json is not JSON", MANIFEST) from exc
    key_id = parsed.get("signer_key_id") if isinstance(parsed, dict) else None
    if not isinstance(key_id, str):
        raise errors.corrupt_archive("manifest.json names no signer", MANIFEST)
    return key_id


def _verify_signature(manifest: bytes, signature: bytes, trusted: dict[str, Ed25519PublicKey]) -> str:
    key_id = _signer_key_id(manifest)
    key = trusted.get(key_id)
    if key is None:
        raise errors.unknown_signer(key_id)
    if len(signature) != SIGNATURE_BYTES:
        raise errors.bad_signature(key_id)
    try:
        key.verify(signature, manifest)
    except InvalidSignature as exc:
        raise errors.bad_signature(key_id) from exc
    return key_id


def read_verified(path: Path, trusted: dict[str, Ed25519PublicKey]) -> VerifiedArchive:
    """Open, verify and read a package, or raise the `PackageRefused` that says why not."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise errors.corrupt_archive("cannot read the file") from exc
    if size > MAX_PACKAGE_BYTES:
        raise errors.archive_too_large(size, MAX_PACKAGE_BYTES)
    limits.check_member_count(path, size)
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise errors.corrupt_archive("not a zip archive or truncated") from exc
    with zf:
        members = _survey(zf)
        manifest_bytes = _read(zf, members, MANIFEST, MAX_MANIFEST_BYTES)
        signature = _read(zf, members, SIGNATURE, SIGNATURE_BYTES)
        key_id = _verify_signature(manifest_bytes, signature, trusted)
        manifest = limits.loads(manifest_bytes, MANIFEST)
        validate_manifest(manifest)
        listed: dict[str, dict[str, Any]] = {}
        for entry in manifest["files"]:
            if entry["path"] in listed:
                raise errors.bad_member(entry["path"], "listed twice in the manifest")
            listed[entry["path"]] = entry
        for name in members:
            if name not in listed and name not in {MANIFEST, SIGNATURE}:
                raise errors.unlisted_member(name)
        if DATA not in listed:
            raise errors.missing_member(DATA)
        bodies: dict[str, bytes] = {}
        for name, entry in listed.items():
            if name not in members:
                raise errors.missing_member(name)
            if members[name].file_size != entry["size"]:
                raise errors.hash_mismatch(name, "size")
            body = _read_upto(zf, members, name, entry["size"])
            if len(body) != entry["size"]:
                raise errors.hash_mismatch(name, "size")
            if hashlib.sha256(body).hexdigest() != entry["sha256"]:
                raise errors.hash_mismatch(name, "SHA-256")
            bodies[name] = body
    data = bodies.pop(DATA)
    return VerifiedArchive(
        manifest=manifest,
        manifest_sha256=hashlib.sha256(manifest_bytes).hexdigest(),
        signer_key_id=key_id,
        data=data,
        photos=bodies,
        size=size,
    )
