"""What the handover wizard may ask of the core, bundled by ui/custody/wiring.py."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from app.rules.custody import ManifestItem, Side
from app.security.auth import StaffSession
from app.services.custody import HandoverDraft, HandoverResult
from app.services.custody_reads import HandoverRecord


@dataclass
class CustodyActions:
    """What the wizard may ask of the core (run off the GUI thread by the runner)."""

    expected: Callable[[str, str, uuid.UUID | None], list[ManifestItem]]
    lookup: Callable[[str], ManifestItem | None]
    sign: Callable[[str, str, Side], StaffSession]
    record: Callable[[HandoverDraft, list[StaffSession], list[StaffSession]], HandoverResult]
    record_of: Callable[[uuid.UUID], HandoverRecord]
    sittings: Callable[[], list[tuple[uuid.UUID, str]]]
    rooms: Callable[[], list[str]]
