"""Videos and frames with known content, written through OpenCV into a test's tmp_path."""

from __future__ import annotations

import queue
import time
from collections.abc import Callable
from pathlib import Path

import cv2

from devices.camera.frames import Frame, Image
from devices.camera.simulator import Episode, Scene, SyntheticCapture

SMALL = {"width": 320, "height": 240}


def scene(frames: int, *episodes: Episode, **kw: object) -> Scene:
    return Scene(frames=frames, episodes=tuple(episodes), **{**SMALL, **kw})  # type: ignore[arg-type]


def frames_of(s: Scene) -> list[Image]:
    cap = SyntheticCapture(s)
    out: list[Image] = []
    while True:
        ok, image = cap.read()
        if not ok or image is None:
            return out
        out.append(image)


def as_frames(images: list[Image], fps: float = 15.0) -> list[Frame]:
    """Frames with the timestamps a camera at `fps` would give them."""
    return [Frame(image, i, i / fps, 1_700_000_000 + i / fps) for i, image in enumerate(images)]


def write_video(path: Path, images: list[Image], fps: float = 15.0, codec: str = "MJPG") -> Path:
    """MJPG keeps each frame intact enough for pixel-level expectations (motion bounds)."""
    h, w = images[0].shape[:2]
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*codec), fps, (w, h))
    assert writer.isOpened(), f"OpenCV cannot write {codec} here"
    for image in images:
        writer.write(image)
    writer.release()
    return path


def collect(
    events: queue.Queue[object], until: Callable[[list[object]], bool], timeout: float
) -> list[object]:
    """Events received until `until(events so far)` holds or `timeout` passes."""
    seen: list[object] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            seen.append(events.get(timeout=0.05))
        except queue.Empty:
            continue
        if until(seen):
            break
    return seen


def of_type(events: list[object], kind: type) -> list[object]:
    return [e for e in events if isinstance(e, kind)]
