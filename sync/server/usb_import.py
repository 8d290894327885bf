"""Importing a venue's USB results file (sync/usb.py) into the reference server: from the command
line (`import-usb FILE`) and over HTTP (`POST /v1/usb-imports`). A file that is not an export, was
altered, or names a venue the server does not know is refused with a `VenueError`, and the HTTP
endpoint answers 400 with it: nothing is stored."""

from __future__ import annotations

import hashlib
from pathlib import Path

from app.errors import VenueError
from sync import usb
from sync.server.store import ServerStore

MAX_USB_FILE = 512 * 1024 * 1024


def import_usb(store: ServerStore, source: bytes | Path, *, venue_must_be: str | None = None) -> dict[str, object]:
    """Store the records of a results file (its bytes, or its path) as if they had come over the network."""
    blob = source.read_bytes() if isinstance(source, Path) else source
    if len(blob) > MAX_USB_FILE:
        raise VenueError("sync.usb_too_large", "The results file is {size} bytes; at most {limit} are accepted.",
                         size=len(blob), limit=MAX_USB_FILE)
    venue = str(usb.read_header(blob)["venue"])
    if venue_must_be is not None and venue != venue_must_be:
        raise VenueError("sync.usb_other_venue", "The results file is venue {venue}'s, not venue {sender}'s.",
                         venue=venue, sender=venue_must_be)
    key = store.export_key(venue)
    if key is None:
        raise VenueError("sync.usb_unknown_venue", "The results file names venue {venue}, which this server does "
                         "not know.", venue=venue)
    content = usb.open_export(blob, key)
    stored, held, verdict = store.store_usb(venue, hashlib.sha256(blob).hexdigest(), content.records,
                                            content.files, content.head)
    return {"venue": venue, "stored": stored, "already_held": held, "files": len(content.files),
            "audit_verified": verdict.verified if verdict else None, "audit_problem": verdict.problem if verdict else ""}
