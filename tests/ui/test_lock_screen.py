"""The idle lock (issue 18 item 11): opaque, nothing of the last candidate shows through, its text
is not cut off, and the keyboard-wedge filter never takes the unlock credential for a scan."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from app.resources import resources_dir
from tests.ui.test_shell import FakeClock, _services, _sign_in
from tests.ui.test_wedge_filter import key, type_timed
from ui.checkin.verdict_panel import VerdictPanel
from ui.devices.wedge_filter import WedgeFilter
from ui.i18n import Translations
from ui.runner import OpRunner
from ui.shell.main_window import MainWindow


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[None]:
    qapp.setStyleSheet((resources_dir() / "style.qss").read_text(encoding="utf-8"))
    yield
    qapp.setStyleSheet("")


@pytest.fixture
def desk(qtbot: QtBot, styled: None) -> Iterator[tuple[MainWindow, VerdictPanel]]:
    """A signed-in invigilator whose desk shows a candidate, then locks."""
    panel = VerdictPanel()
    services = _services(FakeClock(), [])
    services.screen_factories = lambda _u: {"checkin": lambda: panel}
    w = MainWindow(OpRunner(), services, language="en")
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    _sign_in(qtbot, w, "I001")
    qtbot.waitUntil(lambda: w.workspace is not None)
    assert w.workspace is not None
    w.workspace.nav.setCurrentRow([spec.key for spec in w.workspace.specs].index("checkin"))
    assert panel.isVisible()
    panel.show_problem("张三丰", "准考证 2026110100123 · 第07考场 座位 15")
    w.lock()
    assert w.locked
    yield w, panel


def test_lock_is_opaque_and_shows_nothing_of_the_last_candidate(desk: tuple[MainWindow, VerdictPanel]) -> None:
    w, panel = desk
    locked_over_one = w.grab().toImage()
    panel.show_problem("李四", "准考证 2026110100999 · 第09考场 座位 2")  # another candidate, another colour
    panel._paint("admit")
    locked_over_other = w.grab().toImage()
    assert locked_over_one == locked_over_other  # what is under the lock changes nothing on screen
    assert w._lock is not None and w._lock.geometry() == w._lock.parentWidget().rect()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_lock_text_is_not_cut_off(qapp: QApplication, desk: tuple[MainWindow, VerdictPanel], lang: str) -> None:
    w, _ = desk
    translations = Translations(qapp)
    assert translations.apply(lang)
    try:
        lock = w._lock
        assert lock is not None
        lock.retranslate()
        lock.error.setText("员工号或凭据不正确，请重试。" if lang == "zh_CN" else
                           "The staff number or the credential is wrong. Try again, or sign out and ask the chief.")
        QApplication.processEvents()
        for label in lock.findChildren(QLabel):
            if not label.text():
                continue
            assert label.height() >= label.heightForWidth(label.width()), label.text()
            inside = label.mapTo(lock, label.rect().bottomRight())
            assert lock.rect().contains(inside) and label.mapTo(lock, label.rect().topLeft()).x() >= 0
    finally:
        translations.apply("en")


def test_wedge_filter_never_takes_the_unlock_credential_for_a_scan(qtbot: QtBot, qapp: QApplication,
                                                                   desk: tuple[MainWindow, VerdictPanel]) -> None:
    w, _ = desk
    wedge = WedgeFilter(clock=lambda: 500.0)  # as the desk installs it while on screen
    wedge.install(qapp)
    try:
        lock = w._lock
        assert lock is not None
        field: QLineEdit = lock.credential
        given: list[str] = []
        unlock = lock._unlock
        lock._unlock = lambda credential: (given.append(credential), unlock(credential))
        with qtbot.assertNotEmitted(wedge.scanned, wait=100):
            # A credential typed (or read from a badge) as fast as a scanner types a ticket.
            last = type_timed(field, "correct-horse", gap_ms=4)
            key(field, "\r", last + 4, qt_key=Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: bool(given))
        assert given == ["correct-horse"]  # the field got it whole, the desk nothing
        qtbot.waitUntil(lambda: not w.locked)
    finally:
        wedge.uninstall(qapp)


def test_a_scan_into_an_ordinary_field_is_still_a_scan(qtbot: QtBot, qapp: QApplication) -> None:
    """The exemption is the credential's, not every field's."""
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    wedge = WedgeFilter(clock=lambda: 500.0)
    wedge.install(qapp)
    try:
        with qtbot.waitSignal(wedge.scanned, timeout=1000) as signal:
            last = type_timed(field, "2026110100123", gap_ms=4)
            key(field, "\r", last + 4, qt_key=Qt.Key.Key_Return)
        assert signal.args == ["2026110100123"] and field.text() == ""
    finally:
        wedge.uninstall(qapp)
