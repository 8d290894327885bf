"""The control room's room tiles: one per room, full-size where every room of the sitting fits,
compact (code and phase, the countdown, admitted of expected) where they would not, so a 1366×768
screen shows all thirty rooms of a venue without scrolling. What a tile asks of the chief is its
colour (app.services.control_alerts.tile_state)."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.rules.lifecycle import Countdowns, Phase, RoomClock, room_clock
from app.services.control import RoomTile
from ui.control.texts import phase_name
from ui.durations import duration
from ui.restyle import restyle

FULL = (250, 118)  # (narrowest width, height) of a full tile
COMPACT = (168, 66)
SPACING = 8


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
        restyle(self)
        for label in (self.code, self.phase, self.timer, self.counts):
            restyle(label)
            label.updateGeometry()  # its font changed: so does the room it needs

    def set_state(self, state: str) -> None:
        if self.property("state") != state:
            self.setProperty("state", state)
            restyle(self)

    def show_room(self, tile: RoomTile, room_phase: Phase, c: Countdowns, state: str) -> None:
        self.code.setText(tile.code)
        self.phase.setText(phase_name(room_phase))
        self.timer.setText(self._timer_text(room_phase, c))
        if self.compact:
            self.counts.setText(self.tr("In {admitted}/{expected} · absent {absent}").format(
                expected=tile.expected, admitted=tile.admitted, absent=tile.absent))
        else:
            self.counts.setText(self.tr("Expected {expected} · admitted {admitted} · absent {absent}").format(
                expected=tile.expected, admitted=tile.admitted, absent=tile.absent))
        notes = []
        if tile.open_incidents:
            notes.append(self.tr("⚠ {count} to confirm").format(count=tile.open_incidents))
        if tile.handed_in:
            notes.append(self.tr("{count} handed in").format(count=tile.handed_in))
        notes.append(" · ".join(tile.invigilators) if tile.invigilators else self.tr("no invigilators drawn"))
        self.notes.setText("   ".join(notes))
        self.setToolTip("\n".join(notes) if self.compact else "")
        self.set_state(state)

    def _timer_text(self, room_phase: Phase, c: Countdowns) -> str:
        clock = room_clock(room_phase, c)
        if clock is None:
            return ""
        kind, seconds = clock
        if kind is RoomClock.NOT_OPENED:
            return self.tr("Not opened")
        time = duration(seconds, round_up=True)
        if kind is RoomClock.STARTS:
            return self.tr("Starts in {time}").format(time=time)
        if kind is RoomClock.ENTRY_CLOSES:
            return self.tr("Entry closes in {time}").format(time=time)
        if kind is RoomClock.SEALED:
            return self.tr("Sealed for {time}").format(time=time)
        return self.tr("Ends in {time}").format(time=time)
