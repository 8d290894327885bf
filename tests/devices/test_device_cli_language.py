"""The device command line in Chinese and English (issue 14 item 4), and never a traceback.

`python -m devices …` speaks English; `venue-ops devices …` (here `python -m app --lang L devices …`)
runs the same commands with their sentences from the GUI's catalog (context "DeviceCLI"). Each
case runs as a real process: a missing file, a missing serial port, bad arguments.
"""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from devices.__main__ import main
from devices.cli_text import TEXTS, Say, Translate

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def run(*argv: str, lang: str | None = None, tmp: Path) -> subprocess.CompletedProcess[str]:
    """`python -m devices …` (lang None) or `python -m app --lang L devices …`, with settings of its own."""
    if lang is None:
        command = [sys.executable, "-m", "devices", *argv]
    else:
        settings = tmp / "settings.json"
        command = [sys.executable, "-m", "app", "--settings", str(settings), "--lang", lang, "devices", *argv]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, cwd=ROOT, env=ENV)


def one_sentence(stderr: str) -> str:
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


@pytest.fixture
def settings_dir(tmp_path: Path) -> Path:
    (tmp_path / "settings.json").write_text("{}", encoding="utf-8")
    return tmp_path


@pytest.fixture
def chinese(qapp: Any) -> Iterator[Translate]:
    """The GUI's zh_CN catalog installed, as `venue-ops devices` installs it; its translate."""
    from ui.device_cli import translate
    from ui.i18n import Translations

    translations = Translations(qapp)
    assert translations.apply("zh_CN")
    yield translate
    translations.apply("en")


@pytest.mark.parametrize(("lang", "sentence"), [
    (None, "Cannot read image {path}: there is no such file."),
    ("zh_CN", "无法读取图像 {path}：文件不存在。"),
])
def test_a_missing_image_is_one_sentence_in_the_users_language(settings_dir: Path, lang: str | None,
                                                                 sentence: str) -> None:
    """Real processes: `python -m devices` in English, `venue-ops --lang zh_CN devices` in Chinese."""
    missing = settings_dir / "准考证" / "none.png"
    done = run("scanner", "decode", str(missing), lang=lang, tmp=settings_dir)
    assert done.returncode == 3
    assert one_sentence(done.stderr) == sentence.format(path=missing)


def test_the_settings_language_is_used_when_no_lang_is_given(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text('{"language": "en"}', encoding="utf-8")
    command = [sys.executable, "-m", "app", "--settings", str(tmp_path / "settings.json"), "devices",
               "camera", "probe", "--max", "many"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, cwd=ROOT, env=ENV)
    assert done.returncode == 2
    line = one_sentence(done.stderr)
    assert line.startswith("venue-ops devices camera probe: ") and "'many'" in line
    assert line.endswith(". 'venue-ops devices camera probe --help' lists the commands and their options.")


def in_process(argv: list[str], capsys: pytest.CaptureFixture[str], translate: Translate | None = None
               ) -> tuple[int, str]:
    code = main(argv, translate=translate, prog="venue-ops devices")
    return code, one_sentence(capsys.readouterr().err)


def test_a_missing_serial_port_is_one_sentence_in_both_languages(
    chinese: Translate, capsys: pytest.CaptureFixture[str],
) -> None:
    argv = ["scanner", "listen", "--serial", "/dev/tty-none-here"]
    assert in_process(argv, capsys)[0] == 3
    assert in_process(argv, capsys)[1].startswith("Serial port /dev/tty-none-here: ")
    code, line = in_process(argv, capsys, chinese)
    assert code == 3 and line.startswith("串口 /dev/tty-none-here：")


def test_bad_arguments_are_one_chinese_sentence_naming_the_help(
    chinese: Translate, capsys: pytest.CaptureFixture[str],
) -> None:
    code, line = in_process(["camera", "probe", "--max", "many"], capsys, chinese)
    assert code == 2
    assert line.startswith("venue-ops devices camera probe：") and "'many'" in line
    assert line.endswith("。'venue-ops devices camera probe --help' 列出命令及其选项。")


def test_a_missing_command_names_the_choices_not_a_variable(capsys: pytest.CaptureFixture[str]) -> None:
    code, line = in_process(["scanner"], capsys)
    assert code == 2 and "{listen,simulate,decode,camera-listen}" in line


def test_a_bad_ticket_pattern_is_one_chinese_sentence(chinese: Translate, capsys: pytest.CaptureFixture[str],
                                                      tmp_path: Path) -> None:
    code, line = in_process(["scanner", "decode", str(tmp_path / "a.png"), "--pattern", "(26"], capsys, chinese)
    assert code == 2 and line.startswith("准考证号规则无法使用：")


def test_an_unreadable_and_a_folder_image_are_said_apart(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("not an image", encoding="utf-8")
    assert main(["scanner", "decode", str(text), str(tmp_path)]) == 3
    err = capsys.readouterr().err.splitlines()
    assert err == [TEXTS["file_not_image"].format(path=text), TEXTS["file_unreadable"].format(path=tmp_path)]


def test_every_catalog_sentence_is_in_the_generated_file_and_translated_to_chinese() -> None:
    from ui import device_cli

    assert (ROOT / "ui" / "device_cli_texts.py").read_text(encoding="utf-8") == device_cli.render(), (
        "run python -m ui.device_cli")
    tree = ET.parse(ROOT / "resources" / "translations" / "venue_ops_zh_CN.ts")
    done = {}
    for context in tree.getroot().iter("context"):
        if context.findtext("name") == "DeviceCLI":
            for message in context.iter("message"):
                tr = message.find("translation")
                assert tr is not None
                if tr.text and tr.get("type") != "unfinished":
                    done[message.findtext("source")] = tr.text
    assert set(device_cli.texts()) <= set(done), set(device_cli.texts()) - set(done)
    assert set(TEXTS.values()) < set(device_cli.texts())  # the --help texts are listed too


def test_a_translation_with_a_broken_placeholder_falls_back_to_english() -> None:
    say = Say(lambda english: "无法读取图像 {file}")
    assert say("file_missing", path="a.png") == "Cannot read image a.png: there is no such file."


def test_help_is_in_chinese(chinese: Translate, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scanner", "decode", "--help"], translate=chinese, prog="venue-ops devices") == 0
    out = capsys.readouterr().out
    assert out.startswith("用法：venue-ops devices scanner decode")
    assert "选项" in out and "每个条码输出一个 JSON 对象" in out and "显示此帮助信息并退出" in out
    assert main(["scanner", "decode", "--help"]) == 0
    assert "one JSON object per code" in capsys.readouterr().out
