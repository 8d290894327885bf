"""The check-in desk end to end (pytest-qt, offscreen): the simulated reader and serial scanner
speak their real protocols over pseudo-terminals to the real drivers, whose events reach the
screen through the bridge; the screen's verdicts are checked on screen and in the database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from app.db.engine import make_session_factory
from app.db.models_checkin import Absence, Admission
from app.db.models_incidents import Incident
from app.domain import DocumentType
from app.domain import Gender as AppGender
from app.engine.scheduler import EntryCloseScheduler
from app.rules.checkin import CardPhoto, Reason, Verdict
from app.services.attendance import room_attendance
from app.services.audit import Actor
from app.services.checkin import CONFIRM_ACTION, Outcome, confirmation_entity
from app.services.demo_desk import DemoPerson
from tests.checkin.kit import Kit, make_kit
from tests.qt_support import drain
from tests.unit.test_security_support import GOOD
from ui.checkin.cues import Cues
from ui.checkin.ports import DeskPorts
from ui.checkin.screen import CheckinScreen
from ui.checkin.simulator_panel import demo_card
from ui.devices.station import DeviceStation
from ui.runner import OpRunner


@pytest.fixture
def kit(engine: Engine, tmp_path: Path) -> Iterator[Kit]:
    kit = make_kit(engine, tmp_path)
    kit.at("S1", minutes=-10)
    yield kit
    drain()  # no late database work after the database is gone


@pytest.fixture
def station(qapp: object) -> Iterator[DeviceStation]:
    st = DeviceStation.simulated()
    st.start()
    yield st
    st.stop()


def person(c: dict[str, object]) -> DemoPerson:
    return DemoPerson(str(c["ticket_number"]), str(c["name"]), AppGender(str(c["gender"])),
                      DocumentType(str(c["document_type"])), str(c["document_number"]), str(c["room"]),
                      int(c["seat"]), b"jpeg")  # type: ignore[call-overload]


def make_screen(qtbot: QtBot, kit: Kit, station: DeviceStation | None, tmp_path: Path, desk: str = "desk-door",
                room: str | None = None) -> CheckinScreen:
    from app.security.permissions import Permission

    def confirm(number: str, credential: str, checked):  # type: ignore[no-untyped-def]
        return kit.two_person.confirm(kit.first, number, credential, Permission.CONFIRM_CHECK, action=CONFIRM_ACTION,
                                      entity=confirmation_entity(checked))

    def attendance(setup, room_id):  # type: ignore[no-untyped-def]
        with Session(kit.engine) as s:
            return room_attendance(s, setup.sitting_id, room_id)

    from app.db.engine import make_session_factory
    from app.services.checkin import CheckinService
    from tests.unit.test_package_kit import CIPHER

    service = CheckinService(make_session_factory(kit.engine), CIPHER, kit.clock)
    ports = DeskPorts(service, kit.first, desk, kit.clock, confirm, attendance, tmp_path / "reports")
    screen = CheckinScreen(OpRunner(), ports, cues=Cues(enabled=False))
    qtbot.addWidget(screen)
    if station is not None:
        station.bridge.event_received.connect(screen.device_event)
        station.bridge.status_changed.connect(screen.device_status)
    screen.resize(1366, 700)
    screen.show()
    qtbot.waitUntil(lambda: screen.info is not None, timeout=5000)
    screen.choose("S1", room)
    qtbot.waitUntil(lambda: screen.info is not None and screen.info.room_code == room, timeout=5000)
    return screen


def wait_outcome(qtbot: QtBot, screen: CheckinScreen, verdict: Verdict) -> Outcome:
    with qtbot.waitSignal(screen.outcome_shown, timeout=8000, check_params_cb=lambda o: o.verdict is verdict) as sig:
        pass
    return sig.args[0]  # type: ignore[no-any-return,index]


def test_art30_card_and_ticket_through_the_simulated_devices_admit(
    qtbot: QtBot, kit: Kit, station: DeviceStation, tmp_path: Path
) -> None:
    c = kit.seated("S1")[0]
    screen = make_screen(qtbot, kit, station, tmp_path, room=str(c["room"]))
    demo = station.demo
    assert demo is not None
    with qtbot.waitSignal(screen.outcome_shown, timeout=8000,
                          check_params_cb=lambda o: o.verdict is Verdict.ADMIT):
        demo.reader.present(demo_card(person(c), demo.photos.images))
        qtbot.waitUntil(lambda: screen.flow.document is not None, timeout=8000)
        demo.scanner.scan(str(c["ticket_number"]))
    assert screen.panel.verdict == "admit"
    assert screen.side.counter_labels["admitted"].text() in {"0", "1"}
    qtbot.waitUntil(lambda: screen.side.counter_labels["admitted"].text() == "1")
    screen.grab().save(str(tmp_path / "admit.png"))
    with Session(kit.engine) as s:
        assert s.scalar(select(func.count()).select_from(Admission)) == 1


def test_art30_2_late_arrival_is_refused_on_screen(qtbot: QtBot, kit: Kit, tmp_path: Path) -> None:
    c = kit.seated("S1")[0]
    screen = make_screen(qtbot, kit, None, tmp_path, room=str(c["room"]))
    kit.at("S1", minutes=6)
    with qtbot.waitSignal(screen.outcome_shown, timeout=5000) as sig:
        screen.present_ticket(str(c["ticket_number"]))
    outcome: Outcome = sig.args[0]
    assert outcome.decision.reason is Reason.ENTRY_CLOSED and screen.panel.verdict == "refuse"
    assert "late by 1 min 0 s" in screen.panel.reason.text()  # from the cutoff (start + 5 min)


def test_wrong_persons_card_is_refused_with_a_draft_incident(
    qtbot: QtBot, kit: Kit, station: DeviceStation, tmp_path: Path
) -> None:
    a, b = kit.seated("S1")[:2]
    screen = make_screen(qtbot, kit, station, tmp_path)
    demo = station.demo
    assert demo is not None
    with qtbot.waitSignal(screen.outcome_shown, timeout=8000, check_params_cb=lambda o: o.verdict is Verdict.REFUSE) as sig:
        demo.scanner.scan(str(a["ticket_number"]))
        qtbot.waitUntil(lambda: screen.flow.ticket is not None and screen.flow.outcome is not None, timeout=8000)
        demo.reader.present(demo_card(person(b), demo.photos.images))
    assert sig.args[0].decision.reason is Reason.DOCUMENT_MISMATCH
    screen.grab().save(str(tmp_path / "refuse.png"))
    with Session(kit.engine) as s:
        assert s.scalars(select(Incident.status)).one() == "draft"


def test_the_same_candidate_at_two_desks_is_admitted_once(qtbot: QtBot, kit: Kit, tmp_path: Path) -> None:
    c = kit.seated("S1")[0]
    gate = make_screen(qtbot, kit, None, tmp_path, desk="desk-gate")
    door = make_screen(qtbot, kit, None, tmp_path, desk="desk-door", room=str(c["room"]))
    from tests.checkin.kit import card, ticket

    for screen in (gate, door):
        with qtbot.waitSignal(screen.outcome_shown, timeout=5000):
            screen.present_ticket(ticket(c).number)
        with qtbot.waitSignal(screen.outcome_shown, timeout=5000):
            screen.present_document(card(c))
    assert gate.panel.verdict == "admit" and door.panel.verdict == "refuse"
    assert gate.windowTitle() == door.windowTitle()
    assert "desk-gate" in door.panel.reason.text()
    with Session(kit.engine) as s:
        assert s.scalar(select(func.count()).select_from(Admission)) == 1


def test_check_is_admitted_after_the_second_invigilator_confirms(qtbot: QtBot, kit: Kit, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.checkin.kit import card, ticket
    from ui.checkin import dialogs

    c = kit.seated("S1")[0]
    screen = make_screen(qtbot, kit, None, tmp_path, room=str(c["room"]))
    with qtbot.waitSignal(screen.outcome_shown, timeout=5000):
        screen.present_ticket(ticket(c).number)
    with qtbot.waitSignal(screen.outcome_shown, timeout=5000):
        screen.present_document(card(c, card_photo=CardPhoto.FAILED))
    assert screen.panel.verdict == "check"
    screen.grab().save(str(tmp_path / "check.png"))
    monkeypatch.setattr(dialogs.ConfirmCheckDialog, "exec", lambda self: 1)
    monkeypatch.setattr(dialogs.ConfirmCheckDialog, "values", lambda self: ("face matches", kit.second_number, GOOD))
    with qtbot.waitSignal(screen.outcome_shown, timeout=5000):
        screen.enter()
    assert screen.panel.verdict == "admit"
    with Session(kit.engine) as s:
        assert s.scalars(select(Admission.cosigner_name)).one() == kit.second.name


def test_art30_2_entry_close_marks_absences_and_the_sheet_is_printable(qtbot: QtBot, kit: Kit, tmp_path: Path) -> None:
    c = kit.seated("S1")[0]
    screen = make_screen(qtbot, kit, None, tmp_path, room=str(c["room"]))
    kit.at("S1", minutes=5, seconds=1)
    qtbot.waitUntil(screen.side.closed_banner.isVisible, timeout=5000)
    with Session(kit.engine) as s:  # the screen only shows: it marks nobody itself
        assert s.scalar(select(func.count()).select_from(Absence)) == 0
    # The engine's scheduler closes entry for every room.
    EntryCloseScheduler(make_session_factory(kit.engine), kit.clock, Actor.system("engine"), "engine").run_due()
    with Session(kit.engine) as s:
        absent = s.scalar(select(func.count()).select_from(Absence))
    assert absent == len(kit.seated("S1"))
    screen.refresh_counts()  # what the engine's "changed" announcement asks of it
    qtbot.waitUntil(lambda: screen.side.counter_labels["not_yet"].text() == "0", timeout=5000)
    from ui.checkin.attendance import AttendanceDialog

    dialog = AttendanceDialog(OpRunner(), screen._ports, screen.setup, screen)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.load()
    qtbot.waitUntil(lambda: dialog.sheet is not None, timeout=5000)
    path = dialog.save_pdf()
    assert path is not None and path.read_bytes().startswith(b"%PDF")


def _wedge_burst(screen: CheckinScreen, code: str, start_ms: int) -> None:
    """Keys as a keyboard-wedge scanner types them: 4 ms apart, ending with its Enter terminator."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for i, ch in enumerate([*code, "\r"]):
        key = Qt.Key.Key_Return if ch == "\r" else ord(ch)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch)
            event.setTimestamp(start_ms + 4 * i)
            QApplication.sendEvent(screen, event)


def test_a_wedge_scanners_enter_completes_the_scan_and_does_not_confirm_anything(
    qtbot: QtBot, kit: Kit, tmp_path: Path
) -> None:
    from tests.checkin.kit import card

    c = kit.seated("S1")[0]
    screen = make_screen(qtbot, kit, None, tmp_path, room=str(c["room"]))
    with qtbot.waitSignal(screen.outcome_shown, timeout=5000):
        screen.present_document(card(c))
    with qtbot.waitSignal(screen.outcome_shown, timeout=5000) as sig:
        _wedge_burst(screen, str(c["ticket_number"]), 2_000_000)
    assert sig.args[0].verdict is Verdict.ADMIT  # not a card-only "check" from the Enter key


def test_an_unreachable_database_is_said_at_once_and_the_scan_is_kept_for_a_retry(
    qtbot: QtBot, kit: Kit, tmp_path: Path
) -> None:
    import socket

    from app.db.engine import make_engine, make_session_factory
    from app.services.checkin import CheckinService
    from tests.unit.test_package_kit import CIPHER

    c = kit.seated("S1")[0]
    screen = make_screen(qtbot, kit, None, tmp_path, room=str(c["room"]))
    qtbot.waitUntil(lambda: not screen._refreshing, timeout=5000)  # the desk's first counts are in
    working = screen._ports.service
    with socket.socket() as s:  # a port nobody listens on: a real refused connection
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    dead = make_engine(f"postgresql+psycopg://nobody@127.0.0.1:{port}/venue", connect_args={"connect_timeout": 2})
    screen._ports.service = CheckinService(make_session_factory(dead), CIPHER, kit.clock)
    screen.present_ticket(str(c["ticket_number"]))
    qtbot.waitUntil(lambda: screen.panel.verdict == "problem", timeout=10000)
    assert "cannot be reached" in screen.health.text() and screen.flow.ticket is not None
    screen._ports.service = working  # the network is back
    with qtbot.waitSignal(screen.outcome_shown, timeout=5000) as sig:
        screen.enter()  # Enter retries what was presented
    assert sig.args[0].verdict is Verdict.WAIT and sig.args[0].candidate.ticket_number == c["ticket_number"]
    dead.dispose()
