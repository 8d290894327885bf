"""Writing an exam package: the provincial side's job, done here for the demo and for tests.

The output is byte-for-byte deterministic for the same inputs (fixed member order and timestamps;
Ed25519 signatures are deterministic), so a demo package made twice from one seed is one file.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

FORMAT = "venue-ops.exam-package"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
DATA = "data.json"
# A fixed member time: the manifest's created_at is the package's time, not the zip's.
_ZIP_TIME = (2020, 1, 1, 0, 0, 0)


def encode_json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False).encode("utf-8")


def build_manifest(
    data: Mapping[str, Any], members: Mapping[str, bytes], *, revision: int, created_at: datetime, key_id: str
) -> bytes:
    if created_at.tzinfo is None:
        raise ValueError("created_at must carry its zone")
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "exam": {"code": data["exam"]["code"], "name": data["exam"]["name"]},
        "venue": {"code": data["venue"]["code"], "name": data["venue"]["name"]},
        "revision": revision,
        "created_at": created_at.isoformat(timespec="seconds"),
        "signer_key_id": key_id,
        "files": [
            {"path": name, "sha256": hashlib.sha256(body).hexdigest(), "size": len(body)}
            for name, body in members.items()
        ],
    }
    return json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")


def write_archive(out: Path, members: Mapping[str, bytes]) -> Path:
    """Members in the given order; JPEGs stored (they do not compress), JSON deflated."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    with zipfile.ZipFile(tmp, "w") as zf:
        for name, body in members.items():
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_STORED if name.endswith(".jpg") else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, body)
    tmp.replace(out)  # a reader never sees half a package
    return out


def write_package(
    out: Path,
    data: Mapping[str, Any],
    photos: Mapping[str, bytes],
    *,
    revision: int,
    created_at: datetime,
    signing_key: Ed25519PrivateKey,
    key_id: str,
) -> Path:
    """Write a signed package: manifest.json, manifest.sig, data.json, photos/… ."""
    payload: dict[str, bytes] = {DATA: encode_json(data)}
    for name in sorted(photos):
        payload[name] = photos[name]
    manifest = build_manifest(data, payload, revision=revision, created_at=created_at, key_id=key_id)
    members = {MANIFEST: manifest, SIGNATURE: signing_key.sign(manifest), **payload}
    return write_archive(out, members)
