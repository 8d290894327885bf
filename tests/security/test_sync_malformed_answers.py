"""A server (or something in the middle) that answers 200 with garbage: not JSON, the wrong JSON
types, or an enormous array. Each is a failed batch: retried, then one sentence, and not one
record marked as sent (art. 42: what the venue recorded reaches the province or stays queued).
A real HTTP server on loopback gives the answers."""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.db.engine import make_engine
from app.db.migrate import upgrade
from app.db.models_sync import OutboxEntry
from app.engine.clock import VenueClock
from app.errors import VenueError
from app.services import audit
from sync.transport import RetryPolicy, Transport
from sync.upload import Uploader
from tests.sync.venue import venue_day

ATTEMPTS = 3
ACK = {"key": "admission:x:1", "status": "stored", "detail": ""}


class Garbage:
    """What the stub server answers to POST /v1/batches, and how often it was asked."""

    def __init__(self) -> None:
        self.body = b""
        self.requests = 0


@pytest.fixture
def garbage_server() -> Iterator[tuple[str, Garbage]]:
    garbage = Garbage()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            garbage.requests += 1
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(garbage.body)))
            self.end_headers()
            self.wfile.write(garbage.body)

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", garbage
    server.shutdown()
    server.server_close()


def _answer(acks: object) -> bytes:
    return json.dumps({"server_time": "2026-11-01T08:00:00+08:00", "batch_key": "k", "replayed": False,
                       "acks": acks}).encode()


BODIES = {
    "not_json": b"<html>proxy login</html>",
    "empty": b"",
    "a_list": b"[1, 2, 3]",
    "acks_a_string": _answer("all"),
    "ack_status_unknown": _answer([{**ACK, "status": "great"}]),
    "ack_key_a_number": _answer([{**ACK, "key": 7}]),
    "deeply_nested": b'{"acks":' + b"[" * 50_000 + b"]" * 50_000 + b"}",
    "huge_array": _answer([ACK] * 100_000),
    "more_acks_than_records": _answer([ACK] * 300),
    "larger_than_allowed": b'{"acks": [' + b" " * (2 * 1024 * 1024) + b"]}",
}


@pytest.fixture(scope="module")
def migrated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite file, copied for each test (migrating takes longer than the test)."""
    path = tmp_path_factory.mktemp("template") / "venue.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    return path


@pytest.mark.parametrize("name", sorted(BODIES))
def test_art42_a_malformed_200_answer_is_a_failed_batch_retried_with_nothing_acknowledged(
        migrated: Path, tmp_path: Path, garbage_server: tuple[str, Garbage], name: str) -> None:
    url, garbage = garbage_server
    garbage.body = BODIES[name]
    shutil.copyfile(migrated, tmp_path / "venue.sqlite")
    engine = make_engine(f"sqlite:///{tmp_path / 'venue.sqlite'}")
    sessions = sessionmaker(engine, expire_on_commit=False)
    venue_day(sessions, tmp_path / "files", admissions=3, files=0)
    transport = Transport(url, "320107", "secret", timeout=10, retry=RetryPolicy(ATTEMPTS, 0.001, 0.01))
    uploader = Uploader(sessions, transport, files_root=tmp_path, actor=audit.Actor.system("t"), desk="d",
                        clock=VenueClock())
    with transport, pytest.raises(VenueError) as caught:
        uploader.run()
    assert caught.value.code == "sync.bad_answer"
    assert garbage.requests == ATTEMPTS
    with Session(engine) as s:
        assert s.scalar(select(func.count()).select_from(OutboxEntry).where(OutboxEntry.acked_at.is_not(None))) == 0
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) > 0
    engine.dispose()
