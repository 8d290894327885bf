"""The set-up wizard answers an administrator plainly and at once (issue: set-up): a PC without a
keyring offers the key file as an explicit choice with its warning instead of a dead end; a reader
on a port that is not there is refused at once, not after the 30 s test; each empty field has its
own sentence; a database that cannot be reached says what to check, never the driver's English."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import config
from app.config import Settings
from app.errors import VenueError
from app.services import setup
from devices.device_config import DeviceKind
from tests.ui.test_setup_wizard import _fill_province, _fill_venue, _next
from tests.unit.test_security_support import CHEAP
from ui.i18n import Translations, compile_all
from ui.messages import describe
from ui.runner import OpRunner
from ui.setup.flow import services_for
from ui.setup.wizard import SetupWizard


@pytest.fixture
def no_keyring() -> Iterator[None]:
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


@pytest.fixture
def zh(qapp: QApplication) -> Iterator[Translations]:
    compile_all()
    t = Translations(qapp)
    t.apply("zh_CN")
    yield t
    t.apply("en")


def _wizard(qtbot: QtBot, tmp_path: Path, base: Settings) -> tuple[SetupWizard, OpRunner]:
    runner = OpRunner()
    w = SetupWizard(runner, services_for(base, tmp_path / "settings.json", policy=CHEAP), "en")
    qtbot.addWidget(w)
    w.show()
    return w, runner


def test_art47_a_pc_without_a_keyring_asks_before_keeping_the_keys_in_a_file(
        qtbot: QtBot, tmp_path: Path, no_keyring: None) -> None:
    w, runner = _wizard(qtbot, tmp_path, Settings(data_dir=tmp_path / "data", desk_name="1号检录台"))
    try:
        for fill in (lambda: None, lambda: _fill_venue(w), lambda: _fill_province(w)):
            fill()
            _next(qtbot, w)
        page = w.database
        assert page.asks_key_file and page.plaintext_keys.isVisibleTo(page)
        assert "no secure keyring" in page.plaintext_warning.text()
        w.next()  # not ticked: refused, and the page says why
        assert w.currentPage() is page and "tick the box" in page.error.text()
        assert w.answers().allow_plaintext_keys is None
        page.plaintext_keys.setChecked(True)
        _next(qtbot, w)
        assert w.answers().allow_plaintext_keys is True
    finally:
        runner.wait()


def test_art47_the_chosen_key_file_lets_the_set_up_finish_and_is_remembered(tmp_path: Path, no_keyring: None) -> None:
    base = Settings(data_dir=tmp_path / "data")
    answers = setup.SetupAnswers(
        venue=setup.VenueIdentity("320107", "南京市第一中学考点", "", ""),
        province=setup.ProvinceLink("https://exam.js.example.cn", "js-2026",
                                    Path(setup.__file__).parents[2].joinpath(
                                        "resources", "demo", "exam-package-demo.pub").read_text()),
        chief=setup.ChiefCredential("T320107001", "刘静敏", "Chief-credential-1", "Chief-credential-1"),
        allow_plaintext_keys=True)
    result = setup.apply_setup(answers, base, tmp_path / "settings.json", policy=CHEAP)
    assert config.load(result.settings_file).allow_plaintext_keys is True
    with pytest.raises(VenueError) as refused:  # without the choice, the same PC is refused plainly
        setup.apply_setup(answers.__class__(**{**answers.__dict__, "allow_plaintext_keys": None}),
                          Settings(data_dir=tmp_path / "other"), tmp_path / "other.json", policy=CHEAP)
    assert refused.value.code == "keystore.no_backend"


def test_a_reader_on_a_port_that_is_not_there_is_refused_at_once(qtbot: QtBot, tmp_path: Path) -> None:
    w, runner = _wizard(qtbot, tmp_path, Settings(data_dir=tmp_path / "data", allow_plaintext_keys=True))
    try:
        page = w.devices
        for kind in (DeviceKind.IDCARD, DeviceKind.SCANNER_SERIAL):
            row = page.add_device(kind, f"dev-{kind.value}", "/dev/ttyNOSUCHPORT")
            started = time.monotonic()
            page.test_row(row)
            assert page.result_text(row).startswith("✖ There is no serial port /dev/ttyNOSUCHPORT on this PC.")
            assert time.monotonic() - started < 1.0  # said at once, not after the test's time limit
    finally:
        runner.wait()


@pytest.mark.parametrize(("link", "sentence"), [
    (setup.ProvinceLink("", "js-2026", "ab" * 32), "Give the provincial server's address."),
    (setup.ProvinceLink("   ", "js-2026", "ab" * 32), "Give the provincial server's address."),
    (setup.ProvinceLink("https://exam.js.example.cn", "", "ab" * 32), "Give the provincial key's id."),
    (setup.ProvinceLink("https://exam.js.example.cn", "js-2026", " "), "Give the provincial public key."),
])
def test_each_empty_field_of_the_province_has_its_own_sentence(link: setup.ProvinceLink, sentence: str) -> None:
    with pytest.raises(VenueError) as refused:
        setup.check_province(link)
    assert refused.value.english_text() == sentence


def test_a_database_that_refuses_the_connection_says_what_to_check_in_chinese(zh: Translations) -> None:
    with pytest.raises(VenueError) as refused:
        setup.check_database("postgresql+psycopg://venue:x@127.0.0.1:1/venue", timeout_s=2)
    assert refused.value.code == "setup.database_refused"
    text = describe(refused.value)
    assert "127.0.0.1" in text and "1" in text and "connection" not in text.lower() and "端口" in text


@pytest.mark.postgres
def test_a_wrong_password_and_a_missing_database_are_told_apart(pg_url: str, zh: Translations) -> None:
    from sqlalchemy.engine import make_url

    url = make_url(pg_url)
    wrong_db = url.set(database="no_such_venue_db").render_as_string(hide_password=False)
    with pytest.raises(VenueError) as missing:
        setup.check_database(wrong_db)
    assert missing.value.code == "setup.database_missing" and "no_such_venue_db" in describe(missing.value)
    wrong_user = url.set(username="nobody_here").render_as_string(hide_password=False)
    with pytest.raises(VenueError) as login:
        setup.check_database(wrong_user)
    assert login.value.code == "setup.database_login_refused" and "nobody_here" in describe(login.value)
    for exc in (missing.value, login.value):
        assert "FATAL" not in describe(exc) and "psycopg" not in describe(exc)
