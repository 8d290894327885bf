"""A runner bound to one widget that is not a `ui.screen.Screen` (the custody wizard): answers that
arrive after the widget is gone (a sign-out deletes the workspace while a query still runs) are
dropped instead of touching deleted widgets."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from ui.runner import OpRunner


class GuardedRunner:
    def __init__(self, runner: OpRunner, owner: QObject) -> None:
        self.runner = runner
        self._owner = owner

    def submit(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None) -> None:
        self.runner.submit(fn, on_done, on_error, owner=self._owner)
