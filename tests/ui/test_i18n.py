"""Chinese first, English available: every string translated, switchable while running."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.errors import VenueError
from ui import error_catalog
from ui.i18n import Translations, compile_all, sources, ts_file
from ui.login.screen import LoginScreen
from ui.messages import describe
from ui.runner import OpRunner

PLACEHOLDER = re.compile(r"\{[^}]*\}")


def _messages(ts: Path) -> list[tuple[str, str, str | None]]:
    out = []
    for m in ET.parse(ts).getroot().iter("message"):
        tr = m.find("translation")
        assert tr is not None
        out.append((m.findtext("source") or "", tr.text or "", tr.get("type")))
    return out


def test_error_catalog_is_up_to_date_with_the_core() -> None:
    assert error_catalog.OUT.read_text(encoding="utf-8") == error_catalog.render(error_catalog.sentences()), (
        "run `python -m ui.i18n update` and translate the new sentences"
    )


def test_zh_cn_translates_every_source_string(tmp_path: Path) -> None:
    lupdate = shutil.which("pyside6-lupdate")
    assert lupdate, "pyside6-lupdate ships with PySide6"
    ts = tmp_path / "check.ts"
    shutil.copyfile(ts_file("zh_CN"), ts)
    subprocess.run([lupdate, *map(str, sources()), "-ts", str(ts), "-no-obsolete", "-locations", "none"],
                   check=True, capture_output=True)
    untranslated = [src for src, text, kind in _messages(ts) if not text or kind == "unfinished"]
    assert untranslated == []


def test_zh_cn_keeps_every_placeholder_of_its_source() -> None:
    broken = [src for src, text, _ in _messages(ts_file("zh_CN"))
              if sorted(PLACEHOLDER.findall(src)) != sorted(PLACEHOLDER.findall(text))]
    assert broken == []


@pytest.fixture
def translations(qapp: QApplication) -> Translations:
    compile_all()
    t = Translations(qapp)
    yield t
    t.apply("en")


def test_language_switches_without_restart(qtbot: QtBot, translations: Translations) -> None:
    screen = LoginScreen(OpRunner(), lambda n, c: None, language="en")
    qtbot.addWidget(screen)
    assert translations.apply("zh_CN")
    qtbot.waitUntil(lambda: screen.submit.text() == "登录")
    translations.apply("en")
    qtbot.waitUntil(lambda: screen.submit.text() == "Sign in")


def test_core_errors_reach_the_user_in_chinese_with_their_facts(translations: Translations) -> None:
    translations.apply("zh_CN")
    err = VenueError("package.wrong_venue", "This package is for venue {package_venue}, but this is venue {venue}.",
                     package_venue="320108", venue="320107")
    assert describe(err) == "此数据包属于考点 320108，而本考点是 320107。"
