"""Run by test_none_refcount.py in a child process: the drift of `sys.getrefcount(None)` over the
application's own patterns that leaked in PySide6 6.10/6.11 (bench soak found them), one JSON line.

- `runner_jobs`: jobs through ui.runner.OpRunner (a relay QObject per job, connected then
  deleted, kept 2 references a job);
- `table_refresh`: a QTableWidget refreshed through ui.tables.fill_table, header sized to its
  contents (a new QTableWidgetItem per cell per refresh kept 1 reference a cell);
- `list_refresh`: a list of lines refreshed (the paper room's event list: `clear()` then a new
  QListWidgetItem per row kept 1 a row; now ui.tables.TextList);
- `list_growth`: a list growing a line at a time, every line changing (the control room's
  report-now alerts): a QListWidgetItem made or wrapped in Python holds 1 for as long as it lives;
- `simulator_present`: the demo panel putting a card on the simulated reader 350 ms after
  clearing it (a timed QTimer.singleShot with a lambda kept 3 a card);
- `incident_log_growth`: the incident log reloaded as incidents are opened one by one (the soak
  opens one for every tenth candidate): a QTableWidgetItem per cell and the kept IncidentLines'
  empty fields held about 9 an incident for the rest of the day;
- `control_room_tick`: the control room's every-second repaint (tiles, countdowns, an alert list
  whose report-now lines change each second, then no alerts): measured 0 here, kept so that a
  leak in what runs every second of the day shows here rather than after hours of bench soak."""

from __future__ import annotations

import gc
import json
import os
import sys
import time
from collections.abc import Callable

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


def drift(app: QCoreApplication, run: Callable[[int], None], warm: int, count: int, tail: float = 0.0) -> int:
    """`run(warm)` to fill Qt's caches, then how `run(count)` moved None's reference count."""
    run(warm)
    settle(app)
    before = sys.getrefcount(None)
    run(count)
    settle(app, tail)
    return sys.getrefcount(None) - before


def runner_jobs(app: QCoreApplication, jobs: int) -> int:
    from ui.runner import OpRunner

    runner, done = OpRunner(), [0]

    def batch(n: int) -> None:
        target = done[0] + n
        for i in range(n):
            runner.submit(lambda i=i: i if i % 2 else None, lambda _r: done.__setitem__(0, done[0] + 1))
        while done[0] < target:
            settle(app, 0.01)
        runner.wait()

    return drift(app, batch, 50, jobs)


def table_refresh(app: QCoreApplication, refreshes: int) -> int:
    from ui.tables import fill_table

    table = QTableWidget(0, 6)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.show()

    def refresh(n: int) -> None:
        for k in range(n):
            fill_table(table, [[f"{k} {r} {c}" for c in range(6)] for r in range(20)])
            app.processEvents()

    return drift(app, refresh, 3, refreshes)


def list_refresh(app: QCoreApplication, refreshes: int) -> int:
    from ui.tables import TextList

    widget = TextList()
    widget.show()

    def refresh(n: int) -> None:
        for k in range(n):
            widget.show_rows([(f"{k} {r}", None) for r in range(40)])
            app.processEvents()

    return drift(app, refresh, 3, refreshes)


def list_growth(app: QCoreApplication, lines: int) -> int:
    """A list that grows a line at a time while every line changes (the control room's report-now
    alerts: one per serious incident, each line's "since" moving every second)."""
    from ui.tables import TextList

    widget = TextList()
    widget.show()
    count = [0]

    def grow(n: int) -> None:
        for k in range(n):
            count[0] += 1
            widget.show_rows([(f"alert {r} since {k} s", None) for r in range(count[0])])
            app.processEvents()

    return drift(app, grow, 10, lines)


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
        for _ in range(n):  # each card put down before the next (a card presented meanwhile replaces it)
            target = Devices.reader.presented + 1
            panel._present(object())  # type: ignore[arg-type]
            while Devices.reader.presented < target:
                settle(app, 0.003)

    return drift(app, present, 10, cards, tail=0.05)


def control_room_tick(app: QCoreApplication, ticks: int) -> int:
    import uuid
    from datetime import UTC, datetime, timedelta

    from app.rules.lifecycle import RoomSteps
    from app.rules.timing import Schedule, SittingMode
    from app.services.control import Alert, ControlView, RoomTile
    from ui.control.actions import ControlActions
    from ui.control.screen import ControlRoomScreen
    from ui.runner import OpRunner

    start = datetime(2026, 6, 7, 1, 0, tzinfo=UTC)
    now = [start + timedelta(minutes=20)]
    schedule = Schedule(start, start + timedelta(hours=2), SittingMode.PAPER)
    tiles = tuple(RoomTile(uuid.uuid4(), f"{i:02d}", f"Room {i}", False, RoomSteps(opened_at=start), 30, 20, 1, 0, 1,
                           ("A", "B")) for i in range(8))
    alerts = tuple(Alert("report_now", f"{i:02d}", since=start, category="x") for i in range(3))
    views = [ControlView(uuid.uuid4(), "S1", "Maths", "Exam", schedule, tiles, alerts),
             ControlView(uuid.uuid4(), "S1", "Maths", "Exam", schedule, tiles, ())]
    noop = ControlActions(lambda *_a: None, lambda *_a: None, lambda *_a: None)
    runner = OpRunner()
    screen = ControlRoomScreen(runner, lambda _now: views[0], lambda: now[0], noop, tick_ms=3_600_000)
    screen.resize(1366, 700)
    screen.show()
    runner.wait()
    settle(app)

    def tick(n: int) -> None:
        for k in range(n):
            now[0] += timedelta(seconds=1)
            screen._show(views[(k // 20) % 2])  # alerts for 20 s, none for 20 s
            screen.tick(reload=False)
            app.processEvents()

    return drift(app, tick, 40, ticks)


def incident_log_growth(app: QCoreApplication, incidents: int) -> int:
    import uuid
    from datetime import UTC, datetime, timedelta

    from app.services.incident_log import IncidentLine
    from ui.incidents.screen import IncidentActions, IncidentLogScreen
    from ui.runner import OpRunner

    start = datetime(2026, 6, 7, 1, 0, tzinfo=UTC)
    ids: list[uuid.UUID] = []

    def load() -> list[IncidentLine]:  # made afresh by each load, as the database does
        return [IncidentLine(i, start + timedelta(seconds=k), "S1", f"{k % 30:02d}", "art6.1", "draft", k % 3 == 0,
                             f"facts {k}", "", ((f"T{k}", "张三"),), (), (), (), "周玲", None, None, "", "", (i,))
                for k, i in reversed(list(enumerate(ids)))]

    def noop(*_args: object) -> None:
        return None

    runner = OpRunner()
    screen = IncidentLogScreen(runner, load, lambda: start + timedelta(hours=1),
                               IncidentActions(noop, noop, noop, noop, noop, noop, noop))
    screen.resize(1366, 700)
    screen.show()

    def grow(n: int) -> None:
        for _ in range(n):
            ids.append(uuid.uuid4())
            screen.refresh()
            runner.wait()
            settle(app)

    return drift(app, grow, 10, incidents)


if __name__ == "__main__":
    application = QApplication.instance() or QApplication(sys.argv[:1])
    n = int(sys.argv[1])
    print(json.dumps({"runner_jobs": runner_jobs(application, n), "table_refresh": table_refresh(application, n // 40),
                      "list_refresh": list_refresh(application, n // 20),
                      "simulator_present": simulator_present(application, n // 10),
                      "control_room_tick": control_room_tick(application, n // 5),
                      "incident_log_growth": incident_log_growth(application, n // 10),
                      "list_growth": list_growth(application, n // 5)}), flush=True)
