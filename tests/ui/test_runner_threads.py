"""The runner frees on the GUI thread whatever a job held (its callable, whose closure may hold the
last reference to a screen; its result; its error), and a job that ends after its runner was
deleted is dropped without a word to the user (a log line at debug level)."""

from __future__ import annotations

import logging
import threading
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from ui.runner import OpRunner


class Freed:
    """Records the thread its last reference died on."""

    threads: list[str]

    def __init__(self, threads: list[str]) -> None:
        self.threads = threads

    def __del__(self) -> None:
        self.threads.append(threading.current_thread().name)


def test_a_jobs_callable_result_and_error_are_freed_on_the_gui_thread(qtbot: QtBot) -> None:
    runner, freed, delivered = OpRunner(pool=QThreadPool()), [], []  # type: ignore[var-annotated]
    for k in range(30):
        held = Freed(freed)  # as a screen captured by a job's closure
        fails = k % 2 == 1

        def job(held: Any = held, fails: bool = fails) -> Freed:
            if fails:
                raise ValueError(held)  # the error (and its traceback) hold it too
            return Freed(held.threads)

        runner.submit(job, delivered.append, delivered.append)
        del held, job
    assert runner.wait()
    qtbot.waitUntil(lambda: len(delivered) == 30, timeout=10_000)
    delivered.clear()
    qtbot.waitUntil(lambda: len(freed) == 45, timeout=10_000)  # 30 held, 15 results
    assert set(freed) == {threading.main_thread().name}


def test_a_job_ending_after_its_runner_was_deleted_is_dropped_quietly(
        qtbot: QtBot, capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture) -> None:
    pool, release, done = QThreadPool(), threading.Event(), []
    runner = OpRunner(pool=pool)
    runner.submit(lambda: release.wait(10), done.append)
    shiboken6.delete(runner)  # the window (and its runner) went while the job was running
    with caplog.at_level(logging.DEBUG, logger="ui.runner"):
        release.set()
        assert pool.waitForDone(10_000)
    qtbot.wait(50)
    err = capfd.readouterr().err
    assert "Traceback" not in err and "RuntimeError" not in err, err
    assert done == []
    assert any("after its runner was deleted" in r.getMessage() and r.levelno == logging.DEBUG for r in caplog.records)
