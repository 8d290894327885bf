"""Secure paper room (保密室): the camera wall, how many days of video the disk holds, the duty list
with sign-on/off by credential (red when fewer than two are on duty with papers in the room,
art. 22(五)), and the event list with snapshots."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.changes import DataKind
from app.rules.paper_room import DiskForecast
from app.rules.timing import venue_time
from app.services.paper_room import CameraEventLine, DutyState
from devices.camera.bank import thumbnail_path
from ui.custody.names import camera_event_name
from ui.messages import describe
from ui.paper_room.cameras import PaperRoomCameras
from ui.paper_room.wall import CameraWall
from ui.restyle import restyle
from ui.runner import OpRunner
from ui.screen import Screen
from ui.tables import TextList

DATA_KINDS = frozenset({DataKind.PAPER_ROOM, DataKind.CUSTODY})


@dataclass
class PaperRoomView:
    duty: DutyState
    events: list[CameraEventLine]
    forecast: DiskForecast


@dataclass
class DutyActions:
    sign_on: Callable[[str, str], DutyState]
    sign_off: Callable[[str, str], DutyState]
    # Keep the last N minutes of every camera as evidence, with a reason; None: the role may not.
    keep_evidence: Callable[[int, str], object] | None = None


class PaperRoomScreen(Screen):
    DATA_KINDS = DATA_KINDS
    RELOAD_MS = 30_000  # the duty clock and the disk move on their own

    def __init__(self, runner: OpRunner, cameras: PaperRoomCameras, load: Callable[[], PaperRoomView],
                 duty: DutyActions, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self._load, self._duty = load, duty
        self.cameras = cameras
        self._view: PaperRoomView | None = None
        self._icons: dict[str, QIcon] = {}
        self.title = QLabel(objectName="ScreenTitle")
        self.wall = CameraWall(cameras.feeds())
        self.retention = QLabel(objectName="RetentionDays", wordWrap=True)
        self.duty_title, self.events_title = QLabel(objectName="PanelTitle"), QLabel(objectName="PanelTitle")
        self.duty_status = QLabel(objectName="DutyStatus", wordWrap=True)
        self.duty_list = QListWidget(objectName="DutyList")
        self.duty_list.setMaximumHeight(80)  # a shift is two or three people; the events need the room
        self.staff_number, self.credential = QLineEdit(), QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.sign_on_button, self.sign_off_button = QPushButton(objectName="Primary"), QPushButton()
        self.message = QLabel(wordWrap=True, objectName="PaperRoomMessage")
        self.evidence_minutes, self.evidence_reason = QComboBox(), QLineEdit()
        self.evidence_button = QPushButton()
        self.events = TextList(objectName="EventList")
        self.events.setIconSize(QSize(128, 72))
        form = QFormLayout()
        self._number_label, self._credential_label = QLabel(), QLabel()
        form.addRow(self._number_label, self.staff_number)
        form.addRow(self._credential_label, self.credential)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sign_on_button)
        buttons.addWidget(self.sign_off_button)
        side = QVBoxLayout()
        for w in (self.retention, self.duty_title, self.duty_status, self.duty_list):
            side.addWidget(w)
        side.addLayout(form)
        side.addLayout(buttons)
        side.addWidget(self.message)
        side.addWidget(self.events_title)
        side.addWidget(self.events, 1)
        if duty.keep_evidence is not None:
            # The reason gets a row of its own: beside the period and the button it was cut to "Wh…".
            side.addWidget(self.evidence_reason)
            evidence = QHBoxLayout()
            evidence.addWidget(self.evidence_minutes)
            evidence.addWidget(self.evidence_button, 1)
            side.addLayout(evidence)
            for minutes in (10, 30, 60):
                self.evidence_minutes.addItem("", minutes)
            self.evidence_button.clicked.connect(self.keep_evidence)
            self.evidence_reason.returnPressed.connect(self.keep_evidence)
        body = QHBoxLayout()
        body.addWidget(self.wall, 3)
        body.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(self.title)
        layout.addLayout(body, 1)
        self.staff_number.returnPressed.connect(self.credential.setFocus)
        self.credential.returnPressed.connect(self.sign_on)
        self.sign_on_button.clicked.connect(self.sign_on)
        self.sign_off_button.clicked.connect(self.sign_off)
        self.listen(cameras.status_changed, self._camera_status)  # the cameras outlive the screen
        self.listen(cameras.event_recorded, self._event_recorded)  # the engine wrote a camera event
        self.retranslate()
        self.refresh()

    def _camera_status(self, _status: object) -> None:
        self.wall.refresh_status()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Secure paper room"))
        self.duty_title.setText(self.tr("On duty"))
        self.events_title.setText(self.tr("Events"))
        self._number_label.setText(self.tr("Staff number"))
        self._credential_label.setText(self.tr("Credential"))
        self.sign_on_button.setText(self.tr("Sign on"))
        self.sign_off_button.setText(self.tr("Sign off"))
        for i in range(self.evidence_minutes.count()):
            self.evidence_minutes.setItemText(i, self.tr("Last {n} min").format(n=self.evidence_minutes.itemData(i)))
        self.evidence_reason.setPlaceholderText(self.tr("Why this video is evidence"))
        self.evidence_button.setText(self.tr("Keep as evidence (2 years)"))
        if self._view is not None:
            self._show(self._view)

    def _event_recorded(self, _row: object) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.submit(self._load, self._show, lambda exc: self.message.setText(describe(exc)))

    def _show(self, view: PaperRoomView) -> None:
        self._view = view
        f = view.forecast
        if f.days_on_disk is None:
            self.retention.setText(self.tr("Video on disk: no recording rate measured yet"))
        else:
            self.retention.setText(self.tr("Video on disk: {days} days at the current rate (90 required)").format(
                days=int(f.days_on_disk)))
        self.retention.setProperty("bad", not f.enough)
        duty = view.duty
        self.duty_status.setText(self.tr("{n} on duty · {items} packages in the room").format(
            n=len(duty.on_duty), items=duty.items_in_room))
        self.duty_status.setProperty("bad", duty.short)
        self.duty_list.setProperty("bad", duty.short)
        restyle(self.retention, self.duty_status, self.duty_list)
        self.duty_list.clear()
        for person in duty.on_duty:
            self.duty_list.addItem(self.tr("{name} · since {since}").format(
                name=person.name, since=f"{venue_time(person.since):%m-%d %H:%M}"))
        if duty.short:
            self.duty_list.addItem(self.tr("Fewer than two on duty since {since}").format(
                since=f"{venue_time(duty.open_gap_since):%H:%M}" if duty.open_gap_since else ""))
        self.events.show_rows([(f"{'⚠ ' if e.alert else ''}{venue_time(e.at):%m-%d %H:%M:%S} "
                                 f"{e.camera} · {camera_event_name(e.kind)}",
                                 self._icon(e.snapshot_path) if e.snapshot_path else None) for e in view.events])

    def _icon(self, snapshot: str) -> QIcon:
        icon = self._icons.get(snapshot)
        if icon is None:
            pixmap = QPixmap(str(thumbnail_path(Path(snapshot))))
            icon = QIcon(pixmap) if not pixmap.isNull() else QIcon()
            if len(self._icons) > 200:
                self._icons.clear()
            self._icons[snapshot] = icon
        return icon

    def keep_evidence(self) -> None:
        keep = self._duty.keep_evidence
        if keep is None:
            return
        minutes, reason = int(self.evidence_minutes.currentData()), self.evidence_reason.text()
        self.submit(lambda: keep(minutes, reason), self._kept, lambda exc: self.message.setText(describe(exc)))

    def _kept(self, _id: object) -> None:
        self.evidence_reason.clear()
        self.message.setText(self.tr("The video is kept as evidence for 2 years."))

    def sign_on(self) -> None:
        self._duty_call(self._duty.sign_on)

    def sign_off(self) -> None:
        self._duty_call(self._duty.sign_off)

    def _duty_call(self, action: Callable[[str, str], DutyState]) -> None:
        number, credential = self.staff_number.text().strip(), self.credential.text()
        self.credential.clear()
        if not number or not credential:
            self.message.setText(self.tr("Enter the staff number and the credential."))
            return
        self.message.clear()
        self.submit(lambda: action(number, credential), self._duty_done,
                            lambda exc: self.message.setText(describe(exc)))

    def _duty_done(self, _state: DutyState) -> None:
        self.staff_number.clear()
        self.staff_number.setFocus()
