"""`python -m bench engine [--postgres URL] [--seconds S]`: the exam-day engine's own work.

- `entry_close_seconds` (≤ 2): at a sitting's entry close, the engine's scheduler records the
  absences of 3,000 seated candidates in 100 rooms (nobody admitted: the worst case), with their
  outbox rows and the audit event, in one transaction on SQLite (and on PostgreSQL when a server is
  given: `entry_close_postgres_seconds`).
- `recorder_cores` (≤ 0.5): the engine's paper-room recording (PaperRoomRecording over a
  CameraBank) running headless with four simulated 1280×720 cameras at 15 fps (the simulator's
  scene with a person crossing, encoded once to mp4v and played in a loop at its frame rate as a
  camera delivers it), recorded into segments and analysed for motion and tamper, camera events
  written to a real SQLite file. Process CPU time (every thread) over wall time after a warm-up,
  measured as `python -m bench camera-monitor` does; `recorder_fps_per_stream` shows no frame was
  skipped to get there.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
import uuid
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from app.db.engine import make_engine, make_session_factory
from app.db.migrate import upgrade
from app.engine.clock import VenueClock
from app.engine.recording import PaperRoomRecording
from app.engine.scheduler import EntryCloseScheduler
from app.security.auth import AuthService
from app.security.crypto import DataKeys, PersonalDataCipher
from app.security.passwords import CredentialPolicy
from app.services.audit import Actor
from app.services.paper_room import PaperRoomService
from bench.camera_monitor import make_clip
from bench.checkin import load
from bench.common import Figure, note
from devices.base import EventSink
from devices.camera.bank import CameraBank
from devices.camera.monitor import CameraMonitor, MonitorConfig
from devices.camera.source import FileEnd, SourceConfig, parse_source

NAME = "engine"
CANDIDATES = 3_000  # 30 seats a room: 100 rooms


def entry_close_seconds(engine: Engine) -> float:
    cipher = PersonalDataCipher(DataKeys.generate())
    loaded = load(engine, cipher, CANDIDATES)
    at = loaded.starts_at + timedelta(minutes=5)  # the closing instant of a paper sitting
    scheduler = EntryCloseScheduler(make_session_factory(engine), lambda: at, Actor.system("bench"), "bench")
    started = time.perf_counter()
    [closed] = scheduler.run_due()
    elapsed = time.perf_counter() - started
    if closed.marked != CANDIDATES:
        raise SystemExit(f"bench: {closed.marked} absences marked instead of {CANDIDATES}")
    return elapsed


def recorder_cores(tmp: Path, streams: int, seconds: float, warmup: float) -> tuple[float, float, int]:
    clip = make_clip(tmp / "room.mp4")
    engine = make_engine(f"sqlite:///{tmp / 'recorder.sqlite'}")
    upgrade(engine)
    sessions = make_session_factory(engine)
    clock = VenueClock()
    config = MonitorConfig(source=SourceConfig(file_end=FileEnd.LOOP, realtime=True), segment_minutes=1)
    analysed = [0] * streams

    def make(sink: EventSink) -> list[CameraMonitor]:
        monitors = [CameraMonitor(f"room-{i + 1}", parse_source(str(clip)), sink,
                                  replace(config, out_dir=tmp / "rec" / f"room-{i + 1}")) for i in range(streams)]
        for i, monitor in enumerate(monitors):
            _count_frames(monitor, analysed, i)
        return monitors

    service = PaperRoomService(sessions, clock, AuthService(sessions, clock, CredentialPolicy()))
    recording = PaperRoomRecording(service, CameraBank(make, tmp / "rec" / "snapshots"), clock,
                                   Actor.system("bench"), "bench")
    recording.start()
    try:
        time.sleep(warmup)
        before = list(analysed)
        cpu, wall = time.process_time(), time.perf_counter()
        time.sleep(seconds)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        after = list(analysed)
    finally:
        recording.stop()
        engine.dispose()
    fps = sum(a - b for a, b in zip(after, before, strict=True)) / streams / wall
    return cpu / wall, fps, recording.events_recorded


def _count_frames(monitor: CameraMonitor, counts: list[int], index: int) -> None:
    """Count analysed frames by wrapping the monitor's per-frame step (benchmark instrumentation)."""
    original = monitor._on_frame

    def counted(frame: object) -> None:
        original(frame)  # type: ignore[arg-type]
        counts[index] += 1

    monitor._on_frame = counted  # type: ignore[method-assign,assignment]


def run(argv: list[str]) -> list[Figure]:
    parser = argparse.ArgumentParser(prog="python -m bench engine")
    parser.add_argument("--postgres", default=os.environ.get("VENUE_TEST_POSTGRES_URL"))
    parser.add_argument("--streams", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--warmup", type=float, default=3.0)
    args = parser.parse_args(argv)
    figures = []
    with tempfile.TemporaryDirectory(prefix="bench-engine-") as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'venue.sqlite'}")
        upgrade(engine)
        seconds = entry_close_seconds(engine)
        engine.dispose()
        note(f"sqlite: {CANDIDATES} absences in 100 rooms recorded in {seconds:.3f} s")
        figures.append(Figure(NAME, "entry_close_seconds", round(seconds, 3), "s", "<= 2"))
        if args.postgres:
            figures.append(Figure(NAME, "entry_close_postgres_seconds", round(_on_postgres(args.postgres), 3), "s",
                                  "<= 2"))
        cores, fps, events = recorder_cores(Path(tmp), args.streams, args.seconds, args.warmup)
    note(f"{args.streams} cameras 1280x720 @15 fps recorded by the engine for {args.seconds:.0f} s: "
         f"{cores:.2f} cores, {fps:.1f} frames/s analysed per stream, {events} camera events written")
    figures.append(Figure(NAME, "recorder_cores", round(cores, 3), "cores", "<= 0.5"))
    figures.append(Figure(NAME, "recorder_fps_per_stream", round(fps, 2), "frames/s", ">= 14"))
    return figures


def _on_postgres(url: str) -> float:
    name = f"bench_engine_{uuid.uuid4().hex[:8]}"
    admin = make_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        engine = make_engine(make_url(url).set(database=name).render_as_string(hide_password=False))
        upgrade(engine)
        seconds = entry_close_seconds(engine)
        engine.dispose()
        note(f"postgres: {CANDIDATES} absences in 100 rooms recorded in {seconds:.3f} s")
        return seconds
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
