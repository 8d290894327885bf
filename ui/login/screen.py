"""Login: staff number and personal credential, keyboard-first (Enter moves on, Enter signs in)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
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


class LoginScreen(QWidget):
    signed_in = Signal(object)
    language_requested = Signal(str)

    def __init__(
        self,
        runner: OpRunner,
        login: Callable[[str, str], Any],
        venue_name: str = "",
        language: str = "zh_CN",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._login = login
        self._venue_name = venue_name
        self._busy = False

        panel = QFrame(objectName="LoginPanel")
        panel.setFixedWidth(520)
        self.title = QLabel(objectName="LoginTitle", alignment=Qt.AlignmentFlag.AlignCenter)
        self.venue = QLabel(venue_name, alignment=Qt.AlignmentFlag.AlignCenter)
        self.staff_number = QLineEdit()
        self.credential = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.error = QLabel(objectName="LoginError", wordWrap=True)
        self.submit = QPushButton(objectName="Primary")
        self.language = QComboBox()
        self.language.addItem("中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(language)))

        self._form = QFormLayout()
        self._form.setVerticalSpacing(14)
        self._number_label = QLabel()
        self._credential_label = QLabel()
        self._form.addRow(self._number_label, self.staff_number)
        self._form.addRow(self._credential_label, self.credential)

        inner = QVBoxLayout(panel)
        inner.setContentsMargins(40, 36, 40, 36)
        inner.setSpacing(16)
        inner.addWidget(self.title)
        inner.addWidget(self.venue)
        inner.addLayout(self._form)
        inner.addWidget(self.error)
        inner.addWidget(self.submit)
        lang_row = QHBoxLayout()
        lang_row.addStretch()
        lang_row.addWidget(self.language)
        inner.addLayout(lang_row)

        outer = QVBoxLayout(self)
        outer.addStretch()
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(panel)
        row.addStretch()
        outer.addLayout(row)
        outer.addStretch()

        self.staff_number.returnPressed.connect(self.credential.setFocus)
        self.credential.returnPressed.connect(self.attempt)
        self.submit.clicked.connect(self.attempt)
        self.language.currentIndexChanged.connect(
            lambda _i: self.language_requested.emit(str(self.language.currentData()))
        )
        self.retranslate()
        self.staff_number.setFocus()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Venue Ops"))
        self._number_label.setText(self.tr("Staff number"))
        self._credential_label.setText(self.tr("Credential"))
        self.staff_number.setPlaceholderText(self.tr("e.g. S0001"))
        self.submit.setText(self.tr("Sign in"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def attempt(self) -> None:
        number, credential = self.staff_number.text().strip(), self.credential.text()
        if self._busy:
            return
        if not number:
            self.error.setText(self.tr("Enter your staff number."))
            self.staff_number.setFocus()
            return
        if not credential:
            self.error.setText(self.tr("Enter your credential."))
            self.credential.setFocus()
            return
        self._busy = True
        self.submit.setEnabled(False)
        self.error.setText(self.tr("Signing in…"))
        self._runner.submit(lambda: self._login(number, credential), self._succeeded, self._failed)

    def _succeeded(self, session: Any) -> None:
        self._busy = False
        self.submit.setEnabled(True)
        self.error.clear()
        self.credential.clear()
        self.signed_in.emit(session)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.submit.setEnabled(True)
        self.credential.clear()
        self.credential.setFocus()
        self.error.setText(describe(exc))

    def reset(self) -> None:
        self.staff_number.clear()
        self.credential.clear()
        self.error.clear()
        self.staff_number.setFocus()
