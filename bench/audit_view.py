"""`python -m bench audit-view [--events N]`: the audit trail screen over a long trail (issue 15).
A trail of N events (default 1,000,000, written as `bench audit` writes it) in a migrated SQLite
file; the real screen (ui.audit.screen.AuditTrailScreen) offscreen at 1366×768 over the real
service, signed in as the chief examiner, its reads on the runner's worker as in the application.

Figures (milliseconds until every row the view shows is loaded and painted):
- `first_page_ms` (≤ 300): the screen opened in a running application (it opens on the newest
  events; a first opening before it warms fonts, style and the connection, as the main window has);
- `jump_to_end_ms` (≤ 300): Ctrl+End from the first event, nothing of the end loaded before;
- beside them `jump_to_start_ms` (Ctrl+Home from the end) and `page_down_p95_ms` (PageDown through
  the middle of the trail, each page new).
Each jump is measured 5 times with the model's blocks dropped before it (the median is printed).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert

from app.db.engine import make_engine, make_session_factory
from app.db.migrate import upgrade
from app.db.models import Staff, Venue
from app.domain import EmployerType, Role
from app.security.auth import StaffSession
from app.security.checkpoint_key import CheckpointSigner
from app.security.crypto import DataKeys
from app.security.permissions import permissions_of
from app.services.audit_trail import AuditTrailService, TrailSize
from bench.audit import write_trail
from bench.common import Figure, note, percentile

NAME = "audit-view"


def _chief(engine: object) -> StaffSession:
    venue_id, staff_id = uuid.uuid4(), uuid.uuid4()
    with engine.begin() as conn:  # type: ignore[attr-defined]
        conn.execute(insert(Venue), [{"id": venue_id, "code": "B1", "name": "bench venue", "district": "", "address": ""}])
        conn.execute(insert(Staff), [{"id": staff_id, "venue_id": venue_id, "staff_number": "Z0001", "name": "主考 王",
                                      "role": Role.CHIEF_EXAMINER, "employer_type": EmployerType.CIVIL_SERVICE,
                                      "credential_hash": "", "trained": True}])
    return StaffSession(staff_id, "Z0001", "主考 王", Role.CHIEF_EXAMINER, venue_id, "bench", datetime.now(UTC))


def run(argv: list[str]) -> list[Figure]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    events = int(argv[argv.index("--events") + 1]) if "--events" in argv else 1_000_000
    from PySide6.QtCore import QCoreApplication, QEvent, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from ui.audit.screen import AuditActions, AuditTrailScreen
    from ui.runner import OpRunner

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="bench-audit-view-") as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'venue.sqlite'}")
        upgrade(engine)
        started = time.perf_counter()
        write_trail(engine, CheckpointSigner.from_keys(DataKeys.generate()), events)
        note(f"audit-view: {events} events written in {time.perf_counter() - started:.1f} s")
        user = _chief(engine)
        trail = AuditTrailService(make_session_factory(engine), lambda: datetime.now(UTC), "bench")
        actions = AuditActions(lambda q: trail.size(user, q), lambda q, o, n, f: trail.block(user, q, o, n, f),
                               lambda p: trail.verify(user, p), lambda q, path: trail.export_csv(user, q, path),
                               lambda q, path: trail.export_lines(user, q, path))
        runner = OpRunner()

        def shown(screen: AuditTrailScreen) -> bool:
            view = screen.table
            rows = screen.model.rowCount()
            if rows == 0:
                return False
            top = max(0, view.rowAt(0))
            bottom = view.rowAt(view.viewport().height() - 1)
            bottom = rows - 1 if bottom < 0 else bottom
            return all(screen.model.loaded(r) for r in range(top, bottom + 1))

        def until(done: Callable[[], bool], what: str) -> float:
            begun = time.perf_counter()
            deadline = begun + 30
            while not done():
                app.processEvents()
                QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
                if time.perf_counter() > deadline:
                    raise SystemExit(f"bench: {what} did not finish in 30 s")
                time.sleep(0.0005)
            return time.perf_counter()

        def opened() -> AuditTrailScreen:
            screen = AuditTrailScreen(runner, actions, permissions_of(user.role), lambda: datetime.now(UTC))
            screen.resize(1366, 768)
            screen.show()
            until(lambda: shown(screen) and screen.model.rowCount() == events, "the first page")
            screen.table.viewport().repaint()
            return screen

        # In the application the screen opens in a window already up (fonts, style, the database
        # connection warm): one opening first, then the one measured, with nothing of it loaded.
        opened().close()
        begun = time.perf_counter()
        screen = opened()
        first = (time.perf_counter() - begun) * 1000
        screen.table.setFocus()

        def jump(key: Qt.Key, want_first: bool) -> float:
            screen.model.reset(TrailSize(events, 1))  # nothing loaded: as the first visit to that end
            app.processEvents()
            begun = time.perf_counter()
            QTest.keyClick(screen.table, key, Qt.KeyboardModifier.ControlModifier)
            target = 0 if want_first else events - 1
            until(lambda: screen.model.loaded(target) and shown(screen), "a jump")
            screen.table.viewport().repaint()
            return (time.perf_counter() - begun) * 1000

        ends, starts = [], []
        for _ in range(5):
            starts.append(jump(Qt.Key.Key_Home, True))
            ends.append(jump(Qt.Key.Key_End, False))
        screen.table.selectRow(events // 2)
        screen.table.scrollTo(screen.model.index(events // 2, 0))
        until(lambda: shown(screen), "the middle")
        pages = []
        for _ in range(40):
            begun = time.perf_counter()
            QTest.keyClick(screen.table, Qt.Key.Key_PageDown)
            until(lambda: shown(screen), "a page")
            screen.table.viewport().repaint()
            pages.append((time.perf_counter() - begun) * 1000)
        screen.close()
        runner.wait()
        engine.dispose()
    load = os.getloadavg()[0]
    note(f"audit-view: first page {first:.0f} ms; Ctrl+End median {statistics.median(ends):.0f} ms (max "
         f"{max(ends):.0f}), Ctrl+Home median {statistics.median(starts):.0f} ms (max {max(starts):.0f}); PageDown "
         f"p95 {percentile(pages, 95):.0f} ms; load average {load:.1f}")
    return [
        Figure(NAME, "first_page_ms", round(first, 1), "ms", "<= 300"),
        Figure(NAME, "jump_to_end_ms", round(statistics.median(ends), 1), "ms", "<= 300"),
        Figure(NAME, "jump_to_start_ms", round(statistics.median(starts), 1), "ms", "<= 300"),
        Figure(NAME, "page_down_p95_ms", round(percentile(pages, 95), 1), "ms", "<= 100"),
    ]
