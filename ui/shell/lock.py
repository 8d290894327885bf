"""The idle lock: after a quiet spell the screen covers itself until the same person's credential
is given again (or someone signs out). What decides "idle" is a plain policy from the core."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui.messages import describe
from ui.runner import OpRunner

BACKGROUND = "#14202d"  # the style sheet's #LockOverlay background, also the palette's

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
    """Covers its parent, opaque: nothing of what was on screen (the last candidate at a desk)
    shows through. Asks for the signed-in person's credential, a field the wedge filter leaves
    alone (`wedge_exempt`): fast typing or a credential scanned from a badge never becomes a ticket."""

    unlocked = Signal()
    unlocked_as = Signal(object)  # the fresh session of whoever unlocked
    sign_out_requested = Signal()

    def __init__(self, runner: OpRunner, unlock: Callable[[str], object], who: str, parent: QWidget) -> None:
        super().__init__(parent, objectName="LockOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(BACKGROUND))
        self.setPalette(palette)
        self.setAutoFillBackground(True)  # opaque even without the style sheet
        self.setProperty("wedge_exempt", True)
        self._runner = runner
        self._unlock = unlock
        self.message = QLabel(objectName="LockMessage", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.who = QLabel(who, objectName="LockWho", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.credential = QLineEdit(objectName="LockCredential", echoMode=QLineEdit.EchoMode.Password)
        self.error = QLabel(objectName="LockError", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.sign_out = QPushButton()
        # The texts wrap inside a box of their own width, so a long sentence (English) takes
        # more lines instead of being cut off at the sides.
        self.box = QFrame(objectName="LockBox")
        self.box.setFixedWidth(640)
        # The box takes the full height and centres its contents itself: its own layout then gives
        # each wrapped label the height its width needs (an aligned box would get its size hint).
        inner = QVBoxLayout(self.box)
        inner.setSpacing(14)
        inner.addStretch()
        for w in (self.message, self.who, self.credential, self.error):
            inner.addWidget(w)
        inner.addWidget(self.sign_out, 0, Qt.AlignmentFlag.AlignHCenter)
        inner.addStretch()
        layout = QHBoxLayout(self)
        layout.addStretch()
        layout.addWidget(self.box)
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
        unlock = self._unlock  # the job captures the callable, never the overlay (gone at sign-out)
        self._runner.submit(lambda: unlock(credential), self._done, self._failed, owner=self)

    def _done(self, session: object = None) -> None:
        self.hide()
        self.unlocked.emit()
        self.unlocked_as.emit(session)

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(describe(exc))
        self.credential.setFocus()
