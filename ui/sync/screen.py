"""Provincial sync (省级同步): what waits to be sent, per kind; sending with progress and cancel;
last success, the server's clock skew, the audit-trail verdict, and errors in plain words.
All network and database work runs on the runner's worker threads."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from app.rules.timing import venue_time
from app.security.permissions import Permission
from sync.service import PackageFetch, SyncStatus
from sync.upload import Progress, UploadReport
from ui.messages import describe
from ui.restyle import restyle
from ui.runner import OpRunner
from ui.screen import Screen
from ui.tables import fill_table

SKEW_WARN_SECONDS = 60.0


class SyncActions(Protocol):
    def status(self) -> SyncStatus: ...
    def upload(self, progress: Any = None, cancel: threading.Event | None = None) -> UploadReport: ...
    def export(self, out: Path) -> tuple[int, int]: ...
    def fetch_package(self, cancel: threading.Event | None = None) -> PackageFetch: ...


def kind_name(kind: str) -> str:
    names = {
        "admission": QCoreApplication.translate("SyncKinds", "Admissions"),
        "refusal": QCoreApplication.translate("SyncKinds", "Refused entries"),
        "absence": QCoreApplication.translate("SyncKinds", "Absences"),
        "info_change": QCoreApplication.translate("SyncKinds", "Information changes"),
        "incident": QCoreApplication.translate("SyncKinds", "Incidents"),
        "evidence_file": QCoreApplication.translate("SyncKinds", "Evidence files"),
        "room_record": QCoreApplication.translate("SyncKinds", "Room records"),
        "custody_handover": QCoreApplication.translate("SyncKinds", "Custody handovers"),
        "custody_discrepancy": QCoreApplication.translate("SyncKinds", "Custody discrepancies"),
        "duty_gap": QCoreApplication.translate("SyncKinds", "Duty-log gaps"),
        "paper_room_evidence": QCoreApplication.translate("SyncKinds", "Paper-room evidence"),
        "assignment": QCoreApplication.translate("SyncKinds", "Staff assignments"),
        "audit_event": QCoreApplication.translate("SyncKinds", "Audit-trail events"),
    }
    return names.get(kind, kind)


def megabytes(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


class _ProgressRelay(QObject):
    """Carries progress from the worker thread onto the GUI thread (queued signal)."""

    progressed = Signal(object)


class SyncScreen(Screen):
    def __init__(self, runner: OpRunner, service: SyncActions, parent: QWidget | None = None, *,
                 allowed: frozenset[Permission] | None = None) -> None:
        super().__init__(runner, parent)
        self._service = service
        # What the signed-in role may do here (the permission table); the service checks again.
        self._allowed = frozenset(Permission) if allowed is None else allowed
        self._status: SyncStatus | None = None
        self._cancel: threading.Event | None = None
        self._generation = 0
        self._relay = _ProgressRelay(self)
        self._relay.progressed.connect(self._show_progress)

        self.title = QLabel(objectName="ScreenTitle")
        self.server = QLabel(objectName="SyncServer", wordWrap=True)
        self.summary = QLabel(objectName="SyncSummary", wordWrap=True)
        self.table = QTableWidget(0, 2, objectName="SyncPending")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.facts = QGridLayout()
        self.fact_names = [QLabel(objectName="SyncFactName") for _ in range(3)]
        self.last_success = QLabel(objectName="SyncFact")
        self.skew = QLabel(objectName="SyncFact")
        self.audit = QLabel(objectName="SyncFact")
        for row, (name, value) in enumerate(zip(self.fact_names, (self.last_success, self.skew, self.audit),
                                                strict=True)):
            self.facts.addWidget(name, row, 0)
            self.facts.addWidget(value, row, 1)
        self.records_bar = QProgressBar(objectName="SyncProgress")
        self.bytes_bar = QProgressBar(objectName="SyncProgress")
        self.progress_text = QLabel(objectName="SyncProgressText")
        self.message = QLabel(objectName="SyncMessage", wordWrap=True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.send = QPushButton(objectName="SyncPrimary")
        self.cancel = QPushButton(objectName="SyncButton")
        self.export_button = QPushButton(objectName="SyncButton")
        self.fetch = QPushButton(objectName="SyncButton")
        self.send.clicked.connect(self.start_upload)
        self.cancel.clicked.connect(self.cancel_work)
        self.export_button.clicked.connect(self.choose_export)
        self.fetch.clicked.connect(self.fetch_package)
        for key, slot in ((Qt.Key.Key_F5, self.start_upload), (Qt.Key.Key_Escape, self.cancel_work),
                          (Qt.Key.Key_F6, self.choose_export), (Qt.Key.Key_F7, self.fetch_package)):
            QShortcut(QKeySequence(key), self, slot)
        for button, permission in ((self.send, Permission.SYNC_UPLOAD), (self.export_button, Permission.EXPORT),
                                   (self.fetch, Permission.IMPORT_PACKAGE)):
            button.setVisible(permission in self._allowed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.server)
        layout.addWidget(self.summary)
        middle = QHBoxLayout()
        middle.addWidget(self.table, 3)
        side = QVBoxLayout()
        side.addLayout(self.facts)
        side.addStretch()
        middle.addLayout(side, 2)
        layout.addLayout(middle, 1)
        layout.addWidget(self.records_bar)
        layout.addWidget(self.bytes_bar)
        layout.addWidget(self.progress_text)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        for button in (self.send, self.cancel, self.export_button, self.fetch):
            buttons.addWidget(button)
        buttons.addStretch()
        layout.addLayout(buttons)
        self._busy(False)
        self.retranslate()
        self.refresh()

    # -- data ------------------------------------------------------------------------------------

    def refresh(self) -> None:
        # Reads run on parallel workers: only the newest one's answer is shown.
        self._generation += 1
        generation = self._generation

        def show(status: SyncStatus) -> None:
            if generation == self._generation:
                self._show_status(status)

        self.submit(self._service.status, show, self._show_error)

    def start_upload(self) -> None:
        if self._cancel is not None or Permission.SYNC_UPLOAD not in self._allowed:
            return
        self._cancel = threading.Event()
        cancel = self._cancel
        self._busy(True)
        self.message.setProperty("bad", False)
        self.message.setText(self.tr("Sending to the provincial server…"))
        # The job captures the service and the (parented) relay's emit, never this widget.
        service, emit = self._service, self._relay.progressed.emit
        self.submit(lambda: service.upload(emit, cancel), self._uploaded, self._failed)

    def cancel_work(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
            self.message.setText(self.tr("Stopping after the current step…"))

    def choose_export(self) -> None:
        if self._cancel is not None or Permission.EXPORT not in self._allowed:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export results for USB"), "venue-results.vor",
                                              self.tr("Venue results (*.vor)"))
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        self._cancel = threading.Event()
        self._busy(True)
        self.message.setText(self.tr("Writing the encrypted results file…"))
        service = self._service
        self.submit(lambda: service.export(Path(path)), lambda done: self._exported(path, done),
                    self._failed)

    def fetch_package(self) -> None:
        if self._cancel is not None or Permission.IMPORT_PACKAGE not in self._allowed:
            return
        self._cancel = threading.Event()
        cancel = self._cancel
        self._busy(True)
        self.message.setText(self.tr("Downloading the exam package…"))
        service = self._service
        self.submit(lambda: service.fetch_package(cancel), self._fetched, self._failed)

    # -- results ---------------------------------------------------------------------------------

    def _done(self) -> None:
        self._cancel = None
        self._busy(False)
        self.refresh()

    def _uploaded(self, report: UploadReport) -> None:
        verified = report.audit is not None and report.audit.verified
        text = self.tr("Sent {records} records and {files} files.").format(
            records=report.records_sent, files=report.files_sent)
        if not verified:
            text += " " + self.tr("The province could NOT verify the audit trail: {problem}").format(
                problem=report.audit.problem if report.audit else "")
        if report.not_accepted:
            text += " " + self.tr("{n} records were not accepted and stay queued.").format(n=len(report.not_accepted))
        self.message.setProperty("bad", not verified or bool(report.not_accepted))
        self.message.setText(text)
        restyle(self.message)
        self._done()

    def _exported(self, path: str, done: tuple[int, int]) -> None:
        self.message.setProperty("bad", False)
        self.message.setText(self.tr("Results written to {path}: {records} records, {files} files (encrypted).")
                             .format(path=path, records=done[0], files=done[1]))
        restyle(self.message)
        self._done()

    def _fetched(self, fetched: PackageFetch) -> None:
        self.message.setProperty("bad", False)
        if fetched.result.unchanged:
            text = self.tr("Exam package revision {rev} is already imported; nothing changed.")
        else:
            text = self.tr("Exam package revision {rev} downloaded and imported.")
        self.message.setText(text.format(rev=fetched.revision))
        restyle(self.message)
        self._done()

    def _failed(self, exc: BaseException) -> None:
        self._show_error(exc)
        self._done()

    def _show_error(self, exc: BaseException) -> None:
        self.message.setProperty("bad", True)
        self.message.setText(describe(exc))
        restyle(self.message)

    def _show_progress(self, p: Progress) -> None:
        self.records_bar.setMaximum(max(1, p.records_total))
        self.records_bar.setValue(min(p.records_done, p.records_total))
        self.bytes_bar.setMaximum(max(1, p.bytes_total // 1024))
        self.bytes_bar.setValue(min(p.bytes_done, p.bytes_total) // 1024)
        self.progress_text.setText(self.tr("{done} of {total} records · {mb_done} of {mb_total}").format(
            done=p.records_done, total=p.records_total, mb_done=megabytes(p.bytes_done),
            mb_total=megabytes(p.bytes_total)))

    def _show_status(self, status: SyncStatus) -> None:
        self._status = status
        if status.configured:
            self.server.setText(self.tr("Server: {url} · venue {venue}").format(url=status.server_url,
                                                                                  venue=status.venue_code))
        else:
            self.server.setText(self.tr("Sync is not set up yet (venue-ops sync configure)."))
        if status.pending_total and not status.pending_bytes:
            self.summary.setText(self.tr("Waiting to be sent: {n} records.").format(n=status.pending_total))
        elif status.pending_total:
            self.summary.setText(self.tr("Waiting to be sent: {n} records, {mb} of evidence files.").format(
                n=status.pending_total, mb=megabytes(status.pending_bytes)))
        else:
            self.summary.setText(self.tr("Everything recorded so far has been sent."))
        rows = sorted(status.pending.items(), key=lambda kv: kind_name(kv[0]))
        fill_table(self.table, [[kind_name(kind), str(n)] for kind, n in rows],
                   {1: Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter})
        last = status.last
        self.last_success.setText(f"{venue_time(last.success_at):%Y-%m-%d %H:%M:%S}" if last.success_at
                                  else self.tr("never"))
        skew = last.clock_skew_seconds
        if skew is None:
            self.skew.setText(self.tr("not known yet"))
        elif skew > 0:
            self.skew.setText(self.tr("this PC is {s:.1f} s ahead of the server").format(s=skew))
        else:
            self.skew.setText(self.tr("this PC is {s:.1f} s behind the server").format(s=-skew))
        self.skew.setProperty("bad", skew is not None and abs(skew) > SKEW_WARN_SECONDS)
        self.skew.setProperty("unknown", skew is None)
        restyle(self.skew)
        self.audit.setText({None: self.tr("not checked yet"), True: self.tr("verified by the province"),
                            False: self.tr("NOT verified by the province")}[last.audit_verified])
        self.audit.setProperty("bad", last.audit_verified is False)
        self.audit.setProperty("unknown", last.audit_verified is None)
        self.last_success.setProperty("unknown", last.success_at is None)
        restyle(self.last_success)
        restyle(self.audit)
        if last.error and not self.message.text():
            self.message.setProperty("bad", True)
            self.message.setText(self.tr("The last attempt failed: {why}. The results stay queued.")
                                 .format(why=self._why(last.error)))
            restyle(self.message)

    def _why(self, code: str) -> str:
        return {
            "sync.unreachable": self.tr("the server could not be reached"),
            "sync.server_error": self.tr("the server kept failing"),
            "sync.credential_refused": self.tr("the server refused this venue's credential"),
            "sync.certificate": self.tr("the server's certificate is not trusted"),
            "sync.cancelled": self.tr("it was cancelled"),
            "sync.no_credential": self.tr("this computer holds no sync credential"),
            "sync.evidence_missing": self.tr("an evidence file is missing on this computer"),
        }.get(code, code)

    # -- look ------------------------------------------------------------------------------------

    def _busy(self, busy: bool) -> None:
        for button in (self.send, self.export_button, self.fetch):
            button.setEnabled(not busy)
        self.cancel.setEnabled(busy)
        self.records_bar.setVisible(busy or self.records_bar.value() > 0)
        self.bytes_bar.setVisible(busy or self.bytes_bar.value() > 0)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Provincial sync"))
        self.table.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Waiting")])
        self.records_bar.setFormat(self.tr("Records %p%"))
        self.bytes_bar.setFormat(self.tr("Evidence files %p%"))
        for label, text in zip(self.fact_names, (self.tr("Last success"), self.tr("Clock skew"),
                                                 self.tr("Audit trail")), strict=True):
            label.setText(text)
        self.send.setText(self.tr("F5  Send now"))
        self.cancel.setText(self.tr("Esc  Cancel"))
        self.export_button.setText(self.tr("F6  Export for USB…"))
        self.fetch.setText(self.tr("F7  Fetch exam package"))
        if self._status is not None:
            self._show_status(self._status)
