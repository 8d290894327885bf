"""`python -m bench camera-monitor`: CPU used by four paper-room cameras.

Four `CameraMonitor`s, each on a 1280×720 mp4v file (generated into a temporary folder: textured
room, sensor noise, a person-sized object crossing) played in a loop at 15 fps as a camera would
deliver it, with motion and tamper detection and mp4v segment recording. After a warm-up, process
CPU time (all threads: decoding, analysis, encoding, hashing) is divided by wall time.

Figures: `cores` (target ≤ 1.0), and `fps_per_stream` (frames analysed per second per camera, so a
low `cores` cannot come from dropped frames; target ≥ 14).
"""

from __future__ import annotations

import argparse
import tempfile
import threading
import time
from pathlib import Path

import cv2

from bench.common import Figure, note
from devices.camera.frames import Frame
from devices.camera.monitor import CameraMonitor, MonitorConfig
from devices.camera.simulator import Episode, Scene, SyntheticCapture
from devices.camera.source import FileEnd, SourceConfig, parse_source

NAME = "camera-monitor"


def make_clip(path: Path, seconds: int = 8, fps: float = 15.0) -> Path:
    frames = int(seconds * fps)
    scene = Scene(
        width=1280,
        height=720,
        fps=fps,
        frames=frames,
        episodes=(Episode("object", frames // 3, frames // 2),),
    )
    capture = SyntheticCapture(scene)
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"mp4v"), fps, (1280, 720))
    while True:
        ok, image = capture.read()
        if not ok or image is None:
            break
        writer.write(image)
    writer.release()
    return path


class _Counter:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.events = 0

    def __call__(self, _event: object) -> None:
        with self.lock:
            self.events += 1


def run(argv: list[str]) -> list[Figure]:
    parser = argparse.ArgumentParser(prog="python -m bench camera-monitor")
    parser.add_argument("--streams", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--warmup", type=float, default=3.0)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="venue-bench-") as tmp:
        clip = make_clip(Path(tmp) / "room.mp4")
        counter = _Counter()
        config = MonitorConfig(
            source=SourceConfig(file_end=FileEnd.LOOP, realtime=True),
            out_dir=Path(tmp) / "rec",
            segment_minutes=1,
        )
        monitors = [
            CameraMonitor(f"room-{i + 1}", parse_source(str(clip)), counter, config)
            for i in range(args.streams)
        ]
        analysed = [0] * len(monitors)
        for i, monitor in enumerate(monitors):
            _count_frames(monitor, analysed, i)
            monitor.start()
        time.sleep(args.warmup)
        before = list(analysed)
        cpu, wall = time.process_time(), time.perf_counter()
        time.sleep(args.seconds)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        after = list(analysed)
        for monitor in monitors:
            monitor.stop()
        dropped = sum(m._queue.dropped for m in monitors)
    fps = sum(a - b for a, b in zip(after, before, strict=True)) / len(monitors) / wall
    note(
        f"{args.streams} streams 1280x720 @15 fps for {wall:.1f} s: {cpu:.2f} s CPU, "
        f"{fps:.1f} frames/s analysed per stream, {dropped} frames dropped, {counter.events} events"
    )
    return [
        Figure(NAME, "cores", round(cpu / wall, 3), "cores", "<= 1.0"),
        Figure(NAME, "fps_per_stream", round(fps, 2), "frames/s", ">= 14"),
    ]


def _count_frames(monitor: CameraMonitor, counts: list[int], index: int) -> None:
    """Count analysed frames by wrapping the monitor's per-frame step (benchmark instrumentation)."""
    original = monitor._on_frame

    def counted(frame: Frame) -> None:
        original(frame)
        counts[index] += 1

    monitor._on_frame = counted  # type: ignore[method-assign]
