"""Changing one's own credential in the GUI (art. 42, 51), on a real SQLite file through the real
core: after someone else reset it, the next sign-in asks for an own credential before anything
else, and until then the person cannot cosign; the account action (Ctrl+Shift+P) changes it any
time; a session ended elsewhere brings the window back to the sign-in screen."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from app.db.models import AuditEvent
from app.domain import Role
from app.errors import VenueError
from app.security.auth import AuthService, StaffSession
from app.security.permissions import Permission
from app.security.two_person import TwoPersonRule
from app.services.staff import StaffService
from tests.unit.test_security_support import CHEAP, DESK, GOOD, FakeClock, add_staff, add_venue, sessions
from ui.runner import OpRunner
from ui.shell.credential import CredentialForm
from ui.shell.main_window import MainWindow, ShellServices

RESET = "set-by-the-chief-31"
OWN = "lantern-river-48"


@dataclass
class Venue:
    auth: AuthService
    staff: StaffService
    ids: dict[str, uuid.UUID]
    window: MainWindow
    engine: Engine

    def reset(self, number: str) -> None:
        chief = self.auth.login("Z0001", GOOD, DESK)
        self.staff.set_credential(chief, self.ids[number], RESET, reason="forgot it")

    def cosign(self, number: str, credential: str) -> object:
        first = self.auth.login("J0702", GOOD, DESK)
        return TwoPersonRule(self.auth).confirm(first, number, credential, Permission.CONFIRM_CHECK,
                                                action="checkin.admit_after_check", entity="c-1")

    def audit_count(self) -> int:
        with Session(self.engine) as s:
            return s.scalar(select(func.count()).select_from(AuditEvent)) or 0


@pytest.fixture
def venue(qtbot: QtBot, engine: Engine) -> Venue:
    venue_id = add_venue(engine)
    ids = {n: add_staff(engine, venue_id, n, r) for n, r in (
        ("Z0001", Role.CHIEF_EXAMINER), ("J0701", Role.INVIGILATOR), ("J0702", Role.INVIGILATOR))}
    clock = FakeClock()
    auth = AuthService(sessions(engine), clock, CHEAP)
    staff = StaffService(sessions(engine), clock, CHEAP, auth)

    def change(user: object, current: str, new: str) -> StaffSession:
        assert isinstance(user, StaffSession)
        return staff.change_own_credential(user, current, new)

    services = ShellServices(
        login=lambda number, credential: auth.login(number, credential, DESK),
        unlock=lambda user, credential: auth.reauthenticate(user, credential),  # type: ignore[arg-type]
        sign_out=lambda user: auth.logout(user),  # type: ignore[arg-type]
        screen_factories=lambda _u: {},
        change_credential=change,
    )
    window = MainWindow(OpRunner(), services, language="en")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return Venue(auth, staff, ids, window, engine)


def _sign_in(qtbot: QtBot, w: MainWindow, number: str, credential: str) -> None:
    qtbot.keyClicks(w.login.staff_number, number)
    qtbot.keyClick(w.login.staff_number, Qt.Key.Key_Return)
    qtbot.keyClicks(w.login.credential, credential)
    qtbot.keyClick(w.login.credential, Qt.Key.Key_Return)


def _type(qtbot: QtBot, form: CredentialForm, current: str, new: str, repeat: str) -> None:
    """By keyboard only: each Enter moves on, the last one changes the credential."""
    for field, text in ((form.current, current), (form.new, new), (form.repeat, repeat)):
        field.clear()
        qtbot.keyClicks(field, text)
        qtbot.keyClick(field, Qt.Key.Key_Return)


def _code(fn: object, *args: object) -> str:
    with pytest.raises(VenueError) as err:
        fn(*args)  # type: ignore[operator]
    return err.value.code


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_art42_after_a_reset_the_sign_in_asks_for_an_own_credential_first_then_cosigning_works(
    qtbot: QtBot, venue: Venue
) -> None:
    w = venue.window
    venue.reset("J0701")
    assert _code(venue.cosign, "J0701", RESET) == "auth.credential_reset_pending"
    _sign_in(qtbot, w, "J0701", RESET)
    qtbot.waitUntil(lambda: w.own_credential is not None)
    page = w.own_credential
    assert page is not None and w.pages.currentWidget() is page and w.workspace is None
    form = page.form

    _type(qtbot, form, "not-the-current-1", OWN, OWN)  # wrong current credential
    qtbot.waitUntil(lambda: form.submit.isEnabled() and "not correct" in form.error.text())
    assert form.current.text() == "" and form.current.hasFocus()

    _type(qtbot, form, RESET, "12345678", "12345678")  # weak: refused by the core's rules
    qtbot.waitUntil(lambda: form.submit.isEnabled() and form.error.text() not in ("", "Changing the credential…"))
    assert "common" in form.error.text() or "character" in form.error.text(), form.error.text()

    before = venue.audit_count()
    _type(qtbot, form, RESET, OWN, OWN + "x")  # the two new entries differ: the core is not asked
    assert "differ" in form.error.text() and form.repeat.hasFocus()
    assert venue.audit_count() == before
    assert _code(venue.cosign, "J0701", RESET) == "auth.credential_reset_pending"  # still the reset one

    _type(qtbot, form, RESET, OWN, OWN)
    qtbot.waitUntil(lambda: w.workspace is not None)
    assert w.own_credential is None
    assert not w.workspace.user.credential_reset  # type: ignore[union-attr]
    confirmation = venue.cosign("J0701", OWN)
    assert confirmation.second.staff_number == "J0701"  # type: ignore[attr-defined]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_the_account_action_changes_ones_own_credential_from_the_keyboard(qtbot: QtBot, venue: Venue) -> None:
    w = venue.window
    _sign_in(qtbot, w, "J0701", GOOD)
    qtbot.waitUntil(lambda: w.workspace is not None)
    assert w.own_credential is None  # nobody reset it: straight to the workspace
    assert w.workspace is not None
    w.workspace.nav.setFocus()
    qtbot.keyClick(w.workspace.nav, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: w.credential_dialog is not None and w.credential_dialog.isVisible())
    dialog = w.credential_dialog
    assert dialog is not None
    _type(qtbot, dialog.form, GOOD, OWN, OWN)
    qtbot.waitUntil(lambda: w.credential_dialog is None)  # closed (and let go) once changed
    assert w.workspace is not None
    assert venue.auth.login("J0701", OWN, DESK).staff_number == "J0701"
    assert _code(venue.auth.login, "J0701", GOOD, DESK) == "auth.bad_credentials"


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_art51_a_session_ended_elsewhere_brings_the_window_back_to_sign_in(qtbot: QtBot, venue: Venue) -> None:
    w = venue.window
    _sign_in(qtbot, w, "J0701", GOOD)
    qtbot.waitUntil(lambda: w.workspace is not None)
    venue.reset("J0701")  # the chief resets it at another desk
    w.change_credential()
    dialog = w.credential_dialog
    assert dialog is not None
    before = venue.audit_count()
    _type(qtbot, dialog.form, GOOD, OWN, OWN)
    qtbot.waitUntil(lambda: w.workspace is None)
    assert w.pages.currentWidget() is w.login
    assert "Sign in again" in w.login.error.text()
    qtbot.waitUntil(lambda: venue.audit_count() == before + 1)  # only the sign-out is written
    assert _code(venue.auth.login, "J0701", OWN, DESK) == "auth.bad_credentials"  # nothing was changed
