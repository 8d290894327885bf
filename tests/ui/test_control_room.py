"""The control room and timer view driven by a fake clock through a whole sitting (art. 20(三),
30), on a real SQLite database with the real services behind them."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from app.db.engine import make_engine, make_session_factory
from app.db.migrate import upgrade
from app.db.models_checkin import Admission
from app.engine.clock import VenueClock
from app.engine.clock_watch import ClockWatch
from app.security.auth import StaffSession
from app.security.permissions import Permission
from app.services import assignment, control
from app.services.audit import Actor
from app.services.control import ControlView
from tests.unit.test_control_support import END, START, Day, exam_day
from ui.control.actions import ControlActions
from ui.control.screen import ControlRoomScreen
from ui.runner import OpRunner
from ui.timer.view import TimerView


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


def _load(engine: Engine) -> Callable[[datetime], ControlView | None]:
    from sqlalchemy.orm import Session

    def load(now: datetime) -> ControlView | None:
        with Session(engine) as s:
            sitting = control.current_sitting(s, now)
            return control.control_view(s, sitting.id, now) if sitting else None

    return load


def _actions(day: Day, user: StaffSession, clock: Clock) -> ControlActions:
    def write(fn: Callable[[Any], object]) -> object:
        with day.session() as s, s.begin():
            return fn(s)

    return ControlActions(
        lambda sit, room, items: write(lambda s: control.sign_checklist(s, user, sit, room, items, now=clock())),
        lambda sit, room: write(lambda s: control.open_room(s, user, sit, room, now=clock())),
        lambda sit, room: write(lambda s: control.collect_papers(s, user, sit, room, now=clock())),
        load_draw=lambda sit: _read(day, lambda s: assignment.draw_sheet(s, sit)),
        hand_in=lambda sit, room, ticket, why: write(lambda s: control.record_exit_by_ticket(
            s, user, sit, room, ticket, emergency_reason=why, now=clock())),
    )


def _read(day: Day, fn: Callable[[Any], Any]) -> Any:
    with day.session() as s:
        return fn(s)


def _screen(qtbot: QtBot, day: Day, clock: Clock, size: tuple[int, int] = (1920, 1080),
            **kw: Any) -> tuple[ControlRoomScreen, OpRunner]:
    runner = OpRunner()
    screen = ControlRoomScreen(runner, _load(day.engine), clock, _actions(day, day.login("Z0001"), clock),
                               tick_ms=3_600_000, **kw)
    qtbot.addWidget(screen)
    screen.resize(*size)
    screen.show()
    qtbot.waitUntil(lambda: screen._view is not None)
    return screen, runner


def _settle(qtbot: QtBot, screen: ControlRoomScreen, runner: OpRunner) -> None:
    screen.refresh()
    qtbot.waitUntil(lambda: not screen._loading)
    runner.wait()
    qtbot.waitUntil(lambda: not screen._loading)


def _tile(screen: ControlRoomScreen, code: str) -> Any:
    return next(w for w in screen._tiles if w.tile is not None and w.tile.code == code and w.isVisible())


def _prepare(day: Day) -> None:
    chief = day.login("Z0001")
    ok = day.two("Z0001", "F0001", Permission.ASSIGN_INVIGILATORS, "assignment.draw")
    with day.session() as s, s.begin():
        assignment.draw_invigilators(s, ok, day.sitting, seed=11, now=day.clock.now)
        for code in ("01", "02"):
            control.sign_checklist(s, chief, day.sitting, day.rooms[code], control.Checklist(True, True),
                                   now=START - timedelta(hours=1))
        control.open_room(s, chief, day.sitting, day.rooms["01"], now=START - timedelta(minutes=40))


def test_art30_control_room_follows_a_whole_sitting_on_a_fake_clock(qtbot: QtBot, day: Day) -> None:
    _prepare(day)
    clock = Clock(START - timedelta(minutes=20))
    screen, runner = _screen(qtbot, day, clock)
    assert "经济基础知识" in screen.header.text() and "10:30" in screen.header.text()
    t1, t2 = _tile(screen, "01"), _tile(screen, "02")
    assert t1.phase.text() == "Open" and t1.timer.text() == "Starts in 20 min 0 s"
    assert t2.phase.text() == "Ready to open" and t2.property("state") == "attention"
    alerts = [screen.alerts.item(i).text() for i in range(screen.alerts.count())]
    assert any("02" in a and "not opened" in a for a in alerts)

    with day.session() as s, s.begin():
        s.add(Admission(candidate_id=day.candidates["2026000000011"], sitting_id=day.sitting,
                        room_id=day.rooms["01"], seat_number=1, admitted_at=START, desk="d", staff_name="x",
                        method="card_and_ticket"))
    steps = [
        (START + timedelta(minutes=2), "In progress", "Entry closes in 3 min 0 s"),
        (START + timedelta(minutes=5), "Entry closed", "Sealed for 1 h 55 min 0 s"),
        (START + timedelta(hours=2), "Hand-in allowed", "Ends in 30 min 0 s"),
        (END, "Ended", ""),
    ]
    for at, phase, timer in steps:
        clock.now = at
        _settle(qtbot, screen, runner)
        t1 = _tile(screen, "01")
        assert (t1.phase.text(), t1.timer.text()) == (phase, timer), at
    assert "admitted 1" in _tile(screen, "01").counts.text()

    # P on the selected tile: papers collected after the end.
    _tile(screen, "01").setFocus()
    screen.collect_papers()
    qtbot.waitUntil(lambda: "collected" in screen.status.text())
    _settle(qtbot, screen, runner)
    assert _tile(screen, "01").phase.text() == "Papers collected"


def test_art20_open_refused_without_checklist_is_shown_in_words(qtbot: QtBot, day: Day) -> None:
    clock = Clock(START - timedelta(minutes=20))
    screen, _runner = _screen(qtbot, day, clock)
    _tile(screen, "01").setFocus()
    screen.open_room()
    qtbot.waitUntil(lambda: bool(screen.status.text()))
    assert "checklist" in screen.status.text()
    assert _tile(screen, "01").property("state") == "alarm"  # nobody drawn for it yet


def test_clock_change_during_the_sitting_is_alerted_from_the_engines_record(qtbot: QtBot, day: Day) -> None:
    """The engine's clock watch writes the jump (app.engine.clock_watch); the screen shows it."""
    wall, mono = [START], [0.0]
    venue_clock = VenueClock(lambda: wall[0], lambda: mono[0])
    watch = ClockWatch(make_session_factory(day.engine), venue_clock, Actor.system("engine"), "control")
    screen, runner = _screen(qtbot, day, venue_clock)
    wall[0] += timedelta(minutes=30)
    assert watch.check() is not None and venue_clock.now() == START
    _settle(qtbot, screen, runner)
    qtbot.waitUntil(lambda: any("clock" in screen.alerts.item(i).text() for i in range(screen.alerts.count())))


def test_timer_view_shows_time_left_and_when_hand_in_opens(qtbot: QtBot) -> None:
    from app.domain import SittingMode
    from app.rules.timing import Schedule

    clock = Clock(START + timedelta(minutes=42, seconds=33))
    view = TimerView(clock, Schedule(START, END, SittingMode.PAPER), "经济专业技术资格 初级", "经济基础知识", "07",
                     tick_ms=3_600_000)
    qtbot.addWidget(view)
    assert view.now_label.text() == "09:12:33"
    assert view.end_label.text() == "Time left 1 h 47 min 27 s (ends 11:00)"  # a duration, not a clock
    assert view.hand_in.text() == "Hand-in and leaving from 10:30"
    clock.now = START + timedelta(hours=2)
    view.tick()
    assert view.hand_in.text() == "Hand-in and leaving are allowed now"
    clock.now = START - timedelta(minutes=5)
    view.tick()
    assert view.end_label.text() == "Starts in 5 min 0 s (at 08:30)"


@pytest.mark.skipif(not os.environ.get("VENUE_SCREENSHOTS"), reason="set VENUE_SCREENSHOTS=DIR to write screenshots")
@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)])
def test_screenshots_in_chinese(qtbot: QtBot, day: Day, size: tuple[int, int]) -> None:
    from PySide6.QtWidgets import QApplication

    from app.resources import resources_dir
    from ui.app import _ui_font
    from ui.i18n import Translations

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translations = Translations(app)
    translations.apply("zh_CN")
    app.setStyleSheet((resources_dir() / "style.qss").read_text(encoding="utf-8"))
    app.setFont(_ui_font())
    try:
        _prepare(day)
        chief = day.login("Z0001")
        with day.session() as s, s.begin():
            from app.services import incidents

            incidents.open_draft(s, chief.actor, desk="d", category="art6.1", facts="",
                                 sitting_id=day.sitting, room_id=day.rooms["01"], now=START + timedelta(minutes=20))
            incidents.open_draft(s, chief.actor, desk="d", category="paper_leak", facts="",
                                 sitting_id=day.sitting, room_id=day.rooms["02"], now=START + timedelta(minutes=30))
        clock = Clock(START + timedelta(minutes=42, seconds=33))
        screen, _runner = _screen(qtbot, day, clock, size=size)
        qtbot.wait(100)
        out = Path(os.environ["VENUE_SCREENSHOTS"])
        out.mkdir(parents=True, exist_ok=True)
        screen.grab().save(str(out / f"control-{size[0]}x{size[1]}.png"))
        from app.domain import SittingMode
        from app.rules.timing import Schedule

        timer = TimerView(clock, Schedule(START, END, SittingMode.PAPER), "经济专业技术资格 初级", "经济基础知识", "07")
        qtbot.addWidget(timer)
        timer.resize(*size)
        timer.show()
        qtbot.wait(100)
        timer.grab().save(str(out / f"timer-{size[0]}x{size[1]}.png"))
    finally:
        translations.apply("en")
        app.setStyleSheet("")


def test_art40_room_record_pdf_from_the_control_room(qtbot: QtBot, day: Day, tmp_path: Path) -> None:
    from app.services import room_record

    _prepare(day)
    clock = Clock(START - timedelta(minutes=20))
    screen, _runner = _screen(qtbot, day, clock)

    def load() -> room_record.RoomRecord:
        with day.session() as s:
            return room_record.room_record(s, day.sitting, day.rooms["01"])

    out = tmp_path / "rr.pdf"
    screen.write_record(load, out)
    qtbot.waitUntil(lambda: "saved" in screen.status.text())
    assert out.read_bytes().startswith(b"%PDF")


def test_art19_draw_sheet_pdf_and_an_impossible_draw_explained_by_room(qtbot: QtBot, day: Day,
                                                                      tmp_path: Path) -> None:
    from app.rules.assignment import AssignmentImpossible, RoomProblem

    _prepare(day)
    clock = Clock(START - timedelta(minutes=20))
    screen, _runner = _screen(qtbot, day, clock)
    with day.session() as s:
        sheet = assignment.draw_sheet(s, day.sitting)
    assert sheet is not None and sheet.seed == "11" and sheet.reproduces
    assert [code for code, _people in sheet.rooms] == ["01", "02"]
    assert ("J0009", "志愿者 吴", "ineligible_employer") in sheet.excluded
    out = tmp_path / "draw.pdf"
    screen.write_draw_sheet(lambda: sheet, out)
    qtbot.waitUntil(lambda: "saved" in screen.status.text())
    assert out.read_bytes().startswith(b"%PDF")
    screen._draw_failed(AssignmentImpossible((RoomProblem("03", "no_computer_skills", 1, 0, 2),)))
    assert "Room 03: no eligible invigilator with computer skills" in screen.status.text()


def test_art30_hand_in_refused_while_sealed_then_emergency_exit_from_the_control_room(qtbot: QtBot, day: Day) -> None:
    _prepare(day)
    with day.session() as s, s.begin():
        s.add(Admission(candidate_id=day.candidates["2026000000011"], sitting_id=day.sitting,
                        room_id=day.rooms["01"], seat_number=1, admitted_at=START, desk="d", staff_name="x",
                        method="card_and_ticket"))
    clock = Clock(START + timedelta(minutes=30))
    screen, runner = _screen(qtbot, day, clock)
    tile = _tile(screen, "01").tile
    screen.submit_hand_in(tile, "2026000000011", "")
    qtbot.waitUntil(lambda: "sealed until 10:30" in screen.status.text())
    screen.submit_hand_in(tile, "2026000000011", "突发疾病")
    qtbot.waitUntil(lambda: "handed in" in screen.status.text())
    _settle(qtbot, screen, runner)
    assert "1 to confirm" in _tile(screen, "01").notes.text()  # the emergency exit's incident
