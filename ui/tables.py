"""Tables and lists of texts, the one way the screens show them: `TextTable` and `TextList`
(models: nothing per line but its text) and, for the short fixed tables, `fill_table`.

A refresh sets the text of the items already in the table and creates items only for cells
that have none yet. Replacing every item on every refresh (`setItem(r, c, QTableWidgetItem(t))`)
is what the screens did first; in PySide6 6.10 and 6.11 each item made in Python that Qt asked
for its data (painting, a header resized to its contents) keeps a reference to `None` for good
once Qt deletes it. The incident log, refreshed with every verdict at a busy desk, drifted
`None`'s count by one per cell: about 300 a verdict with sixty incidents listed
(tests/ui/test_none_refcount.py, the probe's table_refresh).
With the items kept, a cell costs at most one such reference in its life, when the table shrinks.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

Index = QModelIndex | QPersistentModelIndex
_DISPLAY, _ALIGN = Qt.ItemDataRole.DisplayRole.value, Qt.ItemDataRole.TextAlignmentRole.value
_DECORATION = Qt.ItemDataRole.DecorationRole.value


def fill_table(table: QTableWidget, rows: Sequence[Sequence[str]],
               alignment: Mapping[int, Qt.AlignmentFlag] | None = None) -> None:
    """Shows `rows` (one text per column) in `table`, keeping the items it already holds.
    `alignment`: a column's text alignment, where it is not the default."""
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            item = table.item(r, c)
            if item is None:
                item = QTableWidgetItem(text)
                if alignment and c in alignment:
                    item.setTextAlignment(alignment[c])
                table.setItem(r, c, item)
            elif item.text() != text:
                item.setText(text)


class TextListModel(QAbstractListModel):
    """Lines of text, some with an icon, as a model: `set_rows` repaints the lines that changed and
    adds or removes lines at the end. Nothing per line but its text (an icon where there is one):
    a QListWidgetItem made or wrapped in Python holds a reference to `None` as long as it lives
    (PySide6 6.11), so a list that grows with the day (the control room's report-now alerts) grew
    `None`'s count with it (bench soak)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._texts: list[str] = []
        self._icons: dict[int, QIcon] = {}

    def set_rows(self, rows: Sequence[tuple[str, QIcon | None]]) -> None:
        texts = [text for text, _icon in rows]
        icons = {i: icon for i, (_text, icon) in enumerate(rows) if icon is not None}
        old = len(self._texts)
        if len(texts) < old:
            self.beginRemoveRows(QModelIndex(), len(texts), old - 1)
            del self._texts[len(texts):]
            self.endRemoveRows()
        previous, self._icons = self._icons, icons
        for r in range(min(old, len(texts))):
            if texts[r] != self._texts[r] or icons.get(r) is not previous.get(r):
                self._texts[r] = texts[r]
                self.dataChanged.emit(self.index(r), self.index(r))
        if len(texts) > old:
            self.beginInsertRows(QModelIndex(), old, len(texts) - 1)
            self._texts.extend(texts[old:])
            self.endInsertRows()

    def text(self, row: int) -> str:
        return self._texts[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._texts)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[index.row()]
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icons.get(index.row())
        return None

    def multiData(self, index: Index, roleDataSpan: Any) -> None:
        """Every role of a line in one call (a view asks for 7+ roles to paint one)."""
        if not index.isValid():
            return
        row = index.row()
        for cell in roleDataSpan:
            role = cell.role()
            if role == _DISPLAY:
                cell.setData(self._texts[row])
            elif role == _DECORATION and row in self._icons:
                cell.setData(self._icons[row])
            else:
                cell.clearData()


@dataclass(frozen=True)
class TextLine:
    """One line of a TextList as QListWidget's `item(i)` gave it (its text)."""

    value: str

    def text(self) -> str:
        return self.value


class TextList(QListView):
    """A list of text lines over a TextListModel, with the few QListWidget calls the screens use
    (`count`, `item(i).text()`, `currentRow`, `setCurrentRow`, `currentRowChanged`)."""

    currentRowChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, objectName: str = "") -> None:
        super().__init__(parent)
        if objectName:
            self.setObjectName(objectName)
        self.rows = TextListModel(self)
        self.setModel(self.rows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.selectionModel().currentRowChanged.connect(lambda current, _previous: self.currentRowChanged.emit(
            current.row()))

    def show_rows(self, rows: Sequence[tuple[str, QIcon | None]]) -> None:
        self.rows.set_rows(rows)

    def count(self) -> int:
        return self.rows.rowCount()

    def item(self, row: int) -> TextLine:
        return TextLine(self.rows.text(row))

    def currentRow(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def setCurrentRow(self, row: int) -> None:
        self.setCurrentIndex(self.rows.index(row) if 0 <= row < self.count() else QModelIndex())


class HeaderedTableModel(QAbstractTableModel):
    """What every table model of texts here shares: a fixed number of columns and their headers,
    set in the current language with `set_headers`. A subclass gives `rowCount` and the cells."""

    def __init__(self, columns: int, parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = columns
        self._headers: tuple[str, ...] = ("",) * columns

    def set_headers(self, headers: Sequence[str]) -> None:
        self._headers = tuple(headers)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self._columns - 1)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else self._columns

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and section < self._columns:
            return self._headers[section]
        return None


class TextRowsModel(HeaderedTableModel):
    """Rows of texts as a model: `set_rows` repaints the rows that changed, adds or removes rows
    at the end, and keeps no Qt item per cell (see the module's note: the lists that grow with
    the day, issue 15)."""

    def __init__(self, columns: int, parent: Any = None) -> None:
        super().__init__(columns, parent)
        self._rows: list[tuple[str, ...]] = []
        self._alignment: dict[int, int] = {}

    def set_alignment(self, alignment: Mapping[int, Qt.AlignmentFlag]) -> None:
        self._alignment = {c: int(a.value) for c, a in alignment.items()}

    def set_rows(self, rows: Sequence[Sequence[str]]) -> None:
        new = [tuple(r) for r in rows]
        old = len(self._rows)
        if len(new) < old:
            self.beginRemoveRows(QModelIndex(), len(new), old - 1)
            del self._rows[len(new):]
            self.endRemoveRows()
        for r in range(min(old, len(new))):
            if new[r] != self._rows[r]:
                self._rows[r] = new[r]
                self.dataChanged.emit(self.index(r, 0), self.index(r, self._columns - 1))
        if len(new) > old:
            self.beginInsertRows(QModelIndex(), old, len(new) - 1)
            self._rows.extend(new[old:])
            self.endInsertRows()

    def cell(self, row: int, column: int) -> str:
        return self._rows[row][column]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        return None

    def multiData(self, index: Index, roleDataSpan: Any) -> None:
        """Every role of a cell in one call (a view asks for 7+ roles to paint one cell)."""
        if not index.isValid():
            return
        text, align = self._rows[index.row()][index.column()], self._alignment.get(index.column())
        for cell in roleDataSpan:
            role = cell.role()
            if role == _DISPLAY:
                cell.setData(text)
            elif role == _ALIGN and align is not None:
                cell.setData(align)
            else:
                cell.clearData()


class TextTable(QTableView):
    """A read-only table of texts over a TextRowsModel, rows selected whole, every column as wide
    as its texts and the last one taking what is left."""

    def __init__(self, columns: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = TextRowsModel(columns, self)
        self.setModel(self.rows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setStretchLastSection(True)

    def show_rows(self, rows: Sequence[Sequence[str]]) -> None:
        self.rows.set_rows(rows)
        for column in range(self.rows.columnCount() - 1):  # a model's new rows do not resize the header
            self.resizeColumnToContents(column)  # by themselves; the last one stretches
