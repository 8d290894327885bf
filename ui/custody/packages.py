"""The handover wizard's package table as a model: one row per package (expected or scanned), its
colour from `app.rules.custody.check_scanned`. A scan, a count or a seal change touches one row
(`dataChanged` for that row, `rowsInserted` for a package not on the manifest), so the view repaints
one line instead of rebuilding the table."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from app.rules.custody import LineProblem, ManifestItem, Scanned, check_scanned
from ui.custody.names import kind_name, problem_name

GREEN, RED, GREY = QColor("#d3f9d8"), QColor("#ffd8d8"), QColor("#ffffff")
BRUSHES = {"green": QBrush(GREEN), "red": QBrush(RED), "": QBrush(GREY)}
COL_BARCODE, COL_KIND, COL_ROOM, COL_EXPECTED, COL_COUNTED, COL_SEAL, COL_STATUS = range(7)
COLUMNS = 7
READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
EDITABLE = {COL_COUNTED: READ_ONLY | Qt.ItemFlag.ItemIsEditable, COL_SEAL: READ_ONLY | Qt.ItemFlag.ItemIsUserCheckable}

Index = QModelIndex | QPersistentModelIndex
DISPLAY, EDIT = Qt.ItemDataRole.DisplayRole.value, Qt.ItemDataRole.EditRole.value
BACKGROUND, CHECK = Qt.ItemDataRole.BackgroundRole.value, Qt.ItemDataRole.CheckStateRole.value


@dataclass
class PackageLine:
    barcode: str
    item: ManifestItem | None
    expected: bool
    scanned: Scanned | None = None

    def problems(self) -> tuple[LineProblem, ...]:
        if self.scanned is None:
            return (LineProblem.MISSING,) if self.expected else ()
        return check_scanned(self.item, self.scanned, self.expected)

    def colour(self) -> str:
        """"green", "red" or "" (not scanned yet)."""
        if self.scanned is None:
            return ""
        return "red" if self.problems() else "green"


class PackageModel(QAbstractTableModel):
    """The packages of one handover, in manifest order, extras appended as they are scanned."""

    counts_changed = Signal()  # scanned / expected / problem totals may have moved

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._lines: list[PackageLine] = []
        self._row: dict[str, int] = {}
        self._shown: list[tuple[tuple[str, ...], QBrush] | None] = []  # each row's texts and colour, as painted
        self._headers: list[str] = [""] * COLUMNS

    # --- what the wizard asks ---------------------------------------------------------------------

    def set_headers(self, headers: list[str]) -> None:
        self._headers = list(headers)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)

    def reset(self, items: list[ManifestItem]) -> None:
        self.beginResetModel()
        self._lines = [PackageLine(i.barcode, i, True) for i in items]
        self._row = {line.barcode: n for n, line in enumerate(self._lines)}
        self._shown = [None] * len(self._lines)
        self.endResetModel()
        self.counts_changed.emit()

    def line(self, code: str) -> PackageLine | None:
        row = self._row.get(code)
        return None if row is None else self._lines[row]

    def row_of(self, code: str) -> int | None:
        return self._row.get(code)

    def lines(self) -> list[PackageLine]:
        return list(self._lines)

    def codes(self) -> list[str]:
        return [line.barcode for line in self._lines]

    def set_scanned(self, code: str, scanned: Scanned) -> None:
        """Records what was found for a package on the list (one row repainted)."""
        row = self._row[code]
        self._lines[row].scanned = scanned
        self._shown[row] = None
        self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMNS - 1))
        self.counts_changed.emit()

    def add_extra(self, code: str, item: ManifestItem | None) -> bool:
        """A scanned package that is not on the manifest (one row appended); False if already listed."""
        if code in self._row:
            return False
        row = len(self._lines)
        self.beginInsertRows(QModelIndex(), row, row)
        self._lines.append(PackageLine(code, item, False, Scanned(code, item.expected_count if item else 0)))
        self._row[code] = row
        self._shown.append(None)
        self.endInsertRows()
        self.counts_changed.emit()
        return True

    def retranslate(self) -> None:
        self._shown = [None] * len(self._lines)
        if self._lines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._lines) - 1, COLUMNS - 1))

    # --- QAbstractTableModel ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and section < COLUMNS:
            return self._headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid() or self._lines[index.row()].scanned is None:
            return READ_ONLY
        return EDITABLE.get(index.column(), READ_ONLY)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.EditRole:
            return self._row_shown(row)[0][col]
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._row_shown(row)[1]
        if role == Qt.ItemDataRole.CheckStateRole and col == COL_SEAL:
            got = self._lines[row].scanned
            if got is not None:
                return Qt.CheckState.Checked if got.seal_intact else Qt.CheckState.Unchecked
        return None

    def multiData(self, index: Index, roleDataSpan: Any) -> None:
        """Every role of a cell in one call: a view paints a cell by asking for 7+ roles, and one
        Python call per role made a full repaint of the list (a scroll) cost ~20 ms instead of ~8."""
        if not index.isValid():
            return
        row, col = index.row(), index.column()
        texts, brush = self._row_shown(row)
        got = self._lines[row].scanned
        for cell in roleDataSpan:
            role = cell.role()
            if role == DISPLAY or role == EDIT:
                cell.setData(texts[col])
            elif role == BACKGROUND:
                cell.setData(brush)
            elif role == CHECK and col == COL_SEAL and got is not None:
                cell.setData(Qt.CheckState.Checked if got.seal_intact else Qt.CheckState.Unchecked)
            else:
                cell.clearData()

    def _row_shown(self, row: int) -> tuple[tuple[str, ...], QBrush]:
        """A row's texts and colour, worked out once per change (a paint asks for them many times)."""
        shown = self._shown[row]
        if shown is None:
            line = self._lines[row]
            shown = tuple(self._text(line, col) for col in range(COLUMNS)), BRUSHES[line.colour()]
            self._shown[row] = shown
        return shown

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        line = self._lines[index.row()]
        got = line.scanned
        if got is None:
            return False
        if index.column() == COL_COUNTED and role == Qt.ItemDataRole.EditRole:
            try:
                count = int(str(value).strip())
            except ValueError:
                return False
            if count < 0:
                return False
            self.set_scanned(line.barcode, Scanned(got.barcode, count, got.seal_intact, got.seal_number))
            return True
        if index.column() == COL_SEAL and role == Qt.ItemDataRole.CheckStateRole:
            intact = Qt.CheckState(value) == Qt.CheckState.Checked
            self.set_scanned(line.barcode, Scanned(got.barcode, got.count, intact, got.seal_number))
            return True
        return False

    def _text(self, line: PackageLine, col: int) -> str:
        item, got = line.item, line.scanned
        if col == COL_BARCODE:
            return line.barcode
        if col == COL_KIND:
            return kind_name(item.kind) if item else ""
        if col == COL_ROOM:
            return (item.room_code or "") if item else ""
        if col == COL_EXPECTED:
            return str(item.expected_count) if item else ""
        if col == COL_COUNTED:
            return str(got.count) if got else ""
        if col == COL_STATUS:
            if got is None:
                return self.tr("not scanned yet")
            problems = line.problems()
            return ", ".join(problem_name(p) for p in problems) if problems else self.tr("OK")
        return ""
