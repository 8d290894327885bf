"""Shared by the GUI tests (no tests of its own)."""

from __future__ import annotations

import gc

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication


def drain() -> None:
    """Let queued device events land and the workers finish before the database goes (a job still
    running while its runner is collected would crash the next test)."""
    QApplication.processEvents()
    QThreadPool.globalInstance().waitForDone(10000)
    gc.collect()  # collect this test's Qt objects here, on the GUI thread, with no worker running
    QApplication.processEvents()
    QThreadPool.globalInstance().waitForDone(10000)
