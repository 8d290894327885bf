"""The desk's station is built from the typed settings for every kind: none vanishes, and the
keyboard wedge's own thresholds reach the desk's key filter."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.device_settings import parse_devices
from devices.base import DeviceState
from devices.scanner.scan import Scan
from devices.scanner.simulator import ScannerSimulator
from ui.devices.station import DeviceStation


def test_every_configured_desk_device_is_in_the_registry_and_scans_arrive(qtbot: QtBot) -> None:
    with ScannerSimulator() as sim:
        devices = parse_devices([
            {"name": "门口扫码枪", "kind": "scanner-serial", "port": sim.path, "options": {"baudrate": 115200}},
            {"name": "键盘扫码枪", "kind": "scanner-wedge", "options": {"max_gap_ms": 120, "silence_ms": 150}},
            {"name": "扫码摄像头", "kind": "scanner-camera", "source": "sim:ticket"},
            {"name": "保密室1", "kind": "camera", "source": "sim:motion"},
        ])
        station = DeviceStation.from_settings(devices)
        scans: list[Scan] = []
        station.bridge.event_received.connect(lambda e: scans.append(e) if isinstance(e, Scan) else None)
        station.start()
        try:
            # The monitoring camera is the paper-room recorder's; every desk kind is here.
            assert set(station.registry.statuses()) == {"门口扫码枪", "键盘扫码枪", "扫码摄像头"}
            qtbot.waitUntil(lambda: all(s.state is DeviceState.CONNECTED
                                        for s in station.registry.statuses().values()), timeout=10000)
            sim.scan("T2026000123")
            qtbot.waitUntil(lambda: any(s.code == "T2026000123" and s.device == "门口扫码枪" for s in scans),
                            timeout=5000)
            qtbot.waitUntil(lambda: any(s.device == "扫码摄像头" for s in scans), timeout=15000)
        finally:
            station.stop()
        config = station.wedge_config()
        assert config is not None and config.max_gap == 0.12 and config.silence == 0.15


def test_without_a_wedge_in_the_settings_the_desk_keeps_the_default_thresholds() -> None:
    station = DeviceStation.from_settings(())
    assert station.wedge_config() is None


def test_a_camera_scanner_judges_reads_by_the_exams_ticket_pattern() -> None:
    devices = parse_devices([{"name": "cam", "kind": "scanner-camera", "source": "0"},
                             {"name": "door", "kind": "scanner-wedge"}])
    station = DeviceStation.from_settings(devices, ticket_pattern=r"^26\d{10}$")
    options = {c.name: c.options.get("ticket_pattern") for c in station.configs()}
    assert options == {"cam": r"^26\d{10}$", "door": None}  # the package's pattern, for the camera scanner
    station.reconfigure(devices)  # saved anew on the devices screen: still the exam's
    assert station.configs()[0].options.get("ticket_pattern") == r"^26\d{10}$"
