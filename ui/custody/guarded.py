"""Runner calls whose answers may arrive after their screen is gone (a sign-out deletes the
workspace while a query is still running): the answer is dropped instead of touching deleted
widgets. Used by the custody and paper-room screens."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject

from ui.runner import OpRunner


def while_alive(owner: QObject, fn: Callable[[Any], None] | None) -> Callable[[Any], None] | None:
    if fn is None:
        return None

    def call(value: Any) -> None:
        if shiboken6.isValid(owner):
            fn(value)

    return call


class GuardedRunner:
    def __init__(self, runner: OpRunner, owner: QObject) -> None:
        self.runner = runner
        self._owner = owner

    def submit(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None) -> None:
        self.runner.submit(fn, on_done, on_error, owner=self._owner)
