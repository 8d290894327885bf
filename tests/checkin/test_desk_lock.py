"""A locked desk decides nothing (issue 12): the real reader and serial-scanner drivers speak to the
simulators over pseudo-terminals while the desk is locked; the scan is kept and decided after the
unlock in the name of whoever unlocked. A session the core no longer honours locks the desk too.
Without a photo decoder, a matching card is admitted and the desk says the chip photo cannot be
shown here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, func, select, update
from sqlalchemy.orm import Session

from app.db.models import Staff
from app.db.models_checkin import Admission, CheckinScan
from app.device_settings import parse_devices
from app.rules.checkin import CardPhoto, Verdict
from devices.base import DeviceState
from devices.idcard.simulator import ReaderSimulator
from devices.scanner.simulator import ScannerSimulator
from tests.checkin.kit import Kit, make_kit
from tests.checkin.test_desk_screen import make_screen, person, wait_outcome
from tests.qt_support import drain
from ui.checkin.simulator_panel import demo_card
from ui.devices.station import DeviceStation


@pytest.fixture
def kit(engine: Engine, tmp_path: Path) -> Iterator[Kit]:
    kit = make_kit(engine, tmp_path)
    kit.at("S1", minutes=-10)
    yield kit
    drain()


@pytest.fixture
def station(qapp: object) -> Iterator[DeviceStation]:
    st = DeviceStation.simulated()
    st.start()
    yield st
    st.stop()


def _count(kit: Kit, model: type) -> int:
    with Session(kit.engine) as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_art51_card_and_scan_at_a_locked_desk_admit_nobody_until_the_unlocker_decides(
    qtbot: QtBot, kit: Kit, station: DeviceStation, tmp_path: Path
) -> None:
    c = kit.seated("S1")[0]
    screen = make_screen(qtbot, kit, station, tmp_path, room=str(c["room"]))
    demo = station.demo
    assert demo is not None
    screen.set_locked(True)
    demo.reader.present(demo_card(person(c), demo.photos.images))
    qtbot.waitUntil(lambda: screen.flow.kept == 1, timeout=8000)
    demo.scanner.scan(str(c["ticket_number"]))
    qtbot.waitUntil(lambda: screen.flow.kept == 2, timeout=8000)
    drain()
    assert _count(kit, Admission) == 0 and _count(kit, CheckinScan) == 0
    assert screen.panel.word.text() == "Desk locked" and "(2)" in screen.panel.reason.text()
    # Whoever unlocks decides what was kept, in their own name.
    screen.set_locked(False, kit.second)
    wait_outcome(qtbot, screen, Verdict.ADMIT)
    with Session(kit.engine) as s:
        admission = s.scalars(select(Admission)).one()
        assert admission.staff_name == kit.second.name
    assert screen.flow.kept == 0


def test_art51_a_deactivated_staff_members_open_session_admits_nothing_and_locks_the_desk(
    qtbot: QtBot, kit: Kit, station: DeviceStation, tmp_path: Path
) -> None:
    c = kit.seated("S1")[0]
    screen = make_screen(qtbot, kit, station, tmp_path, room=str(c["room"]))
    demo = station.demo
    assert demo is not None
    with Session(kit.engine) as s, s.begin():
        s.execute(update(Staff).where(Staff.id == kit.first.staff_id).values(
            active=False, session_epoch=Staff.session_epoch + 1))
    with qtbot.waitSignal(screen.lock_requested, timeout=8000):
        demo.scanner.scan(str(c["ticket_number"]))
    assert screen.flow.locked and screen.flow.kept == 1
    demo.reader.present(demo_card(person(c), demo.photos.images))
    qtbot.waitUntil(lambda: screen.flow.kept == 2, timeout=8000)
    drain()
    assert _count(kit, Admission) == 0 and _count(kit, CheckinScan) == 0
    screen.set_locked(False, kit.second)  # another invigilator takes the desk
    wait_outcome(qtbot, screen, Verdict.ADMIT)
    with Session(kit.engine) as s:
        assert s.scalars(select(Admission.staff_name)).one() == kit.second.name


def test_art30_1_without_a_photo_decoder_a_matching_card_is_admitted_and_the_desk_says_why(
    qtbot: QtBot, kit: Kit, tmp_path: Path
) -> None:
    c = kit.seated("S1")[0]
    with ReaderSimulator(link_dir=str(tmp_path)) as reader, ScannerSimulator(str(tmp_path / "scanner")) as scanner:
        devices = parse_devices([
            {"name": "reader", "kind": "idcard", "port": reader.path, "options": {"find_interval": 0.05}},
            {"name": "scanner", "kind": "scanner-serial", "port": scanner.path},
        ])
        station = DeviceStation.from_settings(devices)
        station.start()
        try:
            screen = make_screen(qtbot, kit, station, tmp_path, room=str(c["room"]))
            qtbot.waitUntil(lambda: all(s.state is DeviceState.CONNECTED
                                        for s in station.registry.statuses().values()), timeout=8000)
            reader.present(demo_card(person(c), {}))
            qtbot.waitUntil(lambda: screen.flow.document is not None, timeout=8000)
            scanner.scan(str(c["ticket_number"]))
            outcome = wait_outcome(qtbot, screen, Verdict.ADMIT)
        finally:
            station.stop()
    assert outcome.document is not None and outcome.document.card_photo is CardPhoto.NOT_HERE
    assert "cannot be shown at this desk" in screen.panel.card.text()
