"""The downscaled view every analyser works on: computed once per frame, shared."""

from __future__ import annotations

from dataclasses import dataclass

import cv2

from devices.camera.frames import Frame, Image, Layout
from devices.camera.pixels import shrink, small_bgr_from_i420


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
    full_w, full_h = frame.width, frame.height
    if frame.layout is Layout.YUYV:
        # From the I420 planes the recorder encodes (made once per frame): the Y plane shrunk, the
        # chroma planes shrunk, then converted at 320 pixels, never the full frame to BGR.
        small = small_bgr_from_i420(frame.i420(), analysis_width)
    else:
        small_w = min(analysis_width, full_w)
        small = shrink(frame.pixels, small_w, max(1, round(full_h * small_w / full_w)))
    # Colour is kept for motion: on grey alone, MOG2 calls any darker object a "shadow" (a person in
    # dark clothes would vanish); its colour shadow test also looks at chromaticity.
    gray = cv2.cvtColor(small, cv2.COLOR_BGR2GRAY) if small.ndim == 3 else small
    return AnalysisFrame(frame.seq, frame.t_mono, small, gray, full_w / small.shape[1], full_w, full_h)
