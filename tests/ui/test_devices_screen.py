"""The devices screen (设备) on a real SQLite file and a real settings file, with a real ID-card reader
and real serial scanners simulated over pseudo-terminals under the window's long-lived registry:
each device with its state in plain words and its last event, a live test that reads a card, an
unplugged reader said as such, restart, add and remove with a live test before saving (audited),
and a role that may not configure devices refused by the core (art. 51)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from app import config
from app.db.engine import make_engine
from app.db.migrate import upgrade
from app.db.models import AuditEvent
from app.device_settings import parse_devices
from app.errors import PermissionDenied
from app.services.device_setup import DeviceSetupService
from devices.base import DeviceState
from devices.device_config import DeviceKind
from devices.idcard.simulator import ReaderSimulator
from devices.scanner.simulator import ScannerSimulator
from devices.serial_ports import SerialPortInfo
from tests.qt_support import drain
from tests.unit.test_control_support import Day, exam_day
from ui.devices import wiring
from ui.devices.config_pane import port_line
from ui.devices.screen import DevicesScreen
from ui.devices.station import DeviceStation
from ui.runner import OpRunner

PORTS = [SerialPortInfo("/dev/ttyUSB0", "USB Serial", "WCH", "USB-SERIAL CH340", 0x1A86, 0x7523),
         SerialPortInfo("/dev/ttyS0")]


@dataclass
class Desk:
    day: Day
    reader: ReaderSimulator
    scanner: ScannerSimulator
    spare: ScannerSimulator
    station: DeviceStation
    service: DeviceSetupService
    settings_file: Path
    runner: OpRunner

    def screen(self, qtbot: QtBot, number: str = "Z0001") -> DevicesScreen:
        screen = DevicesScreen(self.runner, self.station, wiring.actions_for(self.service, self.day.login(number)),
                               self.day.clock, ports=lambda: PORTS, timeout_s=15.0)
        qtbot.addWidget(screen)
        screen.resize(1366, 700)
        screen.show()
        return screen

    def audit_events(self) -> list[AuditEvent]:
        with self.day.session() as s:
            return list(s.scalars(select(AuditEvent).where(AuditEvent.action == "devices.configured")))


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    engine = make_engine(f"sqlite:///{tmp_path / 'venue.sqlite'}")
    upgrade(engine)
    day = exam_day(engine)
    with ReaderSimulator() as reader, ScannerSimulator() as scanner, ScannerSimulator() as spare:
        devices = parse_devices([{"name": "读卡器1", "kind": "idcard", "source": reader.path,
                                  "options": {"find_interval": 0.1}},
                                 {"name": "扫码枪1", "kind": "scanner-serial", "source": scanner.path}])
        settings_file = tmp_path / "settings.json"
        config.save(config.Settings(data_dir=tmp_path, desk_name="1号检录台", devices=devices), settings_file)
        station = DeviceStation.from_settings(devices)
        station.start()
        service = DeviceSetupService(sessionmaker(engine, expire_on_commit=False), day.clock, settings_file,
                                     devices, desk="1号检录台")
        runner = OpRunner()
        try:
            yield Desk(day, reader, scanner, spare, station, service, settings_file, runner)
        finally:
            runner.wait()
            station.stop()
            drain()


def _state(screen: DevicesScreen, row: int) -> str:
    item = screen.table.item(row, screen.STATE)
    return item.text() if item else ""


def _cell(screen: DevicesScreen, row: int, column: int) -> str:
    item = screen.table.item(row, column)
    return item.text() if item else ""


def _connected(desk: Desk, name: str) -> bool:
    return desk.station.registry.status(name).state is DeviceState.CONNECTED


def test_every_device_is_listed_with_its_state_and_last_event_in_plain_words(qtbot: QtBot, desk: Desk) -> None:
    screen = desk.screen(qtbot)
    assert [_cell(screen, r, screen.NAME) for r in range(screen.table.rowCount())] == ["读卡器1", "扫码枪1"]
    assert _cell(screen, 0, screen.KIND) == "ID-card reader" and _cell(screen, 1, screen.SOURCE) == desk.scanner.path
    qtbot.waitUntil(lambda: _state(screen, 0) == "● connected" and _state(screen, 1) == "● connected", timeout=10000)
    desk.scanner.scan("2026110100123")
    qtbot.waitUntil(lambda: _cell(screen, 1, screen.LAST).endswith("code scanned: 2026110100123"), timeout=5000)
    desk.reader.present()
    qtbot.waitUntil(lambda: "card read: " in _cell(screen, 0, screen.LAST), timeout=10000)
    assert "*" in _cell(screen, 0, screen.LAST)  # the ID number masked


def test_an_unplugged_reader_says_so_in_plain_words_not_the_drivers_detail(qtbot: QtBot, desk: Desk) -> None:
    screen = desk.screen(qtbot)
    qtbot.waitUntil(lambda: _state(screen, 0) == "● connected", timeout=10000)
    desk.reader.unplug()
    qtbot.waitUntil(lambda: _state(screen, 0).startswith("● not connected"), timeout=10000)
    assert _state(screen, 0) == "● not connected: check its cable and that it is switched on"
    desk.reader.replug()
    qtbot.waitUntil(lambda: _state(screen, 0) == "● connected", timeout=15000)


def test_a_live_test_reads_a_card_with_the_desks_reader_stopped_meanwhile(qtbot: QtBot, desk: Desk) -> None:
    screen = desk.screen(qtbot)
    qtbot.waitUntil(lambda: _connected(desk, "读卡器1"), timeout=10000)
    screen.table.selectRow(0)
    screen.test_selected()
    qtbot.waitUntil(lambda: screen.check is not None, timeout=5000)
    assert desk.station.registry.status("读卡器1").state is DeviceState.STOPPED  # its port is the test's
    assert desk.station.registry.driver("读卡器1") is None
    desk.reader.present()
    qtbot.waitUntil(lambda: _cell(screen, 0, screen.TEST).startswith("✔ Card read:"), timeout=15000)
    qtbot.waitUntil(lambda: not screen.busy and _connected(desk, "读卡器1"), timeout=10000)  # back on duty


def test_restart_gives_the_device_a_fresh_driver(qtbot: QtBot, desk: Desk) -> None:
    screen = desk.screen(qtbot)
    qtbot.waitUntil(lambda: _connected(desk, "扫码枪1"), timeout=10000)
    before = desk.station.registry.driver("扫码枪1")
    screen.table.selectRow(1)
    screen.restart_selected()
    qtbot.waitUntil(lambda: screen.message.text() == "扫码枪1 was restarted.", timeout=10000)
    qtbot.waitUntil(lambda: _connected(desk, "扫码枪1") and desk.station.registry.driver("扫码枪1") is not before,
                    timeout=10000)
    desk.scanner.scan("2026110100999")
    qtbot.waitUntil(lambda: _cell(screen, 1, screen.LAST).endswith("2026110100999"), timeout=5000)


def test_art51_add_and_remove_with_a_live_test_before_saving_audited_and_applied(qtbot: QtBot, desk: Desk) -> None:
    screen = desk.screen(qtbot)
    qtbot.waitUntil(lambda: _connected(desk, "扫码枪1"), timeout=10000)
    screen.configure()
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is screen.pane, timeout=10000)
    assert all(s.state is DeviceState.STOPPED for s in desk.station.registry.statuses().values())
    assert [screen.pane.ports.item(i).text() for i in range(screen.pane.ports.count())] == [
        "/dev/ttyUSB0 — WCH USB-SERIAL CH340 (1A86:7523)", "/dev/ttyS0"]
    editor = screen.pane.editor
    assert [c["name"] for c in editor.configs()] == ["读卡器1", "扫码枪1"]
    assert editor.configs()[0]["options"] == {"find_interval": 0.1}  # kept, though the list shows none
    row = editor.add_device(DeviceKind.SCANNER_SERIAL, "扫码枪2", desk.spare.path)
    options = editor.table.item(row, editor.OPTIONS)
    options.setText("baudrate=115200")  # not the object settings.json holds
    screen.pane.request_save()
    assert screen.pane.error.text() == ("This device's settings are not valid: Device 扫码枪2 in set-up: options "
                                        "must be an object of names and values.")
    options.setText('{"baudrate": 115200, "silence": 0.2}')
    screen.pane.request_save()
    assert screen.pane.error.text() == "Test these devices before saving: 扫码枪2"
    assert not desk.audit_events()
    editor.test_row(row)
    qtbot.waitUntil(lambda: "Connected" in editor.result_text(row), timeout=10000)
    desk.spare.scan("2026110100777")
    qtbot.waitUntil(lambda: editor.result_text(row) == "✔ Code scanned: 2026110100777", timeout=10000)
    editor.table.selectRow(0)
    editor.remove_selected()  # the reader goes
    screen.pane.request_save()
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is screen.list_page, timeout=15000)
    assert screen.message.text() == "Saved. The devices run with their new settings."
    saved = config.load(desk.settings_file).devices
    assert [d.name for d in saved] == ["扫码枪1", "扫码枪2"]
    assert saved[1].options() == {"baudrate": 115200, "silence": 0.2}  # the options typed, as typed settings
    [event] = desk.audit_events()
    assert event.actor_name == "主考 王"
    assert set(desk.station.registry.statuses()) == {"扫码枪1", "扫码枪2"}
    assert [_cell(screen, r, screen.NAME) for r in range(screen.table.rowCount())] == ["扫码枪1", "扫码枪2"]
    qtbot.waitUntil(lambda: _state(screen, 0) == "● connected" and _state(screen, 1) == "● connected", timeout=10000)
    desk.spare.scan("2026110100778")
    qtbot.waitUntil(lambda: _cell(screen, 1, screen.LAST).endswith("2026110100778"), timeout=5000)


def test_cancelling_the_editor_changes_nothing_and_the_devices_run_again(qtbot: QtBot, desk: Desk) -> None:
    screen = desk.screen(qtbot)
    before = desk.settings_file.read_bytes()
    screen.configure()
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is screen.pane, timeout=10000)
    screen.pane.editor.add_device(DeviceKind.SCANNER_WEDGE, "键盘扫码枪")
    screen.pane.cancelled.emit()
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is screen.list_page, timeout=10000)
    qtbot.waitUntil(lambda: _connected(desk, "读卡器1") and _connected(desk, "扫码枪1"), timeout=10000)
    assert desk.settings_file.read_bytes() == before and not desk.audit_events()


def test_art51_an_invigilator_is_refused_by_the_core_and_no_device_stops(qtbot: QtBot, desk: Desk) -> None:
    screen = desk.screen(qtbot, "J0001")
    qtbot.waitUntil(lambda: _connected(desk, "读卡器1"), timeout=10000)
    refusal = "Your role (Invigilator) may not do this: configure the desk's devices."
    for act in (screen.test_selected, screen.restart_selected, screen.configure):
        screen.message.clear()
        act()
        qtbot.waitUntil(lambda: screen.message.text() == refusal, timeout=5000)
        assert not screen.busy and _connected(desk, "读卡器1")
        assert screen.pages.currentWidget() is screen.list_page
    with pytest.raises(PermissionDenied):  # the save itself, called as a forgotten button would
        wiring.actions_for(desk.service, desk.day.login("J0001")).save([])
    assert not desk.audit_events()


def test_refreshes_keep_the_tables_items_and_the_bridge_forgets_a_deleted_screen(qtbot: QtBot, desk: Desk) -> None:
    bridge = desk.station.bridge
    baseline = bridge.receivers("2status_changed(PyObject)"), bridge.receivers("2event_received(PyObject)")
    screen = desk.screen(qtbot)
    qtbot.waitUntil(lambda: _state(screen, 1) == "● connected", timeout=10000)
    assert bridge.receivers("2status_changed(PyObject)") == baseline[0] + 1
    items = [screen.table.item(r, c) for r in range(2) for c in range(6)]
    for i in range(20):
        desk.scanner.scan(f"20261101{i:05d}")
    qtbot.waitUntil(lambda: _cell(screen, 1, screen.LAST).endswith("2026110100019"), timeout=10000)
    assert [screen.table.item(r, c) for r in range(2) for c in range(6)] == items  # no new item per refresh
    screen.close()
    screen.deleteLater()
    qtbot.waitUntil(lambda: bridge.receivers("2status_changed(PyObject)") == baseline[0], timeout=5000)
    gc.collect()
    assert (bridge.receivers("2status_changed(PyObject)"), bridge.receivers("2event_received(PyObject)")) == baseline


def test_a_port_line_says_only_what_the_pc_knows() -> None:
    assert port_line(PORTS[0]) == "/dev/ttyUSB0 — WCH USB-SERIAL CH340 (1A86:7523)"
    assert port_line(SerialPortInfo("COM4", "USB-SERIAL CH340 (COM4)")) == "COM4 — USB-SERIAL CH340 (COM4)"
    assert port_line(PORTS[1]) == "/dev/ttyS0"


def test_a_camera_scanners_test_shows_its_picture(qtbot: QtBot, tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'cam.sqlite'}")
    upgrade(engine)
    day = exam_day(engine)
    devices = parse_devices([{"name": "扫码摄像头", "kind": "scanner-camera", "source": "sim:ticket"}])
    settings_file = tmp_path / "cam-settings.json"
    config.save(config.Settings(data_dir=tmp_path, devices=devices), settings_file)
    station = DeviceStation.from_settings(devices)
    station.start()
    runner = OpRunner()
    service = DeviceSetupService(sessionmaker(engine), day.clock, settings_file, devices, desk="1号检录台")
    try:
        screen = DevicesScreen(runner, station, wiring.actions_for(service, day.login("Z0001")), day.clock,
                               ports=lambda: [], timeout_s=15.0)
        qtbot.addWidget(screen)
        screen.show()
        qtbot.waitUntil(lambda: _state(screen, 0) == "● connected", timeout=15000)
        screen.test_selected()
        qtbot.waitUntil(lambda: _cell(screen, 0, screen.TEST).startswith("✔ Picture received:"), timeout=15000)
        assert screen.preview.isVisible() and not screen.preview.pixmap().isNull()
        qtbot.waitUntil(lambda: not screen.busy and station.registry.status("扫码摄像头").state is DeviceState.CONNECTED,
                        timeout=15000)
    finally:
        runner.wait()
        station.stop()
        drain()


def test_a_paper_room_camera_shows_the_recordings_state_and_picture_without_a_second_opening(
        qtbot: QtBot, desk: Desk, tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from app.engine.clock import VenueClock
    from app.services.audit import Actor
    from devices.base import EventSink
    from devices.camera.bank import CameraBank
    from devices.camera.monitor import CameraMonitor, MonitorConfig
    from devices.camera.simulator import Scene, SyntheticCapture
    from devices.camera.source import SourceConfig, SourceKind, SourceSpec
    from tests.unit.test_custody_support import make_venue

    room_engine = make_engine(f"sqlite:///{tmp_path / 'room.sqlite'}")
    upgrade(room_engine)
    venue = make_venue(room_engine)
    venue.clock.now = datetime.now(UTC)
    opened: list[str] = []

    def make(sink: EventSink) -> list[CameraMonitor]:
        def opener(spec: SourceSpec) -> SyntheticCapture:
            opened.append(str(spec))
            return SyntheticCapture(Scene(width=320, height=240, fps=30.0))

        return [CameraMonitor("保密室1", SourceSpec(SourceKind.SIMULATOR, "motion"), sink,
                              MonitorConfig(source=SourceConfig(frozen_after_s=None)), opener=opener)]

    from app.engine.recording import PaperRoomRecording

    recording = PaperRoomRecording(venue.paper_room, CameraBank(make, tmp_path / "snapshots"), VenueClock(),
                                   Actor.system("paper-room"), "paper-room-pc")
    recording.start()
    try:
        desk.service.save(desk.day.login("Z0001"), [*desk.service.devices(),
                                                      {"name": "保密室1", "kind": "camera", "source": "sim:motion"}])
        screen = wiring.build(SimpleCore(desk), desk.runner, desk.day.login("Z0001"), desk.station, desk.service,
                              recording)
        qtbot.addWidget(screen)
        screen.show()
        row = [d.name for d in screen.devices].index("保密室1")
        qtbot.waitUntil(lambda: _state(screen, row) == "● connected", timeout=15000)
        qtbot.waitUntil(lambda: recording.recorder.monitors[0].latest_frame() is not None, timeout=15000)
        screen.table.selectRow(row)
        screen.test_selected()
        assert _cell(screen, row, screen.TEST) == "✔ Picture from the recording: 320 × 240"
        assert screen.preview.isVisible() and len(opened) == 1  # the recorder's own opening only
        screen.restart_selected()
        assert screen.message.text() == "保密室1 is the secure paper room's camera: it restarts with the program."
    finally:
        recording.stop()
        drain()
        room_engine.dispose()


class SimpleCore:
    """What the devices wiring reads of the core."""

    def __init__(self, desk: Desk) -> None:
        self.clock = desk.day.clock
