"""Changing one's own credential: the current one, the new one twice. The same form serves the
account action in the header (Ctrl+Shift+P, a dialog) and the sign-in of someone whose credential
another person set, who sets their own before anything else (a page in place of the workspace).

What a good credential is, and whether the current one is right, is the core's to say
(`StaffService.change_own_credential`); the form only checks that both new entries agree."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.messages import describe
from ui.runner import OpRunner

# (current credential, new credential) -> the session to use from now on
Change = Callable[[str, str], Any]


def _secret() -> QLineEdit:
    return QLineEdit(echoMode=QLineEdit.EchoMode.Password)


class CredentialForm(QWidget):
    """Current, new, repeat; Enter moves on, Enter on the last one changes it."""

    changed = Signal(object)  # the fresh session

    def __init__(self, runner: OpRunner, change: Change, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("wedge_exempt", True)
        self._runner = runner
        self._change = change
        self._busy = False
        self.current = _secret()
        self.new = _secret()
        self.repeat = _secret()
        self.current.setObjectName("CurrentCredential")
        self.new.setObjectName("NewCredential")
        self.repeat.setObjectName("RepeatCredential")
        self.rules = QLabel(wordWrap=True, objectName="CredentialRules")
        self.error = QLabel(wordWrap=True, objectName="LoginError")
        self.submit = QPushButton(objectName="Primary")
        self._labels = (QLabel(), QLabel(), QLabel())
        form = QFormLayout()
        form.setVerticalSpacing(12)
        for label, field in zip(self._labels, (self.current, self.new, self.repeat), strict=True):
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addLayout(form)
        layout.addWidget(self.rules)
        layout.addWidget(self.error)
        layout.addWidget(self.submit)
        self.current.returnPressed.connect(self.new.setFocus)
        self.new.returnPressed.connect(self.repeat.setFocus)
        self.repeat.returnPressed.connect(self.attempt)
        self.submit.clicked.connect(self.attempt)
        self.retranslate()

    def retranslate(self) -> None:
        for label, text in zip(self._labels, (self.tr("Current credential"), self.tr("New credential"),
                                              self.tr("New credential again")), strict=True):
            label.setText(text)
        self.rules.setText(self.tr("At least 8 characters; not your staff number, not one character repeated, "
                                   "not a common credential."))
        self.submit.setText(self.tr("Change credential"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def focus_first(self) -> None:
        self.current.setFocus()

    def attempt(self) -> None:
        if self._busy:
            return
        current, new, repeat = self.current.text(), self.new.text(), self.repeat.text()
        if not current:
            self._refuse(self.tr("Enter your current credential."), self.current)
            return
        if not new:
            self._refuse(self.tr("Enter the new credential."), self.new)
            return
        if new != repeat:
            self.repeat.clear()
            self._refuse(self.tr("The two new entries differ; type the new credential again."), self.repeat)
            return
        self._busy = True
        self.submit.setEnabled(False)
        self.error.setText(self.tr("Changing the credential…"))
        change = self._change  # the job captures the callable, never the form
        self._runner.submit(lambda: change(current, new), self._done, self._failed, owner=self)

    def _refuse(self, text: str, field: QLineEdit) -> None:
        self.error.setText(text)
        field.setFocus()

    def _done(self, session: Any) -> None:
        self._busy = False
        self.submit.setEnabled(True)
        for field in (self.current, self.new, self.repeat):
            field.clear()
        self.error.clear()
        self.changed.emit(session)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.submit.setEnabled(True)
        # A wrong current credential is typed again; a refused new one is chosen again.
        wrong_current = getattr(exc, "code", "") in {"auth.bad_credentials", "auth.locked"}
        for field in (self.current,) if wrong_current else (self.new, self.repeat):
            field.clear()
        self._refuse(describe(exc), self.current if wrong_current else self.new)


class ChangeCredentialDialog(QDialog):
    """The account action: change one's own credential, or close the dialog (Esc) to keep it."""

    def __init__(self, runner: OpRunner, change: Change, who: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Any = None
        self.who = QLabel(who, wordWrap=True)
        self.form = CredentialForm(runner, change, self)
        self.cancel = QPushButton()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.addWidget(self.who)
        layout.addWidget(self.form)
        layout.addWidget(self.cancel, 0, Qt.AlignmentFlag.AlignRight)
        self.cancel.clicked.connect(self.reject)
        self.form.changed.connect(self._changed)
        self.setMinimumWidth(520)
        self.retranslate()
        self.form.focus_first()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Change my credential"))
        self.cancel.setText(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _changed(self, session: Any) -> None:
        self.session = session
        self.accept()


class SetOwnCredentialPage(QWidget):
    """Shown at sign-in, before the workspace, to someone whose credential another person set:
    until they set their own they cannot confirm or cosign, so they set it first (or sign out)."""

    sign_out_requested = Signal()

    def __init__(self, runner: OpRunner, change: Change, who: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        panel = QFrame(objectName="LoginPanel")
        panel.setFixedWidth(600)
        self.title = QLabel(objectName="LoginTitle", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.who = QLabel(who, alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.message = QLabel(wordWrap=True)
        self.form = CredentialForm(runner, change, self)
        self.changed = self.form.changed
        self.sign_out = QPushButton()
        inner = QVBoxLayout(panel)
        inner.setContentsMargins(40, 36, 40, 36)
        inner.setSpacing(16)
        for w in (self.title, self.who, self.message, self.form):
            inner.addWidget(w)
        inner.addWidget(self.sign_out, 0, Qt.AlignmentFlag.AlignRight)
        outer = QVBoxLayout(self)
        outer.addStretch()
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(panel)
        row.addStretch()
        outer.addLayout(row)
        outer.addStretch()
        self.sign_out.clicked.connect(self.sign_out_requested)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Set your own credential"))
        self.message.setText(self.tr("Someone else set the credential you signed in with. Choose your own now: "
                                     "until you do, you cannot confirm or cosign for others."))
        self.sign_out.setText(self.tr("Sign out"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
