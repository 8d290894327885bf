"""The audit trail as a lazy model: it knows how many events match and holds only the blocks of
them that were shown lately.

`rowCount` is the number of rows (app.services.audit_trail.TrailSize), so the scroll bar is the
whole trail from the first paint and Ctrl+End lands on the newest event at once; a cell of a block
not loaded yet reads "…" and asks for its block (`wanted(generation, block)`, answered through
`set_block`), once. Over the whole trail row n is event first_seq + n, and a number with no event
in the table (a deleted row) shows as such. Fetching on
demand by position, rather than Qt's `fetchMore` growing the list from the top, is what lets a
jump to the end of a million events cost one block, not a million rows.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from app.rules.timing import venue_time
from app.services.audit_trail import AuditLine, TrailSize
from ui.audit.actions import action_text
from ui.tables import HeaderedTableModel

Index = QModelIndex | QPersistentModelIndex
DISPLAY, TOOLTIP = Qt.ItemDataRole.DisplayRole.value, Qt.ItemDataRole.ToolTipRole.value
BLOCK = 200
KEEP_BLOCKS = 64  # 12,800 events in memory at most
COL_SEQ, COL_TIME, COL_ACTOR, COL_ACTION, COL_ENTITY, COL_DETAIL = range(6)
COLUMNS = 6
LOADING = "…"


def cells(line: AuditLine) -> tuple[str, ...]:
    who = f"{line.actor} / {line.cosigner}" if line.cosigner else line.actor
    detail = " · ".join(t for t in (line.reason, line.after or line.before) if t)
    return (str(line.seq), f"{venue_time(line.at):%Y-%m-%d %H:%M:%S}", who, action_text(line.action),
            f"{line.entity_type} {line.entity_id}".strip(), detail)


def _missing(seq: int) -> tuple[str, ...]:
    gone = QCoreApplication.translate("AuditModel", "No event with this number in the trail: removed, or never written.")
    return (str(seq), "", "", "", "", gone)


class AuditModel(HeaderedTableModel):
    def __init__(self, wanted: Callable[[int, int], None], parent: Any = None) -> None:
        super().__init__(COLUMNS, parent)
        self._wanted = wanted
        self._count = 0
        self.first_seq = 0  # > 0: row n is the event numbered first_seq + n
        self.generation = 0  # which filter's answers are current
        self._blocks: OrderedDict[int, list[tuple[str, ...]]] = OrderedDict()
        self._asked: set[int] = set()

    def reset(self, size: TrailSize) -> int:
        """A new filter's answer: `size.rows` rows, nothing loaded. Returns the new generation."""
        self.beginResetModel()
        self.generation += 1
        self._count = max(0, size.rows)
        self.first_seq = size.first_seq
        self._blocks.clear()
        self._asked.clear()
        self.endResetModel()
        return self.generation

    def grow(self, count: int) -> None:
        """The same filter now matches `count` events (more were written): rows are added at the
        end and the last block, which may have been short, is read again when shown."""
        if count <= self._count:
            return
        last = (self._count - 1) // BLOCK if self._count else -1
        self.beginInsertRows(QModelIndex(), self._count, count - 1)
        self._count = count
        self._blocks.pop(last, None)
        self._asked.discard(last)
        self.endInsertRows()
        if last >= 0:
            first = last * BLOCK
            self.dataChanged.emit(self.index(first, 0), self.index(min(count, first + BLOCK) - 1, COLUMNS - 1))

    def set_block(self, generation: int, block: int, lines: Sequence[AuditLine]) -> None:
        if generation != self.generation:
            return  # an answer for a filter no longer shown
        self._asked.discard(block)
        if self.first_seq:  # placed by number: a number the table does not hold says so
            first = self.first_seq + block * BLOCK
            rows = [_missing(first + i) for i in range(min(BLOCK, self._count - block * BLOCK))]
            for line in lines:
                if 0 <= line.seq - first < len(rows):
                    rows[line.seq - first] = cells(line)
        else:
            rows = [cells(line) for line in lines]
        self._blocks[block] = rows
        self._blocks.move_to_end(block)
        while len(self._blocks) > KEEP_BLOCKS:
            self._blocks.popitem(last=False)
        first = block * BLOCK
        last = min(self._count, first + BLOCK) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, COLUMNS - 1))

    def loaded(self, row: int) -> bool:
        block = self._blocks.get(row // BLOCK)
        return block is not None and row % BLOCK < len(block)

    def seq_at(self, row: int) -> int:
        """The event's seq at `row`, 0 while its block is not loaded."""
        return int(self._cell(row, COL_SEQ) or 0) if self.loaded(row) else 0

    def _cell(self, row: int, column: int) -> str:
        block = self._blocks.get(row // BLOCK)
        if block is None:
            b = row // BLOCK
            if b not in self._asked:
                self._asked.add(b)
                self._wanted(self.generation, b)
            return LOADING
        offset = row % BLOCK
        return block[offset][column] if offset < len(block) else ""

    # --- QAbstractTableModel ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else self._count

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role in (DISPLAY, TOOLTIP):
            return self._cell(index.row(), index.column())
        return None

    def multiData(self, index: Index, roleDataSpan: Any) -> None:
        """Every role of a cell in one call (a view asks for 7+ roles to paint one cell)."""
        if not index.isValid():
            return
        text = self._cell(index.row(), index.column())
        for cell in roleDataSpan:
            if cell.role() in (DISPLAY, TOOLTIP) and (cell.role() == DISPLAY or index.column() == COL_DETAIL):
                cell.setData(text)
            else:
                cell.clearData()
