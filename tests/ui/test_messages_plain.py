"""Every message a user can see is a sentence in their language: the zh_CN catalogue translates
every source text, and no translation still carries an internal identifier (an action or role
name, an enum value, a dotted key, a path). The few names an administrator types themselves
(commands and files the message tells them to use) are listed here, each for a reason."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ui.i18n import ts_file

# snake_case words, dotted.names and absolute paths, outside {placeholders}
IDENTIFIER = re.compile(r"(?<![\w{.])([a-z][a-z0-9]*(?:_[a-z0-9]+)+|[a-z]+(?:\.[a-z_]+)+|/(?:tmp|home|var)/[^\s；，。]*)(?![\w}])")
# What the administrator is told to run or open: a command or a file name is the right word there.
# sdtapi.dll / libsdtapi.so: the vendor library's file, which the administrator finds and gives by name.
TYPED_BY_ADMINISTRATORS = {"pg_restore", "pg_dump", "data.json", "manifest.json", "settings.json", "sdtapi.dll",
                           "libsdtapi.so"}


def _messages() -> list[tuple[str, str, str | None, str | None]]:
    tree = ET.parse(ts_file("zh_CN"))
    found = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            found.append((name, message.findtext("source") or "",
                          None if translation is None else translation.text,
                          None if translation is None else translation.get("type")))
    return found


def test_every_source_text_has_a_finished_chinese_translation() -> None:
    messages = _messages()
    assert len(messages) > 500
    missing = [f"{ctx}: {src}" for ctx, src, text, kind in messages if not text or kind in ("unfinished", "vanished")]
    assert not missing, "untranslated:\n" + "\n".join(missing[:30])


def test_no_chinese_message_shows_an_internal_identifier() -> None:
    shown = []
    for ctx, _src, text, _kind in _messages():
        words = set(IDENTIFIER.findall(re.sub(r"\{[^}]*\}", "", text or ""))) - TYPED_BY_ADMINISTRATORS
        if words:
            shown.append(f"{ctx}: {sorted(words)} in {text!r}")
    assert not shown, "\n".join(shown[:30])


def test_the_identifier_check_catches_what_it_is_for() -> None:
    for leaked in ("确认：checkin.admit_after_check", "您的角色（roving_invigilator）无权执行此操作",
                   "未连接：port /tmp/x/ttyIDCARD disappeared"):
        assert IDENTIFIER.search(leaked), leaked
    assert not IDENTIFIER.search("开考后 5 分钟停止入场，请按 Enter 请第二位监考员确认。")
