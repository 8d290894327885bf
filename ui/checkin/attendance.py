"""The attendance sheet on screen, and saved as an A4 PDF for printing."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.rules.timing import venue_time
from app.services.attendance import RoomAttendance
from app.services.checkin import DeskSetup
from ui.messages import describe
from ui.reports.attendance import attendance_html, status_name
from ui.reports.pdf import write_pdf
from ui.runner import OpRunner
from ui.tables import TextTable

if TYPE_CHECKING:
    from ui.checkin.ports import DeskPorts


class AttendanceDialog(QDialog):
    def __init__(self, runner: OpRunner, ports: DeskPorts, setup: DeskSetup, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner, self._ports, self._setup = runner, ports, setup
        self.sheet: RoomAttendance | None = None
        self.setWindowTitle(self.tr("Attendance sheet"))
        self.room = QComboBox()
        self.summary = QLabel(objectName="SheetSummary", wordWrap=True)
        self.table = TextTable(6)
        self.table.rows.set_headers([self.tr("Seat"), self.tr("Ticket"), self.tr("Name"),
                                     self.tr("Status"), self.tr("Admitted at"), self.tr("Desk")])
        self.save = QPushButton(self.tr("Save as PDF for printing"), objectName="Primary")
        self.save.clicked.connect(self.save_pdf)
        self.saved = QLabel(wordWrap=True)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save)
        buttons.addWidget(self.saved, 1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.room)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(900, 640)
        self.room.currentIndexChanged.connect(self.load)
        if setup.room_id is not None:
            self.room.addItem("", setup.room_id)
            self.room.hide()
        else:
            service = ports.service
            runner.submit(service.rooms, self._fill_rooms, self._failed, owner=self)

    def _fill_rooms(self, rooms: list[tuple[Any, str, str]]) -> None:
        for room_id, code, name in rooms:
            self.room.addItem(f"{code} {name}", room_id)

    def load(self) -> None:
        room_id = self.room.currentData()
        if room_id is None:
            return
        ports, setup = self._ports, self._setup
        self._runner.submit(lambda: ports.attendance(setup, room_id), self._show, self._failed, owner=self)

    def _show(self, sheet: RoomAttendance) -> None:
        self.sheet = sheet
        self.summary.setText(self.tr("{room} · {subject} · expected {e}, present {p}, absent {a}, not yet {n}").format(
            room=sheet.room_name, subject=sheet.subject, e=sheet.expected, p=sheet.admitted, a=sheet.absent,
            n=sheet.expected - sheet.admitted - sheet.absent))
        self.table.show_rows([[str(line.seat_number), line.ticket_number, line.name, status_name(line.status),
                                 f"{venue_time(line.admitted_at):%H:%M:%S}" if line.admitted_at else "", line.desk]
                                for line in sheet.lines])

    def save_pdf(self) -> Path | None:
        sheet = self.sheet
        if sheet is None:
            return None
        folder = Path(self._ports.reports_dir)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"attendance-{sheet.sitting_code}-{sheet.room_code}.pdf"
        try:
            write_pdf(attendance_html(sheet, self._ports.venue_name, self._ports.exam_name), path,
                      title=self.tr("Attendance sheet"))
        except OSError as exc:
            self.saved.setText(str(exc))
            return None
        self.saved.setText(self.tr("Saved: {path}").format(path=str(path)))
        if QGuiApplication.platformName() != "offscreen":  # hand it to the PC's PDF viewer for printing
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText(describe(exc))
