"""The main window: sign-in, navigation by role, idle lock, sign-out."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from pytestqt.qtbot import QtBot

from app.domain import Role
from app.errors import VenueError
from ui.runner import OpRunner
from ui.shell.main_window import MainWindow, ShellServices
from ui.shell.screens import NotYetAvailable


@dataclass(frozen=True)
class User:
    name: str
    role: Role


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _services(clock: FakeClock, signed_out: list[str]) -> ShellServices:
    users = {"C001": User("王主考", Role.CHIEF_EXAMINER), "I001": User("李监考", Role.INVIGILATOR)}

    def login(number: str, credential: str) -> User:
        if number not in users or credential != "correct-horse":
            raise VenueError("auth.bad_credentials", "Staff number or credential is wrong.")
        return users[number]

    def unlock(user: User, credential: str) -> User:
        if credential != "correct-horse":
            raise VenueError("auth.bad_credentials", "Staff number or credential is wrong.")
        return User(user.name, user.role)  # a fresh session, as AuthService.reauthenticate gives

    return ShellServices(
        login=login,
        unlock=unlock,
        sign_out=lambda u: signed_out.append(u.name),
        screen_factories=lambda _u: {},
        idle_lock_seconds=600,
        monotonic=clock,
    )


@pytest.fixture
def window(qtbot: QtBot) -> tuple[MainWindow, FakeClock, list[str]]:
    clock, signed_out = FakeClock(), []
    w = MainWindow(OpRunner(), _services(clock, signed_out), language="en")
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    return w, clock, signed_out


def _sign_in(qtbot: QtBot, w: MainWindow, number: str, credential: str = "correct-horse") -> None:
    w.login.staff_number.setText(number)
    w.login.credential.setText(credential)
    w.login.attempt()


def test_wrong_credential_keeps_the_login_screen_and_says_why(qtbot: QtBot, window) -> None:  # type: ignore[no-untyped-def]
    w, _, _ = window
    _sign_in(qtbot, w, "C001", "wrong")
    qtbot.waitUntil(lambda: "wrong" in w.login.error.text())
    assert w.workspace is None
    assert w.login.credential.text() == ""


def test_navigation_depends_on_the_role(qtbot: QtBot, window) -> None:  # type: ignore[no-untyped-def]
    w, _, _ = window
    _sign_in(qtbot, w, "I001")
    qtbot.waitUntil(lambda: w.workspace is not None)
    assert w.workspace is not None
    keys = [s.key for s in w.workspace.specs]
    assert "checkin" in keys and "control" not in keys and "sync" not in keys


def test_screens_not_built_yet_say_so_plainly(qtbot: QtBot, window) -> None:  # type: ignore[no-untyped-def]
    w, _, _ = window
    _sign_in(qtbot, w, "C001")
    qtbot.waitUntil(lambda: w.workspace is not None)
    assert w.workspace is not None
    assert w.workspace.show_screen("control")
    page = w.workspace.stack.currentWidget()
    assert isinstance(page, NotYetAvailable)
    assert "not available" in page.body.text()


def test_idle_session_locks_and_only_the_credential_unlocks_it(qtbot: QtBot, window) -> None:  # type: ignore[no-untyped-def]
    w, clock, _ = window
    changes: list[tuple[bool, object]] = []
    w.lock_changed.connect(lambda locked, session: changes.append((locked, session)))
    _sign_in(qtbot, w, "C001")
    qtbot.waitUntil(lambda: w.workspace is not None)
    clock.now += 599
    w.check_idle()
    assert not w.locked
    clock.now += 1
    w.check_idle()
    assert w.locked
    assert w._lock is not None
    w._lock.credential.setText("wrong")
    w._lock.credential.returnPressed.emit()
    qtbot.waitUntil(lambda: w._lock is not None and w._lock.error.text() != "")
    assert w.locked
    w._lock.credential.setText("correct-horse")
    w._lock.credential.returnPressed.emit()
    qtbot.waitUntil(lambda: not w.locked)
    # The desk's screens hear of both, and of who unlocked (the check-in desk decides in their name).
    assert [locked for locked, _ in changes] == [True, False]
    assert changes[0][1] is None and isinstance(changes[1][1], User) and changes[1][1].name == "王主考"


def test_sign_out_returns_to_login_and_is_reported(qtbot: QtBot, window) -> None:  # type: ignore[no-untyped-def]
    w, _, signed_out = window
    _sign_in(qtbot, w, "C001")
    qtbot.waitUntil(lambda: w.workspace is not None)
    assert w.workspace is not None
    w.workspace.sign_out_button.click()
    assert w.workspace is None
    qtbot.waitUntil(lambda: signed_out == ["王主考"])
    assert w.pages.currentWidget() is w.login
