"""The demo's simulator panel beside the desk (issue 18 item 12), built by the desk's own wiring
over a real database, with the simulated reader and scanner on pseudo-terminals: every card type
reads and admits, "arrive late" is undone by "back to real time" with no lasting absences, and
candidates of every room can be picked (the wrong-room verdict)."""

# ruff: noqa: F401, F811  (fixtures imported from the desk screen tests and used as arguments)
from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.engine import make_session_factory
from app.db.models_checkin import Absence, Admission
from app.db.models_sync import OutboxEntry
from app.engine.clock import VenueClock
from app.engine.scheduler import EntryCloseScheduler
from app.rules.checkin import Reason, Verdict
from app.services.audit import Actor
from devices.idcard.document import CardType
from devices.idcard.textblock import decode_text_block, encode_text_block
from tests.checkin.kit import Kit
from tests.checkin.test_desk_screen import kit, person, station  # fixtures
from tests.unit.test_package_kit import CIPHER, small_content
from ui.checkin import wiring
from ui.checkin.screen import CheckinScreen
from ui.checkin.simulator_panel import CARD_TYPES, EXPIRED_ON, SimulatorPanel, demo_card
from ui.devices.station import DeviceStation
from ui.runner import OpRunner


def desk(qtbot: QtBot, kit: Kit, station: DeviceStation, tmp_path: Path, sitting: str,
         room: str | None) -> tuple[CheckinScreen, SimulatorPanel, VenueClock]:
    # The venue's one clock, as in --demo (travel allowed), standing at the kit's time.
    clock = VenueClock(wall=kit.clock, monotonic=lambda: 0.0, travel_allowed=True)
    core: Any = SimpleNamespace(sessions=make_session_factory(kit.engine), cipher=CIPHER, auth=kit.two_person._auth,
                                desk="desk-door", clock=clock, settings=SimpleNamespace(data_dir=tmp_path))
    screen = wiring.build(core, OpRunner(), kit.first, station)
    assert isinstance(screen, CheckinScreen)
    qtbot.addWidget(screen)
    panel = screen.findChild(SimulatorPanel)
    assert panel is not None
    screen.resize(1366, 768)
    screen.show()
    qtbot.waitUntil(lambda: screen.info is not None, timeout=5000)
    screen.choose(sitting, room)
    qtbot.waitUntil(lambda: screen.info is not None and screen.info.sitting_code == sitting
                    and screen.info.room_code == room and bool(panel.people), timeout=5000)
    return screen, panel, clock


def count(kit: Kit, model: Any) -> int:
    with Session(kit.engine) as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def present(qtbot: QtBot, screen: CheckinScreen, panel: SimulatorPanel, index: int) -> Any:
    """The invigilator's demo: pick the candidate, their card on the reader, then (when the desk
    waits for it) their ticket scanned."""
    panel.person.setCurrentIndex(index)
    with qtbot.waitSignal(screen.outcome_shown, timeout=8000) as sig:
        panel.present_card()
    outcome = sig.args[0]
    assert outcome.document is not None and outcome.document.number == panel.people[index].document_number
    if outcome.verdict is not Verdict.WAIT:
        return outcome
    with qtbot.waitSignal(screen.outcome_shown, timeout=8000) as sig:
        panel.scan_ticket()
    return sig.args[0]


def test_every_card_layout_encodes_the_demo_candidates_cards() -> None:
    """Each layout has its own slots (the 2017 foreign card's authority is a 4-character code)."""
    data, _ = small_content()
    kinds = {}
    for c in data["candidates"]:
        kinds.setdefault(c["document_type"], dict(c, room="01", seat=1))
    assert set(kinds) >= {t.value for t in CARD_TYPES}
    for document_type in CARD_TYPES:
        p = person(kinds[document_type.value])
        for expired in (False, True):
            card = demo_card(p, {}, expired=expired)
            back = decode_text_block(encode_text_block(card))
            assert back.card_type is CARD_TYPES[document_type] and back.number == p.document_number
            assert back.valid_until == (EXPIRED_ON if expired else card.valid_until)


def test_every_card_type_presented_from_the_panel_is_admitted(qtbot: QtBot, kit: Kit, station: DeviceStation,
                                                              tmp_path: Path) -> None:
    kit.at("S4", minutes=-10)
    screen, panel, _clock = desk(qtbot, kit, station, tmp_path, "S4", None)  # the gate: every room's candidates
    seen: set[CardType] = set()
    for document_type, card_type in CARD_TYPES.items():
        index = next(i for i, p in enumerate(panel.people) if p.document_type is document_type)
        outcome = present(qtbot, screen, panel, index)
        assert outcome.verdict is Verdict.ADMIT, (document_type, outcome.decision.reasons)
        seen.add(card_type)
        screen.escape()
    assert seen == set(CardType)  # all four layouts a reader reads
    assert count(kit, Admission) == len(CARD_TYPES)


def test_rooms_of_the_sitting_can_be_chosen_for_a_wrong_room_verdict(qtbot: QtBot, kit: Kit,
                                                                     station: DeviceStation, tmp_path: Path) -> None:
    kit.at("S1", minutes=-10)
    screen, panel, _clock = desk(qtbot, kit, station, tmp_path, "S1", "01")
    assert {p.room_code for p in panel.people} == {"01"}
    assert panel.room.count() == 1 + len(kit.rooms)  # this door, then every room
    panel.choose_room("02")
    qtbot.waitUntil(lambda: {p.room_code for p in panel.people} == {"02"})
    outcome = present(qtbot, screen, panel, 0)
    assert outcome.decision.reason is Reason.WRONG_ROOM
    assert "02" in screen.panel.reason.text()


def test_art30_2_arrive_late_then_back_to_real_time_leaves_no_absence(qtbot: QtBot, kit: Kit,
                                                                      station: DeviceStation, tmp_path: Path) -> None:
    kit.at("S1", minutes=-10)
    screen, panel, clock = desk(qtbot, kit, station, tmp_path, "S1", "01")
    engine = EntryCloseScheduler(make_session_factory(kit.engine), clock, Actor.system("engine"), "engine")
    seated = len(kit.seated("S1"))
    expected = sum(1 for c in kit.seated("S1") if c["room"] == "01")
    qtbot.waitUntil(lambda: screen.side.counter_labels["expected"].text() == str(expected), timeout=5000)

    panel.arrive_late()  # start + 6 min on the venue clock: entry has closed
    assert engine.run_due()[0].marked == seated  # the engine's tick marks every room's candidates absent
    qtbot.waitUntil(screen.side.closed_banner.isVisible, timeout=5000)
    late = present(qtbot, screen, panel, 0)
    assert late.decision.reason is Reason.ENTRY_CLOSED

    panel.back_on_time()
    qtbot.waitUntil(lambda: count(kit, Absence) == 0, timeout=8000)
    with Session(kit.engine) as s:
        assert s.scalar(select(func.count()).select_from(OutboxEntry).where(OutboxEntry.kind == "absence")) == 0
    assert engine.run_due() == []  # entry is open again: nothing due
    qtbot.waitUntil(lambda: not screen.side.closed_banner.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: screen.side.counter_labels["not_yet"].text() == str(expected), timeout=5000)

    screen.escape()
    again = present(qtbot, screen, panel, 0)  # the candidate refused while "late" comes in on time
    assert again.verdict is Verdict.ADMIT
    qtbot.waitUntil(lambda: screen.side.counter_labels["not_yet"].text() == str(expected - 1), timeout=5000)
    assert screen.side.counter_labels["refused"].text() == "0"  # admitted now: no longer turned away
    assert count(kit, Absence) == 0 and count(kit, Admission) == 1

    # The real cutoff still closes entry: the travel did not use the sitting's close up.
    clock.travel(timedelta(minutes=16))
    assert engine.run_due()[0].marked == seated - 1
