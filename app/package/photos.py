"""Registration photos for the demo: small JPEG portraits drawn with OpenCV, each distinct enough
(background, skin, hair, glasses) that an invigilator comparing two photos on screen can tell them
apart. Deterministic from the random generator passed in."""

from __future__ import annotations

import random

import numpy as np

WIDTH, HEIGHT = 120, 160
_BACKGROUNDS = [(235, 200, 140), (250, 250, 250), (60, 60, 200), (200, 120, 40), (220, 220, 200)]  # BGR
_SKINS = [(170, 200, 235), (150, 185, 225), (120, 160, 205), (100, 140, 190), (185, 210, 240)]
_HAIR = [(20, 20, 20), (30, 35, 50), (45, 60, 90), (90, 90, 90), (15, 25, 35)]
_CLOTHES = [(60, 40, 20), (40, 40, 40), (120, 120, 120), (30, 30, 120), (250, 250, 250), (90, 60, 30)]


def portrait(rng: random.Random, female: bool, quality: int = 85) -> bytes:
    import cv2  # only the demo draws portraits: OpenCV stays out of every desk's start-up

    img = np.empty((HEIGHT, WIDTH, 3), np.uint8)
    img[:] = rng.choice(_BACKGROUNDS)
    skin, hair, clothes = rng.choice(_SKINS), rng.choice(_HAIR), rng.choice(_CLOTHES)
    cx = WIDTH // 2 + rng.randint(-4, 4)
    face_w, face_h = rng.randint(26, 32), rng.randint(34, 40)
    cy = 70 + rng.randint(-4, 4)
    # Shoulders and neck first, so the face sits on top.
    cv2.ellipse(img, (cx, HEIGHT + 10), (55, 45), 0, 180, 360, clothes, -1)
    cv2.rectangle(img, (cx - 10, cy + face_h - 8), (cx + 10, cy + face_h + 14), skin, -1)
    if female and rng.random() < 0.8:  # long hair falls behind the face to the shoulders, not under the chin
        cv2.ellipse(img, (cx, cy - 6), (face_w + 7, face_h + 2), 0, 0, 360, hair, -1)
        cv2.rectangle(img, (cx - face_w - 7, cy - 6), (cx + face_w + 7, cy + face_h // 2 + 8), hair, -1)
    cv2.ellipse(img, (cx, cy), (face_w, face_h), 0, 0, 360, skin, -1)
    cv2.ellipse(img, (cx, cy - face_h // 3), (face_w + 3, face_h - 6), 0, 180, 360, hair, -1)
    eye_y, eye_dx = cy + rng.randint(-4, 2), rng.randint(9, 13)
    for side in (-1, 1):
        cv2.circle(img, (cx + side * eye_dx, eye_y), 3, (40, 30, 30), -1)
        cv2.line(img, (cx + side * eye_dx - 5, eye_y - 7), (cx + side * eye_dx + 5, eye_y - 8), hair, 2)
    if rng.random() < 0.3:  # glasses
        for side in (-1, 1):
            cv2.circle(img, (cx + side * eye_dx, eye_y), 7, (30, 30, 30), 1)
        cv2.line(img, (cx - eye_dx + 7, eye_y), (cx + eye_dx - 7, eye_y), (30, 30, 30), 1)
    cv2.line(img, (cx, eye_y + 4), (cx - 2, eye_y + 14), tuple(int(c * 0.8) for c in skin), 2)
    mouth_w = rng.randint(7, 11)
    cv2.ellipse(img, (cx, eye_y + 22), (mouth_w, 3), 0, 0, 180, (80, 80, 170), 2)
    ok, encoded = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise RuntimeError("JPEG encoding failed")
    return bytes(encoded.tobytes())
