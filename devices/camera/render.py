"""Render admission-ticket codes into frames: the camera scanner's simulator and its test fixtures.

pyzbar only decodes, so codes are drawn here without extra dependencies: a small Code 128 encoder
(subsets B and C, the checksum of ISO/IEC 15417) and QR through OpenCV's `QRCodeEncoder`.
"""

from __future__ import annotations

import cv2
import numpy as np

from devices.camera.frames import Image

# Bar/space widths of the 107 Code 128 symbols (values 0..105, then the stop symbol), from ISO/IEC 15417.
_PATTERNS = (
    "212222 222122 222221 121223 121322 131222 122213 122312 132212 221213 221312 231212 112232 "
    "122132 122231 113222 123122 123221 223211 221132 221231 213212 223112 312131 311222 321122 "
    "321221 312212 322112 322211 212123 212321 232121 111323 131123 131321 112313 132113 132311 "
    "211313 231113 231311 112133 112331 132131 113123 113321 133121 313121 211331 231131 213113 "
    "213311 213131 311123 311321 331121 312113 312311 332111 314111 221411 431111 111224 111422 "
    "121124 121421 141122 141221 112214 112412 122114 122411 142112 142211 241211 221114 413111 "
    "241112 134111 111242 121142 121241 114212 124112 124211 411212 421112 421211 212141 214121 "
    "412121 111143 111341 131141 114113 114311 411113 411311 113141 114131 311141 411131 211412 "
    "211214 211232 2331112"
).split()
_START_B = 104
_START_C = 105
_STOP = 106
_QUIET_MODULES = 10


def code128_values(text: str) -> list[int]:
    """Symbol values for `text` including start, checksum and stop. Digit-only text of even length
    uses subset C (two digits a symbol, as ticket numbers usually are); anything else subset B."""
    if not text:
        raise ValueError("Code 128 needs at least one character")
    if len(text) % 2 == 0 and text.isdigit() and text.isascii():
        data = [int(text[i : i + 2]) for i in range(0, len(text), 2)]
        start = _START_C
    else:
        bad = [c for c in text if not 32 <= ord(c) <= 126]
        if bad:
            raise ValueError(f"Code 128 subset B cannot encode {bad[0]!r}")
        data = [ord(c) - 32 for c in text]
        start = _START_B
    checksum = (start + sum(i * v for i, v in enumerate(data, start=1))) % 103
    return [start, *data, checksum, _STOP]


def code128_modules(text: str) -> list[bool]:
    """The code as modules (True = bar), quiet zones included."""
    modules = [False] * _QUIET_MODULES
    for value in code128_values(text):
        for i, width in enumerate(_PATTERNS[value]):
            modules.extend([i % 2 == 0] * int(width))
    modules.extend([False] * _QUIET_MODULES)
    return modules


def render_code128(text: str, module_px: int = 3, height_px: int = 80) -> Image:
    """A white-on-black-bars grayscale image of `text` as Code 128."""
    row = np.array([0 if bar else 255 for bar in code128_modules(text)], dtype=np.uint8)
    row = np.repeat(row, module_px)
    return np.ascontiguousarray(np.tile(row, (height_px, 1)))


def render_qr(text: str, module_px: int = 6) -> Image:
    """A grayscale QR code of `text` with a 4-module quiet zone."""
    encoder = cv2.QRCodeEncoder.create()
    qr: Image = encoder.encode(text)
    if qr.size == 0:
        raise ValueError("OpenCV could not encode this text as QR")
    big = cv2.resize(qr, None, fx=module_px, fy=module_px, interpolation=cv2.INTER_NEAREST)
    return np.pad(big, 4 * module_px, constant_values=255)


def paste(frame: Image, patch: Image, x: int, y: int) -> None:
    """Paste a grayscale patch into a grayscale or BGR frame in place, clipped to the frame."""
    h = min(patch.shape[0], frame.shape[0] - y)
    w = min(patch.shape[1], frame.shape[1] - x)
    if h <= 0 or w <= 0:
        return
    part = patch[:h, :w]
    if frame.ndim == 3:
        frame[y : y + h, x : x + w] = part[:, :, None]
    else:
        frame[y : y + h, x : x + w] = part


def textured_background(width: int, height: int, seed: int = 0, color: bool = True) -> Image:
    """A desk-like scene: smooth texture with some edges, so detectors see a realistic image."""
    rng = np.random.default_rng(seed)
    coarse = rng.integers(40, 215, (max(2, height // 24), max(2, width // 24), 3), dtype=np.uint8)
    scene: Image = cv2.resize(coarse, (width, height), interpolation=cv2.INTER_CUBIC)
    for _ in range(12):
        x, y = int(rng.integers(0, width)), int(rng.integers(0, height))
        w, h = int(rng.integers(width // 20, width // 5)), int(rng.integers(height // 20, height // 5))
        shade = tuple(int(v) for v in rng.integers(0, 255, 3))
        cv2.rectangle(scene, (x, y), (x + w, y + h), shade, -1)
    scene = cv2.GaussianBlur(scene, (5, 5), 0)
    if not color:
        return np.ascontiguousarray(cv2.cvtColor(scene, cv2.COLOR_BGR2GRAY))
    return scene


def ticket_frame(
    background: Image, code: str, symbology: str = "CODE128", x: int = 40, y: int = 40, module_px: int = 3
) -> Image:
    """`background` with an admission ticket (white card with the code) held in view."""
    frame = background.copy()
    patch = render_code128(code, module_px) if symbology == "CODE128" else render_qr(code, module_px)
    card = np.pad(patch, 12, constant_values=255)
    paste(frame, card, x, y)
    return frame
