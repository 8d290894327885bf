"""The technician's log (运行日志, issue 15 item 5): its newest lines at the chosen level, a
traceback shown in full under its line, and a copy for support with no personal data in it.

F5 read again · the level list chooses what is shown · F7 export for support."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.services.support_logs import LogEntry
from ui.messages import describe
from ui.runner import OpRunner
from ui.screen import Screen
from ui.tables import TextTable

RELOAD_MS = 15_000


@dataclass(frozen=True)
class LogActions:
    entries: Callable[[str], list[LogEntry]]  # the lowest level shown
    export: Callable[[Path], int]


class LogScreen(Screen):
    RELOAD_MS = RELOAD_MS  # the log grows on its own: every thread of the program writes it

    def __init__(self, runner: OpRunner, actions: LogActions, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self._actions = actions
        self._entries: list[LogEntry] = []
        self.title = QLabel(objectName="ScreenTitle")
        self.level_label = QLabel()
        self.level = QComboBox()
        self.level.activated.connect(lambda _i: self.refresh())
        self.table = TextTable(4)
        self.table.selectionModel().selectionChanged.connect(self._show_selected)
        self.detail = QPlainTextEdit(objectName="LogDetail", readOnly=True)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setSizes([480, 160])
        self.status = QLabel(objectName="ControlStatus", wordWrap=True)
        top = QHBoxLayout()
        top.addWidget(self.level_label)
        top.addWidget(self.level)
        top.addStretch(1)
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for key, handler in (("F5", self.refresh), ("F7", self.export)):
            button = QPushButton()
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(handler)
            self.buttons[key] = button
            bar.addWidget(button)
            QShortcut(QKeySequence(key), self, handler, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self.title)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        layout.addLayout(bar)
        self.retranslate()
        self.refresh()

    def refresh(self) -> None:
        level, entries = self.level.currentData() or "INFO", self._actions.entries
        self.submit(lambda: entries(level), self._show, lambda exc: self.status.setText(describe(exc)))

    def _show(self, entries: list[LogEntry]) -> None:
        at_end = not self._entries or self._selected_row() in (-1, len(self._entries) - 1)
        self._entries = entries
        self.table.show_rows([(e.at[:23].replace("T", " "), self._level_name(e.level), e.source, e.message)
                              for e in entries])
        if entries and at_end:  # the newest line, as a log is read
            self.table.selectRow(len(entries) - 1)
            self.table.scrollToBottom()
        self._show_selected()
        self.status.setText("" if entries else self.tr("Nothing in the log at this level."))

    def _selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _show_selected(self, *_args: object) -> None:
        row = self._selected_row()
        if 0 <= row < len(self._entries):
            e = self._entries[row]
            self.detail.setPlainText(f"{e.at}  {e.level}  [{e.thread}]  {e.source}\n{e.message}"
                                     + (f"\n{e.detail}" if e.detail else ""))
        else:
            self.detail.setPlainText("")

    def export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the log for support"), "venue-ops-log.zip",
                                              "ZIP (*.zip)")
        if path:
            self.write_export(Path(path))

    def write_export(self, path: Path) -> None:
        export = self._actions.export
        self.submit(lambda: export(path),
                    lambda n: self.status.setText(self.tr(
                        "{n} log lines saved to {path}, with names, ID, phone and ticket numbers masked.").format(
                        n=n, path=str(path))),
                    lambda exc: self.status.setText(describe(exc)))

    def _level_name(self, level: str) -> str:
        return {"DEBUG": self.tr("Debug"), "INFO": self.tr("Information"), "WARNING": self.tr("Warning"),
                "ERROR": self.tr("Error"), "CRITICAL": self.tr("Critical")}.get(level, level)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Program log"))
        self.level_label.setText(self.tr("Show from"))
        current = self.level.currentData() or "INFO"
        self.level.clear()
        for level in ("DEBUG", "INFO", "WARNING", "ERROR"):
            self.level.addItem(self._level_name(level), level)
        self.level.setCurrentIndex(max(0, self.level.findData(current)))
        self.table.rows.set_headers([self.tr("Time"), self.tr("Level"), self.tr("Source"), self.tr("Message")])
        self.buttons["F5"].setText(self.tr("F5 Read again"))
        self.buttons["F7"].setText(self.tr("F7 Export for support"))
        if self._entries:
            self._show(self._entries)
