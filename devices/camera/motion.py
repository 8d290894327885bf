"""Motion detection (移动侦测) for the secure paper room.

MOG2 background subtraction on the downscaled colour frame; shadows (mask value 127) are dropped by
thresholding above them; a morphological open removes speckle; contours below a minimum area are
ignored. Motion must persist over several consecutive frames to start an episode, and an episode
ends after some quiet frames. Each episode gives one `MotionStarted` (promptly, for the camera wall)
and one `MotionEvent` at its end with its start/end frames and bounds in full-frame pixels.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from devices.camera.analysis import AnalysisFrame

Box = tuple[int, int, int, int]  # x, y, width, height in full-frame pixels


@dataclass(frozen=True)
class MotionConfig:
    """Counts are of the frames fed (a monitor feeds one in `MonitorConfig.analyse_every`)."""

    history: int = 500
    var_threshold: float = 16.0
    min_area_frac: float = 0.002  # of the frame: smaller blobs are noise, insects, flicker
    max_area_frac: float = 0.6  # more than this changing at once is lighting or tamper, not motion
    persist_frames: int = 3
    quiet_frames: int = 8
    cooldown_s: float = 2.0  # after an episode ends, motion this soon does not start a new one
    warmup_frames: int = 25  # the model learns the scene before anything counts


@dataclass(frozen=True)
class MotionStarted:
    camera: str
    start_seq: int
    t_mono: float
    bounds: Box


@dataclass(frozen=True)
class MotionEvent:
    """One motion episode: frames `start_seq`..`end_seq`, `bounds` their union, `boxes` the
    distinct regions of the frame with the most moving area."""

    camera: str
    start_seq: int
    end_seq: int
    start_mono: float
    end_mono: float
    bounds: Box
    boxes: tuple[Box, ...]


def union(a: Box, b: Box) -> Box:
    x, y = min(a[0], b[0]), min(a[1], b[1])
    return x, y, max(a[0] + a[2], b[0] + b[2]) - x, max(a[1] + a[3], b[1] + b[3]) - y


class MotionDetector:
    """Feed it every analysis frame in order; it returns the events that frame completes."""

    def __init__(self, camera: str, config: MotionConfig = MotionConfig()) -> None:
        self.camera = camera
        self.config = config
        self._subtractor = cv2.createBackgroundSubtractorMOG2(
            history=config.history, varThreshold=config.var_threshold, detectShadows=True
        )
        self._kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (3, 3))
        self._seen = 0
        self._run: list[tuple[int, float, list[Box], int]] = []  # candidate frames before persistence
        self._active = False
        self._start: tuple[int, float] = (0, 0.0)
        self._bounds: Box = (0, 0, 0, 0)
        self._peak: tuple[int, tuple[Box, ...]] = (0, ())
        self._last_motion: tuple[int, float] = (0, 0.0)
        self._quiet = 0
        self._cooldown_until = float("-inf")

    def reset(self) -> None:
        """Forget the learned background (after a reopened source or an accepted new view)."""
        self.__init__(self.camera, self.config)  # type: ignore[misc]

    def regions(self, frame: AnalysisFrame) -> tuple[list[Box], int]:
        """Moving regions of this frame in full-frame pixels, and their total area in small pixels."""
        mask = self._subtractor.apply(frame.small)
        _, mask = cv2.threshold(mask, 127, 255, cv2.THRESH_BINARY)  # 127 = shadow: not motion
        mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, self._kernel)
        small_area = mask.shape[0] * mask.shape[1]
        if cv2.countNonZero(mask) > self.config.max_area_frac * small_area:
            return [], -1  # the whole view changed: lighting or tamper, which tamper.py judges
        contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        min_area = self.config.min_area_frac * small_area
        boxes: list[Box] = []
        total = 0
        s = frame.scale
        for contour in contours:
            area = cv2.contourArea(contour)
            if area < min_area:
                continue
            total += int(area)
            x, y, w, h = cv2.boundingRect(contour)
            boxes.append((int(x * s), int(y * s), int(np.ceil(w * s)), int(np.ceil(h * s))))
        return boxes, total

    def feed(self, frame: AnalysisFrame) -> list[MotionStarted | MotionEvent]:
        self._seen += 1
        boxes, area = self.regions(frame)
        if self._seen <= self.config.warmup_frames:
            return []
        if self._active:
            return self._continue(frame, boxes, area)
        if not boxes or frame.t_mono < self._cooldown_until:
            self._run.clear()
            return []
        self._run.append((frame.seq, frame.t_mono, boxes, area))
        if len(self._run) < self.config.persist_frames:
            return []
        return self._begin()

    def _begin(self) -> list[MotionStarted | MotionEvent]:
        self._active = True
        self._quiet = 0
        first_seq, first_t = self._run[0][0], self._run[0][1]
        self._start = (first_seq, first_t)
        bounds: Box | None = None
        for seq, t, boxes, area in self._run:
            for box in boxes:
                bounds = box if bounds is None else union(bounds, box)
            if area > self._peak[0]:
                self._peak = (area, tuple(boxes))
            self._last_motion = (seq, t)
        self._run.clear()
        assert bounds is not None
        self._bounds = bounds
        return [MotionStarted(self.camera, first_seq, first_t, bounds)]

    def _continue(
        self, frame: AnalysisFrame, boxes: list[Box], area: int
    ) -> list[MotionStarted | MotionEvent]:
        if boxes:
            self._quiet = 0
            self._last_motion = (frame.seq, frame.t_mono)
            for box in boxes:
                self._bounds = union(self._bounds, box)
            if area > self._peak[0]:
                self._peak = (area, tuple(boxes))
            return []
        self._quiet += 1
        if self._quiet < self.config.quiet_frames:
            return []
        return [self.finish()]

    def finish(self) -> MotionEvent:
        """End the current episode now (also used when the source stops mid-episode)."""
        end_seq, end_t = self._last_motion
        event = MotionEvent(
            self.camera, self._start[0], end_seq, self._start[1], end_t, self._bounds, self._peak[1]
        )
        self._active = False
        self._peak = (0, ())
        self._cooldown_until = end_t + self.config.cooldown_s
        return event

    @property
    def active(self) -> bool:
        return self._active
