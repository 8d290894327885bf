"""The incident log's table as a model: one row per incident, newest first.

A reload that brings a new incident inserts its row at the top; one that changes an incident
(confirmed, amended, reported) repaints that row; the view keeps its selection either way. The
rows hold what the screen shows as plain texts and flags, never `None` and never a Qt item per
cell: with a QTableWidget each incident left about nine references to `None` behind for the
rest of the day (PySide6 6.11, bench soak), with this model none.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from ui.tables import HeaderedTableModel

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole.value
COL_TIME, COL_ROOM, COL_CATEGORY, COL_STATUS, COL_REPORT, COL_CANDIDATES = range(6)
COLUMNS = 6
FITTED = (COL_TIME, COL_ROOM, COL_STATUS, COL_REPORT, COL_CANDIDATES)  # as wide as their texts


@dataclass(frozen=True)
class IncidentRow:
    """One incident as the log shows it. Texts are in the language of the load that made it;
    strings that may be absent are "" (not `None`: see the module's note)."""

    id: uuid.UUID
    cells: tuple[str, ...]  # one text per column
    occurred_at: datetime
    sitting_code: str
    room_code: str
    category: str
    status: str  # in words
    serious: bool
    waiting_report: bool  # serious and not reported yet (art. 32)
    reported: str  # "HH:MM by … to …" in words, "" while not reported
    facts: str
    action_taken: str
    recorded_by: str
    confirmed_by: str  # "" while a draft
    candidates: tuple[tuple[str, str], ...]  # (ticket, name)
    candidate_ids: tuple[uuid.UUID, ...]  # in the order of `candidates`
    signatures: tuple[tuple[str, str, tuple[str, ...]], ...]  # (ticket, signed|refused, witnesses)
    evidence: tuple[tuple[str, str, int], ...]  # (name, sha256, size)
    amendments: tuple[tuple[datetime, str, str], ...]  # (at, by, reason)


class IncidentModel(HeaderedTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMNS, parent)
        self._rows: list[IncidentRow] = []

    def rows(self) -> Sequence[IncidentRow]:
        return self._rows

    def row_of(self, incident_id: uuid.UUID) -> int:
        """The row showing `incident_id`, -1 if none does."""
        return next((r for r, row in enumerate(self._rows) if row.id == incident_id), -1)

    def cell(self, row: int, column: int) -> str:
        return self._rows[row].cells[column]

    def set_rows(self, rows: Sequence[IncidentRow]) -> None:
        """Shows `rows`: new incidents at the top are inserted, changed ones repainted; anything
        else (an incident gone, a different order) resets the model."""
        new, old = list(rows), self._rows
        added = len(new) - len(old)
        if added >= 0 and [r.id for r in new[added:]] == [r.id for r in old]:
            if added:
                self.beginInsertRows(QModelIndex(), 0, added - 1)
                self._rows = new[:added] + old
                self.endInsertRows()
            for r in range(added, len(new)):
                if new[r] != self._rows[r]:
                    self._rows[r] = new[r]
                    self.dataChanged.emit(self.index(r, 0), self.index(r, COLUMNS - 1))
            return
        self.beginResetModel()
        self._rows = new
        self.endResetModel()

    # --- QAbstractTableModel ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()].cells[index.column()]
        return None

    def multiData(self, index: Index, roleDataSpan: Any) -> None:
        """Every role of a cell in one call (a view asks for 7+ roles to paint one cell)."""
        if not index.isValid():
            return
        text = self._rows[index.row()].cells[index.column()]
        for cell in roleDataSpan:
            if cell.role() == DISPLAY:
                cell.setData(text)
            else:
                cell.clearData()
