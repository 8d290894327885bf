"""What a signed-in staff member works in: a header, navigation by role, one screen at a time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Protocol

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain import Role
from app.rules.timing import venue_time
from ui.names import role_name
from ui.shell.screens import NotYetAvailable, ScreenSpec, screens_for


class SignedIn(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def role(self) -> Role: ...


def _wall_clock() -> datetime:
    return datetime.now(UTC)


class Workspace(QWidget):
    sign_out_requested = Signal()
    lock_requested = Signal()
    change_credential_requested = Signal()

    CHANGE_CREDENTIAL_KEY = "Ctrl+Shift+P"

    def __init__(
        self,
        user: SignedIn,
        factories: dict[str, Callable[[], QWidget]],
        title: str = "",
        parent: QWidget | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self.user = user
        self._clock = clock or _wall_clock
        self._title = title
        self.specs: list[ScreenSpec] = screens_for(user.role, factories)

        header = QFrame(objectName="Header")
        self.heading = QLabel(title)
        self.who = QLabel()
        self.clock = QLabel(alignment=Qt.AlignmentFlag.AlignRight)
        self.credential_button = QPushButton(objectName="CredentialButton")
        self.lock_button = QPushButton()
        self.sign_out_button = QPushButton()
        row = QHBoxLayout(header)
        row.setContentsMargins(16, 8, 16, 8)
        row.addWidget(self.heading, 1)
        row.addWidget(self.who)
        row.addSpacing(16)
        row.addWidget(self.clock)
        row.addSpacing(16)
        row.addWidget(self.credential_button)
        row.addWidget(self.lock_button)
        row.addWidget(self.sign_out_button)

        self.nav = QListWidget(objectName="Nav")
        self.stack = QStackedWidget()
        for spec in self.specs:
            self.nav.addItem(QListWidgetItem(spec.title()))
            self.stack.addWidget(spec.factory() if spec.factory else NotYetAvailable(spec.key))
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.setCurrentRow(0)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addLayout(body, 1)

        self.credential_button.clicked.connect(self.change_credential_requested)
        QShortcut(QKeySequence(self.CHANGE_CREDENTIAL_KEY), self, self.change_credential_requested.emit,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.lock_button.clicked.connect(self.lock_requested)
        self.sign_out_button.clicked.connect(self.sign_out_requested)
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._update_clock)
        self._tick.start()
        self._update_clock()
        self.retranslate()

    def show_screen(self, key: str) -> bool:
        for row, spec in enumerate(self.specs):
            if spec.key == key:
                self.nav.setCurrentRow(row)
                return True
        return False

    def retranslate(self) -> None:
        self.who.setText(f"{self.user.name} · {role_name(self.user.role)}")
        self.credential_button.setText(self.tr("My credential"))
        self.credential_button.setToolTip(self.tr("Change my credential ({key})").format(
            key=QKeySequence(self.CHANGE_CREDENTIAL_KEY).toString(QKeySequence.SequenceFormat.NativeText)))
        self.lock_button.setText(self.tr("Lock"))
        self.sign_out_button.setText(self.tr("Sign out"))
        for row, spec in enumerate(self.specs):
            item = self.nav.item(row)
            if item is not None:
                item.setText(spec.title())
            page = self.stack.widget(row)
            if isinstance(page, NotYetAvailable):
                page.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_clock(self) -> None:
        self.clock.setText(f"{venue_time(self._clock()):%H:%M:%S}")
