"""Exam overview: the package this venue holds and, per sitting, the art. 30 limits."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.changes import DataKind
from app.domain import SittingMode
from app.rules.timing import venue_time
from app.services.overview import Overview
from ui.messages import describe
from ui.runner import OpRunner
from ui.screen import Screen
from ui.tables import TextTable

DATA_KINDS = frozenset({DataKind.PACKAGE, DataKind.SITTINGS})


def mode_name(mode: SittingMode) -> str:
    return {
        SittingMode.PAPER: QCoreApplication.translate("Modes", "Paper"),
        SittingMode.COMPUTER: QCoreApplication.translate("Modes", "Computer-based"),
        SittingMode.AUDIO_VIDEO: QCoreApplication.translate("Modes", "Audio/video"),
    }[mode]


class OverviewScreen(Screen):
    DATA_KINDS = DATA_KINDS

    def __init__(self, runner: OpRunner, load: Callable[[], Overview], parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self._load = load
        self._data: Overview | None = None
        self.title = QLabel(objectName="ScreenTitle")
        self.summary = QLabel(wordWrap=True)
        self.table = TextTable(7)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.retranslate()
        self.refresh()

    def refresh(self) -> None:
        self.submit(self._load, self._show, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText(describe(exc))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Exam overview"))
        self.table.rows.set_headers(
            [self.tr("Sitting"), self.tr("Subject"), self.tr("Mode"), self.tr("Time"),
             self.tr("Entry closes"), self.tr("Sealed until"), self.tr("Candidates")]
        )
        if self._data is not None:
            self._show(self._data)

    def _show(self, data: Overview) -> None:
        self._data = data
        if not data.has_package:
            self.summary.setText(self.tr("No exam package has been imported yet."))
        else:
            self.summary.setText(
                self.tr("{exam} · {venue} · package revision {rev} · {rooms} rooms · {candidates} candidates · {staff} staff")
                .format(exam=data.exam_name, venue=data.venue_name, rev=data.package_revision,
                        rooms=data.rooms, candidates=data.candidates, staff=data.staff)
            )
        self.table.show_rows([
            [s.code, s.subject, mode_name(s.mode),
             f"{venue_time(s.starts_at):%Y-%m-%d %H:%M}–{venue_time(s.ends_at):%H:%M}",
             f"{venue_time(s.entry_closes_at):%H:%M}", f"{venue_time(s.sealing_ends_at):%H:%M}", str(s.candidates)]
            for s in data.sittings])
