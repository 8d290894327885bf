"""The downscaled grayscale view every analyser works on: computed once per frame, shared."""

from __future__ import annotations

from dataclasses import dataclass

import cv2

from devices.camera.frames import Frame, Image


@dataclass(frozen=True, eq=False)
class AnalysisFrame:
    """`small` is the frame shrunk to `analysis_width` pixels wide (BGR, or grey from a grey source),
    `gray` its grey version; `scale` maps their pixels back to full-frame pixels (full = small × scale)."""

    seq: int
    t_mono: float
    small: Image
    gray: Image
    scale: float
    full_width: int
    full_height: int


def downscale(frame: Frame, analysis_width: int = 320) -> AnalysisFrame:
    image = frame.image
    full_h, full_w = image.shape[:2]
    small = image
    if full_w > analysis_width:
        # INTER_AREA averages the sensor noise away, which spares the background model false alarms.
        small_h = max(1, round(full_h * analysis_width / full_w))
        small = cv2.resize(image, (analysis_width, small_h), interpolation=cv2.INTER_AREA)
    # Colour is kept for motion: on grey alone, MOG2 calls any darker object a "shadow" (a person in
    # dark clothes would vanish); its colour shadow test also looks at chromaticity.
    gray = cv2.cvtColor(small, cv2.COLOR_BGR2GRAY) if small.ndim == 3 else small
    return AnalysisFrame(frame.seq, frame.t_mono, small, gray, full_w / small.shape[1], full_w, full_h)
