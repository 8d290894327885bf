"""The timer screen of the main window shows the current sitting, read from the core."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.db.engine import make_engine
from app.db.migrate import upgrade
from app.services import control
from tests.unit.test_control_support import START, exam_day
from ui.runner import OpRunner
from ui.timer.screen import TimerScreen


def test_art30_timer_screen_follows_the_current_sitting(qtbot: QtBot, tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'venue.sqlite'}")
    upgrade(engine)
    day = exam_day(engine)
    now = [START + timedelta(minutes=10)]

    def load(at: object) -> control.ControlView | None:
        with day.session() as s:
            sitting = control.current_sitting(s, now[0])
            return control.control_view(s, sitting.id, now[0]) if sitting else None

    screen = TimerScreen(OpRunner(), load, lambda: now[0])
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: "经济基础知识" in screen.view.title.text())
    assert screen.view.hand_in.text() == "Hand-in and leaving from 10:30"
    now[0] = START + timedelta(hours=5, minutes=40)  # the afternoon, computer-based sitting
    screen.refresh()
    qtbot.waitUntil(lambda: "专业知识和实务" in screen.view.title.text())
    # 2 h computer-based sitting configured for early release: hand-in from 15 minutes before the end.
    assert screen.view.hand_in.text() == "Hand-in and leaving from 15:45"
