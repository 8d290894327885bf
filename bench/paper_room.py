"""`python -m bench paper-room`: does the GUI stay responsive while the paper room records?

The real paper-room screen (offscreen) over a migrated SQLite database, with four simulated
1280×720 cameras at 15 frames/s, each analysed (motion, tamper) and recorded in mp4v segments by
its `CameraMonitor`; the camera wall repaints the four live tiles; motion events are written to
the database with snapshots. Meanwhile a probe thread posts a timestamped event to the GUI thread
every 10 ms, as input would arrive; the figure is how long such an event waits before the GUI
thread handles it.

Figures: `gui_latency_p99_ms` (target ≤ 50), and `live_view_fps` (frames shown per tile per second,
so a quiet GUI cannot come from a wall that stopped painting).
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import threading
import time
from pathlib import Path

from bench.common import Figure, note, percentile

NAME = "paper-room"


def run(argv: list[str]) -> list[Figure]:
    parser = argparse.ArgumentParser(prog="python -m bench paper-room")
    parser.add_argument("--cameras", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--warmup", type=float, default=3.0)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal, Slot
    from PySide6.QtWidgets import QApplication

    from app.db.engine import make_engine, make_session_factory
    from app.db.migrate import upgrade
    from app.db.types import utcnow
    from app.security.auth import AuthService
    from app.security.passwords import CredentialPolicy
    from app.services.audit import Actor
    from app.services.paper_room import PaperRoomService
    from devices.camera.monitor import CameraMonitor, MonitorConfig
    from devices.camera.simulator import Episode, Scene, SyntheticCapture
    from devices.camera.source import SourceKind, SourceSpec
    from ui.paper_room.wiring import paper_room_screen
    from ui.runner import OpRunner

    class Probe(QObject):
        ping = Signal(float)

        def __init__(self) -> None:
            super().__init__()
            self.delays: list[float] = []
            self.recording = False
            self.ping.connect(self.pong)

        @Slot(float)
        def pong(self, sent: float) -> None:
            if self.recording:
                self.delays.append(time.perf_counter() - sent)

    app = QApplication.instance() or QApplication([])
    scene = Scene(width=1280, height=720, fps=15.0, period=150, episodes=(Episode("object", 75, 120),))
    with tempfile.TemporaryDirectory(prefix="venue-bench-paper-room-") as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'venue.sqlite'}")
        upgrade(engine)
        sessions = make_session_factory(engine)
        service = PaperRoomService(sessions, utcnow, AuthService(sessions, utcnow, CredentialPolicy()))

        def make(sink: object) -> list[CameraMonitor]:
            return [CameraMonitor(f"cam-{i + 1}", SourceSpec(SourceKind.SIMULATOR, "bench"), sink,  # type: ignore[arg-type]
                                  MonitorConfig(out_dir=Path(tmp) / "rec" / f"cam-{i + 1}", segment_minutes=1),
                                  opener=lambda _spec: SyntheticCapture(scene))
                    for i in range(args.cameras)]

        screen = paper_room_screen(OpRunner(), service, utcnow, "bench", Actor.system("bench"), Path(tmp) / "rec", make)
        screen.resize(1920, 1040)
        screen.show()
        probe = Probe()
        stop = threading.Event()

        def post() -> None:
            while not stop.wait(0.01):
                probe.ping.emit(time.perf_counter())

        sender = threading.Thread(target=post, name="gui-probe", daemon=True)
        sender.start()

        def spin(seconds: float) -> None:
            loop = QEventLoop()
            QTimer.singleShot(int(seconds * 1000), loop.quit)
            loop.exec()

        spin(args.warmup)
        shown_before = [t.frames_shown for t in screen.wall.tiles if t.feed is not None]
        probe.recording = True
        started = time.perf_counter()
        spin(args.seconds)
        wall = time.perf_counter() - started
        probe.recording = False
        shown_after = [t.frames_shown for t in screen.wall.tiles if t.feed is not None]
        stop.set()
        sender.join()
        screen.cameras.stop()
        spin(0.5)
        events = len(service.events(1000))
        screen.close()
        screen.deleteLater()
        spin(0.2)
        engine.dispose()
    delays = sorted(d * 1000 for d in probe.delays)
    p99 = percentile(delays, 99) if delays else float("nan")
    fps = statistics.mean(a - b for a, b in zip(shown_after, shown_before, strict=True)) / wall if shown_after else 0.0
    note(f"{args.cameras} cameras 1280x720 @15 fps recorded and analysed for {wall:.1f} s: {len(delays)} probes, "
         f"median {statistics.median(delays) if delays else float('nan'):.2f} ms, p99 {p99:.2f} ms, "
         f"max {max(delays) if delays else float('nan'):.2f} ms; live view {fps:.1f} frames/s per tile; "
         f"{events} camera events recorded")
    del app
    return [
        Figure(NAME, "gui_latency_p99_ms", round(p99, 2), "ms", "<= 50"),
        Figure(NAME, "live_view_fps", round(fps, 2), "frames/s", ">= 8"),
    ]
