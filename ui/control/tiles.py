"""The control room's room tiles: one per room, full-size where every room of the sitting fits,
compact (code and phase, the countdown, admitted of expected) where they would not, so a 1366×768
screen shows all thirty rooms of a venue without scrolling. What a tile asks of the chief is its
colour; grouped alerts name many rooms in one line."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.rules.lifecycle import Phase
from app.services.control import Alert, RoomTile

FULL = (250, 118)  # (narrowest width, height) of a full tile
COMPACT = (168, 66)
SPACING = 8


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


def fitting_grid(count: int, width: int, height: int) -> tuple[int, bool]:
    """(columns, compact) for `count` tiles in a viewport of `width` × `height`: full tiles when
    they all fit, else compact ones (which scroll only past what a screen can hold)."""
    for (tile_w, tile_h), compact in ((FULL, False), (COMPACT, True)):
        columns = max(2, min(10, (width + SPACING) // (tile_w + SPACING)))
        rows = math.ceil(count / columns) if count else 0
        if rows * (tile_h + SPACING) <= height + SPACING or compact:
            return columns, compact
    raise AssertionError("unreachable")


class RoomTileWidget(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="RoomTile")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.code = QLabel(objectName="TileCode")
        self.phase = QLabel(objectName="TilePhase")
        self.timer = QLabel(objectName="TileTimer")
        self.counts = QLabel(objectName="TileCounts")
        self.notes = QLabel(objectName="TileNotes", wordWrap=True)
        for label in (self.timer, self.counts, self.notes):
            # A long text (English, many invigilators) is cut at the tile's edge; it never widens
            # the grid past the window.
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        top = QHBoxLayout()
        top.addWidget(self.code)
        top.addStretch()
        top.addWidget(self.phase)
        layout = QVBoxLayout(self)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.timer)
        layout.addWidget(self.counts)
        layout.addWidget(self.notes)
        self.compact: bool | None = None
        self.set_compact(False)
        self.tile: RoomTile | None = None

    def set_compact(self, compact: bool) -> None:
        if compact == self.compact:
            return
        self.compact = compact
        self.layout().setContentsMargins(*((8, 3, 8, 3) if compact else (12, 8, 12, 8)))
        self.setMinimumHeight(COMPACT[1] if compact else FULL[1])
        self.setMaximumHeight(COMPACT[1] if compact else 16777215)
        self.notes.setVisible(not compact)  # then the notes are the tile's tooltip
        self.setProperty("compact", "yes" if compact else "no")
        self.style().unpolish(self)
        self.style().polish(self)
        for label in (self.code, self.phase, self.timer, self.counts):
            label.style().unpolish(label)
            label.style().polish(label)
            label.updateGeometry()  # its font changed: so does the room it needs

    def set_state(self, state: str) -> None:
        if self.property("state") != state:
            self.setProperty("state", state)
            self.style().unpolish(self)
            self.style().polish(self)
