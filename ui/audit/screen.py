"""Audit trail (审计日志, arts. 42, 43, 46): every event in order, narrowed by time, person, action
and entity; the chain verified in the background with its progress; a filtered range exported as
CSV or PDF for an appeal (the export is itself audited).

Enter applies the filter · Ctrl+End the newest event · F6 verify the chain · F7 export CSV ·
F8 export PDF."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from html import escape
from pathlib import Path

from PySide6.QtCore import QDateTime, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.changes import DataKind
from app.rules.timing import VENUE_TZ, venue_time
from app.security.permissions import Permission
from app.services.audit_trail import AuditLine, AuditQuery, TrailSize
from app.services.audit_verify import ChainReport
from ui.audit.actions import FAMILIES, family_label
from ui.audit.model import BLOCK, COL_DETAIL, COLUMNS, AuditModel, cells
from ui.messages import describe
from ui.reports.pdf import table, write_pdf
from ui.restyle import restyle
from ui.runner import OpRunner
from ui.screen import Screen


@dataclass(frozen=True)
class AuditActions:
    size: Callable[[AuditQuery], TrailSize]
    block: Callable[[AuditQuery, int, int, int], list[AuditLine]]  # query, offset, limit, first_seq
    verify: Callable[[Callable[[int], None]], ChainReport]  # progress(events so far)
    export_csv: Callable[[AuditQuery, Path], int]
    export_lines: Callable[[AuditQuery, Path], list[AuditLine]]


class AuditTrailScreen(Screen):
    DATA_KINDS = frozenset({DataKind.AUDIT})  # every write here is audited: new events to count
    RELOAD_MS = 10_000  # other desks' events on a shared database

    def __init__(self, runner: OpRunner, actions: AuditActions, allowed: frozenset[Permission],
                 clock: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self._actions, self._allowed = actions, allowed
        self._query = AuditQuery()
        self._shown: AuditQuery | None = None  # the filter the model's rows answer
        self._verified = -1  # events checked so far by a running verification, -1: none running
        self._total = 0
        self.model = AuditModel(self._fetch, self)
        self.title = QLabel(objectName="ScreenTitle")
        self.chain = QLabel(objectName="ChainState", wordWrap=True)
        self.summary = QLabel(objectName="AuditSummary")  # how many rows: apart from `status`, which a reload never overwrites
        self.since_on, self.until_on = QCheckBox(), QCheckBox()
        self.since, self.until = QDateTimeEdit(), QDateTimeEdit()
        now = venue_time(clock()).replace(tzinfo=None, second=0, microsecond=0)  # as the venue's clocks show it
        for edit, moment in ((self.since, now.replace(hour=0, minute=0)), (self.until, now + timedelta(hours=1))):
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
            edit.setDateTime(QDateTime(moment))
        self.person, self.entity = QLineEdit(), QLineEdit()
        for field in (self.person, self.entity):
            field.returnPressed.connect(self.apply)
        self.action = QComboBox()  # the action's family: what it is about, in words
        self.action.activated.connect(lambda _i: self.apply())
        self.filter_labels = [QLabel() for _ in range(3)]
        filters = QGridLayout()
        filters.addWidget(self.since_on, 0, 0)
        filters.addWidget(self.since, 0, 1)
        filters.addWidget(self.until_on, 0, 2)
        filters.addWidget(self.until, 0, 3)
        for i, (label, field) in enumerate(zip(self.filter_labels, (self.person, self.action, self.entity),
                                               strict=True)):
            filters.addWidget(label, 1, 2 * i)
            filters.addWidget(field, 1, 2 * i + 1)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_DETAIL, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((90, 170, 160, 170, 230)):
            self.table.setColumnWidth(column, width)
        self.status = QLabel(objectName="ControlStatus", wordWrap=True)
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        actions = (("Return", self.apply, None), ("Ctrl+End", self.newest, None), ("F6", self.verify, None),
                   ("F7", self.export_csv, Permission.EXPORT), ("F8", self.export_pdf, Permission.EXPORT))
        for key, handler, permission in actions:
            if permission is not None and permission not in allowed:
                continue
            button = QPushButton()
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(handler)
            self.buttons[key] = button
            bar.addWidget(button)
            if key != "Return":  # Enter belongs to the filter fields (returnPressed)
                QShortcut(QKeySequence(key), self, handler, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self.title)
        layout.addLayout(filters)
        state = QHBoxLayout()
        state.addWidget(self.chain, 1)
        state.addWidget(self.summary)
        layout.addLayout(state)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(bar)
        self._progress = QTimer(self, interval=250)
        self._progress.timeout.connect(self._paint_progress)
        self.retranslate()
        self.refresh()

    # --- reading ------------------------------------------------------------------------------------

    def query(self) -> AuditQuery:
        def moment(on: QCheckBox, edit: QDateTimeEdit) -> datetime | None:
            if not on.isChecked():
                return None
            local = edit.dateTime().toPython().replace(tzinfo=VENUE_TZ)  # the venue's time, as shown
            return local.astimezone(UTC)

        family = self.action.currentData()
        return AuditQuery(moment(self.since_on, self.since), moment(self.until_on, self.until),
                          self.person.text().strip(), f"{family}." if family else "", self.entity.text().strip())

    def apply(self) -> None:
        self._query = self.query()
        self.refresh()

    def refresh(self) -> None:
        query, size = self._query, self._actions.size
        self.submit(lambda: size(query), lambda n: self._sized(query, n), self._failed)

    def _sized(self, query: AuditQuery, size: TrailSize) -> None:
        if query != self._query:
            return
        self._total = size.rows
        if self._shown == query and size.first_seq == self.model.first_seq and size.rows >= self.model.rowCount():
            selected = self.table.selectionModel().selectedRows()
            following = bool(selected) and selected[0].row() == self.model.rowCount() - 1
            self.model.grow(size.rows)  # new events at the end; the place in the list is kept
            if following:
                self.newest()  # on the newest event: it follows the trail as it grows
        else:
            first = self._shown is None
            self._shown = query
            self.model.reset(size)
            if first:
                self.newest()  # the screen opens on the latest events
        if not query.empty():
            self.summary.setText(self.tr("{n} events match.").format(n=size.rows))
        elif size.rows:
            self.summary.setText(self.tr("Events {first} to {last} of the trail.").format(
                first=size.first_seq, last=size.first_seq + size.rows - 1))
        else:
            self.summary.setText(self.tr("The audit trail is empty."))

    def _fetch(self, generation: int, block: int) -> None:
        query, load, first = self._query, self._actions.block, self.model.first_seq
        self.submit(lambda: load(query, block * BLOCK, BLOCK, first),
                    lambda lines: self.model.set_block(generation, block, lines), self._failed)

    def newest(self) -> None:
        rows = self.model.rowCount()
        if rows:
            self.table.scrollToBottom()
            self.table.selectRow(rows - 1)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(describe(exc))

    # --- the chain ----------------------------------------------------------------------------------

    def verify(self) -> None:
        if self._verified >= 0:
            return  # one verification at a time
        self._verified = 0
        self._progress.start()
        self._paint_progress()

        def progress(events: int) -> None:  # on the worker: a plain int, painted by the timer
            self._verified = events

        verify = self._actions.verify
        self.submit(lambda: verify(progress), self._verified_report, self._verify_failed)

    def _paint_progress(self) -> None:
        if self._verified < 0:
            return
        share = f" {min(99, self._verified * 100 // self._total)} %" if self._total else ""
        self.chain.setText(self.tr("Verifying the chain…{share} ({n} events checked)").format(
            share=share, n=self._verified))
        self.chain.setProperty("bad", False)
        restyle(self.chain)

    def _verified_report(self, report: ChainReport) -> None:
        self._verified = -1
        self._progress.stop()
        if report.intact:
            text = self.tr("The chain holds: {n} events, {k} signed checkpoints, up to event {last}.").format(
                n=report.events, k=report.checkpoints, last=report.last_checkpoint_seq)
        else:
            text = self.tr("THE CHAIN IS BROKEN: {problem}").format(
                problem=describe(report.error) if report.error else report.problem)
        self.chain.setText(text)
        self.chain.setProperty("bad", not report.intact)
        restyle(self.chain)

    def _verify_failed(self, exc: BaseException) -> None:
        self._verified = -1
        self._progress.stop()
        self.chain.setText(describe(exc))

    # --- exports ------------------------------------------------------------------------------------

    def export_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the audit trail"), "audit-trail.csv", "CSV (*.csv)")
        if path:
            self.write_csv(Path(path))

    def write_csv(self, path: Path) -> None:
        query, export = self._query, self._actions.export_csv
        self.submit(lambda: export(query, path),
                    lambda n: self.status.setText(self.tr("{n} events exported to {path}.").format(n=n, path=str(path))),
                    self._failed)

    def export_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the audit trail"), "audit-trail.pdf", "PDF (*.pdf)")
        if path:
            self.write_pdf(Path(path))

    def write_pdf(self, path: Path) -> None:
        query, export = self._query, self._actions.export_lines

        def written(lines: list[AuditLine]) -> None:
            title = self.tr("Audit trail")
            headers = [self.model.headerData(c, Qt.Orientation.Horizontal) for c in range(COLUMNS)]
            what = ", ".join(f"{k}: {v}" for k, v in query.as_dict().items()) or self.tr("the whole trail")
            summary = self.tr("Filter: {what} · {n} events").format(what=what, n=len(lines))
            body = (f"<h1>{escape(title)}</h1><p>{escape(summary)}</p>"
                    + table(headers, [list(cells(line)) for line in lines], widths=[7, 14, 14, 15, 20, 30]))
            try:
                write_pdf(body, path, title=title)
            except OSError as exc:
                self.status.setText(describe(exc))
                return
            self.status.setText(self.tr("{n} events exported to {path}.").format(n=len(lines), path=str(path)))

        self.submit(lambda: export(query, path), written, self._failed)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Audit trail"))
        self.since_on.setText(self.tr("From"))
        self.until_on.setText(self.tr("Until"))
        for label, text in zip(self.filter_labels, (self.tr("Person"), self.tr("Action"), self.tr("Entity")),
                               strict=True):
            label.setText(text)
        self.person.setPlaceholderText(self.tr("name of who acted or confirmed"))
        current = self.action.currentData()
        self.action.clear()
        self.action.addItem(self.tr("All actions"), "")
        for family in FAMILIES:
            if family != "engine":  # the clock's events are under "clock" too
                self.action.addItem(family_label(family), family)
        self.action.setCurrentIndex(max(0, self.action.findData(current or "")))
        self.entity.setPlaceholderText(self.tr("type or id"))
        self.model.set_headers([self.tr("No."), self.tr("Time"), self.tr("By"), self.tr("Action"), self.tr("Entity"),
                                self.tr("Details")])
        labels = {"Return": self.tr("Enter Apply filter"), "Ctrl+End": self.tr("Ctrl+End Newest"),
                  "F6": self.tr("F6 Verify the chain"), "F7": self.tr("F7 Export CSV"), "F8": self.tr("F8 Export PDF")}
        for key, button in self.buttons.items():
            button.setText(labels[key])
        if self._verified < 0 and not self.chain.text():
            self.chain.setText(self.tr("The chain has not been verified on this screen yet (F6)."))
