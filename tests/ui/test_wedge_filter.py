"""The application-wide wedge key filter, offscreen.

Two kinds of test: keys sent with controlled timestamps (deterministic, the filter reads
`QKeyEvent.timestamp()`), and real QTest key clicks with real waits (timestamp 0, so the filter
falls back to its monotonic clock), which show the whole path including the silence timer.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from devices.scanner.scan import Scan
from devices.scanner.wedge import WedgeConfig
from ui.devices.wedge_filter import WedgeFilter


class FakeClock:
    def __init__(self) -> None:
        self.now = 500.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def field(qtbot: QtBot) -> Iterator[QLineEdit]:
    window = QWidget()
    layout = QVBoxLayout(window)
    edit = QLineEdit()
    layout.addWidget(edit)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    edit.setFocus()
    yield edit  # a generator fixture, so `window` (the edit's parent) stays referenced during the test


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def wedge(qapp: QApplication, clock: FakeClock) -> Iterator[WedgeFilter]:
    f = WedgeFilter(clock=clock)
    f.install(qapp)
    yield f
    f.uninstall(qapp)
    f.deleteLater()


@pytest.fixture
def real_wedge(qapp: QApplication) -> Iterator[WedgeFilter]:
    f = WedgeFilter()
    f.install(qapp)
    yield f
    f.uninstall(qapp)
    f.deleteLater()


def key(target: QWidget, text: str, at_ms: int, *, qt_key: int | None = None,
        modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press and release one key with a set timestamp, through QApplication::notify like real input."""
    code = qt_key if qt_key is not None else (ord(text.upper()) if text else 0)
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, code, modifiers, text)
        event.setTimestamp(at_ms)
        QApplication.sendEvent(target, event)


def type_timed(target: QWidget, text: str, *, start_ms: int = 1_000_000, gap_ms: int) -> int:
    for i, ch in enumerate(text):
        key(target, ch, start_ms + i * gap_ms)
    return start_ms + (len(text) - 1) * gap_ms


def test_scan_at_5_ms_per_key_is_taken_and_nothing_reaches_the_field(qtbot: QtBot, field: QLineEdit,
                                                                     wedge: WedgeFilter) -> None:
    entered: list[str] = []
    field.returnPressed.connect(lambda: entered.append(field.text()))
    with qtbot.waitSignal(wedge.scanned, timeout=1000) as signal:
        last = type_timed(field, "1234567890", gap_ms=5)
        key(field, "\r", last + 5, qt_key=Qt.Key.Key_Return)
    assert signal.args == ["1234567890"]
    assert field.text() == "" and entered == []


def test_scan_also_arrives_as_a_scan_event_for_code_that_handles_all_scanners(qtbot: QtBot, field: QLineEdit,
                                                                              wedge: WedgeFilter) -> None:
    with qtbot.waitSignal(wedge.scan_received, timeout=1000) as signal:
        last = type_timed(field, "ZK20240001", gap_ms=3)
        key(field, "\t", last + 3, qt_key=Qt.Key.Key_Tab)
    (scan,) = signal.args
    assert isinstance(scan, Scan) and scan.code == "ZK20240001" and scan.source == "wedge"


def test_person_typing_at_150_ms_gets_every_key_in_the_field(qtbot: QtBot, field: QLineEdit, wedge: WedgeFilter,
                                                             clock: FakeClock) -> None:
    with qtbot.assertNotEmitted(wedge.scanned, wait=50):
        type_timed(field, "zhang3", gap_ms=150)
        assert field.text() == "zhang"  # the last key is held until silence shows it was a person
        clock.now += 0.2
        wedge.check_silence()
    assert field.text() == "zhang3"


def test_short_fast_burst_then_enter_delivers_keys_before_enter(qtbot: QtBot, field: QLineEdit,
                                                                wedge: WedgeFilter) -> None:
    seen_at_enter: list[str] = []
    field.returnPressed.connect(lambda: seen_at_enter.append(field.text()))
    last = type_timed(field, "ab", gap_ms=10)
    key(field, "\r", last + 10, qt_key=Qt.Key.Key_Return)
    assert seen_at_enter == ["ab"]


def test_editing_key_during_a_held_burst_delivers_held_keys_first(field: QLineEdit, wedge: WedgeFilter) -> None:
    last = type_timed(field, "abc", gap_ms=10)
    key(field, "\x08", last + 10, qt_key=Qt.Key.Key_Backspace)
    assert field.text() == "ab"


def test_ctrl_chord_is_never_held(field: QLineEdit, wedge: WedgeFilter) -> None:
    field.setText("keep")
    field.selectAll()
    key(field, "a", 1_000_000, qt_key=Qt.Key.Key_A, modifiers=Qt.KeyboardModifier.ControlModifier)
    assert not wedge.classifier.holding


def test_input_method_text_without_a_key_code_passes_untouched(field: QLineEdit, wedge: WedgeFilter) -> None:
    key(field, "考点", 1_000_000, qt_key=0)
    assert field.text() == "考点" and not wedge.classifier.holding


def test_prefix_configured_lets_other_keys_through_at_once(qapp: QApplication, field: QLineEdit, clock: FakeClock) -> None:
    f = WedgeFilter(WedgeConfig(prefix="~"), clock=clock)
    f.install(qapp)
    try:
        key(field, "x", 1_000_000)
        assert field.text() == "x"
    finally:
        f.uninstall(qapp)


def test_uninstalling_mid_burst_gives_the_keys_back(qapp: QApplication, field: QLineEdit, clock: FakeClock) -> None:
    f = WedgeFilter(clock=clock)
    f.install(qapp)
    type_timed(field, "12", gap_ms=5)
    f.uninstall(qapp)
    assert field.text() == "12"


# -- real time: QTest key clicks, real waits, the silence timer ---------------------------------


def test_real_clicks_at_scanner_speed_end_on_enter(qtbot: QtBot, field: QLineEdit, real_wedge: WedgeFilter) -> None:
    with qtbot.waitSignal(real_wedge.scanned, timeout=2000) as signal:
        QTest.keyClicks(field, "9876543210")
        QTest.keyClick(field, Qt.Key.Key_Return)
    assert signal.args == ["9876543210"] and field.text() == ""


def test_real_scan_without_terminator_ends_on_silence(qtbot: QtBot, field: QLineEdit, real_wedge: WedgeFilter) -> None:
    with qtbot.waitSignal(real_wedge.scanned, timeout=2000) as signal:
        QTest.keyClicks(field, "5566778899", Qt.KeyboardModifier.NoModifier, 2)
    assert signal.args == ["5566778899"] and field.text() == ""


def test_real_typing_at_150_ms_lands_in_the_field(qtbot: QtBot, field: QLineEdit, real_wedge: WedgeFilter) -> None:
    with qtbot.assertNotEmitted(real_wedge.scanned, wait=0):
        # QTest waits the delay before the press and again before the release: 75 ms → 150 ms per key.
        QTest.keyClicks(field, "li4si", Qt.KeyboardModifier.NoModifier, 75)
        qtbot.waitUntil(lambda: field.text() == "li4si", timeout=1000)
