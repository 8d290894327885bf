"""The screens' one base: a deleted screen hears no more signals and leaves no connection behind,
a late answer to it is dropped, what a job committed is announced without being told, and the
incident log re-reads by itself what other desks (or the desk's impersonation check) wrote."""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import SIGNAL, QEvent, QObject, Signal
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import sessionmaker

from app.changes import DataKind
from app.db.engine import make_engine
from app.db.migrate import upgrade
from app.db.models import KeyValue
from app.services import incidents
from tests.qt_support import drain
from tests.unit.test_control_support import START, Day, exam_day
from ui.incidents import wiring
from ui.runner import OpRunner
from ui.screen import Screen

CHANGED = SIGNAL("changed(PyObject)")


class Source(QObject):
    """Stands in for a long-lived object (a device bridge, the cameras)."""

    fired = Signal(object)


class Counting(Screen):
    DATA_KINDS = frozenset({DataKind.INCIDENTS})

    def __init__(self, runner: OpRunner, source: Source) -> None:
        super().__init__(runner)
        self.refreshed = 0
        self.heard: list[object] = []
        self.listen(source.fired, self.heard.append)

    def refresh(self) -> None:
        self.refreshed += 1


def _delete(widget: QObject) -> None:
    widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    QApplication.processEvents()


def test_a_deleted_screen_keeps_no_connection_and_hears_nothing(qtbot: QtBot, recwarn: pytest.WarningsRecorder,
                                                                 capfd: pytest.CaptureFixture[str]) -> None:
    runner, source = OpRunner(), Source()
    before = (runner.receivers(CHANGED), source.receivers(SIGNAL("fired(PyObject)")))
    for _ in range(20):  # twenty sign-ins
        screen = Counting(runner, source)
        runner.changed.emit(frozenset({DataKind.INCIDENTS}))
        source.fired.emit("scan")
        assert screen.refreshed == 1 and screen.heard == ["scan"]
        alive = shiboken6.isValid(screen)
        _delete(screen)
        assert alive and not shiboken6.isValid(screen)
        runner.changed.emit(frozenset({DataKind.INCIDENTS}))
        source.fired.emit("scan")
    assert (runner.receivers(CHANGED), source.receivers(SIGNAL("fired(PyObject)"))) == before
    assert "already deleted" not in capfd.readouterr().err
    assert not [w for w in recwarn if "deleted" in str(w.message)]


def test_a_screen_refreshes_only_for_the_kinds_it_shows(qtbot: QtBot) -> None:
    runner, source = OpRunner(), Source()
    screen = Counting(runner, source)
    qtbot.addWidget(screen)
    runner.changed.emit(frozenset({DataKind.CHECKIN, DataKind.AUDIT}))
    assert screen.refreshed == 0
    runner.changed.emit(frozenset({DataKind.INCIDENTS, DataKind.AUDIT}))
    assert screen.refreshed == 1


def test_a_late_answer_to_a_deleted_screen_is_dropped_but_its_changes_are_announced(
        qtbot: QtBot, tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'venue.sqlite'}")
    upgrade(engine)
    sessions = sessionmaker(engine)
    runner, release = OpRunner(), threading.Event()
    screen = Counting(runner, Source())
    answers: list[object] = []
    announced: list[frozenset[DataKind]] = []
    runner.changed.connect(announced.append)

    def write() -> str:
        release.wait(10)
        with sessions() as s, s.begin():
            s.add(KeyValue(key="late", value="1"))
        return "written"

    screen.submit(write, answers.append)
    _delete(screen)
    release.set()
    qtbot.waitUntil(lambda: bool(announced))
    assert answers == [] and announced == [frozenset({DataKind.SETTINGS})]
    drain()


def test_a_failed_job_still_announces_what_it_committed(qtbot: QtBot, tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'venue.sqlite'}")
    upgrade(engine)
    sessions = sessionmaker(engine)
    runner = OpRunner()
    errors: list[BaseException] = []
    announced: list[frozenset[DataKind]] = []
    runner.changed.connect(announced.append)

    def half_way() -> None:
        with sessions() as s, s.begin():
            s.add(KeyValue(key="first", value="1"))
        raise ValueError("the second step failed")

    runner.submit(half_way, None, errors.append)
    qtbot.waitUntil(lambda: bool(announced))
    assert isinstance(errors[0], ValueError) and announced == [frozenset({DataKind.SETTINGS})]
    drain()


def test_incident_log_shows_a_draft_opened_elsewhere_within_one_reload(qtbot: QtBot, tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'venue.sqlite'}")
    upgrade(engine)
    day: Day = exam_day(engine)
    core: Any = SimpleNamespace(sessions=sessionmaker(engine, expire_on_commit=False), auth=day.auth,
                                settings=SimpleNamespace(data_dir=tmp_path))
    screen = wiring.build(core, OpRunner(), day.login("Z0001"), lambda: START + timedelta(minutes=30))
    qtbot.addWidget(screen)
    assert screen.reload_timer is not None and screen.reload_timer.interval() == 10_000
    screen.reload_timer.setInterval(200)
    screen.show()
    qtbot.waitUntil(lambda: "No incidents" in screen.detail.toPlainText())
    # Another desk (here: the check-in desk's impersonation check) writes, not through this runner.
    inv = day.login("J0001")
    with day.session() as s, s.begin():
        incidents.open_draft(s, inv.actor, desk="desk-7", category="art6.1", facts="冒名顶替嫌疑",
                             sitting_id=day.sitting, room_id=day.rooms["01"],
                             candidate_ids=[day.candidates["2026000000012"]], now=START + timedelta(minutes=20))
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=3000)
    assert "冒名顶替嫌疑" in screen.detail.toPlainText()
    drain()


def test_an_unlock_answered_after_sign_out_touches_nothing(qtbot: QtBot) -> None:
    """The lock overlay goes with the workspace at sign-out; a slow unlock's answer is dropped."""
    from dataclasses import dataclass

    from app.domain import Role
    from ui.shell.main_window import MainWindow, ShellServices

    @dataclass(frozen=True)
    class User:
        name: str
        role: Role

    release = threading.Event()
    answered = threading.Event()

    def unlock(_user: object, _credential: str) -> None:
        release.wait(10)
        answered.set()

    services = ShellServices(login=lambda _n, _c: User("王主考", Role.CHIEF_EXAMINER), unlock=unlock,
                             sign_out=lambda _u: None, screen_factories=lambda _u: {})
    w = MainWindow(OpRunner(), services, language="en")
    qtbot.addWidget(w)
    w.show()
    w.login.staff_number.setText("C001")
    w.login.credential.setText("x")
    w.login.attempt()
    qtbot.waitUntil(lambda: w.workspace is not None)
    w.lock()
    assert w._lock is not None
    w._lock.credential.setText("correct-horse")
    w._lock.credential.returnPressed.emit()
    w.sign_out()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    release.set()
    qtbot.waitUntil(answered.is_set)
    drain()  # the answer lands on the GUI thread: no "already deleted" from the overlay
    assert w.workspace is None and w.login.isVisible()
