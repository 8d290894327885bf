"""Each verdict says what to do next (issue 18, items 5 and 7), on the real desk screen over a real
database, in English and in Chinese: the amber check names Enter and Esc, a confirmed admission
names who confirmed, an unknown ticket shows the code and F3, an expired card its date, a late
arrival the cutoff and the lateness from it; 拒绝 counts people; the photo placeholders stay
readable on every verdict colour; the timer shows durations."""

# ruff: noqa: F401, F811  (fixtures imported from the desk screen tests and used as arguments)
from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.resources import resources_dir
from app.rules.checkin import Reason, Verdict
from app.rules.timing import Schedule, venue_time
from app.services.checkin import Outcome
from tests.checkin.kit import Kit, card, ticket
from tests.checkin.test_desk_screen import kit, make_screen  # kit: a fixture
from tests.unit.test_security_support import GOOD
from ui.checkin.screen import CheckinScreen
from ui.i18n import Translations


@pytest.fixture(params=["en", "zh_CN"])
def lang(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    translations = Translations(qapp)
    assert translations.apply(request.param), "run: python -m ui.i18n compile"
    yield str(request.param)
    translations.apply("en")


def said(en: str, zh: str, lang: str) -> str:
    return zh if lang == "zh_CN" else en


def shown(qtbot: QtBot, screen: CheckinScreen, act: object) -> Outcome:
    with qtbot.waitSignal(screen.outcome_shown, timeout=5000) as sig:
        act()  # type: ignore[operator]
    return sig.args[0]  # type: ignore[no-any-return,index]


def recent_rows(screen: CheckinScreen) -> list[str]:
    return [screen.side.recent.item(i).text() for i in range(screen.side.recent.count())]


def test_check_says_what_enter_and_esc_do(qtbot: QtBot, kit: Kit, tmp_path: Path, lang: str) -> None:
    c = kit.seated("S1")[0]
    screen = make_screen(qtbot, kit, None, tmp_path, room=str(c["room"]))
    shown(qtbot, screen, lambda: screen.present_ticket(ticket(c).number))
    assert not screen.panel.step.isVisible() or not screen.panel.step.text()  # waiting: nothing to decide yet
    outcome = shown(qtbot, screen, screen.enter)  # Enter without the card: the invigilator must look
    assert outcome.verdict is Verdict.CHECK and screen.panel.verdict == "check"
    step = screen.panel.step.text()
    assert screen.panel.step.isVisible()
    assert "Enter" in step and "Esc" in step
    assert said("second invigilator", "第二名监考员", lang) in step
    assert said("leave the candidate out", "不放行", lang) in step
    screen.escape()  # Esc: the candidate is left out, the panel is ready and says no step
    assert screen.panel.verdict == "ready" and not screen.panel.step.text()


def test_admission_after_a_check_names_who_confirmed_it(qtbot: QtBot, kit: Kit, tmp_path: Path, lang: str,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.checkin import dialogs

    c = kit.seated("S1")[0]
    screen = make_screen(qtbot, kit, None, tmp_path, room=str(c["room"]))
    shown(qtbot, screen, lambda: screen.present_ticket(ticket(c).number))
    assert shown(qtbot, screen, screen.enter).verdict is Verdict.CHECK  # no card read
    monkeypatch.setattr(dialogs.ConfirmCheckDialog, "exec", lambda self: 1)
    monkeypatch.setattr(dialogs.ConfirmCheckDialog, "values", lambda self: ("face matches", kit.second_number, GOOD))
    outcome = shown(qtbot, screen, screen.enter)
    assert outcome.verdict is Verdict.ADMIT and outcome.confirmed_by == kit.second.name
    reason = screen.panel.reason.text()
    assert kit.second.name in reason and said("Confirmed by", "核验确认", lang) in reason
    # The check's reason stays on record, but the green panel no longer reads as a problem.
    assert said("No identity document read", "未读取身份证件", lang) not in reason
    assert not screen.panel.step.text()


def test_unknown_ticket_shows_the_code_read_and_suggests_f3(qtbot: QtBot, kit: Kit, tmp_path: Path,
                                                           lang: str) -> None:
    screen = make_screen(qtbot, kit, None, tmp_path, room="01")
    outcome = shown(qtbot, screen, lambda: screen.present_ticket("2099123456789"))
    assert outcome.decision.reason is Reason.UNKNOWN_TICKET and screen.panel.verdict == "refuse"
    assert "2099123456789" in screen.panel.reason.text() and "F3" in screen.panel.reason.text()
    qtbot.waitUntil(lambda: any("2099123456789" in row for row in recent_rows(screen)), timeout=5000)


def test_art30_1_expired_card_shows_its_date(qtbot: QtBot, kit: Kit, tmp_path: Path, lang: str) -> None:
    c = kit.seated("S1")[0]
    screen = make_screen(qtbot, kit, None, tmp_path, room=str(c["room"]))
    outcome = shown(qtbot, screen, lambda: screen.present_document(card(c, valid_until=date(2021, 3, 4))))
    assert outcome.decision.reason is Reason.DOCUMENT_EXPIRED
    text = screen.panel.reason.text()
    assert "2021-03-04" in text and said("expired on", "过期", lang) in text


def test_art30_2_late_arrival_is_measured_from_the_cutoff(qtbot: QtBot, kit: Kit, tmp_path: Path,
                                                         lang: str) -> None:
    a, b = kit.seated("S1")[:2]
    screen = make_screen(qtbot, kit, None, tmp_path)  # the venue gate
    kit.at("S1", minutes=7, seconds=12)  # 2 min 12 s after entry closed (start + 5 min)
    outcome = shown(qtbot, screen, lambda: screen.present_ticket(ticket(a).number))
    assert outcome.decision.reason is Reason.ENTRY_CLOSED
    cutoff = f"{venue_time(kit.sittings['S1'].starts_at + timedelta(minutes=5)):%H:%M}"
    assert screen.panel.reason.text() == said(f"Entry closed at {cutoff}; late by 2 min 12 s",
                                              f"已于 {cutoff} 截止，迟到 2 分 12 秒", lang)
    # The reason is the fact, not the rule's text.
    assert "audio" not in screen.panel.reason.text() and "语音" not in screen.panel.reason.text()
    late_row = said("Late by 2 min 12 s", "迟到 2 分 12 秒", lang)
    qtbot.waitUntil(lambda: any(late_row in row for row in recent_rows(screen)), timeout=5000)
    assert not any(said(" 0 s", " 0 秒", lang) in row for row in recent_rows(screen))

    # 拒绝 counts people: the same late candidate twice is one, a second late candidate two, and
    # an unknown ticket presented twice one more.
    screen.escape()
    shown(qtbot, screen, lambda: screen.present_ticket(ticket(a).number))
    qtbot.waitUntil(lambda: screen.side.counter_labels["refused"].text() == "1", timeout=5000)
    shown(qtbot, screen, lambda: screen.present_ticket(ticket(b).number))
    shown(qtbot, screen, lambda: screen.present_ticket("2099000000001"))
    shown(qtbot, screen, lambda: screen.present_ticket("2099000000001"))
    qtbot.waitUntil(lambda: screen.side.counter_labels["refused"].text() == "3", timeout=5000)


def _contrast(a: QColor, b: QColor) -> float:
    def lum(c: QColor) -> float:
        def ch(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _text_contrast(widget: object) -> float:
    """The strongest contrast between the widget's background (its most common colour) and any
    other pixel: the text's, when the widget shows only text."""
    image = widget.grab().toImage()  # type: ignore[attr-defined]
    counts: dict[int, int] = {}
    for y in range(0, image.height()):
        for x in range(0, image.width()):
            rgb = image.pixel(x, y)
            counts[rgb] = counts.get(rgb, 0) + 1
    background = QColor.fromRgb(max(counts, key=lambda k: counts[k]))
    return max(_contrast(background, QColor.fromRgb(rgb)) for rgb in counts)


def test_photo_placeholders_are_readable_on_every_verdict_colour(qtbot: QtBot, kit: Kit, tmp_path: Path,
                                                                 qapp: QApplication) -> None:
    qapp.setStyleSheet((resources_dir() / "style.qss").read_text(encoding="utf-8"))
    try:
        a, b = kit.seated("S1")[:2]
        screen = make_screen(qtbot, kit, None, tmp_path)
        seen: dict[str, float] = {}
        # green: admitted, the card photo did not come with it ("card photo not decodable")
        shown(qtbot, screen, lambda: screen.present_ticket(ticket(a).number))
        shown(qtbot, screen, lambda: screen.present_document(card(a)))
        seen[screen.panel.verdict] = _text_contrast(screen.panel.card)
        # amber: a ticket alone, Enter ("no card read yet")
        screen.escape()
        shown(qtbot, screen, lambda: screen.present_ticket(ticket(b).number))
        shown(qtbot, screen, screen.enter)
        seen[screen.panel.verdict] = _text_contrast(screen.panel.card)
        # red: late, no card read
        screen.escape()
        kit.at("S1", minutes=6)
        shown(qtbot, screen, lambda: screen.present_ticket(ticket(b).number))
        seen[screen.panel.verdict] = _text_contrast(screen.panel.card)
        assert set(seen) == {"admit", "check", "refuse"}
        assert screen.panel.card.text()  # the placeholder is what was measured
        assert all(ratio >= 4.5 for ratio in seen.values()), seen  # WCAG AA for normal text
    finally:
        qapp.setStyleSheet("")


def test_timer_shows_durations_not_a_second_clock(qtbot: QtBot, lang: str) -> None:
    from app.domain import SittingMode
    from ui.timer.view import TimerView

    start = datetime(2026, 11, 28, 0, 45, tzinfo=UTC)  # 08:45 at the venue
    now = [start - timedelta(minutes=22, seconds=56)]
    view = TimerView(lambda: now[0], Schedule(start, start + timedelta(hours=2), SittingMode.PAPER), "E", "S",
                     tick_ms=3_600_000)
    qtbot.addWidget(view)
    assert view.end_label.text() == said("Starts in 22 min 56 s (at 08:45)", "距开考 22 分 56 秒（08:45 开考）", lang)
    now[0] = start + timedelta(minutes=12, seconds=33)
    view.tick()
    assert view.end_label.text() == said("Time left 1 h 47 min 27 s (ends 10:45)",
                                         "距结束 1 小时 47 分 27 秒（10:45 结束）", lang)


def test_refused_does_not_count_an_admitted_candidate_scanned_again(kit: Kit) -> None:
    c = kit.seated("S1")[0]
    door = kit.door("S1", str(c["room"]))
    assert kit.service.present(kit.first, door, ticket=ticket(c), document=card(c)).verdict is Verdict.ADMIT
    again = kit.service.present(kit.first, door, ticket=ticket(c), document=card(c))
    assert again.decision.reason is Reason.ALREADY_ADMITTED
    counters = kit.service.counters(door)
    assert counters.refused == 0 and counters.admitted == 1
    assert counters.not_yet == counters.expected - 1
