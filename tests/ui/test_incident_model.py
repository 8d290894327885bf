"""The incident log's model: a reload that brings a new incident inserts one row at the top, one
that changes an incident repaints that row, and the chief's selection stays on the incident being
read (arts. 32, 46: the log is read while desks keep writing)."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from ui.incidents.model import COL_STATUS, COLUMNS, IncidentModel, IncidentRow

START = datetime(2026, 6, 7, 1, 0, tzinfo=UTC)


def _row(k: int) -> IncidentRow:
    cells = (f"06-07 09:{k:02d}", f"{k:02d}", "Art. 6(1)", "Draft", "", "张三")
    return IncidentRow(uuid.uuid4(), cells, START + timedelta(minutes=k), "S1", f"{k:02d}", "art6.1", "Draft", False,
                       False, "", "facts", "", "周玲", "", (), (), (), (), ())


def test_a_new_incident_is_inserted_on_top_and_the_selection_stays(qtbot: QtBot) -> None:
    model = IncidentModel()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    rows = [_row(2), _row(1)]
    model.set_rows(rows)
    view.selectRow(1)
    inserted: list[tuple[int, int]] = []
    resets: list[int] = []
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    model.modelReset.connect(lambda: resets.append(1))
    model.set_rows([_row(3), *rows])
    assert inserted == [(0, 0)] and not resets
    assert [i.row() for i in view.selectionModel().selectedRows()] == [2]  # still the incident of 09:01
    assert model.cell(2, 0) == "06-07 09:01"


def test_a_confirmed_incident_repaints_its_row_only(qtbot: QtBot) -> None:
    model = IncidentModel()
    rows = [_row(2), _row(1)]
    model.set_rows(rows)
    changed: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(lambda a, b, _roles: changed.append((a.row(), a.column(), b.row(), b.column())))
    confirmed = replace(rows[1], cells=(*rows[1].cells[:COL_STATUS], "Confirmed", *rows[1].cells[COL_STATUS + 1:]))
    model.set_rows([rows[0], confirmed])
    assert changed == [(1, 0, 1, COLUMNS - 1)]
    assert model.cell(1, COL_STATUS) == "Confirmed"


def test_an_incident_gone_resets_the_model(qtbot: QtBot) -> None:
    model = IncidentModel()
    rows = [_row(3), _row(2), _row(1)]
    model.set_rows(rows)
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.set_rows([rows[0], rows[2]])
    assert resets == [1] and model.rowCount() == 2 and model.row_of(rows[1].id) == -1
