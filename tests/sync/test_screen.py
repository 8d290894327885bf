"""The sync screen (pytest-qt, offscreen) against the loopback server: pending counts per kind,
sending with progress, the skew and audit verdict shown, errors in plain words."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from sync.server.store import ServerStore
from sync.service import SyncService
from tests.sync.venue import venue_day
from ui.runner import OpRunner
from ui.sync.screen import SyncScreen


@pytest.fixture
def screen(qtbot: QtBot, service: SyncService) -> Iterator[SyncScreen]:
    widget = SyncScreen(OpRunner(), service)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    yield widget
    drain()


def drain() -> None:
    """Let the screen's jobs finish and its answers land before the database goes, and collect
    this test's Qt objects here, on the GUI thread, with no worker running."""
    QApplication.processEvents()
    QThreadPool.globalInstance().waitForDone(30000)
    gc.collect()
    QApplication.processEvents()
    QThreadPool.globalInstance().waitForDone(30000)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_screen_shows_pending_per_kind_then_sends_with_progress(
        qtbot: QtBot, screen: SyncScreen, service: SyncService, sessions: sessionmaker[Session],
        server_store: ServerStore, venue_code: str, tmp_path: Path) -> None:
    venue_day(sessions, tmp_path / "files", admissions=6, files=2)
    screen.refresh()
    qtbot.waitUntil(lambda: screen.table.rowCount() >= 4, timeout=15000)
    kinds = {screen.table.item(r, 0).text(): screen.table.item(r, 1).text() for r in range(screen.table.rowCount())}
    assert kinds["Admissions"] == "6" and kinds["Evidence files"] == "2"
    assert "0.6 MB" in screen.summary.text()
    screen.start_upload()
    qtbot.waitUntil(lambda: screen.send.isEnabled() and "Sent" in screen.message.text(), timeout=30000)
    assert screen.records_bar.value() == screen.records_bar.maximum()
    assert "600" not in screen.progress_text.text() or "0.6 MB of 0.6 MB" in screen.progress_text.text()
    qtbot.waitUntil(lambda: screen.audit.text() == "verified by the province", timeout=15000)
    # Left to send: only the audit event that records this upload.
    assert screen.summary.text() == "Waiting to be sent: 1 records."
    assert screen.table.item(0, 0).text() == "Audit-trail events"
    assert "PC is" in screen.skew.text()
    assert len(server_store.records(venue_code)) > 6
    screen.grab().save(str(tmp_path / "sync.png"))


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_screen_says_a_wrong_credential_in_plain_words(
        qtbot: QtBot, screen: SyncScreen, service: SyncService, sessions: sessionmaker[Session],
        tmp_path: Path) -> None:
    venue_day(sessions, tmp_path / "files", admissions=2, files=0)
    service.set_credential("vo1-" + "1" * 64)
    screen.start_upload()
    qtbot.waitUntil(lambda: screen.send.isEnabled() and screen.message.property("bad") is True, timeout=30000)
    assert "refused this venue's credential" in screen.message.text()
    qtbot.waitUntil(lambda: "Waiting to be sent" in screen.summary.text(), timeout=15000)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_cancel_stops_the_upload_and_keeps_the_rest_queued(
        qtbot: QtBot, screen: SyncScreen, service: SyncService, sessions: sessionmaker[Session],
        tmp_path: Path) -> None:
    venue_day(sessions, tmp_path / "files", admissions=40, files=0)
    service.batch_records = 1
    screen.start_upload()
    screen.cancel_work()
    qtbot.waitUntil(lambda: screen.send.isEnabled(), timeout=30000)
    assert "cancelled" in screen.message.text()
    assert service.status().pending_total > 0
