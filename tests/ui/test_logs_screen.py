"""The program-log screen (运行日志) over a real rotating log file and a real SQLite database: the
newest lines at the chosen level with a traceback under its line, and the copy for support with
nobody's name, ID, phone or ticket number in it (arts. 47–48), the export audited."""

from __future__ import annotations

import logging
import zipfile
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from app.db.engine import make_engine
from app.db.migrate import upgrade
from app.db.models import AuditEvent
from app.errors import PermissionDenied
from app.logs import configure_logging
from app.services.support_logs import SupportLogs, parse
from tests.unit.test_control_support import Day, exam_day
from ui.logs.screen import LogActions, LogScreen
from ui.runner import OpRunner


@pytest.fixture
def day(tmp_path: Path) -> Day:
    engine = make_engine(f"sqlite:///{tmp_path / 'venue.sqlite'}")
    upgrade(engine)
    return exam_day(engine)


@pytest.fixture
def log_file(tmp_path: Path) -> Path:
    setup = configure_logging(tmp_path / "logs", logging.INFO, max_bytes=2_000, backup_count=3)
    log = logging.getLogger("venue.test")
    for i in range(30):  # enough to rotate: the screen reads the rotated files too
        log.info("desk heartbeat %d", i)
    log.warning("reader on /dev/ttyUSB0 unplugged")
    try:
        raise OSError("disk full")
    except OSError:
        log.exception("admission of 王芳 (ticket 2026000000011, ID 110101199003071234) not written")
    setup.close()
    return setup.log_file


def _logs(day: Day, log_file: Path) -> SupportLogs:
    return SupportLogs(sessionmaker(day.engine, expire_on_commit=False), day.clock, "desk-1", lambda: log_file)


def test_the_newest_lines_at_the_chosen_level_and_a_traceback_under_its_line(
        qtbot: QtBot, day: Day, log_file: Path) -> None:
    logs, user = _logs(day, log_file), day.login("Z0001")
    screen = LogScreen(OpRunner(), LogActions(lambda level: logs.entries(user, level), lambda p: logs.export(user, p)))
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show()
    qtbot.waitUntil(lambda: screen.table.rows.rowCount() == 32)  # 30 heartbeats across the rotated files, 2 more
    assert screen.table.rows.cell(0, 3) == "desk heartbeat 0"  # oldest first, the rotated files read
    last = screen.table.rows.rowCount() - 1
    assert screen.table.selectionModel().selectedRows()[0].row() == last  # on the newest, as a log is read
    assert "OSError: disk full" in screen.detail.toPlainText() and "Traceback" in screen.detail.toPlainText()
    assert "110101199003071234" not in screen.detail.toPlainText()  # masked when it was written
    screen.level.setCurrentIndex(screen.level.findData("WARNING"))
    screen.refresh()
    qtbot.waitUntil(lambda: screen.table.rows.rowCount() == 2)
    assert screen.table.rows.cell(0, 1) == "Warning" and screen.table.rows.cell(1, 1) == "Error"


def test_art47_the_copy_for_support_holds_no_name_id_phone_or_ticket(day: Day, log_file: Path, tmp_path: Path) -> None:
    with log_file.open("a", encoding="utf-8") as f:  # what a careless line elsewhere could write
        f.write("2026-06-07T09:00:00.000+08:00 INFO    [MainThread] x:1 考生李娜已入场，座位 2026000000012，电话 13812345678\n")
    logs, user = _logs(day, log_file), day.login("Z0001")
    out = tmp_path / "support.zip"
    lines = logs.export(user, out)
    with zipfile.ZipFile(out) as z:
        text = "".join(z.read(name).decode("utf-8") for name in z.namelist())
        assert len(z.namelist()) >= 2  # the rotated files too
    assert lines >= 33
    for secret in ("王芳", "李娜", "2026000000011", "2026000000012", "110101199003071234", "13812345678"):
        assert secret not in text, secret
    assert "王*" in text and "考生李*已入场" in text and "138****5678" in text
    assert "desk heartbeat 29" in text and "OSError: disk full" in text  # what support needs stays
    assert not list(tmp_path.glob("*.partial"))
    with sessionmaker(day.engine)() as s:
        last = s.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)).one()
    assert last.action == "support.logs_exported" and '"file": "support.zip"' in (last.after_json or "")


def test_the_log_is_the_administrators_and_the_chiefs_only(day: Day, log_file: Path, tmp_path: Path) -> None:
    logs = _logs(day, log_file)
    for number in ("J0001", "F0001"):
        with pytest.raises(PermissionDenied):
            logs.entries(day.login(number))
        with pytest.raises(PermissionDenied):
            logs.export(day.login(number), tmp_path / "x.zip")
    assert not (tmp_path / "x.zip").exists()


def test_a_line_not_in_the_log_format_joins_the_entry_before_it() -> None:
    entries = parse(["2026-06-07T09:00:00.000+08:00 ERROR   [T] a:1 first\n", "  continued\n",
                     "garbage before nothing\n", "2026-06-07T09:00:01.000+08:00 INFO    [T] b:2 second\n"])
    assert [(e.level, e.message) for e in entries] == [("ERROR", "first"), ("INFO", "second")]
    assert entries[0].detail == "  continued\ngarbage before nothing"
