"""The audit trail screen (审计日志) on a real SQLite file: the trail in order with its newest
event one key away, filters, the chain verified with progress and a broken link said plainly, and
a filtered range exported for an appeal, the export itself audited (arts. 42, 43, 44, 46)."""

from __future__ import annotations

import csv
import sqlite3
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from app.db.engine import make_engine
from app.db.migrate import upgrade
from app.db.models import AuditEvent
from app.errors import PermissionDenied
from app.services import audit
from app.services.audit_trail import AuditQuery, AuditTrailService, TrailSize
from tests.unit.test_control_support import START, Day, exam_day
from ui.audit.model import BLOCK, COL_ACTION, COL_DETAIL, COL_SEQ
from ui.audit.screen import AuditActions, AuditTrailScreen
from ui.runner import OpRunner


@pytest.fixture
def day(tmp_path: Path) -> Day:
    engine = make_engine(f"sqlite:///{tmp_path / 'venue.sqlite'}")
    upgrade(engine)
    d = exam_day(engine)
    chief = d.login("Z0001")
    with sessionmaker(engine)() as s, s.begin():  # a trail longer than a few blocks
        for i in range(3 * BLOCK + 17):
            audit.record(s, chief.actor, "checkin.admit" if i % 3 else "incident.open", "candidate", f"c-{i}",
                         desk="desk-1", now=START + timedelta(seconds=i), after={"i": i})
    return d


def _trail(day: Day) -> AuditTrailService:
    return AuditTrailService(sessionmaker(day.engine, expire_on_commit=False), day.clock, "desk-1")


def _screen(qtbot: QtBot, day: Day, number: str = "Z0001") -> tuple[AuditTrailScreen, AuditTrailService]:
    from app.security.permissions import permissions_of

    user, trail = day.login(number), _trail(day)
    actions = AuditActions(lambda q: trail.size(user, q), lambda q, o, n, f: trail.block(user, q, o, n, f),
                           lambda p: trail.verify(user, p), lambda q, path: trail.export_csv(user, q, path),
                           lambda q, path: trail.export_lines(user, q, path))
    screen = AuditTrailScreen(OpRunner(), actions, permissions_of(user.role), day.clock)
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show()
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    screen.table.setFocus()  # the keys as the chief presses them
    return screen, trail


def _events(day: Day) -> int:
    with sessionmaker(day.engine)() as s:
        return int(s.scalar(select(func.count()).select_from(AuditEvent)) or 0)


def test_art43_the_trail_in_order_and_its_newest_event_one_key_away(qtbot: QtBot, day: Day) -> None:
    screen, _ = _screen(qtbot, day)
    total = _events(day)
    qtbot.waitUntil(lambda: screen.model.rowCount() == total)
    qtbot.waitUntil(lambda: screen.model.loaded(total - 1))  # it opens on the newest events
    assert screen.model.seq_at(total - 1) == total and not screen.model.loaded(0)  # nothing before them read
    assert screen.table.selectionModel().selectedRows()[0].row() == total - 1
    qtbot.keyClick(screen.table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: screen.model.loaded(0))
    assert screen.model.seq_at(0) == 1  # in order from the first event
    qtbot.keyClick(screen.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert screen.table.selectionModel().selectedRows()[0].row() == total - 1
    with sessionmaker(day.engine)() as s, s.begin():  # a desk writes on: the newest row follows
        audit.record(s, day.login("J0001").actor, "checkin.admit", "candidate", "next", desk="desk-2",
                     now=START + timedelta(hours=1))
    screen.refresh()
    qtbot.waitUntil(lambda: screen.model.rowCount() == total + 2)  # the sign-in and the admission
    assert screen.table.selectionModel().selectedRows()[0].row() == total + 1


def test_art43_filters_narrow_the_trail_and_new_events_keep_the_place(qtbot: QtBot, day: Day) -> None:
    screen, _ = _screen(qtbot, day)
    screen.action.setCurrentIndex(screen.action.findData("incident"))
    screen.person.setFocus()
    qtbot.keyClick(screen.person, Qt.Key.Key_Return)
    expected = len([i for i in range(3 * BLOCK + 17) if i % 3 == 0])
    qtbot.waitUntil(lambda: screen.model.rowCount() == expected)
    qtbot.waitUntil(lambda: screen.model.loaded(expected - 1))
    assert screen.model.index(expected - 1, COL_ACTION).data() == "Incidents · incident.open"
    chief = day.login("Z0001")
    with sessionmaker(day.engine)() as s, s.begin():
        audit.record(s, chief.actor, "incident.open", "candidate", "late", desk="desk-2", now=START + timedelta(hours=1))
    resets: list[int] = []
    screen.model.modelReset.connect(lambda: resets.append(1))
    screen.refresh()  # what a reload does when another desk wrote
    qtbot.waitUntil(lambda: screen.model.rowCount() == expected + 1)
    assert not resets  # grown at the end, the list not reset under the chief's eyes


def test_art43_verify_reports_an_intact_chain_then_a_rewritten_event(qtbot: QtBot, day: Day, tmp_path: Path) -> None:
    screen, _ = _screen(qtbot, day)
    qtbot.keyClick(screen.table, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: "holds" in screen.chain.text(), timeout=10_000)
    assert screen.chain.property("bad") is False
    db = sqlite3.connect(tmp_path / "venue.sqlite")  # an insider with the database file
    db.execute("DROP TRIGGER audit_event_no_update")
    db.execute("UPDATE audit_event SET reason = 'nothing happened' WHERE seq = 40")
    db.commit()
    db.close()
    qtbot.keyClick(screen.table, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: "BROKEN" in screen.chain.text(), timeout=10_000)
    assert "40" in screen.chain.text() and screen.chain.property("bad") is True


def test_art44_export_csv_of_a_filtered_range_is_itself_audited(qtbot: QtBot, day: Day, tmp_path: Path) -> None:
    screen, _ = _screen(qtbot, day)
    screen.person.setText("主考")
    screen.action.setCurrentIndex(screen.action.findData("incident"))
    screen.apply()
    out = tmp_path / "appeal.csv"
    screen.write_csv(out)
    qtbot.waitUntil(lambda: "exported" in screen.status.text())
    with out.open(encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert rows[0][:2] == ["seq", "at_venue_time"] and len(rows) - 1 == len([i for i in range(3 * BLOCK + 17) if i % 3 == 0])
    assert {r[5] for r in rows[1:]} == {"incident.open"}
    assert not list(tmp_path.glob("*.partial"))
    with sessionmaker(day.engine)() as s:
        last = s.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)).one()
    assert last.action == "audit.export" and '"format": "csv"' in (last.after_json or "")
    assert '"person": "主考"' in (last.after_json or "") and '"file": "appeal.csv"' in (last.after_json or "")


def test_art44_a_pdf_export_is_written_and_a_too_long_one_refused(qtbot: QtBot, day: Day, tmp_path: Path) -> None:
    screen, _ = _screen(qtbot, day)
    screen.entity.setText("c-1")  # c-1, c-10…c-19, c-100…
    screen.apply()
    out = tmp_path / "appeal.pdf"
    screen.write_pdf(out)
    qtbot.waitUntil(lambda: "exported" in screen.status.text(), timeout=20_000)
    assert out.read_bytes().startswith(b"%PDF")
    import app.services.audit_trail as trail_module

    most, trail_module.EXPORT_MOST = trail_module.EXPORT_MOST, 10
    try:
        screen.status.setText("")
        screen.write_pdf(tmp_path / "long.pdf")
        qtbot.waitUntil(lambda: bool(screen.status.text()))
        assert "CSV" in screen.status.text() and not (tmp_path / "long.pdf").exists()
    finally:
        trail_module.EXPORT_MOST = most


def test_art44_who_may_read_and_who_may_export_is_decided_in_app(qtbot: QtBot, day: Day, tmp_path: Path) -> None:
    deputy, _screen_trail = _screen(qtbot, day, "F0001")
    assert "F7" not in deputy.buttons and "F6" in deputy.buttons  # reads and verifies, exports nothing
    trail = _trail(day)
    with pytest.raises(PermissionDenied):
        trail.export_csv(day.login("F0001"), AuditQuery(), tmp_path / "x.csv")
    with pytest.raises(PermissionDenied):
        trail.count(day.login("J0001"), AuditQuery())  # an invigilator does not read the trail
    assert not (tmp_path / "x.csv").exists()


def test_a_stale_blocks_answer_for_an_old_filter_is_dropped(qtbot: QtBot) -> None:
    from ui.audit.model import AuditModel

    asked: list[Any] = []
    model = AuditModel(lambda g, b: asked.append((g, b)))
    old = model.reset(TrailSize(500))
    assert model.index(0, COL_SEQ).data() == "…" and asked == [(old, 0)]
    assert model.index(1, COL_SEQ).data() == "…" and asked == [(old, 0)]  # asked once per block
    new = model.reset(TrailSize(3))
    model.set_block(old, 0, [])
    assert not model.loaded(0) and new != old


def test_a_typed_wildcard_is_searched_for_as_it_is(day: Day) -> None:
    trail, chief = _trail(day), day.login("Z0001")
    assert trail.count(chief, AuditQuery(person="%")) == 0 and trail.count(chief, AuditQuery(entity="c_1")) == 0
    assert trail.count(chief, AuditQuery(person="主考")) > 3 * BLOCK


def test_art43_an_event_deleted_from_the_table_shows_as_a_numbered_gap(qtbot: QtBot, day: Day, tmp_path: Path) -> None:
    db = sqlite3.connect(tmp_path / "venue.sqlite")  # an insider deletes one event
    db.execute("DROP TRIGGER audit_event_no_delete")
    db.execute("DELETE FROM audit_event WHERE seq = 7")
    db.commit()
    db.close()
    screen, _ = _screen(qtbot, day)
    qtbot.keyClick(screen.table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: screen.model.loaded(7))
    assert [screen.model.seq_at(r) for r in (5, 6, 7)] == [6, 7, 8]  # row 6 keeps the number 7
    assert "No event with this number" in screen.model.index(6, COL_DETAIL).data()
    assert screen.model.index(6, COL_ACTION).data() == ""
