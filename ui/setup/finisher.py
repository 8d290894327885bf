"""The set-up wizard's last step: everything set up off the GUI thread, once."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.errors import VenueError
from app.services.setup import SetupAnswers, SetupResult
from ui.runner import OpRunner

if TYPE_CHECKING:
    from ui.setup.pages import SetupPage
    from ui.setup.wizard import SetupServices


class Finisher:
    """Sets everything up off the GUI thread when the last page is accepted (the chief examiner's
    page, or the devices page of a desk joining a database that is set up already)."""

    def __init__(self, services: SetupServices, runner: OpRunner, answers: Callable[[], SetupAnswers],
                 applied: Callable[[SetupResult], None]) -> None:
        self._services, self._runner, self._answers, self._applied = services, runner, answers, applied
        self.working = False
        self.done = False

    def finish(self, page: SetupPage, after_failure: Callable[[], None] = lambda: None) -> bool:
        """QWizardPage.validatePage of the last page: False until the set-up has succeeded."""
        if self.done:
            return True
        if self.working:
            return False
        try:
            answers = self._answers()
        except VenueError as exc:
            return page.refused(exc)
        self.working = True
        page.error.setText(QCoreApplication.translate("SetupWizard", "Setting up the database…"))
        finish = page.wizard().button(page.wizard().WizardButton.FinishButton)
        finish.setEnabled(False)

        def done(result: SetupResult) -> None:
            self.working, self.done = False, True
            page.error.clear()
            self._applied(result)

        def failed(exc: BaseException) -> None:
            self.working = False
            finish.setEnabled(True)
            after_failure()
            page.refused(exc)

        apply = self._services.apply  # the job captures the service, never the wizard (runner.py)
        self._runner.submit(lambda: apply(answers), done, failed)
        return False
