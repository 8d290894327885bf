"""The attendance sheet PDF (签到表, issue 18 item 10) read back as text with poppler's pdftotext:
a signature column for the candidates, a header whose fields do not run into each other, and a
signature line with a date for each of the two invigilators, in zh_CN and in English."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.services.attendance import AttendanceLine, RefusedEntry, RoomAttendance
from ui.i18n import Translations, compile_all
from ui.reports.attendance import attendance_html
from ui.reports.pdf import write_pdf

EXAM = "2026年度经济专业技术资格考试（初级）"
VENUE = "南京市第一中学考点"
START = datetime(2026, 11, 28, 0, 30, tzinfo=UTC)  # 08:30 in the venue's time


def _sheet(n: int = 30) -> RoomAttendance:
    lines = tuple(
        AttendanceLine(uuid.uuid4(), f"2611010{i:04d}", ("王芳", "李娜", "欧阳晓明")[i % 3], "110108********002X",
                       i + 1, ("admitted", "absent")[i % 2], START - timedelta(minutes=9) if i % 2 == 0 else None,
                       "1号检录台", "周玲月" if i == 2 else None)
        for i in range(n))
    refused = (RefusedEntry(START + timedelta(minutes=7), "26110109999", "刘洋", "entry_closed", "1号检录台", 120),)
    return RoomAttendance(uuid.uuid4(), uuid.uuid4(), "S1", "经济基础知识", START, START + timedelta(hours=2),
                          "07", "第07考场", lines, refused)


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    compile_all()
    t = Translations(qapp)
    yield t
    t.apply("en")


def _text(tmp_path: Path, name: str) -> list[str]:
    pdftotext = shutil.which("pdftotext")
    assert pdftotext, "pdftotext (poppler-utils) is needed: make system-deps installs it"
    pdf = write_pdf(attendance_html(_sheet(), VENUE, EXAM), tmp_path / f"{name}.pdf", title="sheet")
    out = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    # NFKC: the CJK font maps some characters to their Kangxi radicals (⼊ for 入) in the text layer.
    return [_n(line.strip()) for line in out.splitlines() if line.strip()]


def _n(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def test_the_sheet_has_a_signature_column_a_clean_header_and_two_dated_signature_lines(
        translations: Translations, tmp_path: Path) -> None:
    assert translations.apply("zh_CN")
    lines = _text(tmp_path, "zh")
    header = next(line for line in lines if "座位" in line)
    for column in ("准考证号", "姓名", "证件号码", "状态", "入场时间", "考生签名", "备注"):
        assert _n(column) in header
    assert sum(_n("考生签名") in line for line in lines) == 2  # the header row is repeated on the second page
    # Each header field in its own cell: the exam has a line to itself, the venue never runs into it.
    assert [line for line in lines if line.startswith(_n("考试"))] == [_n(f"考试：{EXAM}")]
    venue_line = next(line for line in lines if line.startswith(_n("考点")))
    assert venue_line.startswith(_n(f"考点：{VENUE}")) and _n(EXAM) not in venue_line
    assert _n("考场：第07考场") in venue_line
    # Two invigilators, two separate lines, each with its own date.
    first = [line for line in lines if _n("监考员一（签名）") in line]
    second = [line for line in lines if _n("监考员二（签名）") in line]
    assert len(first) == len(second) == 1 and first != second
    assert _n("日期") in first[0] and _n("日期") in second[0] and _n("监考员二") not in first[0]
    # The refusal reads as the desk said it, and the cosigner is named in the notes.
    assert not any("entry_closed" in line for line in lines)
    assert any(_n("入场已截止") in line for line in lines)
    assert _n("周玲月确认") in "".join("".join(lines).split())  # the notes cell may wrap


def test_the_sheet_in_english(translations: Translations, tmp_path: Path) -> None:
    assert translations.apply("en")
    lines = _text(tmp_path, "en")
    assert any("Candidate's signature" in line and "Seat" in line for line in lines)
    exam = [line for line in lines if line.startswith("Exam:")]
    assert len(exam) == 1 and _n("经济专业技术资格考试") in exam[0]
    assert not any(line.startswith("Venue:") and _n("资格考试") in line for line in lines)
    # (In English, poppler reads the digits of this font as spaces: "Invigilator   (signature)".)
    signatures = [line for line in lines if line.startswith("Invigilator") and "(signature)" in line]
    assert len(signatures) == 2 and all(line.count("Date") == 1 for line in signatures)
