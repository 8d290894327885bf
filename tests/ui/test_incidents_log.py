"""The incident log screen on a real SQLite database: a misconduct record from draft to
confirmation by keyboard-driven actions, report-now banner, amendment (misconduct arts. 16–17,
exam rules arts. 32, 43, 46)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import sessionmaker

from app.db.engine import make_engine
from app.db.migrate import upgrade
from app.services import incidents
from tests.unit.test_control_support import START, Day, exam_day
from ui.incidents import wiring
from ui.incidents.screen import IncidentLogScreen
from ui.runner import OpRunner


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def day(tmp_path: Path) -> Day:
    engine = make_engine(f"sqlite:///{tmp_path / 'venue.sqlite'}")
    upgrade(engine)
    return exam_day(engine)


def _screen(qtbot: QtBot, day: Day, clock: Clock, tmp_path: Path) -> tuple[IncidentLogScreen, OpRunner]:
    core: Any = SimpleNamespace(sessions=sessionmaker(day.engine, expire_on_commit=False), auth=day.auth,
                                settings=SimpleNamespace(data_dir=tmp_path))
    runner = OpRunner()
    screen = wiring.build(core, runner, day.login("Z0001"), clock)
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show()
    qtbot.waitUntil(lambda: screen.model.rowCount() > 0)
    return screen, runner


def _wait_status(qtbot: QtBot, screen: IncidentLogScreen) -> str:
    qtbot.waitUntil(lambda: bool(screen.status.text()))
    text = screen.status.text()
    screen.status.setText("")
    return text


def test_misconduct_art16_draft_to_confirmation_from_the_log(qtbot: QtBot, day: Day, tmp_path: Path) -> None:
    inv = day.login("J0001")
    with day.session() as s, s.begin():
        incidents.open_draft(s, inv.actor, desk=inv.desk, category="art6.1", facts="抽屉内有手机",
                             sitting_id=day.sitting, room_id=day.rooms["01"],
                             candidate_ids=[day.candidates["2026000000012"]], now=START + timedelta(minutes=20))
    clock = Clock(START + timedelta(minutes=30))
    screen, runner = _screen(qtbot, day, clock, tmp_path)
    assert screen.model.cell(0, 1) == "01" and "Art. 6(1)" in screen.model.cell(0, 2)
    assert "signature not recorded" in screen.candidates.item(0).text()
    line = screen.selected()
    assert line is not None
    screen._act(lambda: screen._actions.complete(line.id, "art6.1", "抽屉内有手机，警告后未交出", "收缴"), "saved")
    assert _wait_status(qtbot, screen) == "saved"
    screen.confirm()
    assert "signed" in _wait_status(qtbot, screen)  # refused: the candidate's signature status first
    screen.signed()
    assert _wait_status(qtbot, screen) == "Signature recorded."
    qtbot.waitUntil(lambda: screen.candidates.item(0).text().endswith("·  signed"))
    screen.confirm()
    assert _wait_status(qtbot, screen) == "Incident confirmed."
    qtbot.waitUntil(lambda: screen.model.cell(0, 3) == "Confirmed")
    screen._act(lambda: screen._actions.amend(line.id, {"facts": "抽屉内有两部手机"}, "补充"), "amended")
    assert _wait_status(qtbot, screen) == "amended"
    qtbot.waitUntil(lambda: "amended" in screen.model.cell(0, 3))
    assert "补充" in screen.detail.toPlainText()
    runner.wait()


def test_art46_serious_incident_shows_report_now_until_reported(qtbot: QtBot, day: Day, tmp_path: Path) -> None:
    chief = day.login("Z0001")
    with day.session() as s, s.begin():
        incidents.open_draft(s, chief.actor, desk=chief.desk, category="paper_leak", facts="试卷袋封条破损",
                             sitting_id=day.sitting, room_id=day.rooms["02"], now=START)
    clock = Clock(START + timedelta(minutes=12, seconds=5))
    screen, runner = _screen(qtbot, day, clock, tmp_path)
    assert screen.banner.isVisible() and "12 min 5 s" in screen.banner.text() and "02" in screen.banner.text()
    line = screen.selected()
    assert line is not None
    screen._act(lambda: screen._actions.reported(line.id, "电话", "省考试中心"), "reported")
    assert _wait_status(qtbot, screen) == "reported"
    qtbot.waitUntil(lambda: not screen.banner.isVisible())
    assert "省考试中心" in screen.detail.toPlainText()
    runner.wait()


def test_art26_new_incident_from_the_log(qtbot: QtBot, day: Day, tmp_path: Path) -> None:
    chief = day.login("Z0001")
    with day.session() as s, s.begin():
        incidents.open_draft(s, chief.actor, desk=chief.desk, category="illness", facts="头晕",
                             sitting_id=day.sitting, room_id=day.rooms["01"], now=START)
    clock = Clock(START + timedelta(minutes=20))
    screen, runner = _screen(qtbot, day, clock, tmp_path)
    assert screen._actions.new is not None
    new = screen._actions.new
    screen._act(lambda: new("02", ["2026000000021"], "device_failure", "02考场摄像头无画面", "更换摄像头"), "new")
    assert _wait_status(qtbot, screen) == "new"
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2)
    assert screen.model.cell(0, 1) == "02"
    runner.wait()
