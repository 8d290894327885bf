"""The device bridge carries callbacks made on I/O threads onto the GUI thread."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from devices.base import DeviceState, DeviceStatus
from devices.device_config import DeviceConfig, DeviceKind
from devices.factories import default_factories
from devices.registry import DeviceRegistry
from devices.scanner.scan import Scan
from devices.scanner.simulator import ScannerSimulator
from ui.devices.bridge import DeviceBridge


def test_event_sent_from_an_io_thread_arrives_on_the_gui_thread(qtbot: QtBot, qapp: QApplication) -> None:
    bridge = DeviceBridge()
    received: list[tuple[object, bool, int]] = []
    # A plain lambda: with a direct connection it would run on the sending thread.
    bridge.event_received.connect(
        lambda e: received.append((e, QThread.currentThread() is qapp.thread(), threading.get_ident())))
    sender = threading.Thread(target=bridge.sink, args=(Scan("1234567890", "serial"),))
    with qtbot.waitSignal(bridge.event_received, timeout=1000):
        sender.start()
        sender.join()
    ((event, on_gui, ident),) = received
    assert event == Scan("1234567890", "serial")
    assert on_gui and ident == threading.get_ident()


def test_status_goes_to_status_changed_and_other_events_do_not(qtbot: QtBot) -> None:
    bridge = DeviceBridge()
    statuses: list[object] = []
    events: list[object] = []
    bridge.status_changed.connect(statuses.append)
    bridge.event_received.connect(events.append)
    status = DeviceStatus("gate", "scanner-serial", DeviceState.CONNECTED)
    with qtbot.waitSignal(bridge.status_changed, timeout=1000):
        threading.Thread(target=bridge.sink, args=(status,)).start()
    assert statuses == [status] and events == []


def test_registry_with_a_serial_scanner_reaches_the_gui_through_the_bridge(qtbot: QtBot, qapp: QApplication) -> None:
    bridge = DeviceBridge()
    scans: list[tuple[str, bool]] = []
    bridge.event_received.connect(lambda e: scans.append((e.code, QThread.currentThread() is qapp.thread())))
    with ScannerSimulator() as sim:
        registry = DeviceRegistry(default_factories(), on_event=bridge.sink)
        registry.subscribe(bridge.sink)
        try:
            with qtbot.waitSignal(bridge.status_changed, timeout=2000,
                                  check_params_cb=lambda s: s.state is DeviceState.CONNECTED):
                registry.start([DeviceConfig("gate-1", DeviceKind.SCANNER_SERIAL, sim.path)])
            with qtbot.waitSignal(bridge.event_received, timeout=2000):
                sim.scan("1234567890")
        finally:
            registry.stop()
    assert scans == [("1234567890", True)]


def test_sink_after_the_bridge_is_deleted_is_harmless(qtbot: QtBot) -> None:
    bridge = DeviceBridge()
    sink = bridge.sink
    shiboken6.delete(bridge)
    sink(Scan("late"))  # a driver still reporting during shutdown must not raise
