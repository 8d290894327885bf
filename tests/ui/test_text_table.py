"""ui.tables.TextTable, the model the growing lists (overview, attendance sheet) use: a refresh
repaints the rows that changed, adds or removes rows at the end, and holds no Qt item per cell."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from ui.tables import TextTable


def test_a_refresh_touches_only_what_changed(qtbot: QtBot) -> None:
    table = TextTable(3)
    qtbot.addWidget(table)
    table.show_rows([["1", "a", "x"], ["2", "b", "y"]])
    changed: list[tuple[int, int]] = []
    inserted: list[tuple[int, int]] = []
    removed: list[tuple[int, int]] = []
    table.rows.dataChanged.connect(lambda a, b, _r: changed.append((a.row(), b.row())))
    table.rows.rowsInserted.connect(lambda _p, a, b: inserted.append((a, b)))
    table.rows.rowsRemoved.connect(lambda _p, a, b: removed.append((a, b)))
    table.show_rows([["1", "a", "x"], ["2", "B", "y"], ["3", "c", "z"]])
    assert changed == [(1, 1)] and inserted == [(2, 2)] and not removed
    assert table.rows.cell(1, 1) == "B" and table.rows.index(2, 2).data() == "z"
    table.show_rows([["1", "a", "x"]])
    assert removed == [(1, 2)] and table.rows.rowCount() == 1


def test_columns_fit_their_texts_after_a_refresh(qtbot: QtBot) -> None:
    table = TextTable(2)
    qtbot.addWidget(table)
    table.resize(800, 300)
    table.show()
    table.show_rows([["a", "b"]])
    narrow = table.columnWidth(0)
    table.show_rows([["a much longer text than before", "b"]])
    assert table.columnWidth(0) > narrow
