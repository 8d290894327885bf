"""What the control room's alerts and tiles ask of the chief: a tile's colour from its room's
alerts, and routine alerts grouped into one line per kind (a short list, never a storm)."""

from __future__ import annotations

from app.rules.lifecycle import Phase
from app.services.control import Alert, RoomTile


def tile_state(tile: RoomTile, phase: Phase, alerts: list[Alert]) -> str:
    """"alarm" (red), "attention" (amber) or "ok": what the tile asks of the chief."""
    mine = [a for a in alerts if a.room_code == tile.code]
    if any(a.kind in ("report_now", "invigilators_short") for a in mine):
        return "alarm"
    if mine:
        return "attention"
    return "ok"


GROUPED = ("checklist_missing", "not_opened", "invigilators_short", "incident_draft")
MAX_ROOMS_LISTED = 10


def grouped(alerts: list[Alert]) -> list[Alert]:
    """One line per kind of routine alert, naming its rooms: a short list, never a storm.
    Incident counts add up; short-staffed rooms group by how many they have."""
    out: list[Alert | tuple[str, int]] = []
    rooms: dict[tuple[str, int], list[str]] = {}
    totals: dict[tuple[str, int], int] = {}
    for a in alerts:
        if a.kind not in GROUPED:
            out.append(a)
            continue
        key = (a.kind, a.count if a.kind == "invigilators_short" else -1)
        if key not in rooms:
            rooms[key], totals[key] = [], 0
            out.append(key)
        rooms[key].append(a.room_code)
        totals[key] += a.count
    result = []
    for item in out:
        if isinstance(item, Alert):
            result.append(item)
            continue
        codes = rooms[item]
        listed = ", ".join(codes[:MAX_ROOMS_LISTED]) + (" …" if len(codes) > MAX_ROOMS_LISTED else "")
        result.append(Alert(item[0], listed, None, item[1] if item[1] >= 0 else totals[item]))
    return result


