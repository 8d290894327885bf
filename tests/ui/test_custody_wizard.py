"""The handover wizard end to end (art. 22(四)): packages scanned by a serial scanner simulated on a
pseudo-terminal, two staff confirming on each side with their own credentials, a real SQLite
database, the printed form; and a handover with a discrepancy."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.engine import make_engine
from app.db.migrate import upgrade
from app.db.models_custody import CustodyHandover
from app.db.models_incidents import Incident
from app.domain import CustodyKind
from app.rules.custody import ESCORT, EXAM_OFFICE, SECURE_ROOM, ManifestItem, room_place
from devices.base import DeviceState
from devices.scanner.serial_scanner import SerialScanner, SerialSettings
from devices.scanner.simulator import ScannerSimulator
from tests.qt_support import drain
from tests.unit.test_custody_support import Venue, make_venue
from tests.unit.test_security_support import GOOD
from ui.custody.screen import CustodyScreen
from ui.custody.wiring import custody_screen
from ui.devices.bridge import DeviceBridge
from ui.runner import OpRunner

ALL = ("01Q", "01A", "02Q", "02A", "SPQ")


@pytest.fixture
def venue(tmp_path: Path) -> Iterator[Venue]:
    engine = make_engine(f"sqlite:///{tmp_path / 'venue.sqlite'}")
    upgrade(engine)
    v = make_venue(engine)
    v.hand_over(ESCORT, SECURE_ROOM, v.ok(*ALL), ("Z0001", "F0001"), ("B0001", "B0002"))
    v.hand_over(SECURE_ROOM, EXAM_OFFICE, v.ok(*ALL), ("B0001", "B0002"), ("Z0001", "F0001"))
    yield v
    drain()
    engine.dispose()


@pytest.fixture
def scanner(qtbot: QtBot) -> Iterator[tuple[ScannerSimulator, DeviceBridge]]:
    bridge = DeviceBridge()
    with ScannerSimulator() as sim:
        driver = SerialScanner("office-scanner", SerialSettings(sim.path), bridge.sink)
        with qtbot.waitSignal(bridge.status_changed, timeout=3000,
                              check_params_cb=lambda s: s.state is DeviceState.CONNECTED):
            driver.start()
        yield sim, bridge
        driver.stop()


def _screen(qtbot: QtBot, v: Venue, bridge: DeviceBridge, tmp_path: Path) -> CustodyScreen:
    runner = OpRunner()
    screen = custody_screen(runner, v.custody, v.login(), tmp_path / "reports", bridge)
    qtbot.addWidget(screen)
    screen.resize(1600, 900)
    screen.show()
    qtbot.waitUntil(lambda: screen.wizard.route_page.sitting_box.count() == 2, timeout=5000)
    return screen


def _route(qtbot: QtBot, screen: CustodyScreen, v: Venue, to_place: str) -> None:
    wizard = screen.wizard
    wizard.choose(EXAM_OFFICE, to_place, v.sitting)
    qtbot.mouseClick(wizard.route_page.route_next, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.current_step() == 1, timeout=5000)


def _scan(qtbot: QtBot, sim: ScannerSimulator, screen: CustodyScreen, code: str) -> None:
    sim.scan(code)
    qtbot.waitUntil(lambda: code in screen.wizard.line_codes() and screen.wizard.row_colour(code) != "",
                    timeout=5000)


def _confirm(qtbot: QtBot, screen: CustodyScreen, number: str, credential: str = GOOD) -> None:
    wizard = screen.wizard
    before = len(wizard.signer_names())
    wizard.staff_number.clear()  # kept after a refusal, so only the credential needs retyping
    qtbot.keyClicks(wizard.staff_number, number)
    qtbot.keyClicks(wizard.credential, credential)
    wizard.message.clear()
    qtbot.keyClick(wizard.credential, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(wizard.signer_names()) > before or wizard.message.text() != "", timeout=5000)


def test_art22_4_handover_scanned_over_serial_with_two_confirmations_per_side_and_printed(
        qtbot: QtBot, venue: Venue, scanner: tuple[ScannerSimulator, DeviceBridge], tmp_path: Path) -> None:
    sim, bridge = scanner
    screen = _screen(qtbot, venue, bridge, tmp_path)
    wizard = screen.wizard
    _route(qtbot, screen, venue, room_place("01"))
    assert sorted(wizard.line_codes()) == sorted([venue.code("01Q"), venue.code("01A")])
    for key in ("01Q", "01A"):
        _scan(qtbot, sim, screen, venue.code(key))
        assert wizard.row_colour(venue.code(key)) == "green"
    wizard.to_confirm()
    assert wizard.current_step() == 2 and not wizard.record_button.isEnabled()
    for number in ("Z0001", "F0001", "J0701", "J0702"):
        _confirm(qtbot, screen, number)
    assert wizard.signer_names() == ["chief_examiner Z0001", "deputy F0001", "invigilator J0701",
                                     "invigilator J0702"]
    assert wizard.record_button.isEnabled()
    wizard.record()
    qtbot.waitUntil(lambda: wizard.current_step() == 3, timeout=5000)
    assert wizard.done_page.outcome.property("bad") is False
    wizard.print_form()
    qtbot.waitUntil(lambda: wizard.last_form is not None, timeout=10000)
    assert wizard.last_form is not None and wizard.last_form.read_bytes().startswith(b"%PDF")
    with Session(venue.engine) as s:
        h = s.scalars(select(CustodyHandover).where(CustodyHandover.to_place == room_place("01"))).one()
        assert h.status == "complete"
    qtbot.waitUntil(lambda: screen.handovers.count() == 3, timeout=5000)
    # Outside the scanning step, a scan shows where that package is and its whole chain (art. 23).
    sim.scan(venue.code("01A"))
    qtbot.waitUntil(lambda: "Room 01" in screen.chain_place.text(), timeout=5000)
    assert screen.chain_steps.count() == 3


def test_art22_4_discrepancy_is_shown_red_and_recorded_with_an_incident(
        qtbot: QtBot, venue: Venue, scanner: tuple[ScannerSimulator, DeviceBridge], tmp_path: Path) -> None:
    sim, bridge = scanner
    screen = _screen(qtbot, venue, bridge, tmp_path)
    wizard = screen.wizard
    _route(qtbot, screen, venue, room_place("02"))
    _scan(qtbot, sim, screen, venue.code("02Q"))
    assert wizard.row_colour(venue.code("02Q")) == "green"
    wizard.set_seal_intact(venue.code("02Q"), False)
    assert wizard.row_colour(venue.code("02Q")) == "red"
    _scan(qtbot, sim, screen, venue.code("01Q"))  # room 01's papers: not expected here
    assert wizard.row_colour(venue.code("01Q")) == "red"
    # 02A is never scanned: missing.
    wizard.to_confirm()
    assert wizard.discrepancy.property("bad") is True and venue.code("02A") in wizard.discrepancy.text()
    _confirm(qtbot, screen, "Z0001")
    _confirm(qtbot, screen, "F0001", "wrong-credential")
    assert wizard.signer_names() == ["chief_examiner Z0001"] and wizard.message.text()
    _confirm(qtbot, screen, "F0001")
    _confirm(qtbot, screen, "F0001")  # the same person cannot confirm twice
    assert len(wizard.signer_names()) == 2 and wizard.message.text()
    _confirm(qtbot, screen, "J0701")
    _confirm(qtbot, screen, "J0702")
    wizard.record()
    qtbot.waitUntil(lambda: wizard.current_step() == 3, timeout=5000)
    assert wizard.done_page.outcome.property("bad") is True
    with Session(venue.engine) as s:
        h = s.scalars(select(CustodyHandover).where(CustodyHandover.to_place == room_place("02"))).one()
        incident = s.get(Incident, h.incident_id)
        assert h.status == "with_discrepancy" and incident is not None and incident.category == "custody_discrepancy"
    qtbot.waitUntil(lambda: screen.alerts.count() >= 1 and venue.code("02A") in
                    " ".join(screen.alerts.item(i).text() for i in range(screen.alerts.count())), timeout=5000)


def test_a_scan_repaints_one_row_and_never_rebuilds_the_table(
        qtbot: QtBot, venue: Venue, scanner: tuple[ScannerSimulator, DeviceBridge], tmp_path: Path) -> None:
    """Issue 18 item 8: a scan changes the one row of its package (a rebuilt table froze the screen
    for ~470 ms per scan); a package off the manifest appends one row; the row comes into view."""
    sim, bridge = scanner
    screen = _screen(qtbot, venue, bridge, tmp_path)
    wizard, model = screen.wizard, screen.wizard.packages
    _route(qtbot, screen, venue, room_place("02"))
    changed: list[tuple[int, int]] = []
    resets: list[bool] = []
    inserted: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda tl, br, *_: changed.append((tl.row(), br.row())))
    model.modelReset.connect(lambda: resets.append(True))
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    row = wizard.line_codes().index(venue.code("02A"))
    _scan(qtbot, sim, screen, venue.code("02A"))
    assert changed == [(row, row)] and not resets and not inserted
    assert model.index(row, 6).data() == "OK" and wizard.row_colour(venue.code("02A")) == "green"
    unscanned = wizard.line_codes().index(venue.code("02Q"))
    assert _painted(wizard, row) == "#d3f9d8" and _painted(wizard, unscanned) == "#ffffff"  # as painted
    _scan(qtbot, sim, screen, venue.code("01Q"))  # room 01's papers: not expected here, one row added
    assert inserted == [(2, 2)] and not resets and wizard.row_colour(venue.code("01Q")) == "red"
    # The count is edited in its cell; a count that is not a number is refused and changes nothing.
    assert not model.setData(model.index(row, 4), "abc") and wizard.row_colour(venue.code("02A")) == "green"
    assert not model.setData(model.index(row, 4), "-3")
    assert model.setData(model.index(row, 4), "29") and wizard.row_colour(venue.code("02A")) == "red"
    assert model.setData(model.index(row, 5), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert wizard.scanned()[0].count == 29 and wizard.scanned()[0].seal_intact is False
    assert not resets and "Scanned 2" in wizard.summary.text()
    assert _painted(wizard, row) == "#ffd8d8"
    # An unscanned package's count cannot be typed in.
    assert not model.flags(model.index(unscanned, 4)) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(model.index(unscanned, 4), "30")


def _painted(wizard: object, row: int) -> str:
    """The background colour the view really paints in a row (through the model's multiData)."""
    from ui.custody.wizard import HandoverWizard

    assert isinstance(wizard, HandoverWizard)
    drain()
    rect = wizard.table.visualRect(wizard.packages.index(row, 1))
    image = wizard.table.viewport().grab().toImage()
    return str(image.pixelColor(rect.right() - 3, rect.top() + 3).name())


def test_each_scanned_row_is_in_view_and_the_list_moves_a_page_at_a_time(
        qtbot: QtBot, venue: Venue, scanner: tuple[ScannerSimulator, DeviceBridge], tmp_path: Path) -> None:
    """Issue 18 item 8: 61 packages, more than the table shows. Scanned in manifest order, each row is
    in view as it turns green, and the list moves a page at a time (each move repaints the whole
    table, the slowest scans: one per scan when it moved a row at a time); a package scanned out of
    order above the view comes back into view too."""
    _sim, bridge = scanner
    screen = _screen(qtbot, venue, bridge, tmp_path)
    wizard, model = screen.wizard, screen.wizard.packages
    screen.resize(1366, 768)
    _route(qtbot, screen, venue, room_place("02"))
    items = [ManifestItem(uuid.uuid4(), f"PKG{n:03d}", CustodyKind.QUESTION_PAPERS, f"S{n:03d}", 30, venue.sitting,
                          f"{n // 2 + 1:02d}") for n in range(61)]
    model.reset(items)
    drain()
    table = wizard.table

    def in_view(row: int) -> bool:
        return table.viewport().rect().contains(table.visualRect(model.index(row, 0)))

    shown = sum(1 for row in range(61) if in_view(row))
    assert 3 <= shown < 61  # the list is longer than the view
    moves = 0
    for row, item in enumerate(items):
        before = table.rowAt(0)
        wizard.on_scan(item.barcode)
        drain()
        assert wizard.row_colour(item.barcode) == "green" and in_view(row), row
        moves += table.rowAt(0) != before
    assert 1 <= moves <= -(-61 // (shown - 1))
    bar = table.verticalScrollBar()
    bar.setValue(bar.maximum())
    model.reset([ManifestItem(uuid.uuid4(), f"NEW{n:03d}", CustodyKind.QUESTION_PAPERS, "", 30, venue.sitting, None)
                 for n in range(61)])
    drain()
    bar.setValue(bar.maximum())
    wizard.on_scan("NEW002")  # above the view
    drain()
    assert in_view(2)
