"""Issue 14 item 5: the keyboard wedge's configured options are the ones applied, from settings.json
through the typed settings, the desk's station and the application-wide key filter, and in the live
test of the set-up wizard and the devices screen. Real QTest key events with real time between them
(the filter reads its monotonic clock: QTest's events carry no timestamp): scanner bursts at 3, 8 and
15 ms a key are scans and never reach the field; a person typing at 120 ms a key gets every key."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.device_settings import parse_devices
from devices.scanner.wedge import WedgeConfig
from ui.devices.station import DeviceStation, follow_wedge, registry_config
from ui.devices.wedge_filter import WedgeFilter
from ui.setup.device_check import DeviceCheck

TICKET = "2026110100123"
# Not the defaults (min_length 6, max_median_gap 30 ms, max_gap 80 ms, silence 100 ms, terminators CR LF Tab).
OPTIONS = {"min_length": 10, "max_median_gap_ms": 40.0, "max_gap_ms": 90.0, "silence_ms": 110.0, "terminators": "\r"}


def paced(target: QWidget, text: str, gap_ms: float) -> None:
    """One key click every `gap_ms`, on the clock, with the event loop running between keys."""
    start = time.monotonic()
    for i, ch in enumerate(text):
        due = start + i * gap_ms / 1000.0
        while time.monotonic() < due:
            QApplication.processEvents()
            time.sleep(0.0003)
        if ch == "\r":
            QTest.keyClick(target, Qt.Key.Key_Return)
        else:
            QTest.keyClick(target, ch)


@pytest.fixture
def field(qtbot: QtBot) -> Iterator[QLineEdit]:
    window = QWidget()
    edit = QLineEdit()
    QVBoxLayout(window).addWidget(edit)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    edit.setFocus()
    yield edit


@pytest.fixture
def configured() -> WedgeConfig:
    """As the check-in desk gets it: settings → typed settings → station → its wedge's config."""
    station = DeviceStation.from_settings(parse_devices([{"name": "键盘扫码枪", "kind": "scanner-wedge",
                                                          "options": OPTIONS}]))
    config = station.wedge_config()
    assert config is not None
    return config


@pytest.fixture
def desk_filter(qapp: QApplication, configured: WedgeConfig) -> Iterator[WedgeFilter]:
    wedge = WedgeFilter(configured, device="键盘扫码枪")
    wedge.install(qapp)
    yield wedge
    wedge.uninstall(qapp)
    wedge.deleteLater()


def test_the_settings_options_reach_the_desks_filter(configured: WedgeConfig) -> None:
    assert (configured.min_length, configured.max_median_gap, configured.max_gap, configured.silence) == (
        10, 0.04, 0.09, 0.11)
    assert configured.terminators == frozenset("\r")


@pytest.mark.parametrize("gap_ms", [3, 8, 15])
def test_a_scanner_burst_is_a_scan_and_never_reaches_the_field(qtbot: QtBot, field: QLineEdit,
                                                               desk_filter: WedgeFilter, gap_ms: int) -> None:
    scans: list[object] = []
    desk_filter.scan_received.connect(scans.append)
    with qtbot.waitSignal(desk_filter.scanned, timeout=3000) as signal:
        paced(field, TICKET + "\r", gap_ms)
    assert signal.args == [TICKET] and field.text() == ""
    qtbot.waitUntil(lambda: bool(scans), timeout=1000)
    assert getattr(scans[0], "device", "") == "键盘扫码枪"


@pytest.mark.parametrize("gap_ms", [3, 15])
def test_a_burst_without_the_configured_terminator_ends_on_the_configured_silence(
        qtbot: QtBot, field: QLineEdit, desk_filter: WedgeFilter, gap_ms: int) -> None:
    with qtbot.waitSignal(desk_filter.scanned, timeout=3000) as signal:
        paced(field, TICKET, gap_ms)
    assert signal.args == [TICKET] and field.text() == ""


def test_a_person_typing_at_120_ms_a_key_gets_every_key_in_the_field(qtbot: QtBot, field: QLineEdit,
                                                                     desk_filter: WedgeFilter) -> None:
    with qtbot.assertNotEmitted(desk_filter.scanned, wait=300):
        paced(field, "li4si2026", 120)
        qtbot.waitUntil(lambda: field.text() == "li4si2026", timeout=2000)


def test_a_burst_shorter_than_the_configured_length_goes_to_the_field(qtbot: QtBot, field: QLineEdit,
                                                                      desk_filter: WedgeFilter) -> None:
    """Eight keys at 3 ms would be a scan with the default min_length of 6; configured, 10 are needed."""
    with qtbot.assertNotEmitted(desk_filter.scanned, wait=300):
        paced(field, "12345678", 3)
        qtbot.waitUntil(lambda: field.text() == "12345678", timeout=2000)


def test_the_live_test_judges_with_the_scanners_own_options(qtbot: QtBot, field: QLineEdit) -> None:
    [device] = parse_devices([{"name": "键盘扫码枪", "kind": "scanner-wedge", "options": OPTIONS}])
    check = DeviceCheck(registry_config(device), timeout_s=10.0)
    results: list[str] = []
    check.succeeded.connect(lambda text, _image: results.append(text))
    check.start()
    try:
        paced(field, "12345678\r", 3)  # too short for this scanner: typing, not its scan
        qtbot.wait(300)
        assert not results and field.text() == "12345678"
        field.clear()
        paced(field, TICKET + "\r", 8)
        qtbot.waitUntil(lambda: bool(results), timeout=3000)
        assert results == [f"Code scanned: {TICKET}"] and field.text() == ""
    finally:
        check.stop()
        check.deleteLater()


def test_options_saved_on_the_devices_screen_reach_the_desks_filter_without_signing_out(
        qtbot: QtBot, qapp: QApplication, field: QLineEdit) -> None:
    station = DeviceStation.from_settings(parse_devices([{"name": "键盘扫码枪", "kind": "scanner-wedge",
                                                          "options": OPTIONS}]))
    owner = QWidget()
    wedge = WedgeFilter()  # as the check-in desk builds it, then follows the station
    follow_wedge(owner, station, wedge)
    wedge.install(qapp)
    try:
        with qtbot.waitSignal(wedge.scan_received, timeout=3000) as signal:
            paced(field, TICKET + "\r", 3)
        assert signal.args[0].device == "键盘扫码枪"
        station.reconfigure(parse_devices([{"name": "门口扫码枪", "kind": "scanner-wedge",
                                            "options": {**OPTIONS, "min_length": 14}}]))
        station.reconfigured.emit()
        with qtbot.assertNotEmitted(wedge.scanned, wait=300):  # 13 keys: too short for the new options
            paced(field, TICKET + "\r", 3)
            qtbot.waitUntil(lambda: field.text() == TICKET, timeout=2000)
        field.clear()
        with qtbot.waitSignal(wedge.scan_received, timeout=3000) as signal:
            paced(field, TICKET + "9\r", 3)
        assert signal.args[0].device == "门口扫码枪" and signal.args[0].code == TICKET + "9"
    finally:
        wedge.uninstall(qapp)
        wedge.deleteLater()
        owner.deleteLater()
