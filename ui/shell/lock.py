"""The idle lock: after a quiet spell the screen covers itself until the same person's credential
is given again (or someone signs out). What decides "idle" is a plain policy from the core."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui.messages import describe
from ui.runner import OpRunner

INPUT_EVENTS = frozenset(
    {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
     QEvent.Type.TouchBegin}
)


class ActivityWatcher(QObject):
    """Application-wide event filter: reports each user input so idleness can be measured."""

    def __init__(self, on_activity: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_activity = on_activity

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self._on_activity()
        return False


class LockOverlay(QFrame):
    """Covers its parent; asks for the signed-in person's credential."""

    unlocked = Signal()
    sign_out_requested = Signal()

    def __init__(self, runner: OpRunner, unlock: Callable[[str], object], who: str, parent: QWidget) -> None:
        super().__init__(parent, objectName="LockOverlay")
        self._runner = runner
        self._unlock = unlock
        self.message = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.who = QLabel(who, alignment=Qt.AlignmentFlag.AlignCenter)
        self.credential = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.credential.setFixedWidth(360)
        self.error = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.sign_out = QPushButton()
        layout = QVBoxLayout(self)
        layout.addStretch()
        for w in (self.message, self.who, self.credential, self.error, self.sign_out):
            layout.addWidget(w, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch()
        self.credential.returnPressed.connect(self._attempt)
        self.sign_out.clicked.connect(self.sign_out_requested)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.message.setText(self.tr("Locked after a period without use. Enter your credential to continue."))
        self.sign_out.setText(self.tr("Sign out"))

    def show_over_parent(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.error.clear()
        self.credential.clear()
        self.show()
        self.raise_()
        self.credential.setFocus()

    def _attempt(self) -> None:
        credential = self.credential.text()
        self.credential.clear()
        self._runner.submit(lambda: self._unlock(credential), lambda _r: self._done(), self._failed)

    def _done(self) -> None:
        self.hide()
        self.unlocked.emit()

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(describe(exc))
        self.credential.setFocus()
