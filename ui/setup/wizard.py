"""The first-run set-up wizard (首次运行设置向导): venue, provincial server, database, devices, first
chief examiner. Pages only collect answers and show results; `app/services/setup.py` checks and
writes them, through the `SetupServices` the composition root hands in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QWidget, QWizard

from app.services.setup import SetupAnswers, SetupResult
from ui.runner import OpRunner
from ui.setup.database_page import DatabasePage
from ui.setup.devices_page import DevicesPage
from ui.setup.finisher import Finisher
from ui.setup.pages import ChiefPage, ProvincePage, VenuePage, WelcomePage


@dataclass(frozen=True)
class SetupServices:
    check_venue: Callable[[Any], Any]
    check_province: Callable[[Any], Any]
    check_chief: Callable[[Any], Any]
    postgres_url: Callable[[str, int, str, str, str], str]
    check_database: Callable[[str], str]
    database_state: Callable[[str], Any]
    apply: Callable[[SetupAnswers], SetupResult]
    sqlite_path: str
    desk_name: str
    keyring_available: bool = True


class SetupWizard(QWizard):
    language_requested = Signal(str)
    finished_setup = Signal(object)  # the SetupResult

    def __init__(self, runner: OpRunner, services: SetupServices, language: str = "zh_CN",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="SetupWizard")
        self.runner = runner
        self.services = services
        self.result_value: SetupResult | None = None
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setMinimumSize(900, 640)
        self.welcome = WelcomePage(language)
        self.venue = VenuePage(services)
        self.province = ProvincePage(services)
        self.database = DatabasePage(services, runner)
        self.finisher = Finisher(services, runner, self.answers, self._applied)
        self.devices = DevicesPage(self.finisher, self.joining)
        self.chief = ChiefPage(services, self.finisher)
        for page in (self.welcome, self.venue, self.province, self.database, self.devices, self.chief):
            self.addPage(page)
        self.welcome.language_requested.connect(self.language_requested)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Venue Ops: first-run set-up"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def joining(self) -> bool:
        """This desk joins a database another desk has set up (known once its connection was tested)."""
        return self.database.joined_venue is not None and not self.database.use_sqlite.isChecked()

    def answers(self) -> SetupAnswers:
        return SetupAnswers(
            venue=self.venue.identity(), province=self.province.link(),
            chief=None if self.joining() else self.chief.chief(),
            db_url=self.database.url(), devices=tuple(self.devices.configs()),
            desk_name=self.venue.desk_name.text(), language=self.welcome.language(),
            allow_plaintext_keys=self.database.allow_plaintext_keys(),
        )

    def _applied(self, result: SetupResult) -> None:
        self.result_value = result
        self.accept()
        self.finished_setup.emit(result)

    def done(self, result: int) -> None:
        self.devices.stop_checks()
        super().done(result)
