"""Tamper detection (遮挡/虚焦/移位) for the paper-room cameras.

Judged on the downscaled grey frame, every `check_every` frames (tampering lasts seconds; checking
each frame would only burn CPU):

- covered: the picture collapses to one flat tone (brightness or contrast near zero);
- defocused: sharpness (variance of the Laplacian) falls well below the learned reference;
- moved: the whole view is shifted against the reference frame (phase correlation, in single
  precision on a half-size copy of the grey frame: a fifth of the CPU of the full one in double).

A condition must hold over `persist_checks` checks before it is reported, is reported once while it
lasts, and its end is reported as `recovered` (with `ended` naming it). Signal loss comes from the
frame source's watchdog, not from here.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np
from numpy.typing import NDArray

from devices.camera.analysis import AnalysisFrame
from devices.camera.pixels import halve


class TamperKind(enum.Enum):
    COVERED = "covered"
    DEFOCUSED = "defocused"
    MOVED = "moved"
    SIGNAL_LOST = "signal_lost"
    RECOVERED = "recovered"


@dataclass(frozen=True)
class TamperEvent:
    """`kind` is a stable code the GUI translates; `detail` is technician text (English, measured
    values); for `recovered`, `ended` says which condition ended."""

    camera: str
    kind: TamperKind
    t_mono: float
    detail: str = ""
    ended: TamperKind | None = None


@dataclass(frozen=True)
class TamperConfig:
    check_every: int = 5
    learn_checks: int = 5  # checks that form the reference before anything is judged
    covered_max_std: float = 8.0  # grey levels: a lens under a hand or tape is nearly flat
    covered_max_mean: float = 12.0  # or nearly black
    defocus_ratio: float = 0.35  # sharpness below this fraction of the reference
    moved_min_frac: float = 0.04  # shift of at least this fraction of the width (or height)
    moved_min_response: float = 0.05  # below this, the correlation peak is no evidence of anything
    persist_checks: int = 3
    cooldown_s: float = 30.0  # after a condition ends, the same kind is not reported again this soon
    reference_rate: float = 0.02  # how fast the sharpness reference follows the scene (daylight)


_JUDGED = (TamperKind.COVERED, TamperKind.DEFOCUSED, TamperKind.MOVED)


def _shift_view(gray: NDArray[np.uint8]) -> NDArray[np.float32]:
    """What the shift is measured on: a view moved by 4 % of its width moves as much at half size."""
    return halve(gray).astype(np.float32)


class TamperDetector:
    """Feed it every analysis frame in order; it returns the events that frame produces."""

    def __init__(self, camera: str, config: TamperConfig = TamperConfig()) -> None:
        self.camera = camera
        self.config = config
        self._frames = 0
        self._learned: list[float] = []
        self._sharpness_ref: float | None = None
        self._reference: NDArray[np.float32] | None = None
        self._window: NDArray[Any] | None = None
        self._streak = dict.fromkeys(_JUDGED, 0)
        self._active: set[TamperKind] = set()
        self._quiet_until = dict.fromkeys(_JUDGED, float("-inf"))
        self.checks = 0  # frames judged so far (kept across a reset)

    def reset_reference(self) -> None:
        """Accept the current view as the new normal (after a deliberate re-aim or refocus)."""
        checks = self.checks
        self.__init__(self.camera, self.config)  # type: ignore[misc]
        self.checks = checks

    @property
    def active(self) -> frozenset[TamperKind]:
        return frozenset(self._active)

    def feed(self, frame: AnalysisFrame) -> list[TamperEvent]:
        self._frames += 1
        if self._frames % self.config.check_every:
            return []
        self.checks += 1
        return self.check(frame)

    def check(self, frame: AnalysisFrame) -> list[TamperEvent]:
        gray = frame.gray
        mean_arr, std_arr = cv2.meanStdDev(gray)
        mean, std = float(mean_arr.flat[0]), float(std_arr.flat[0])
        sharpness = float(cv2.Laplacian(gray, cv2.CV_32F).var())
        cfg = self.config
        if self._sharpness_ref is None or self._reference is None:
            return self._learn(gray, sharpness, std, mean)
        covered = std <= cfg.covered_max_std or mean <= cfg.covered_max_mean
        findings: dict[TamperKind, str] = {}
        if covered:
            findings[TamperKind.COVERED] = f"mean {mean:.0f}, contrast {std:.1f}"
        else:
            if sharpness < cfg.defocus_ratio * self._sharpness_ref:
                findings[TamperKind.DEFOCUSED] = (
                    f"sharpness {sharpness:.0f} of reference {self._sharpness_ref:.0f}"
                )
            shift = self._shift(gray)
            if shift is not None:
                findings[TamperKind.MOVED] = shift
            if not findings:
                # Follow slow changes of a healthy scene (daylight), never a tampered one.
                r = cfg.reference_rate
                self._sharpness_ref = (1 - r) * self._sharpness_ref + r * sharpness
        return self._judge(findings, frame.t_mono)

    def _learn(self, gray: NDArray[np.uint8], sharpness: float, std: float, mean: float) -> list[TamperEvent]:
        if std <= self.config.covered_max_std or mean <= self.config.covered_max_mean:
            return []  # a covered lens is no reference
        self._learned.append(sharpness)
        if len(self._learned) >= self.config.learn_checks:
            self._sharpness_ref = float(np.median(self._learned))
            self._reference = _shift_view(gray)
            self._window = cv2.createHanningWindow((self._reference.shape[1], self._reference.shape[0]), cv2.CV_32F)
        return []

    def _shift(self, gray: NDArray[np.uint8]) -> str | None:
        assert self._reference is not None and self._window is not None
        view = _shift_view(gray)
        (dx, dy), response = cv2.phaseCorrelate(
            # A copy: OpenCV 5.0's phaseCorrelate applies the window to its inputs in place, which
            # would erode the reference a little more at every check.
            self._reference.copy(),
            view,
            self._window,
        )
        h, w = view.shape[:2]
        frac = self.config.moved_min_frac
        if response >= self.config.moved_min_response and (abs(dx) >= frac * w or abs(dy) >= frac * h):
            return f"view shifted by {dx / w:+.0%} of width, {dy / h:+.0%} of height (peak {response:.2f})"
        return None

    def _judge(self, findings: dict[TamperKind, str], now: float) -> list[TamperEvent]:
        events: list[TamperEvent] = []
        for kind in _JUDGED:
            if kind in findings:
                self._streak[kind] += 1
                if (
                    kind not in self._active
                    and self._streak[kind] >= self.config.persist_checks
                    and now >= self._quiet_until[kind]
                ):
                    self._active.add(kind)
                    events.append(TamperEvent(self.camera, kind, now, findings[kind]))
            else:
                self._streak[kind] = 0
                if kind in self._active:
                    self._active.discard(kind)
                    self._quiet_until[kind] = now + self.config.cooldown_s
                    events.append(
                        TamperEvent(self.camera, TamperKind.RECOVERED, now, f"{kind.value} ended", kind)
                    )
        return events
