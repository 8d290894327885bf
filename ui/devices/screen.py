"""The devices screen (设备): every device of this desk with its live state in plain words, its last
event and its last test; a live test (read a card, scan a code, see the picture) and a restart of
the selected device; and the list edited with the set-up wizard's live tests (F7).

The drivers are the long-lived registry's (`DeviceStation`, built with the window): the screen only
shows what the registry and its bridge report, and asks it to hold, release or restart a device off
the GUI thread. Whether this person may is the core's answer (`DeviceScreenActions.allow`), asked
before anything is stopped; saving goes through the core, which checks, audits and writes the file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from app.device_settings import DeviceSettings
from app.rules.timing import venue_time
from devices.base import DeviceState, DeviceStatus
from devices.device_config import DeviceKind
from devices.idcard.events import CardRead, CardRemoved, ProtocolError, ReadFailed
from devices.scanner.scan import Scan
from devices.serial_ports import SerialPortInfo, serial_ports
from ui.devices.config_pane import DeviceConfigPane
from ui.devices.editor import kind_name
from ui.devices.state_text import state_text
from ui.devices.station import DeviceStation, registry_config
from ui.messages import describe
from ui.paper_room.cameras import PaperRoomCameras
from ui.restyle import restyle
from ui.runner import OpRunner
from ui.screen import Screen
from ui.setup.device_check import DeviceCheck, frame_image
from ui.tables import fill_table

_COLOURS = {DeviceState.CONNECTED: "#1a7f37", DeviceState.CONNECTING: "#9a6700", DeviceState.STOPPED: "#5a6470"}
_BAD = "#b42318"


@dataclass(frozen=True)
class DeviceScreenActions:
    devices: Callable[[], tuple[DeviceSettings, ...]]
    allow: Callable[[], None]
    """Raises unless the signed-in person may configure devices (the core's permission table)."""
    save: Callable[[Sequence[dict[str, Any]]], tuple[DeviceSettings, ...]]


def event_text(event: object) -> tuple[str, str] | None:
    """(device, what happened) for the last-event column; None for what is no device's event."""
    if isinstance(event, CardRead):
        text = QCoreApplication.translate("DevicesScreen", "card read: {number}")
        return event.reader, text.format(number=event.document.masked_number)
    if isinstance(event, CardRemoved):
        return event.reader, QCoreApplication.translate("DevicesScreen", "card taken away")
    if isinstance(event, ReadFailed):
        return event.reader, QCoreApplication.translate("DevicesScreen", "a card could not be read")
    if isinstance(event, ProtocolError):
        return event.reader, QCoreApplication.translate("DevicesScreen", "the reader's answer was garbled")
    if isinstance(event, Scan) and event.device:
        return event.device, QCoreApplication.translate("DevicesScreen", "code scanned: {code}").format(code=event.code)
    return None


class DevicesScreen(Screen):
    NAME, KIND, SOURCE, STATE, LAST, TEST = range(6)

    def __init__(self, runner: OpRunner, station: DeviceStation, actions: DeviceScreenActions,
                 clock: Callable[[], datetime], parent: QWidget | None = None, *,
                 ports: Callable[[], list[SerialPortInfo]] = serial_ports, timeout_s: float = 30.0,
                 cameras: PaperRoomCameras | None = None) -> None:
        super().__init__(runner, parent)
        self._station, self._actions, self._clock = station, actions, clock
        self._cameras = cameras
        self._timeout_s = timeout_s
        self.devices: tuple[DeviceSettings, ...] = actions.devices()
        self._statuses: dict[str, DeviceStatus] = dict(station.registry.statuses())
        if cameras is not None and cameras.recording is not None:  # the paper room's, as its recording reports them
            self._statuses.update({name: s for name, s in dict(cameras.recording.statuses).items()
                                   if isinstance(s, DeviceStatus)})
        self._last: dict[str, str] = {}
        self._results: dict[str, str] = {}
        self._live: dict[str, DeviceCheck] = {}  # the running test, for the clean-up when the screen goes
        self._held: str | None = None  # the device stopped for the running test
        self.busy = False
        self._bad = False

        self.pages = QStackedWidget()
        self.list_page = QWidget()
        self.title = QLabel(objectName="ScreenTitle")
        self.table = QTableWidget(0, 6, objectName="DeviceList")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in (self.NAME, self.KIND, self.SOURCE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (self.STATE, self.LAST, self.TEST):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.preview = QLabel(objectName="SetupPreview", alignment=Qt.AlignmentFlag.AlignCenter)
        self.preview.setFixedSize(320, 180)
        self.preview.hide()  # until a camera's test brings a picture
        self.message = QLabel(objectName="DevicesMessage", wordWrap=True)
        self.test_button, self.restart_button = QPushButton(objectName="DevicesPrimary"), QPushButton()
        self.configure_button = QPushButton()
        self.test_button.clicked.connect(self.test_selected)
        self.restart_button.clicked.connect(self.restart_selected)
        self.configure_button.clicked.connect(self.configure)
        for key, slot in ((Qt.Key.Key_F5, self.test_selected), (Qt.Key.Key_F6, self.restart_selected),
                          (Qt.Key.Key_F7, self.configure)):
            QShortcut(QKeySequence(key), self.list_page, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        layout = QVBoxLayout(self.list_page)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        lower = QHBoxLayout()
        lower.addWidget(self.message, 1)
        lower.addWidget(self.preview)
        layout.addLayout(lower)
        buttons = QHBoxLayout()
        for button in (self.test_button, self.restart_button, self.configure_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout.addLayout(buttons)

        self.pane = DeviceConfigPane(ports, timeout_s)
        self.pane.save_requested.connect(self._save)
        self.pane.cancelled.connect(self._cancel_editing)
        self.pages.addWidget(self.list_page)
        self.pages.addWidget(self.pane)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)

        self.listen(station.bridge.status_changed, self._status_changed)
        self.listen(station.bridge.event_received, self._event)
        if cameras is not None:
            cameras.status_changed.connect(self._status_changed)  # the screen owns `cameras`
        registry, live, editing = station.registry, self._live, self.pane.editor.checks
        self.destroyed.connect(lambda *_: _clean_up(registry, live, editing))  # never leave a device stopped behind
        self.retranslate()
        if self.devices:
            self.table.selectRow(0)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Devices at this desk"))
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Kind"), self.tr("Port or source"),
                                              self.tr("State"), self.tr("Last event"), self.tr("Last test")])
        self.test_button.setText(self.tr("F5  Test"))
        self.restart_button.setText(self.tr("F6  Restart"))
        self.configure_button.setText(self.tr("F7  Add, remove, configure…"))
        self.pane.retranslate()
        self._show()

    # -- what the list shows ---------------------------------------------------------------------------

    def state_of(self, device: DeviceSettings) -> str:
        status = self._statuses.get(device.name)
        if device.kind.value == DeviceKind.CAMERA.value and status is None:
            return self.tr("recorded by the secure paper room")
        if status is None:
            return self.tr("not started yet")
        return "● " + state_text(status)

    def _show(self) -> None:
        rows = [[d.name, kind_name(d.kind.value), d.source or "—", self.state_of(d), self._last.get(d.name, "—"),
                 self._results.get(d.name, "")] for d in self.devices]
        fill_table(self.table, rows)
        for r, device in enumerate(self.devices):
            status = self._statuses.get(device.name)
            colour = _COLOURS.get(status.state, _BAD) if status is not None else _COLOURS[DeviceState.STOPPED]
            item = self.table.item(r, self.STATE)
            if item is not None and item.foreground().color().name() != colour:
                item.setForeground(QBrush(QColor(colour)))
        self.table.resizeRowsToContents()

    def _status_changed(self, status: DeviceStatus) -> None:
        self._statuses[status.name] = status
        self._show()

    def _event(self, event: object) -> None:
        said = event_text(event)
        if said is not None:
            name, text = said
            self._last[name] = f"{venue_time(self._clock()).strftime('%H:%M:%S')}  {text}"
            self._show()

    def selected(self) -> DeviceSettings | None:
        row = self.table.currentRow()
        return self.devices[row] if 0 <= row < len(self.devices) else None

    def _say(self, text: str, bad: bool = False) -> None:
        self.message.setText(text)
        if self._bad is not bad:
            self._bad = bad
            self.message.setProperty("bad", bad)
            restyle(self.message)

    def _refused(self, exc: BaseException) -> None:
        self.busy = False
        self._say(describe(exc), bad=True)

    # -- test and restart -----------------------------------------------------------------------------

    def test_selected(self) -> None:
        device = self.selected()
        if device is None or self.busy:
            return
        if device.kind.value == DeviceKind.CAMERA.value and self._recorded_frame(device.name):
            return
        self.busy = True
        self.preview.clear()
        self.preview.hide()
        name, in_registry = device.name, device.name in self._station.registry.statuses()
        allow, registry = self._actions.allow, self._station.registry

        def hold() -> None:
            allow()
            if in_registry:
                registry.hold(name)

        self._say(self.tr("Stopping {name} for its test…").format(name=name))
        self.submit(hold, lambda _r: self._start_check(device, in_registry), self._refused)

    def _recorded_frame(self, name: str) -> bool:
        """A paper-room camera shows the recording's latest picture: the recorder owns the camera, and a
        second opening of it could disturb the recording. False when the recording has no such camera."""
        monitor = next((m for m in self._cameras.monitors if m.name == name), None) if self._cameras else None
        if monitor is None:
            return False
        frame = monitor.latest_frame()
        if frame is None:
            self._test_result(name, "✖ " + self.tr("No picture from this camera yet."))
            return True
        self.preview.setPixmap(QPixmap.fromImage(frame_image(frame)).scaled(
            self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        self.preview.show()
        self._test_result(name, "✔ " + self.tr("Picture from the recording: {width} × {height}").format(
            width=frame.width, height=int(frame.image.shape[0])))
        return True

    def _start_check(self, device: DeviceSettings, held: bool) -> None:
        self._held = device.name if held else None
        # Not the screen's child: if the screen goes mid-test, the clean-up stops it and its driver.
        check = DeviceCheck(registry_config(device), timeout_s=self._timeout_s)
        check.progress.connect(lambda text: self._test_result(device.name, text))
        check.succeeded.connect(lambda text, image: self._check_done(device.name, "✔ " + text, image))
        check.failed.connect(lambda text: self._check_done(device.name, "✖ " + text, None))
        self._live["check"] = check
        check.start()

    def _test_result(self, name: str, text: str) -> None:
        self._results[name] = text
        self._say(f"{name}: {text}")
        self._show()

    def _check_done(self, name: str, text: str, image: Any) -> None:
        self._test_result(name, text)
        if image is not None:
            self.preview.setPixmap(QPixmap.fromImage(image).scaled(
                self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
            self.preview.show()
        done = self._live.pop("check", None)
        if done is not None:
            done.deleteLater()
        held, self._held = self._held, None
        registry = self._station.registry
        if held is not None:
            self.submit(lambda: registry.release(held), lambda _r: self._idle(), self._refused)
        else:
            self._idle()

    def _idle(self) -> None:
        self.busy = False

    def restart_selected(self) -> None:
        device = self.selected()
        if device is None or self.busy:
            return
        if device.name not in self._station.registry.statuses():
            self._say(self.tr("{name} is the secure paper room's camera: it restarts with the program.")
                      .format(name=device.name))
            return
        self.busy = True
        allow, registry, name = self._actions.allow, self._station.registry, device.name

        def restart() -> None:
            allow()
            registry.restart(name)

        self._say(self.tr("Restarting {name}…").format(name=name))
        self.submit(restart, lambda _r: self._restarted(name), self._refused)

    def _restarted(self, name: str) -> None:
        self.busy = False
        self._say(self.tr("{name} was restarted.").format(name=name))

    # -- add, remove, configure -----------------------------------------------------------------------

    def configure(self) -> None:
        if self.busy:
            return
        self.busy = True
        allow, station = self._actions.allow, self._station

        def hold_all() -> None:
            allow()
            station.hold_all()

        self._say(self.tr("Stopping the desk's devices for editing…"))
        self.submit(hold_all, lambda _r: self._editing(), self._refused)

    def _editing(self) -> None:
        self.pane.load(self.devices)
        self.pages.setCurrentWidget(self.pane)

    def _save(self, entries: Sequence[dict[str, Any]]) -> None:
        save, station = self._actions.save, self._station

        def apply() -> tuple[DeviceSettings, ...]:
            saved = save(entries)
            station.reconfigure(saved)
            return saved

        self.pane.error.setText(self.tr("Saving…"))
        self.submit(apply, self._saved, lambda exc: self.pane.error.setText(describe(exc)))

    def _saved(self, devices: tuple[DeviceSettings, ...]) -> None:
        self.devices = devices
        self._station.reconfigured.emit()  # the desk's key filter takes the keyboard scanner's new options
        self._results.clear()
        self._back_to_list(self.tr("Saved. The devices run with their new settings."))

    def _cancel_editing(self) -> None:
        self.pane.editor.stop_checks()
        station = self._station
        self.submit(station.release_all, lambda _r: self._back_to_list(self.tr("Nothing was changed.")),
                    self._refused)

    def _back_to_list(self, text: str) -> None:
        self.busy = False
        self._statuses = dict(self._station.registry.statuses())
        self.pages.setCurrentWidget(self.list_page)
        self._say(text)
        self._show()
        self.table.setFocus()


    @property
    def check(self) -> DeviceCheck | None:
        return self._live.get("check")


def _clean_up(registry: Any, live: dict[str, DeviceCheck], editing: dict[int, DeviceCheck]) -> None:
    check = live.pop("check", None)
    if check is not None and shiboken6.isValid(check):
        for signal in (check.progress, check.succeeded, check.failed):
            signal.disconnect()
        check.stop()
        check.deleteLater()
    for test in list(editing.values()):  # the editor's tests went with it: their drivers must stop too
        try:
            test.stop()
        except RuntimeError:
            pass
    editing.clear()
    for name in registry.statuses():
        registry.release(name)
