"""The room record as an A4 PDF with Chinese text, through the shared writer."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.db.engine import make_engine
from app.db.migrate import upgrade
from app.services import room_record
from tests.unit.test_control_room_record import _sitting_through
from tests.unit.test_control_support import exam_day
from ui.reports.room_record import room_record_html, write_room_record


def test_art40_room_record_pdf_is_a4_and_holds_the_room_s_facts(qtbot: QtBot, tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'venue.sqlite'}")
    upgrade(engine)
    day = exam_day(engine)
    _sitting_through(day)
    with day.session() as s:
        record = room_record.room_record(s, day.sitting, day.rooms["01"])
    html = room_record_html(record)
    assert "2026000000013" in html and "经济基础知识" in html and "08:37 到达" in html
    out = Path(os.environ.get("VENUE_SCREENSHOTS", tmp_path)) / "room-record.pdf"
    write_room_record(record, out)
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and b"/MediaBox [0 0 595" in data
    assert record.collected_at is not None and record.collected_at - record.starts_at == timedelta(hours=2, minutes=10)
