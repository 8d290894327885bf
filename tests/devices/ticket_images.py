"""Generated ticket photographs: a ticket's code drawn by zxing-cpp's writer (an encoder independent
of ours), printed on a card lying on a desk or shown on a phone screen, then put through what a
camera does to it — sensor noise, defocus, a 12° tilt, perspective, dim light — with OpenCV, and
written to real image files."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import zxingcpp

from devices.camera.frames import Image
from devices.camera.render import textured_background

WIDTH, HEIGHT = 1280, 720


@dataclass(frozen=True)
class Subject:
    """What is held in front of the camera: a code and how it is shown."""

    name: str
    symbology: str  # as the decoders report it: CODE128 or QRCODE
    code: str
    phone: bool = False  # a phone screen (lit, on a dark body) rather than a paper ticket


SUBJECTS = (
    Subject("code128-number", "CODE128", "26010203040506"),
    Subject("code128-text", "CODE128", "ZK2026-0001-A"),
    Subject("qr-phone", "QRCODE", "准考证号 26010203040507", phone=True),
)


def _code(subject: Subject) -> Image:
    fmt = zxingcpp.BarcodeFormat.Code128 if subject.symbology == "CODE128" else zxingcpp.BarcodeFormat.QRCode
    image = np.asarray(zxingcpp.create_barcode(subject.code, fmt).to_image(scale=1, add_quiet_zones=True))
    if subject.symbology == "CODE128":  # bars 3 px a module, 110 px tall
        return cv2.resize(image, (image.shape[1] * 3, 110), interpolation=cv2.INTER_NEAREST)
    return cv2.resize(image, None, fx=5, fy=5, interpolation=cv2.INTER_NEAREST)


def clean_photo(subject: Subject, seed: int = 1) -> Image:
    """The subject in the middle of a desk scene, a little soft as a lens makes it."""
    scene = textured_background(WIDTH, HEIGHT, seed=seed)
    code = _code(subject)
    if subject.phone:  # a screen's black is grey-ish and its white not paper-white
        card = np.pad(np.clip(code, 30, 235), 16, constant_values=235)
        card = np.pad(card, ((60, 90), (18, 18)), constant_values=20)  # the phone's body
    else:
        card = np.pad(code, ((30, 50), (30, 30)), constant_values=245)
    ch, cw = card.shape
    y, x = (HEIGHT - ch) // 2, (WIDTH - cw) // 2
    scene[y : y + ch, x : x + cw] = card[:, :, None]
    return cv2.GaussianBlur(scene, (3, 3), 0.7)


def _noise(image: Image, rng: np.random.Generator) -> Image:
    noisy = image.astype(np.float32) + rng.normal(0, 28, image.shape)
    return np.clip(noisy, 0, 255).astype(np.uint8)


def _blur(image: Image, rng: np.random.Generator) -> Image:
    return cv2.GaussianBlur(image, (0, 0), 1.6)


def _rotate(image: Image, rng: np.random.Generator) -> Image:
    matrix = cv2.getRotationMatrix2D((WIDTH / 2, HEIGHT / 2), 12, 1.0)
    return cv2.warpAffine(image, matrix, (WIDTH, HEIGHT), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT)


def _perspective(image: Image, rng: np.random.Generator) -> Image:
    src = np.float32([[0, 0], [WIDTH, 0], [WIDTH, HEIGHT], [0, HEIGHT]])
    dst = np.float32([[110, 40], [WIDTH - 60, 0], [WIDTH - 10, HEIGHT], [30, HEIGHT - 50]])
    return cv2.warpPerspective(image, cv2.getPerspectiveTransform(src, dst), (WIDTH, HEIGHT),
                               flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT)


def _dim(image: Image, rng: np.random.Generator) -> Image:
    dark = image.astype(np.float32) * 0.18 + 6 + rng.normal(0, 2.5, image.shape)
    return np.clip(dark, 0, 255).astype(np.uint8)


CONDITIONS: dict[str, Callable[[Image, np.random.Generator], Image]] = {
    "clean": lambda image, _rng: image,
    "noise": _noise,
    "blur": _blur,
    "rotated-12": _rotate,
    "perspective": _perspective,
    "dim": _dim,
}


@dataclass(frozen=True)
class TicketImage:
    path: Path
    subject: Subject
    condition: str


def write_ticket_images(folder: Path) -> list[TicketImage]:
    """The 18 generated photographs (3 subjects × 6 conditions) as PNG files in `folder`."""
    made: list[TicketImage] = []
    for i, subject in enumerate(SUBJECTS):
        base = clean_photo(subject, seed=i + 1)
        for j, (condition, transform) in enumerate(CONDITIONS.items()):
            image = transform(base, np.random.default_rng(100 * i + j))
            path = folder / f"{subject.name}-{condition}.png"
            assert cv2.imwrite(str(path), image), path
            made.append(TicketImage(path, subject, condition))
    return made
