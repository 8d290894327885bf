"""My room records (本考场记录), for invigilators: the rooms they were drawn to in today's sittings,
each room's record as it stands, and their signature on it with their own credential once the
papers are collected (arts. 23, 40). The chief examiner's office countersigns afterwards in the
control room (S). All logic is in `app.services.invigilator_records`; this screen shows and asks."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.changes import DataKind
from app.domain import Role
from app.rules.timing import venue_time
from app.services.room_record import RoomRecord, RoomToSign
from ui.messages import describe
from ui.names import role_name
from ui.reports.room_record import write_room_record
from ui.runner import OpRunner
from ui.screen import Screen
from ui.tables import TextList


@dataclass
class RoomRecordActions:
    """What the screen may ask of the core (run off the GUI thread)."""

    rooms: Callable[[], list[RoomToSign]]
    record: Callable[[uuid.UUID, uuid.UUID], RoomRecord]
    sign: Callable[[uuid.UUID, uuid.UUID, str], None]


def _hm(moment: datetime | None) -> str:
    return f"{venue_time(moment):%H:%M}" if moment else "—"


class RoomRecordScreen(Screen):
    DATA_KINDS = frozenset({DataKind.ROOMS, DataKind.ASSIGNMENT, DataKind.ATTENDANCE, DataKind.INCIDENTS})
    RELOAD_MS = 15_000  # the control room collects the papers and countersigns from another desk

    def __init__(self, runner: OpRunner, actions: RoomRecordActions, reports_dir: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self._actions, self._reports_dir = actions, reports_dir
        self._rooms: list[RoomToSign] = []
        self.record: RoomRecord | None = None
        self.last_pdf: Path | None = None
        self.title = QLabel(objectName="ScreenTitle")
        self.hint = QLabel(wordWrap=True)
        self.rooms = TextList(objectName="RoomRecords")
        self.details = QLabel(objectName="RoomRecordDetails", wordWrap=True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.credential_label = QLabel()
        self.credential = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.sign_button = QPushButton(objectName="Primary")
        self.pdf_button = QPushButton()
        self.status = QLabel(objectName="RoomRecordStatus", wordWrap=True)
        sign_row = QHBoxLayout()
        sign_row.addWidget(self.credential_label)
        sign_row.addWidget(self.credential, 1)
        sign_row.addWidget(self.sign_button)
        sign_row.addWidget(self.pdf_button)
        side = QVBoxLayout()
        side.addWidget(self.details, 1)
        side.addLayout(sign_row)
        side.addWidget(self.status)
        body = QHBoxLayout()
        body.addWidget(self.rooms, 2)
        body.addLayout(side, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addLayout(body, 1)
        self.rooms.currentRowChanged.connect(self._chosen)
        self.credential.returnPressed.connect(self.sign)
        self.sign_button.clicked.connect(self.sign)
        self.pdf_button.clicked.connect(self.save_pdf)
        self._enable_signing(False)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.title.setText(self.tr("My room records"))
        self.hint.setText(self.tr("Once the papers of your room are collected, read its record and sign it with "
                                  "your own credential. The chief examiner's office countersigns afterwards."))
        self.credential_label.setText(self.tr("Your credential"))
        self.sign_button.setText(self.tr("Sign the record"))
        self.pdf_button.setText(self.tr("Save as PDF"))
        self._fill_rooms()
        self._show_record()

    # --- reading ------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.submit(self._actions.rooms, self._show_rooms, self._failed)

    def _show_rooms(self, rooms: list[RoomToSign]) -> None:
        chosen = self.selected()
        self._rooms = rooms
        self._fill_rooms()
        keys = [(r.sitting_id, r.room_id) for r in rooms]
        key = (chosen.sitting_id, chosen.room_id) if chosen else None
        row = keys.index(key) if key in keys else next((i for i, r in enumerate(rooms) if r.can_sign), 0)
        if rooms:
            self.rooms.setCurrentRow(row)
            self._chosen(row)
        else:
            self.record = None
            self._show_record()
            self._enable_signing(False)

    def _fill_rooms(self) -> None:
        blocked = self.rooms.blockSignals(True)
        row = self.rooms.currentRow()
        self.rooms.show_rows([(f"{r.sitting_code} {r.subject} {_hm(r.starts_at)}–{_hm(r.ends_at)} · {r.room_name}\n"
                                f"{self.state_text(r)}", None) for r in self._rooms]
                  or [(self.tr("You are not drawn to a room in today's sittings."), None)])
        self.rooms.setCurrentRow(min(row, self.rooms.count() - 1))
        self.rooms.blockSignals(blocked)

    def state_text(self, r: RoomToSign) -> str:
        if r.complete:
            return self.tr("Complete: countersigned by the chief examiner's office")
        if r.signed_by_me is not None:
            return self.tr("You signed at {time}; the chief examiner's office countersigns next").format(
                time=_hm(r.signed_by_me))
        if r.collected:
            return self.tr("Papers collected: your signature is needed")
        return self.tr("Signed after the papers are collected")

    def selected(self) -> RoomToSign | None:
        row = self.rooms.currentRow()
        return self._rooms[row] if 0 <= row < len(self._rooms) else None

    def _chosen(self, _row: int) -> None:
        r = self.selected()
        self._enable_signing(r is not None and r.can_sign)
        if r is None:
            return
        record = self._actions.record
        sitting, room = r.sitting_id, r.room_id
        self.submit(lambda: record(sitting, room), self._got_record, self._failed)

    def _enable_signing(self, can: bool) -> None:
        for w in (self.credential, self.sign_button):
            w.setEnabled(can)

    def _got_record(self, record: RoomRecord) -> None:
        self.record = record
        self._show_record()
        if self.credential.isEnabled():
            self.credential.setFocus()

    def _show_record(self) -> None:
        r = self.record
        self.pdf_button.setEnabled(r is not None)
        if r is None:
            self.details.clear()
            return
        lines = [
            f"{r.room_name} · {r.sitting_code} {r.subject} · {_hm(r.starts_at)}–{_hm(r.ends_at)}",
            self.tr("Invigilators: {names}").format(names="、".join(n for _num, n in r.invigilators) or "—"),
            self.tr("Opened {opened} · papers collected {collected}").format(
                opened=_hm(r.opened_at), collected=_hm(r.collected_at)),
            self.tr("Expected {e} · present {p} · absent {a}").format(e=r.expected, p=r.present, a=r.absent),
            self.tr("Absent: {names}").format(names="、".join(f"{n}（{seat}）" for _t, n, seat in r.absentees) or "—"),
            self.tr("Refused entries: {n} · incidents: {i} · hand-ins and exits: {h}").format(
                n=len(r.refused), i=len(r.incidents), h=len(r.hand_ins)),
            self.tr("Signatures: {names}").format(names="、".join(
                f"{name}（{role_name_of(role)} {_hm(at)}）" for name, role, at in r.signatures) or "—"),
        ]
        self.details.setText("\n".join(lines))

    # --- signing ------------------------------------------------------------------------------------

    def sign(self) -> None:
        r = self.selected()
        credential = self.credential.text()
        self.credential.clear()
        if r is None or not r.can_sign:
            return
        if not credential:
            self.status.setText(self.tr("Type your own credential to sign."))
            return
        self.sign_button.setEnabled(False)
        sign = self._actions.sign
        sitting, room, code = r.sitting_id, r.room_id, r.room_code
        self.submit(lambda: sign(sitting, room, credential),
                    lambda _none: self._signed(code), self._sign_failed)

    def _signed(self, room_code: str) -> None:
        self.status.setText(self.tr("Room {room}: your signature is on the room record.").format(room=room_code))
        self.refresh()

    def _sign_failed(self, exc: BaseException) -> None:
        self.sign_button.setEnabled(True)
        self.credential.setFocus()
        self.status.setText(describe(exc))

    def save_pdf(self) -> None:
        r = self.record
        if r is None:
            return
        self._reports_dir.mkdir(parents=True, exist_ok=True)
        path = self._reports_dir / f"room-record-{r.sitting_code}-{r.room_code}.pdf"
        try:
            write_room_record(r, path)
        except OSError as exc:
            self.status.setText(describe(exc))
            return
        self.last_pdf = path
        self.status.setText(self.tr("Room record saved: {path}").format(path=str(path)))

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(describe(exc))


def role_name_of(role: str) -> str:
    try:
        return role_name(Role(role))
    except ValueError:
        return role
