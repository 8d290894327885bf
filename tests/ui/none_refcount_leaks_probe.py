"""Run by test_none_refcount.py in a child process: the drift of `sys.getrefcount(None)` over the
application's own patterns that leaked in PySide6 6.10/6.11 (bench soak found them), one JSON line.

- `runner_jobs`: jobs through ui.runner.OpRunner (a relay QObject per job, connected then
  deleted, kept 2 references a job);
- `table_refresh`: a QTableWidget refreshed through ui.tables.fill_table, header sized to its
  contents (a new QTableWidgetItem per cell per refresh kept 1 reference a cell);
- `list_refresh`: a QListWidget refreshed through ui.tables.fill_list (the paper room's event
  list, `clear()` then a new QListWidgetItem per row: 1 a row);
- `simulator_present`: the demo panel putting a card on the simulated reader 350 ms after
  clearing it (a timed QTimer.singleShot with a lambda kept 3 a card)."""

from __future__ import annotations

import gc
import json
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QHeaderView, QTableWidget


def settle(app: QCoreApplication, seconds: float = 0.0) -> None:
    end = time.monotonic() + seconds
    while True:
        app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        if time.monotonic() >= end:
            break
        time.sleep(0.005)
    gc.collect()


def runner_jobs(app: QCoreApplication, jobs: int) -> int:
    from ui.runner import OpRunner

    runner, done = OpRunner(), [0]

    def batch(n: int) -> None:
        target = done[0] + n
        for i in range(n):
            runner.submit(lambda i=i: i if i % 2 else None, lambda _r: done.__setitem__(0, done[0] + 1))
        while done[0] < target:
            settle(app, 0.01)

    batch(50)
    settle(app)
    before = sys.getrefcount(None)
    batch(jobs)
    runner.wait()
    settle(app)
    return sys.getrefcount(None) - before


def table_refresh(app: QCoreApplication, refreshes: int) -> int:
    from ui.tables import fill_table

    table = QTableWidget(0, 6)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.show()

    def refresh(k: int) -> None:
        fill_table(table, [[f"{k} {r} {c}" for c in range(6)] for r in range(20)])
        app.processEvents()

    for k in range(3):
        refresh(k)
    settle(app)
    before = sys.getrefcount(None)
    for k in range(refreshes):
        refresh(k)
    settle(app)
    return sys.getrefcount(None) - before


def list_refresh(app: QCoreApplication, refreshes: int) -> int:
    from PySide6.QtWidgets import QListWidget

    from ui.tables import fill_list

    widget = QListWidget()
    widget.show()

    def refresh(k: int) -> None:
        fill_list(widget, [(f"{k} {r}", None) for r in range(40)])
        app.processEvents()

    for k in range(3):
        refresh(k)
    settle(app)
    before = sys.getrefcount(None)
    for k in range(refreshes):
        refresh(k)
    settle(app)
    return sys.getrefcount(None) - before


class _Reader:
    def __init__(self) -> None:
        self.presented = 0

    def remove(self) -> None:
        pass

    def present(self, _card: object) -> None:
        self.presented += 1


def simulator_present(app: QCoreApplication, cards: int) -> int:
    from ui.checkin.simulator_panel import SimulatorPanel

    class Devices:
        reader = _Reader()

    panel = SimulatorPanel(Devices(), lambda _room: [], lambda _offset: None, lambda: 0.0)  # type: ignore[arg-type]
    panel._put_down.setInterval(1)

    def present(n: int) -> None:
        target = Devices.reader.presented + n
        for _ in range(n):
            panel._present(object())  # type: ignore[arg-type]
            settle(app, 0.003)
        while Devices.reader.presented < target:
            settle(app, 0.003)

    present(10)
    settle(app)
    before = sys.getrefcount(None)
    present(cards)
    settle(app, 0.05)
    return sys.getrefcount(None) - before


if __name__ == "__main__":
    application = QApplication.instance() or QApplication(sys.argv[:1])
    n = int(sys.argv[1])
    print(json.dumps({"runner_jobs": runner_jobs(application, n), "table_refresh": table_refresh(application, n // 40),
                      "list_refresh": list_refresh(application, n // 20),
                      "simulator_present": simulator_present(application, n // 10)}), flush=True)
