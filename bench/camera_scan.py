"""`python -m bench camera-scan`: the camera ticket scanner's throughput on 1280×720 frames.

Figures (the process pinned to one core; times are that core's CPU seconds, so other programs
sharing the machine do not distort them; `fps_wall` gives the wall-clock view too):
- `fps`: frames through the whole pipeline (source thread → queue → worker: grey conversion, zxing-cpp
  restricted to Code 128 + QR, pyzbar's second opinion on each new code and as a fallback with the
  preprocessing passes on frames where zxing found nothing, the ticket-pattern verdict, appearance
  tracking) per CPU second. Target ≥ 30.
- `overhead_ratio`: that pipeline's time / a bare loop of the primary decoder alone,
  `zxingcpp.read_barcodes(frame, formats=…)`, over the same BGR frames. Target ≤ 1.2.
- `overhead_ratio_vs_grey`: the pipeline / the same bare loop over frames converted to grey
  beforehand: the cost of the second decoder, the passes, the threads, the queue and the tracking.

Frames are generated in memory: a textured desk with sensor noise, a Code 128 ticket in some, a QR
ticket in others, nothing in the rest.
"""

from __future__ import annotations

import argparse
import os
import threading
import time

import cv2
import numpy as np

from bench.common import Figure, note
from devices.camera.frames import Image
from devices.camera.render import textured_background, ticket_frame
from devices.camera.simulator import ListCapture
from devices.camera.source import SourceConfig, SourceKind, SourceSpec
from devices.scanner.camera import CameraScanner, CameraScannerConfig
from devices.scanner.decoding import zxing_read

NAME = "camera-scan"


def make_frames(count: int, width: int = 1280, height: int = 720) -> list[Image]:
    background = textured_background(width, height, seed=7)
    rng = np.random.default_rng(7)
    noise = [rng.integers(0, 5, background.shape, dtype=np.uint8) for _ in range(4)]
    code128 = ticket_frame(background, "3201240500123", "CODE128", width // 5, height // 3, 3)
    qr = ticket_frame(background, "3201240500456", "QRCODE", width // 3, height // 4, 6)
    frames: list[Image] = []
    for i in range(count):
        phase = i % 40  # a ticket held up, taken away, a QR ticket, nothing
        base = code128 if phase < 15 else qr if 25 <= phase < 35 else background
        frames.append(cv2.add(base, noise[i % len(noise)]))
    return frames


def bare_loop(frames: list[Image]) -> tuple[float, float]:
    """CPU and wall seconds of decoding every frame with the primary decoder alone."""
    cpu, wall = time.process_time(), time.perf_counter()
    for frame in frames:
        zxing_read(frame)
    return time.process_time() - cpu, time.perf_counter() - wall


def pipeline(frames: list[Image]) -> tuple[float, float, int]:
    """CPU and wall seconds of the scanner over every frame, and the scans it reported."""
    done = threading.Event()
    scans: list[object] = []
    total = len(frames)
    # Every frame is decoded (no dropping) so both runs do the same work.
    # Frames run faster than real time here, so absence is counted in frames only.
    config = CameraScannerConfig(
        source=SourceConfig(queue_size=2, realtime=False, drop_when_busy=False), absent_s=0.0
    )
    scanner = CameraScanner(
        "bench",
        SourceSpec(SourceKind.SIMULATOR, "bench"),
        scans.append,
        config,
        lambda _s: ListCapture(frames),
    )
    original = scanner.process

    def counted(frame):  # type: ignore[no-untyped-def]
        result = original(frame)
        if scanner.frames_decoded >= total:
            done.set()
        return result

    scanner.process = counted  # type: ignore[method-assign]
    cpu, wall = time.process_time(), time.perf_counter()
    scanner.start()
    done.wait(300)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    scanner.stop()
    return cpu, wall, sum(1 for s in scans if type(s).__name__ == "Scan")


def run(argv: list[str]) -> list[Figure]:
    parser = argparse.ArgumentParser(prog="python -m bench camera-scan")
    parser.add_argument("--frames", type=int, default=240)
    args = parser.parse_args(argv)
    frames = make_frames(args.frames)
    cpus = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else set()
    if cpus:
        os.sched_setaffinity(0, {min(cpus)})  # "on one core": threads included
    try:
        bare_loop(frames[:10])  # warm caches and the decoder libraries
        bare_cpu, bare_wall = bare_loop(frames)
        grey_cpu, _ = bare_loop([cv2.cvtColor(f, cv2.COLOR_BGR2GRAY) for f in frames])
        ours_cpu, ours_wall, scans = pipeline(frames)
    finally:
        if cpus:
            os.sched_setaffinity(0, cpus)
    note(
        f"{args.frames} frames 1280x720 on one core: bare zxing-cpp {bare_cpu:.2f} s CPU ({bare_wall:.2f} s wall), "
        f"bare on grey {grey_cpu:.2f} s CPU, pipeline {ours_cpu:.2f} s CPU ({ours_wall:.2f} s wall), "
        f"{scans} scans reported (expected {2 * (args.frames // 40)})"
    )
    return [
        Figure(NAME, "fps", round(args.frames / ours_cpu, 1), "frames/s", ">= 30"),
        Figure(NAME, "fps_wall", round(args.frames / ours_wall, 1), "frames/s", "informative"),
        Figure(NAME, "overhead_ratio", round(ours_cpu / bare_cpu, 3), "ratio", "<= 1.2"),
        Figure(NAME, "overhead_ratio_vs_grey", round(ours_cpu / grey_cpu, 3), "ratio", "<= 1.2"),
    ]
