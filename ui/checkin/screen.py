"""The check-in desk (issue 4): what an invigilator uses for the half hour before a sitting.

The decision is the core's (`app.rules.checkin` through `app.services.checkin`); which inputs
belong together is `app.services.desk_flow`. This screen shows them, runs every database call
on the runner's worker, and is driven from the keyboard: a scan or a card starts the next
candidate, Enter confirms, Esc moves on, F2 types an entry by hand, F3 finds a name.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.errors import database_unreachable
from app.rules.checkin import PresentedDocument, PresentedTicket, Verdict
from app.rules.timing import venue_time
from app.security.auth import SessionEnded, StaffSession
from app.services.checkin import Counters, DeskInfo, DeskSetup, Outcome, RecentScan
from app.services.desk_flow import Action, ConfirmCheck, DeskFlow, Dismiss, Held, Request
from devices.base import DeviceStatus
from devices.idcard.events import CardRead
from devices.scanner.scan import Scan
from ui.checkin.attendance import AttendanceDialog
from ui.checkin.choice import DeskChoice
from ui.checkin.convert import from_card, from_scan
from ui.checkin.countdown import EntryCountdown
from ui.checkin.cues import Cues
from ui.checkin.dialogs import ConfirmCheckDialog, ManualEntryDialog, SearchDialog
from ui.checkin.health import DeskHealth
from ui.checkin.keys import DeskKeys
from ui.checkin.ports import DeskPorts
from ui.checkin.side import DeskSide
from ui.checkin.texts import reasons_text
from ui.checkin.verdict_panel import VerdictPanel
from ui.devices.wedge_filter import WedgeFilter
from ui.messages import describe
from ui.runner import OpRunner
from ui.screen import Screen

CUE = {Verdict.ADMIT: "admit", Verdict.REFUSE: "refuse", Verdict.CHECK: "attention"}


class CheckinScreen(Screen):
    RELOAD_MS = 10_000  # the counters and recent scans: other desks' admissions

    outcome_shown = Signal(object)  # an Outcome painted on the panel (tests, benchmarks)
    desk_changed = Signal(object)  # the DeskInfo of a newly chosen sitting and door
    lock_requested = Signal()  # the core refused the session: the shell covers the desk

    def __init__(self, runner: OpRunner, ports: DeskPorts, *, cues: Cues | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.setObjectName("CheckinScreen")
        self._ports = ports
        self.cues = cues or Cues(self)
        self.flow = DeskFlow()
        self.info: DeskInfo | None = None
        self.setup: DeskSetup | None = None
        self._photos: dict[str, bytes | None] = {}
        self._closed_marked: set[tuple[Any, Any]] = set()
        self._refreshing = self._refresh_again = False

        # -- top: which sitting and door, the clock that matters, the health of the desk --------
        self.choice = DeskChoice(self)
        self.headline = QLabel(objectName="DeskHeadline")
        self.countdown = EntryCountdown()
        self.health = DeskHealth()
        bar = QGridLayout()
        bar.addWidget(self.choice.sitting, 0, 0)
        bar.addWidget(self.choice.door, 0, 1)
        bar.addWidget(self.countdown, 0, 3, 2, 1)
        bar.addWidget(self.headline, 1, 0, 1, 3)
        bar.addWidget(self.health, 2, 0, 1, 4)
        bar.setColumnStretch(2, 1)

        # -- left: the verdict; right: counters, recent scans -----------------------------------
        self.panel = VerdictPanel()
        self.side = DeskSide()
        middle = QHBoxLayout()
        middle.addWidget(self.panel, 3)
        middle.addWidget(self.side, 2)

        # -- bottom: the function keys ------------------------------------------------------------
        self.keys = DeskKeys()
        self.keys.manual_button.clicked.connect(self.manual_entry)
        self.keys.search_button.clicked.connect(self.search)
        self.keys.sheet_button.clicked.connect(self.show_attendance)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(8)
        layout.addLayout(bar)
        layout.addLayout(middle, 1)
        layout.addWidget(self.keys)

        # Enter and Esc are read in keyPressEvent, not as shortcuts: a shortcut fires before the
        # wedge filter sees the key, so a scanner's Enter terminator would confirm a decision.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        for key, slot in ((Qt.Key.Key_F2, self.manual_entry), (Qt.Key.Key_F3, self.search)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        self.choice.changed.connect(self._setup_changed)
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._on_tick)
        self._tick.start()
        # A keyboard-wedge scanner types into whatever has focus: while the desk is on screen, its
        # bursts are taken out of the key stream and arrive here as scans.
        self.wedge = WedgeFilter(ports.wedge, parent=self)
        self.wedge.scan_received.connect(self.device_event)
        self.retranslate()
        self._load_choices()

    # -- set-up ----------------------------------------------------------------------------------

    def _load_choices(self) -> None:
        service = self._ports.service
        self.submit(lambda: (service.sittings(), service.rooms()), self._fill_choices, self._db_failed)

    def _fill_choices(self, result: tuple[list[DeskInfo], list[tuple[Any, str, str]]]) -> None:
        sittings, rooms = result
        self.choice.fill(sittings, rooms, self._ports.clock())
        self._setup_changed()

    def choose(self, sitting_code: str, room_code: str | None) -> None:
        """Set the desk up programmatically (tests, saved desk settings)."""
        self.choice.choose(sitting_code, room_code)

    def _setup_changed(self) -> None:
        sitting_id = self.choice.sitting_id()
        if sitting_id is None:
            return
        self.setup = DeskSetup(sitting_id, self.choice.room_id(), self._ports.desk)
        self.flow = DeskFlow()
        self.panel.show_ready()
        self.side.closed_banner.hide()
        setup, service = self.setup, self._ports.service  # the job captures these, never the widget
        self.submit(lambda: service.desk_info(setup), self._set_info, self._db_failed)

    def _set_info(self, info: DeskInfo) -> None:
        self.info = info
        self._show_headline()
        self._on_tick()
        self.refresh_counts()
        self.desk_changed.emit(info)

    def _show_headline(self) -> None:
        info = self.info
        if info is None:
            return
        start = venue_time(info.schedule.starts_at)
        place = self.tr("Room {room} door").format(room=info.room_code) if info.room_code else self.tr("Venue gate")
        self.headline.setText(f"{start:%Y-%m-%d %H:%M} · {info.exam_name} · {info.subject} · {place}")

    # -- devices ---------------------------------------------------------------------------------

    def device_event(self, event: object) -> None:
        """Connected to the device bridge (GUI thread) and the wedge filter."""
        if not self.isVisible() or self.setup is None:
            return
        if isinstance(event, Scan):
            self._act(self.flow.ticket_scanned(from_scan(event)))
        elif isinstance(event, CardRead):
            card = from_card(event)
            self._photos[card.document.number] = card.photo
            self._act(self.flow.card_read(card.document))

    def device_status(self, status: DeviceStatus) -> None:
        self.health.device_status(status)

    # -- the lock ----------------------------------------------------------------------------------

    def set_locked(self, locked: bool, session: object = None) -> None:
        """From the shell's lock. While locked the flow decides nothing (app.services.desk_flow);
        on unlock what was kept is decided in the name of whoever unlocked (`session`)."""
        if locked:
            self.flow.lock()
            self._show_locked()
            return
        if isinstance(session, StaffSession):
            self._ports.user = session
        self.panel.show_ready()
        self._act(self.flow.unlock())

    def _show_locked(self) -> None:
        self.panel.show_problem(self.tr("Desk locked"), self.tr(
            "Nothing is decided while the desk is locked. Scans and cards presented meanwhile ({n}) are kept and "
            "decided after the unlock, in the name of whoever unlocks.").format(n=self.flow.kept))

    # -- keys --------------------------------------------------------------------------------------

    def enter(self) -> None:
        self._act(self.flow.enter())

    def escape(self) -> None:
        self._act(self.flow.escape())
        self.panel.show_ready()

    def manual_entry(self) -> None:
        dialog = ManualEntryDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            ticket, document, reason = dialog.values()
            self._act(self.flow.manual(ticket, document, reason))

    def search(self) -> None:
        if self.setup is None:
            return
        setup = self.setup
        service = self._ports.service  # the search runs on a worker: it captures the service, not the widget
        dialog = SearchDialog(self._runner, lambda text: service.search(setup, text), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            ticket, reason = dialog.values()
            self._act(self.flow.manual(ticket, None, reason))

    # -- running decisions ----------------------------------------------------------------------

    def _act(self, action: Action) -> None:
        if self.setup is None or action is None:
            return
        setup, ports = self.setup, self._ports
        if isinstance(action, Request):
            self.panel.show_busy()
            self.submit(
                lambda: ports.service.present(ports.user, setup, ticket=action.ticket, document=action.document,
                                              final=action.final, manual_reason=action.manual_reason),
                self._decided, self._request_failed)
        elif isinstance(action, Dismiss):
            pending = action.pending
            self.submit(lambda: ports.service.dismiss(ports.user, setup, pending), lambda _r: self.refresh_counts(),
                                self._db_failed)
        elif isinstance(action, ConfirmCheck):
            self._confirm(action.checked)
        elif isinstance(action, Held):
            self._show_locked()
            self.cues.play("attention")

    def _confirm(self, checked: Outcome) -> None:
        if self.setup is None:
            return
        dialog = ConfirmCheckDialog(reasons_text(checked), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        reason, number, credential = dialog.values()
        setup, ports = self.setup, self._ports

        def run() -> Outcome:
            return ports.service.admit_after_check(ports.confirm(number, credential, checked), setup, checked, reason)

        self.submit(run, self._decided, self._confirm_failed)

    def _decided(self, outcome: Outcome) -> None:
        self.health.database(True)
        self._show(outcome)
        self._act(self.flow.finished(outcome))

    def _show(self, outcome: Outcome) -> None:
        photo = self._photos.get(outcome.document.number) if outcome.document is not None else None
        self.panel.show_outcome(outcome, photo)
        cue = CUE.get(outcome.verdict)
        if cue:
            self.cues.play(cue)
        self.refresh_counts()
        self.outcome_shown.emit(outcome)

    def _request_failed(self, exc: BaseException) -> None:
        if isinstance(exc, SessionEnded):  # deactivated or credential reset: lock, keep what was presented
            self._act(self.flow.session_refused())
            self.lock_requested.emit()
            return
        self.flow.failed()
        self._db_failed(exc)
        self.panel.show_problem(self.tr("Not recorded"), self.tr("{problem} What was presented is kept: press Enter to "
                                                                  "try again.").format(problem=describe(exc)))
        self.cues.play("attention")

    def _confirm_failed(self, exc: BaseException) -> None:
        # A wrong credential or the same person: the check stays on screen, Enter asks again.
        self.panel.reason.setText(describe(exc))
        self.cues.play("attention")

    def refresh(self) -> None:
        self.refresh_counts()

    def _db_failed(self, exc: BaseException) -> None:
        if database_unreachable(exc):
            self.health.database(False)

    # -- counters, recent scans, the entry cutoff -----------------------------------------------

    def refresh_counts(self) -> None:
        """At most one refresh runs at a time; asks made meanwhile are folded into one more."""
        if self.setup is None:
            return
        if self._refreshing:
            self._refresh_again = True
            return
        self._refreshing, self._refresh_again = True, False
        setup, service = self.setup, self._ports.service

        def failed(exc: BaseException) -> None:
            self._refreshing = False
            self._db_failed(exc)

        self.submit(lambda: (service.counters(setup), service.recent(setup)), self._show_counts, failed)

    def _show_counts(self, result: tuple[Counters, list[RecentScan]]) -> None:
        self._refreshing = False
        if self._refresh_again:
            self.refresh_counts()
        counters, recent = result
        self.side.show_counts(counters, recent)
        self.health.database(True)

    def _on_tick(self) -> None:
        info = self.info
        if info is None:
            return
        now = self._ports.clock()
        self.countdown.show_time(info.closes_at, now)
        if now < info.closes_at:
            self._entry_reopened()
        else:
            self._mark_absent()

    def _entry_reopened(self) -> None:
        """Entry is open (again, after the demo's "back to real time"): no closed banner."""
        if self.setup is not None and self.side.closed_banner.isVisible():
            self._closed_marked.discard((self.setup.sitting_id, self.setup.room_id))
            self.side.closed_banner.hide()

    def _mark_absent(self) -> None:
        """Art. 30(二): the engine marks absences when entry closes (for every room, with or without
        this window); the desk says so once and shows the counts it reads."""
        if self.setup is None:
            return
        key = (self.setup.sitting_id, self.setup.room_id)
        if key in self._closed_marked:
            return
        self._closed_marked.add(key)
        self.side.show_closed()
        self.refresh_counts()

    def show_attendance(self) -> None:
        if self.setup is None:
            return
        AttendanceDialog(self._runner, self._ports, self.setup, self).exec()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter()
        elif event.key() == Qt.Key.Key_Escape:
            self.escape()
        else:
            super().keyPressEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        app = QApplication.instance()
        if app is not None:
            self.wedge.install(app)
        super().showEvent(event)
        self.setFocus()

    def hideEvent(self, event: QHideEvent) -> None:
        app = QApplication.instance()
        if app is not None:
            self.wedge.uninstall(app)
        super().hideEvent(event)

    # -- language --------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.side.retranslate()
        self.keys.retranslate()
        self.choice.retranslate()
        self._show_headline()
        self.health.retranslate()
        self._on_tick()

    # -- for tests and the simulator -------------------------------------------------------------

    def present_ticket(self, number: str) -> None:
        self._act(self.flow.ticket_scanned(PresentedTicket(number)))

    def present_document(self, document: PresentedDocument, photo: bytes | None = None) -> None:
        self._photos[document.number] = photo
        self._act(self.flow.card_read(document))
