"""The first-run wizard, offscreen: every page refuses what the core refuses, the database and
devices are tested live (a reader and a scanner simulated on pseudo-terminals, the camera
simulator), and Finish leaves a venue whose chief examiner can sign in."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot

from app import config
from app.bootstrap import open_core
from app.config import Settings
from app.device_settings import CameraSettings
from app.package.keys import DEMO_PUBLIC_KEY
from devices.device_config import DeviceKind
from devices.idcard.sdk_simulator import SdkSimulator
from devices.idcard.simulator import ReaderSimulator
from devices.scanner.simulator import ScannerSimulator
from tests.unit.test_security_support import CHEAP
from ui.i18n import Translations, compile_all
from ui.runner import OpRunner
from ui.setup.flow import services_for
from ui.setup.wizard import SetupWizard


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    compile_all()
    t = Translations(qapp)
    t.apply("en")
    yield t
    t.apply("en")


@pytest.fixture
def wizard(qtbot: QtBot, tmp_path: Path, translations: Translations) -> Iterator[SetupWizard]:
    base = Settings(data_dir=tmp_path / "data", allow_plaintext_keys=True, desk_name="desk-1")
    runner = OpRunner()
    w = SetupWizard(runner, services_for(base, tmp_path / "settings.json", policy=CHEAP), "en")
    w.language_requested.connect(translations.apply)
    w.devices.timeout_s = 20.0
    qtbot.addWidget(w)
    w.show()
    yield w
    w.devices.stop_checks()
    runner.wait()


def _next(qtbot: QtBot, w: SetupWizard) -> None:
    before = w.currentId()
    w.next()
    qtbot.waitUntil(lambda: w.currentId() == before + 1, timeout=10000)


def _fill_venue(w: SetupWizard) -> None:
    w.venue.code.setText("320107")
    w.venue.name.setText("南京市第一中学考点")


def _fill_province(w: SetupWizard) -> None:
    w.province.url.setText("https://exam.js.example.cn")
    w.province.key_id.setText("js-2026")
    w.province.key.setPlainText(DEMO_PUBLIC_KEY.read_text(encoding="ascii"))


def test_wizard_sets_up_a_venue_whose_chief_can_sign_in(qtbot: QtBot, wizard: SetupWizard, tmp_path: Path) -> None:
    w = wizard
    _next(qtbot, w)
    assert w.currentPage() is w.venue
    w.next()  # nothing filled in: refused, and the page says why
    assert w.currentPage() is w.venue
    assert w.venue.error.text() == "Give the venue's code."
    _fill_venue(w)
    _next(qtbot, w)
    w.province.url.setText("http://exam.js.example.cn")
    w.next()
    assert w.currentPage() is w.province and "https://" in w.province.error.text()
    _fill_province(w)
    _next(qtbot, w)
    assert w.currentPage() is w.database and w.database.use_sqlite.isChecked()
    _next(qtbot, w)
    w.devices.add_device(DeviceKind.CAMERA, "考场监控1", "sim")
    _next(qtbot, w)
    chief = w.chief
    chief.staff_number.setText("T320107001")
    chief.name.setText("刘静敏")
    chief.credential.setText("chief-credential-1")
    chief.repeated.setText("chief-credential-2")
    w.button(QWizard.WizardButton.FinishButton).click()
    assert chief.error.text() == "The two credentials are not the same."
    chief.repeated.setText("chief-credential-1")
    with qtbot.waitSignal(w.finished_setup, timeout=20000):
        w.button(QWizard.WizardButton.FinishButton).click()
    assert w.result() == QWizard.DialogCode.Accepted

    settings = config.load(tmp_path / "settings.json")
    assert settings.devices == (CameraSettings("考场监控1", "sim"),)
    assert settings.desk_name == "desk-1" and settings.language == "en"
    core = open_core(settings, credential_policy=CHEAP)
    try:
        assert core.auth.login("T320107001", "chief-credential-1", core.desk).name == "刘静敏"
        from sync.config import load as sync_config

        with core.sessions() as s:
            synced = sync_config(s)
        assert (synced.server_url, synced.venue_code) == ("https://exam.js.example.cn", "320107")
    finally:
        core.close()


def test_postgres_needs_a_connection_that_was_tested(qtbot: QtBot, wizard: SetupWizard) -> None:
    w = wizard
    for fill in (lambda: None, lambda: _fill_venue(w), lambda: _fill_province(w)):
        fill()
        _next(qtbot, w)
    page = w.database
    page.use_postgres.setChecked(True)
    page.host.setText("127.0.0.1")
    page.port.setValue(1)  # nothing listens there
    w.next()
    qtbot.waitUntil(lambda: "Nothing answers on 127.0.0.1 port 1" in page.error.text(), timeout=15000)
    assert w.currentPage() is page
    page.host.clear()
    page.test.click()
    assert page.error.text() == "Give the database server's address."


def test_postgres_connection_test_reaches_a_real_server(qtbot: QtBot, wizard: SetupWizard, pg_url: str) -> None:
    from sqlalchemy.engine import make_url

    url = make_url(pg_url)
    page = wizard.database
    page.use_postgres.setChecked(True)
    page.host.setText(url.host or "")
    page.port.setValue(url.port or 5432)
    page.database.setText(url.database or "")
    page.user.setText(url.username or "")
    page.password.setText(url.password or "")
    page.test.click()
    qtbot.waitUntil(lambda: page.outcome.text().startswith("Connected: PostgreSQL"), timeout=15000)
    assert page.url() == pg_url or make_url(page.url() or "").database == url.database


def test_device_tests_read_a_card_scan_a_code_and_see_a_camera(qtbot: QtBot, wizard: SetupWizard) -> None:
    page = wizard.devices
    with ReaderSimulator() as reader, ScannerSimulator() as scanner:
        card = page.add_device(DeviceKind.IDCARD, "读卡器1", reader.path)
        check = page.test_row(card)
        assert check is not None
        qtbot.waitUntil(lambda: "Place an ID card" in page.result_text(card) or "Connected" in page.result_text(card),
                        timeout=15000)
        reader.present()
        qtbot.waitUntil(lambda: page.result_text(card).startswith("✔ Card read:"), timeout=15000)
        assert "*" in page.result_text(card)  # the ID number is shown masked

        scan = page.add_device(DeviceKind.SCANNER_SERIAL, "扫码枪1", scanner.path)
        with qtbot.waitSignal(page.test_row(scan).progress, timeout=5000):  # type: ignore[union-attr]
            pass
        qtbot.waitUntil(lambda: "Connected" in page.result_text(scan), timeout=10000)
        scanner.scan("2026110100123")
        qtbot.waitUntil(lambda: page.result_text(scan) == "✔ Code scanned: 2026110100123", timeout=15000)

    camera = page.add_device(DeviceKind.CAMERA, "考场监控1", "sim")
    page.test_row(camera)
    qtbot.waitUntil(lambda: page.result_text(camera).startswith("✔ Picture received:"), timeout=15000)
    assert page.preview.pixmap() is not None and not page.preview.pixmap().isNull()


def test_device_test_reports_a_silent_device_and_one_that_cannot_start(qtbot: QtBot, wizard: SetupWizard) -> None:
    page = wizard.devices
    page.timeout_s = 1.0
    with ScannerSimulator() as scanner:
        row = page.add_device(DeviceKind.SCANNER_SERIAL, "扫码枪1", scanner.path)
        page.test_row(row)
        qtbot.waitUntil(lambda: page.result_text(row).startswith("✖ Nothing arrived within 1 seconds."), timeout=10000)
    row = page.add_device(DeviceKind.CAMERA, "cam", "/no/such/video.mp4")
    page.test_row(row)
    assert page.result_text(row).startswith("✖ This device cannot be started:")


def test_a_vendor_sdk_reader_is_offered_and_tested_through_its_library(
    qtbot: QtBot, wizard: SetupWizard, tmp_path: Path
) -> None:
    page = wizard.devices
    sdk = SdkSimulator(tmp_path / "sdk")
    row = page.add_device(DeviceKind.IDCARD_SDK, "读卡器2", str(sdk.library))
    assert page.config_of(row)["kind"] == "idcard-sdk"
    page.test_row(row)
    qtbot.waitUntil(lambda: "Place an ID card" in page.result_text(row) or "Connected" in page.result_text(row),
                    timeout=15000)
    sdk.present()
    qtbot.waitUntil(lambda: page.result_text(row).startswith("✔ Card read:"), timeout=15000)


def test_a_vendor_sdk_reader_with_a_wrong_library_fails_its_test_at_once_in_plain_words(
    qtbot: QtBot, wizard: SetupWizard, tmp_path: Path
) -> None:
    page = wizard.devices
    row = page.add_device(DeviceKind.IDCARD_SDK, "读卡器2", str(tmp_path / "libsdtapi.so"))
    page.test_row(row)
    qtbot.waitUntil(lambda: page.result_text(row).startswith("✖"), timeout=5000)
    assert page.result_text(row) == "✖ not working: its vendor library is not at the path in the settings"
    row = page.add_device(DeviceKind.IDCARD_SDK, "读卡器3", "COM3")  # a port where the library goes
    assert page.test_row(row) is None
    assert "is a port, but this reader's source is its vendor library's file" in page.error.text()


def test_devices_page_refuses_two_devices_with_one_name(qtbot: QtBot, wizard: SetupWizard) -> None:
    page = wizard.devices
    page.add_device(DeviceKind.IDCARD, "同名")
    page.add_device(DeviceKind.SCANNER_WEDGE, "同名")
    assert not page.validatePage()
    assert page.error.text() == "Two devices have the same name."


def test_wizard_speaks_chinese_and_switches_language_without_restart(
    qtbot: QtBot, wizard: SetupWizard, translations: Translations
) -> None:
    w = wizard
    w.welcome.language_box.setCurrentIndex(w.welcome.language_box.findData("zh_CN"))
    qtbot.waitUntil(lambda: w.venue.title() == "考点")
    # Qt's own translations are installed too: the wizard's buttons are Qt's, not ours.
    assert "下一步" in w.buttonText(QWizard.WizardButton.NextButton)
    assert w.devices.kind_name(DeviceKind.IDCARD) == "身份证阅读器"
    w.welcome.language_box.setCurrentIndex(w.welcome.language_box.findData("en"))
    qtbot.waitUntil(lambda: w.venue.title() == "Venue")
    assert w.welcome.language() == "en"


def test_wizard_screenshot(qtbot: QtBot, wizard: SetupWizard, tmp_path: Path) -> None:
    wizard.resize(1000, 700)
    _next(qtbot, wizard)
    qtbot.keyClicks(wizard.venue.code, "320107")
    qtbot.keyClick(wizard.venue.code, Qt.Key.Key_Tab)
    assert wizard.venue.name.hasFocus()
    assert wizard.grab().save(str(tmp_path / "setup.png"))


def test_a_new_pc_starts_with_the_wizard_and_cancelling_writes_nothing(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, translations: Translations
) -> None:
    import logging

    from PySide6.QtCore import QTimer

    from app.__main__ import main

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    settings_file = tmp_path / "config" / "venue-ops" / "settings.json"
    shown: list[SetupWizard] = []

    def cancel_when_shown() -> None:
        wizards = [w for w in QApplication.topLevelWidgets() if isinstance(w, SetupWizard) and w.isVisible()]
        if wizards:
            shown.append(wizards[0])
            wizards[0].reject()
        else:
            QTimer.singleShot(50, cancel_when_shown)

    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    QTimer.singleShot(50, cancel_when_shown)
    try:
        assert main(["--lang", "en"]) == 0
    finally:
        for handler in [h for h in root.handlers if h not in handlers]:
            root.removeHandler(handler)
            handler.close()
        root.setLevel(level)
    assert len(shown) == 1
    assert not settings_file.exists()
    assert not (tmp_path / "data" / "venue-ops" / "venue.sqlite").exists()


def test_keyboard_scanner_test_takes_a_fast_burst_of_keys(qtbot: QtBot, wizard: SetupWizard) -> None:
    page = wizard.devices
    ticks = iter(range(10**6))
    page.wedge_clock = lambda: next(ticks) * 0.005  # a key every 5 ms, however busy the machine is
    row = page.add_device(DeviceKind.SCANNER_WEDGE, "扫码枪2")
    page.test_row(row)
    assert page.result_text(row) == "Scan any code with this scanner now."
    target = page.table
    target.setFocus()
    qtbot.keyClicks(target, "2026110100123")
    qtbot.keyClick(target, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.result_text(row) == "✔ Code scanned: 2026110100123", timeout=5000)


def test_a_second_desk_joins_a_postgres_database_set_up_by_the_first(
    qtbot: QtBot, tmp_path: Path, translations: Translations, pg_url: str
) -> None:
    from sqlalchemy.engine import make_url

    from app.services.setup import ChiefCredential, ProvinceLink, SetupAnswers, VenueIdentity, apply_setup

    base = Settings(data_dir=tmp_path / "data", allow_plaintext_keys=True)
    first = SetupAnswers(VenueIdentity("320107", "一中"),
                         ProvinceLink("https://exam.js.example.cn", "js-2026", DEMO_PUBLIC_KEY.read_text("ascii")),
                         ChiefCredential("T1", "刘静敏", "chief-credential-1", "chief-credential-1"), db_url=pg_url)
    apply_setup(first, base, tmp_path / "first.json", policy=CHEAP)

    runner = OpRunner()
    w = SetupWizard(runner, services_for(base, tmp_path / "second.json", policy=CHEAP), "en")
    qtbot.addWidget(w)
    w.show()
    _next(qtbot, w)
    _fill_venue(w)
    _next(qtbot, w)
    _fill_province(w)
    _next(qtbot, w)
    url = make_url(pg_url)
    page = w.database
    page.use_postgres.setChecked(True)
    page.host.setText(url.host or "")
    page.port.setValue(url.port or 5432)
    page.database.setText(url.database or "")
    page.user.setText(url.username or "")
    page.password.setText(url.password or "")
    w.next()  # tested on the way: connected, already set up, so on to the devices
    qtbot.waitUntil(lambda: w.currentPage() is w.devices, timeout=15000)
    assert "already set up for venue 320107" in page.outcome.text()
    assert w.devices.isFinalPage() and w.joining()
    with qtbot.waitSignal(w.finished_setup, timeout=20000) as finished:
        w.button(QWizard.WizardButton.FinishButton).click()
    assert finished.args[0].chief_id is None
    assert config.load(tmp_path / "second.json").db_url == pg_url
    runner.wait()
