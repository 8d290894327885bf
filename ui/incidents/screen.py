"""Incident log (异常/违纪记录): every incident newest first; the selected one in full; the steps
from draft to confirmation by keyboard. Serious incidents not yet reported stay on a red banner
with the time since they happened (arts. 32, 46).

F1 new incident · F2 complete the draft · F3 candidate signed · F4 candidate refused (two witnesses) ·
F6 confirm (chief examiner) · F7 amend with a reason · F8 mark reported · F9 attach a file."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.changes import DataKind
from app.rules.timing import venue_time
from app.services.incident_log import IncidentLine
from ui.control.texts import elapsed
from ui.incidents.categories import category_label
from ui.incidents.dialogs import IncidentForm, ReportForm, WitnessForm
from ui.incidents.model import COL_CANDIDATES, COL_CATEGORY, FITTED, IncidentModel, IncidentRow
from ui.messages import describe
from ui.runner import OpRunner
from ui.screen import Screen
from ui.tables import TextList

DATA_KINDS = frozenset({DataKind.INCIDENTS})
RELOAD_MS = 10_000
NAMES_PX = 200


@dataclass(frozen=True)
class IncidentActions:
    complete: Callable[[uuid.UUID, str, str, str], object]  # id, category, facts, action
    signed: Callable[[uuid.UUID, uuid.UUID], object]  # id, candidate id
    refused: Callable[[uuid.UUID, uuid.UUID, str, str, str], object]  # id, candidate, witness no, credential, note
    confirm: Callable[[uuid.UUID], object]
    amend: Callable[[uuid.UUID, dict[str, Any], str], object]
    reported: Callable[[uuid.UUID, str, str], object]  # id, via, to
    add_file: Callable[[uuid.UUID, Path], object]
    new: Callable[[str, list[str], str, str, str], object] | None = None  # room, tickets, category, facts, action


def status_name(line: IncidentLine) -> str:
    from PySide6.QtCore import QCoreApplication

    if line.status == "confirmed":
        amended = QCoreApplication.translate("IncidentLog", " · amended") if line.amendments else ""
        return QCoreApplication.translate("IncidentLog", "Confirmed") + amended
    return QCoreApplication.translate("IncidentLog", "Draft")


class IncidentLogScreen(Screen):
    DATA_KINDS = DATA_KINDS
    # Drafts opened elsewhere (the desk's impersonation check, custody's discrepancy) and other
    # desks' incidents on a shared database appear within one reload.
    RELOAD_MS = RELOAD_MS

    def __init__(self, runner: OpRunner, load: Callable[[], list[IncidentLine]], clock: Callable[[], datetime],
                 actions: IncidentActions, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self._load, self._clock, self._actions = load, clock, actions
        self.title = QLabel(objectName="ScreenTitle")
        self.banner = QLabel(objectName="ReportNowBanner", wordWrap=True)
        self.banner.hide()
        self.model = IncidentModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The category's article text is long: it takes what is left and elides, as do the names of
        # many candidates past NAMES_PX (the detail pane beside shows both whole), so no column
        # leaves the screen at 1366 pixels.
        header.setSectionResizeMode(COL_CATEGORY, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._show_selected)
        self.detail = QTextBrowser(objectName="IncidentDetail")
        self.candidates = TextList(objectName="IncidentCandidates")
        self.candidates.setMaximumHeight(110)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.detail, 1)
        rl.addWidget(self.candidates)
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(right)
        split.setSizes([700, 600])
        self.status = QLabel(objectName="ControlStatus", wordWrap=True)
        self.buttons: dict[str, QPushButton] = {}
        bar = QGridLayout()  # two rows of four: fits a 1366-pixel screen in Chinese and English
        actions = (("F1", self.new), ("F2", self.complete), ("F3", self.signed), ("F4", self.refused),
                   ("F6", self.confirm), ("F7", self.amend), ("F8", self.reported), ("F9", self.add_file))
        for i, (key, handler) in enumerate(actions):
            button = QPushButton()
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(handler)
            self.buttons[key] = button
            bar.addWidget(button, i // 4, i % 4)
            QShortcut(QKeySequence(key), self, handler, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self.title)
        layout.addWidget(self.banner)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        layout.addLayout(bar)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._paint_banner)
        self._timer.start(1000)
        self.retranslate()
        self.refresh()

    def refresh(self) -> None:
        self.submit(self._load, self._show, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(describe(exc))

    def _show(self, lines: list[IncidentLine]) -> None:
        """The loaded lines become the model's rows (in words, in the current language); the lines
        themselves are not kept."""
        keep = self.selected()
        self.model.set_rows([self._row(line) for line in lines])
        for column in FITTED:  # a model's new rows do not resize the header by themselves
            self.table.resizeColumnToContents(column)
        if self.table.columnWidth(COL_CANDIDATES) > NAMES_PX:
            self.table.setColumnWidth(COL_CANDIDATES, NAMES_PX)
        if self.model.rowCount():
            row = self.model.row_of(keep.id) if keep is not None else -1
            if row < 0 or not self.table.selectionModel().isRowSelected(row):
                self.table.selectRow(max(row, 0))
        self._show_selected()
        self._paint_banner()

    def _row(self, line: IncidentLine) -> IncidentRow:
        waiting = line.serious and line.reported_at is None
        status = status_name(line)
        reported = self.tr("{at} by {via} to {to}").format(
            at=f"{venue_time(line.reported_at):%H:%M}", via=line.reported_via, to=line.reported_to) \
            if line.reported_at is not None else ""
        cells = (f"{venue_time(line.occurred_at):%m-%d %H:%M}", line.room_code, category_label(line.category), status,
                 self.tr("REPORT NOW") if waiting else "", "、".join(name for _t, name in line.candidates))
        return IncidentRow(line.id, cells, line.occurred_at, line.sitting_code, line.room_code, line.category, status,
                           line.serious, waiting, reported, line.facts, line.action_taken, line.recorded_by,
                           line.confirmed_by or "", line.candidates, line.candidate_ids, line.signatures,
                           line.evidence, line.amendments)

    def selected(self) -> IncidentRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= self.model.rowCount():
            return None
        return self.model.rows()[rows[0].row()]

    def _paint_banner(self) -> None:
        now = self._clock()
        texts = [self.tr("REPORT NOW · room {room} · {category} · {since} since it happened").format(
            room=row.room_code or "-", category=category_label(row.category),
            since=elapsed((now - row.occurred_at).total_seconds()))
            for row in self.model.rows() if row.waiting_report]
        self.banner.setVisible(bool(texts))
        self.banner.setText("\n".join(texts))

    def _show_selected(self, *_selection: object) -> None:
        line = self.selected()
        if line is None:
            self.candidates.show_rows([])
            none = self.tr("No incidents recorded.")
            self.detail.setHtml(f"<p>{escape(none)}</p>")
            return
        sigs = {ticket: (status, witnesses) for ticket, status, witnesses in line.signatures}
        rows = [
            (self.tr("Time"), f"{venue_time(line.occurred_at):%Y-%m-%d %H:%M:%S}"),
            (self.tr("Sitting / room"), f"{line.sitting_code} / {line.room_code}"),
            (self.tr("Category"), category_label(line.category)),
            (self.tr("Status"), line.status),
            (self.tr("Facts"), line.facts),
            (self.tr("Action taken"), line.action_taken),
            (self.tr("Recorded by"), line.recorded_by),
            (self.tr("Confirmed by"), line.confirmed_by),
        ]
        if line.serious:
            rows.append((self.tr("Reported"), line.reported or self.tr("not yet")))
        html = "<table cellpadding='4'>" + "".join(
            f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in rows) + "</table>"
        if line.evidence:
            heading = self.tr("Evidence")
            html += f"<p><b>{escape(heading)}</b></p><ul>" + "".join(
                f"<li>{escape(name)} · SHA-256 {sha[:16]}… · {size} B</li>" for name, sha, size in line.evidence) + "</ul>"
        if line.amendments:
            heading = self.tr("Amendments")
            html += f"<p><b>{escape(heading)}</b></p><ul>" + "".join(
                f"<li>{venue_time(at):%H:%M} {escape(by)}: {escape(reason)}</li>" for at, by, reason in line.amendments
            ) + "</ul>"
        self.detail.setHtml(html)
        texts = []
        for ticket, name in line.candidates:
            status, witnesses = sigs.get(ticket, ("", ()))
            if status == "signed":
                state = self.tr("signed")
            elif status == "refused":
                state = self.tr("refused to sign, witnessed by {names}").format(names="、".join(witnesses))
            else:
                state = self.tr("signature not recorded")
            texts.append((f"{ticket}  {name}  ·  {state}", None))
        self.candidates.show_rows(texts)
        if self.candidates.count():
            self.candidates.setCurrentRow(0)

    def _candidate(self, line: IncidentRow) -> uuid.UUID | None:
        row = self.candidates.currentRow()
        if row < 0 or row >= len(line.candidate_ids):
            return None
        return line.candidate_ids[row]

    def _act(self, fn: Callable[[], object], done: str) -> None:
        self.status.setText("")
        self.submit(fn, lambda _r: self.status.setText(done), self._failed)

    def new(self) -> None:
        new = self._actions.new
        if new is None:
            return
        form = IncidentForm("other", "", "", with_reason=False, new=True, parent=self)
        if form.exec():
            category, facts, action, _ = form.values()
            room, tickets = form.where()
            self._act(lambda: new(room, tickets, category, facts, action), self.tr("Incident recorded."))

    def complete(self) -> None:
        line = self.selected()
        if line is None:
            return
        form = IncidentForm(line.category, line.facts, line.action_taken, with_reason=False, parent=self)
        if form.exec():
            category, facts, action, _ = form.values()
            a = self._actions  # the job captures the actions, never the widget
            self._act(lambda: a.complete(line.id, category, facts, action), self.tr("Draft saved."))

    def signed(self) -> None:
        line = self.selected()
        cid = self._candidate(line) if line else None
        if line is not None and cid is not None:
            a = self._actions  # the job captures the actions, never the widget
            self._act(lambda: a.signed(line.id, cid), self.tr("Signature recorded."))

    def refused(self) -> None:
        line = self.selected()
        cid = self._candidate(line) if line else None
        if line is None or cid is None:
            return
        form = WitnessForm(self)
        if form.exec():
            number, credential, note = form.values()
            a = self._actions  # the job captures the actions, never the widget
            self._act(lambda: a.refused(line.id, cid, number, credential, note),
                      self.tr("Refusal to sign recorded with two witnesses."))

    def confirm(self) -> None:
        line = self.selected()
        if line is not None:
            a = self._actions  # the job captures the actions, never the widget
            self._act(lambda: a.confirm(line.id), self.tr("Incident confirmed."))

    def amend(self) -> None:
        line = self.selected()
        if line is None:
            return
        form = IncidentForm(line.category, line.facts, line.action_taken, with_reason=True, parent=self)
        if form.exec():
            category, facts, action, reason = form.values()
            changes: dict[str, Any] = {k: v for k, v, old in (("category", category, line.category),
                                                              ("facts", facts, line.facts),
                                                              ("action_taken", action, line.action_taken)) if v != old}
            a = self._actions  # the job captures the actions, never the widget
            self._act(lambda: a.amend(line.id, changes, reason), self.tr("Amendment recorded."))

    def reported(self) -> None:
        line = self.selected()
        if line is None:
            return
        form = ReportForm(self)
        if form.exec():
            via, to = form.values()
            a = self._actions  # the job captures the actions, never the widget
            self._act(lambda: a.reported(line.id, via, to), self.tr("Marked as reported."))

    def add_file(self) -> None:
        line = self.selected()
        if line is None:
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Attach evidence"))
        if path:
            a = self._actions  # the job captures the actions, never the widget
            self._act(lambda: a.add_file(line.id, Path(path)), self.tr("Evidence attached."))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Incidents"))
        self.model.set_headers([self.tr("Time"), self.tr("Room"), self.tr("Category"),
                                self.tr("Status"), self.tr("Report"), self.tr("Candidates")])
        labels = {"F1": self.tr("F1 New"), "F2": self.tr("F2 Complete draft"), "F3": self.tr("F3 Signed"), "F4": self.tr("F4 Refused to sign"),
                  "F6": self.tr("F6 Confirm"), "F7": self.tr("F7 Amend"), "F8": self.tr("F8 Reported"),
                  "F9": self.tr("F9 Attach file")}
        for key, button in self.buttons.items():
            button.setText(labels[key])
        if self.model.rowCount():
            self.refresh()  # the rows are in words: read them again in the new language
