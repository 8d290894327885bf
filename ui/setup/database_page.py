"""The set-up wizard's database page: SQLite on this PC or a shared PostgreSQL server (tested before
the wizard goes on), and, on a PC without a secure keyring, the administrator's explicit choice to
keep the data keys in a protected file."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPushButton, QRadioButton, QSpinBox

from app.errors import VenueError
from app.services.setup import DatabaseState
from ui.runner import OpRunner
from ui.setup.pages import SetupPage

if TYPE_CHECKING:
    from ui.setup.wizard import SetupServices


class DatabasePage(SetupPage):
    def __init__(self, services: SetupServices, runner: OpRunner) -> None:
        super().__init__()
        self._services, self._runner = services, runner
        self.use_sqlite, self.use_postgres = QRadioButton(), QRadioButton()
        self.use_sqlite.setChecked(True)
        self.sqlite_path = QLabel(services.sqlite_path, wordWrap=True)
        self.host, self.database, self.user = QLineEdit(), QLineEdit("venue"), QLineEdit("venue")
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.port = QSpinBox(minimum=1, maximum=65535, value=5432)
        self.test = QPushButton(objectName="SetupTest")
        self.outcome = QLabel(wordWrap=True, objectName="SetupOutcome")
        self.form.addRow(self.use_sqlite)
        self._sqlite_label = self.row(self.sqlite_path)
        self.form.addRow(self.use_postgres)
        self._pg = (self.host, self.port, self.database, self.user, self.password)
        self._labels = [self.row(w) for w in self._pg]
        self.form.addRow(self.test, self.outcome)
        # No secure keyring on this PC (a Linux desk without a desktop keyring): the data keys can only
        # go into a protected file, and only when the administrator says so here, knowing what it means.
        self.plaintext_keys = QCheckBox(objectName="SetupPlaintextKeys")
        self.plaintext_warning = QLabel(wordWrap=True, objectName="SetupWarning")
        self.asks_key_file = not services.keyring_available
        if self.asks_key_file:
            self.form.addRow(self.plaintext_keys)
            self.form.addRow(self.plaintext_warning)
        self._tested: str | None = None
        self._testing = False
        self.joined_venue: str | None = None
        """The venue of a database another desk has set up (tested just now); None: a new database."""
        self.test.clicked.connect(lambda: self.run_test())
        self.use_postgres.toggled.connect(self._enable)
        for field in (self.host, self.database, self.user, self.password):
            field.textChanged.connect(self._forget_test)
        self.port.valueChanged.connect(self._forget_test)
        self._enable()
        self.finish_layout()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Database"))
        self.setSubTitle(self.tr("One PC: SQLite, nothing to install. Several desks sharing one venue "
                                 "database over the network: PostgreSQL."))
        self.use_sqlite.setText(self.tr("SQLite on this PC"))
        self.use_postgres.setText(self.tr("PostgreSQL server"))
        self._sqlite_label.setText(self.tr("File"))
        for label, text in zip(self._labels, (self.tr("Server"), self.tr("Port"), self.tr("Database"),
                                              self.tr("User"), self.tr("Password")), strict=True):
            label.setText(text)
        self.test.setText(self.tr("Test the connection"))
        self.plaintext_keys.setText(self.tr("Keep the data keys in a protected file on this PC"))
        self.plaintext_warning.setText(self.tr(
            "This PC has no secure keyring (such as Windows Credential Locker or GNOME Keyring). Without one, "
            "the keys that protect candidates' personal data can only be kept in a file that only this "
            "PC's administrator account can read. Anyone who copies that file and the database can read "
            "the personal data: use this only on a PC that is locked away, and move to a PC with a keyring "
            "before exam day if you can."))

    def allow_plaintext_keys(self) -> bool | None:
        """True when the administrator chose the key file; None: the settings decide as before."""
        return True if self.asks_key_file and self.plaintext_keys.isChecked() else None

    def _enable(self) -> None:
        self.joined_venue = None
        on = self.use_postgres.isChecked()
        for widget in (*self._pg, self.test):
            widget.setEnabled(on)
        self.sqlite_path.setEnabled(not on)
        self.outcome.clear()
        self.error.clear()

    def _forget_test(self) -> None:
        self._tested = None
        self.joined_venue = None
        self.outcome.clear()

    def url(self) -> str | None:
        if self.use_sqlite.isChecked():
            return None
        return self._services.postgres_url(self.host.text(), self.port.value(), self.database.text(),
                                           self.user.text(), self.password.text())

    def run_test(self, then: Callable[[], None] | None = None) -> None:
        try:
            url = self.url()
        except VenueError as exc:
            self.refused(exc)
            return
        if url is None or self._testing:
            return
        self._testing = True
        self.test.setEnabled(False)
        self.error.clear()
        self.outcome.setText(self.tr("Connecting…"))

        def done(found: tuple[str, DatabaseState]) -> None:
            version, state = found
            self._testing = False
            self.test.setEnabled(True)
            self._tested = url
            self.joined_venue = state.venue_code if state.set_up else None
            text = self.tr("Connected: {version}").format(version=version)
            if self.joined_venue is not None:
                text += "\n" + self.tr("This database is already set up for venue {venue}: this desk joins it, "
                                       "and its chief examiner stays.").format(venue=self.joined_venue)
            self.outcome.setText(text)
            if then is not None:
                then()

        def failed(exc: BaseException) -> None:
            self._testing = False
            self.test.setEnabled(True)
            self.outcome.clear()
            self.refused(exc)

        services = self._services  # the job captures the services, never the widget (runner.py)

        def probe() -> tuple[str, DatabaseState]:
            return services.check_database(url), services.database_state(url)

        self._runner.submit(probe, done, failed)

    def validatePage(self) -> bool:
        """PostgreSQL: only once the address given has connected (tested now if it was not). Without a
        keyring, only once the key file was chosen."""
        if self.asks_key_file and not self.plaintext_keys.isChecked():
            self.error.setText(self.tr("This PC has no secure keyring: tick the box to keep the data keys in a "
                                       "protected file, or set this PC up from a desktop session with a keyring."))
            self.plaintext_keys.setFocus()
            return False
        try:
            url = self.url()
        except VenueError as exc:
            return self.refused(exc)
        if url is None or url == self._tested:
            return True
        wizard = self.wizard()
        self.run_test(then=wizard.next)
        return False
