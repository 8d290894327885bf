"""English is complete too (zh_CN's completeness is tests/ui/test_i18n.py).

The sources are English, so "complete" means: the English catalogue lists every string the code
shows (nothing missing, so nothing falls back by accident when lupdate runs), every plural (%n)
message has both English forms, a filled-in English text keeps its source's placeholders, and a
screen switched to English at run time shows no Chinese left over from the previous language
(here the set-up wizard, every page, and the Qt-owned buttons)."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWizard
from pytestqt.qtbot import QtBot

from app.config import Settings
from ui.i18n import Translations, compile_all, sources, ts_file
from ui.runner import OpRunner
from ui.setup.flow import services_for
from ui.setup.wizard import SetupWizard

PLACEHOLDER = re.compile(r"\{[^}]*\}")
CHINESE = re.compile(r"[\u4e00-\u9fff]")


def _messages(ts: Path) -> list[ET.Element]:
    return list(ET.parse(ts).getroot().iter("message"))


def test_english_catalog_lists_every_source_string(tmp_path: Path) -> None:
    lupdate = shutil.which("pyside6-lupdate")
    assert lupdate, "pyside6-lupdate ships with PySide6"
    ts = tmp_path / "check_en.ts"
    shutil.copyfile(ts_file("en"), ts)
    committed = {(m.findtext("source") or "") for m in _messages(ts)}
    subprocess.run([lupdate, *map(str, sources()), "-ts", str(ts), "-no-obsolete", "-locations", "none"],
                   check=True, capture_output=True)
    missing = sorted({(m.findtext("source") or "") for m in _messages(ts)} - committed)
    assert missing == [], "run `python -m ui.i18n translate …` so both catalogues list the new strings"


def test_english_plurals_and_placeholders_are_whole() -> None:
    problems = []
    for m in _messages(ts_file("en")):
        source = m.findtext("source") or ""
        tr = m.find("translation")
        assert tr is not None
        if m.get("numerus") == "yes":
            forms = [f.text or "" for f in tr.iter("numerusform")]
            if len(forms) < 2 or not all(forms):
                problems.append(f"plural forms missing: {source}")
        elif tr.text and sorted(PLACEHOLDER.findall(tr.text)) != sorted(PLACEHOLDER.findall(source)):
            problems.append(f"placeholders differ: {source}")
    assert problems == []


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    compile_all()
    t = Translations(qapp)
    yield t
    t.apply("en")


def _texts(wizard: SetupWizard) -> list[str]:
    shown = [wizard.windowTitle()]
    for page_id in wizard.pageIds():
        page = wizard.page(page_id)
        shown += [page.title(), page.subTitle()]
        shown += [w.text() for w in page.findChildren(QLabel) if w.buddy() is not None or not w.text().startswith("/")]
        shown += [b.text() for b in page.findChildren(QAbstractButton)]
    shown += [wizard.buttonText(b) for b in (QWizard.WizardButton.NextButton, QWizard.WizardButton.BackButton,
                                             QWizard.WizardButton.CancelButton, QWizard.WizardButton.FinishButton)]
    return shown


def test_wizard_switched_to_english_leaves_no_chinese(qtbot: QtBot, tmp_path: Path,
                                                      translations: Translations) -> None:
    translations.apply("zh_CN")
    wizard = SetupWizard(OpRunner(), services_for(Settings(data_dir=tmp_path), tmp_path / "s.json"), "zh_CN")
    qtbot.addWidget(wizard)
    assert any(CHINESE.search(t) for t in _texts(wizard))
    translations.apply("en")
    qtbot.waitUntil(lambda: wizard.venue.title() == "Venue")
    leftovers = [t for t in _texts(wizard) if CHINESE.search(t) and t != "中文"]  # the language's own name
    assert leftovers == []
