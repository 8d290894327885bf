"""The camera family's simulator (模拟摄像头): a `Capture` that generates frames with known content,
so the monitor, the scanner, the CLI and the benches run without a camera.

A scene is a textured, lightly noisy background plus scripted episodes over frame numbers:
an object crossing, the lens covered (black), defocused (blurred), the camera moved (shifted view),
a frozen feed (the same frame repeated), a stalled feed (read() blocks), or a ticket held in view.
`V4L2Capture` plays frames in memory as a USB camera on Linux hands them over.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import cv2
import numpy as np

from devices.camera.frames import Image
from devices.camera.pixels import YUYV_FOURCC
from devices.camera.render import textured_background, ticket_frame

KINDS = ("object", "black", "blur", "shift", "freeze", "stall", "ticket")


@dataclass(frozen=True)
class Episode:
    kind: str  # one of KINDS
    start: int  # first frame (0-based) of the episode
    end: int  # last frame, inclusive
    value: str = ""  # the ticket's code for "ticket" ("CODE128:…" or "QRCODE:…")


@dataclass(frozen=True)
class Scene:
    width: int = 320
    height: int = 240
    fps: float = 15.0
    frames: int | None = None  # None: endless (episodes repeat every `period` frames when set)
    period: int | None = None
    seed: int = 0
    noise: int = 4  # amplitude of the sensor noise, in grey levels
    episodes: tuple[Episode, ...] = field(default_factory=tuple)


def object_box(scene: Scene, episode: Episode, index: int) -> tuple[int, int, int, int]:
    """Where the crossing object is at frame `index`: x, y, w, h in frame pixels."""
    w, h = scene.width // 8, scene.height // 6
    span = max(1, episode.end - episode.start)
    x = int((scene.width - w) * (index - episode.start) / span)
    return x, scene.height // 3, w, h


class SyntheticCapture:
    """Implements the `Capture` protocol over a `Scene`."""

    def __init__(self, scene: Scene, stall_s: float = 30.0) -> None:
        self.scene = scene
        self._stall_s = stall_s
        base = textured_background(scene.width, scene.height, scene.seed)
        rng = np.random.default_rng(scene.seed + 1)
        # A few precomputed noisy variants: generating noise per frame would dominate the benches.
        self._variants = [
            cv2.add(base, rng.integers(0, scene.noise + 1, base.shape, dtype=np.uint8)) for _ in range(4)
        ]
        for v in self._variants:
            v.flags.writeable = False
        self._index = 0
        self._open = True
        self._frozen: Image | None = None

    def isOpened(self) -> bool:
        return self._open

    def get(self, prop_id: int) -> float:
        if prop_id == cv2.CAP_PROP_FPS:
            return self.scene.fps
        if prop_id == cv2.CAP_PROP_FRAME_WIDTH:
            return float(self.scene.width)
        if prop_id == cv2.CAP_PROP_FRAME_HEIGHT:
            return float(self.scene.height)
        return 0.0

    def set(self, prop_id: int, value: float) -> bool:
        if prop_id == cv2.CAP_PROP_POS_FRAMES:
            self._index = int(value)
            return True
        return False

    def release(self) -> None:
        self._open = False

    def read(self, image: Image | None = None) -> tuple[bool, Image | None]:
        if not self._open or (self.scene.frames is not None and self._index >= self.scene.frames):
            return False, None
        index = self._index
        self._index += 1
        return True, self.render(index)

    def render(self, index: int) -> Image:
        scene = self.scene
        local = index % scene.period if scene.period else index
        image: Image = self._variants[index % len(self._variants)]
        active = [e for e in scene.episodes if e.start <= local <= e.end]
        if not any(e.kind == "freeze" for e in active):
            self._frozen = None
        for episode in active:
            image = self._apply(episode, local, image)
        return image

    def _apply(self, episode: Episode, index: int, image: Image) -> Image:
        kind = episode.kind
        if kind == "object":
            out = image.copy()
            x, y, w, h = object_box(self.scene, episode, index)
            cv2.rectangle(out, (x, y), (x + w - 1, y + h - 1), (30, 30, 220), -1)
            return out
        if kind == "black":
            return np.zeros_like(image)
        if kind == "blur":
            k = (max(3, self.scene.width // 20)) | 1
            return cv2.GaussianBlur(image, (k, k), 0)
        if kind == "shift":
            dx, dy = self.scene.width // 6, self.scene.height // 8
            matrix = np.array([[1.0, 0.0, dx], [0.0, 1.0, dy]], dtype=np.float32)
            return cv2.warpAffine(
                image, matrix, (self.scene.width, self.scene.height), borderMode=cv2.BORDER_REFLECT
            )
        if kind == "freeze":
            if self._frozen is None:
                self._frozen = image
            return self._frozen
        if kind == "stall":
            time.sleep(self._stall_s)  # a camera that stops answering without an error
            return image
        if kind == "ticket":
            symbology, _, code = episode.value.partition(":")
            module = max(2, self.scene.width // 400)
            return ticket_frame(image, code, symbology, self.scene.width // 8, self.scene.height // 4, module)
        raise ValueError(f"unknown episode kind {kind!r}")


SCENARIOS: dict[str, Scene] = {
    # An object crosses every 10 s (150 frames), for 3 s.
    "motion": Scene(width=640, height=360, period=150, episodes=(Episode("object", 75, 120),)),
    # A ticket is shown every 4 s, alternately as Code 128 and QR.
    "ticket": Scene(
        width=1280,
        height=720,
        period=120,
        episodes=(
            Episode("ticket", 15, 45, "CODE128:3201240500123"),
            Episode("ticket", 75, 105, "QRCODE:3201240500456"),
        ),
    ),
    # The paper room in trouble: covered, defocused, moved, each for 4 s in a 24 s cycle.
    "tamper": Scene(
        width=640,
        height=360,
        period=360,
        episodes=(Episode("black", 90, 150), Episode("blur", 180, 240), Episode("shift", 270, 330)),
    ),
}


def scenario_capture(name: str) -> SyntheticCapture:
    """The simulator behind `sim:NAME` sources."""
    if name not in SCENARIOS:
        raise ValueError(f"unknown simulator scenario {name!r} (known: {', '.join(SCENARIOS)})")
    return SyntheticCapture(SCENARIOS[name])


class ListCapture:
    """A `Capture` over frames already in memory (stills for the scanner, benches over fixed frames)."""

    def __init__(self, frames: list[Image], fps: float = 15.0, loop: bool = False) -> None:
        if not frames:
            raise ValueError("ListCapture needs at least one frame")
        self._frames = frames
        self._fps = fps
        self._loop = loop
        self._index = 0
        self._open = True

    def isOpened(self) -> bool:
        return self._open

    def get(self, prop_id: int) -> float:
        return self._fps if prop_id == cv2.CAP_PROP_FPS else 0.0

    def set(self, prop_id: int, value: float) -> bool:
        if prop_id == cv2.CAP_PROP_POS_FRAMES:
            self._index = int(value)
            return True
        return False

    def release(self) -> None:
        self._open = False

    def read(self, image: Image | None = None) -> tuple[bool, Image | None]:
        if self._index >= len(self._frames):
            if not self._loop:
                return False, None
            self._index = 0
        frame = self._frames[self._index]
        self._index += 1
        return self._open, frame


class V4L2Capture(ListCapture):
    """A USB camera sending YUYV as OpenCV's V4L2 backend presents it (`frames`: packed (h, w, 2)):
    each read() converted to BGR unless `CAP_PROP_CONVERT_RGB` was turned off, when the driver's
    YUYV buffer is copied as it is into the array given to read() (or a new one). For the benches
    and tests: no camera there."""

    def __init__(self, frames: list[Image], fps: float = 15.0, loop: bool = False) -> None:
        super().__init__(frames, fps, loop)
        self._convert = True

    def getBackendName(self) -> str:
        return "V4L2"

    def get(self, prop_id: int) -> float:
        if prop_id == cv2.CAP_PROP_FOURCC:
            return float(YUYV_FOURCC)
        if prop_id == cv2.CAP_PROP_CONVERT_RGB:
            return float(self._convert)
        return super().get(prop_id)

    def set(self, prop_id: int, value: float) -> bool:
        if prop_id == cv2.CAP_PROP_CONVERT_RGB:
            self._convert = bool(value)
            return True
        return super().set(prop_id, value)

    def read(self, image: Image | None = None) -> tuple[bool, Image | None]:
        ok, frame = super().read()
        if not ok or frame is None:
            return ok, frame
        if self._convert:
            return ok, cv2.cvtColor(frame, cv2.COLOR_YUV2BGR_YUYV)
        if image is None or image.shape != frame.shape or image.dtype != frame.dtype:
            return ok, frame.copy()
        np.copyto(image, frame)  # as OpenCV copies the driver's buffer into the array it was given
        return ok, image
