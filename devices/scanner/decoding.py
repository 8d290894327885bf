"""Reading ticket codes from camera images: zxing-cpp first, pyzbar second, and a read reported only
when it cannot be a wrong one.

Two decoders: zxing-cpp (the primary: it reads more real photographs and is several times faster on
a 1280×720 frame) and pyzbar (zbar: the second opinion, and it reads some codes zxing misses).

A read is accepted only when
- both decoders read the same text in the same place, or
- it matches the exam's ticket pattern and the other decoder read nothing different there.
Anything else (a text outside the pattern seen by one decoder only, or two decoders disagreeing
about one code) is refused, so the desk never shows a wrong read.

Preprocessing, in the order it is tried when the plain grey image gives nothing: a median filter
(sensor noise), smoothing along the bars (noisy Code 128), contrast normalisation (dim light),
upscale + unsharp mask (small or soft codes) and a ±12° turn (a tilted ticket whose bars no
scanline crosses whole). A still image (`decode_still`) gets every pass; a live frame
(`FrameDecoder`) gets the primary decoder every frame and the other passes spread over the frames
where it found nothing, within a CPU budget relative to the primary's own time.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import cv2
import numpy as np
import zxingcpp
from pyzbar import pyzbar
from pyzbar.pyzbar import ZBarSymbol

from devices.camera.frames import Image
from devices.scanner.ticket import TicketPattern

ZXING_FORMATS = zxingcpp.barcode_formats_from_str("Code128,QRCode")
ZBAR_SYMBOLS = (ZBarSymbol.CODE128, ZBarSymbol.QRCODE)
_SYMBOLOGY = {zxingcpp.BarcodeFormat.Code128: "CODE128", zxingcpp.BarcodeFormat.QRCode: "QRCODE"}
_CONTROL = dict.fromkeys(range(32)) | {127: None}


@dataclass(frozen=True)
class Sighting:
    """A code found in one image. `bounds` is x, y, width, height in image pixels; `decoders`
    names who read it (zxing, zbar)."""

    code: str
    symbology: str
    bounds: tuple[int, int, int, int]
    decoders: tuple[str, ...] = ()


Decoder = Callable[[Image], list[Sighting]]


def to_gray(image: Image) -> Image:
    return cv2.cvtColor(image, cv2.COLOR_BGR2GRAY) if image.ndim == 3 else image


def zxing_read(grey: Image) -> list[Sighting]:
    """Code 128 and QR codes zxing-cpp finds in a grey image."""
    found: list[Sighting] = []
    for result in zxingcpp.read_barcodes(grey, formats=ZXING_FORMATS, text_mode=zxingcpp.TextMode.Plain):
        p = result.position
        xs = (p.top_left.x, p.top_right.x, p.bottom_right.x, p.bottom_left.x)
        ys = (p.top_left.y, p.top_right.y, p.bottom_right.y, p.bottom_left.y)
        bounds = (min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
        symbology = _SYMBOLOGY.get(result.format, result.format.name.upper())
        found.append(Sighting(result.text.translate(_CONTROL), symbology, bounds, ("zxing",)))
    return found


def zbar_read(grey: Image) -> list[Sighting]:
    """Code 128 and QR codes pyzbar finds in a grey image."""
    found: list[Sighting] = []
    for result in pyzbar.decode(grey, symbols=list(ZBAR_SYMBOLS)):
        code = result.data.decode("utf-8", errors="replace").translate(_CONTROL)
        r = result.rect
        found.append(Sighting(code, str(result.type), (r.left, r.top, r.width, r.height), ("zbar",)))
    return found


# --- preprocessing -------------------------------------------------------------------------------


def _median(grey: Image) -> Image:
    return cv2.medianBlur(grey, 3)


def _along_bars(grey: Image) -> Image:
    # Bars are vertical in a ticket held upright: averaging 9 rows keeps the bars, drops the noise.
    return cv2.blur(grey, (1, 9))


def _normalised(grey: Image) -> Image:
    return cv2.createCLAHE(clipLimit=2.0, tileGridSize=(8, 8)).apply(grey)


def _sharpened_up(grey: Image) -> Image:
    big = cv2.resize(grey, None, fx=1.5, fy=1.5, interpolation=cv2.INTER_CUBIC)
    return cv2.addWeighted(big, 2.5, cv2.GaussianBlur(big, (0, 0), 1.5), -1.5, 0)


def _turned(angle: float) -> Callable[[Image], Image]:
    def turn(grey: Image) -> Image:
        h, w = grey.shape[:2]
        matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
        return cv2.warpAffine(grey, matrix, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)

    return turn


@dataclass(frozen=True)
class Pass:
    """One preprocessing step and the factor its image is scaled by (to map bounds back)."""

    name: str
    prepare: Callable[[Image], Image]
    scale: float = 1.0
    turn: float = 0.0


PASSES = (
    Pass("median", _median),
    Pass("along-bars", _along_bars),
    Pass("normalised", _normalised),
    Pass("sharpened-up", _sharpened_up, scale=1.5),
    Pass("turned+12", _turned(12.0), turn=12.0),
    Pass("turned-12", _turned(-12.0), turn=-12.0),
)


def _mapped(sightings: list[Sighting], p: Pass, shape: tuple[int, ...], shrink: float = 1.0) -> list[Sighting]:
    """Bounds of a pass's sightings in the original image's pixels; the pass ran on an image of
    `shape`, itself the original scaled by `shrink`."""
    if p.scale == 1.0 and p.turn == 0.0 and shrink == 1.0:
        return sightings
    out = []
    h, w = shape[:2]
    back = cv2.getRotationMatrix2D((w / 2, h / 2), -p.turn, 1.0)
    for s in sightings:
        x, y, bw, bh = (v / p.scale for v in s.bounds)
        corners = np.array([[x, y, 1], [x + bw, y, 1], [x + bw, y + bh, 1], [x, y + bh, 1]]).T
        pts = (back @ corners) / shrink
        x0, y0 = pts.min(axis=1)
        x1, y1 = pts.max(axis=1)
        out.append(Sighting(s.code, s.symbology, (int(x0), int(y0), int(x1 - x0), int(y1 - y0)), s.decoders))
    return out


# --- the verdict ---------------------------------------------------------------------------------


def _same_place(a: tuple[int, int, int, int], b: tuple[int, int, int, int], margin: int = 12) -> bool:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    return ax - margin < bx + bw and bx - margin < ax + aw and ay - margin < by + bh and by - margin < ay + ah


def verdict(reads: Iterable[Sighting], pattern: TicketPattern) -> list[Sighting]:
    """The reads that may be reported (see the module's rule), one per code, with every decoder that
    read it named."""
    reads = list(reads)
    accepted: dict[tuple[str, str], Sighting] = {}
    for read in reads:
        key = (read.symbology, read.code)
        if key in accepted:
            continue
        same = [r for r in reads if (r.symbology, r.code) == key]
        who = tuple(sorted({d for r in same for d in r.decoders}))
        contradicted = any(
            r.code != read.code and _same_place(r.bounds, s.bounds) and set(r.decoders) - set(s.decoders)
            for r in reads
            for s in same
        )
        agreed = len(who) > 1 and not contradicted
        if agreed or (pattern.matches(read.code) and not contradicted):
            accepted[key] = Sighting(read.code, read.symbology, read.bounds, who)
    return list(accepted.values())


def refused(reads: Iterable[Sighting], accepted: list[Sighting]) -> list[Sighting]:
    """The reads `verdict` did not let through (for diagnostics: the command line names them)."""
    ok = {(s.symbology, s.code) for s in accepted}
    out: dict[tuple[str, str], Sighting] = {}
    for r in reads:
        out.setdefault((r.symbology, r.code), r)
    return [r for key, r in out.items() if key not in ok]


# --- still images: everything ---------------------------------------------------------------------


STILL_WORKING_SIZE = 1600
"""Longest side (pixels) a still's preprocessing passes run at: a phone's 12-megapixel photograph is
decoded plainly at full size, and its passes on a copy shrunk to this (INTER_AREA, itself a denoise),
so one photograph takes about a second, not ten."""


def read_all(grey: Image, primary: Decoder = zxing_read, secondary: Decoder = zbar_read,
             passes: tuple[Pass, ...] = PASSES) -> list[Sighting]:
    """Every read both decoders make of `grey`, plain and then through each pass until every code
    read so far has been read by both decoders (a still has time for it)."""
    reads = primary(grey) + secondary(grey)
    work, shrink = grey, 1.0
    if max(grey.shape[:2]) > STILL_WORKING_SIZE:
        shrink = STILL_WORKING_SIZE / max(grey.shape[:2])
        work = cv2.resize(grey, None, fx=shrink, fy=shrink, interpolation=cv2.INTER_AREA)
        passes = (Pass("shrunk", lambda image: image), *passes)
    for p in passes:
        if reads and _both_read_all(reads):
            break
        image = p.prepare(work)
        reads += _mapped(primary(image) + secondary(image), p, work.shape, shrink)
    return reads


def _both_read_all(reads: list[Sighting]) -> bool:
    by_code: dict[tuple[str, str], set[str]] = {}
    for r in reads:
        by_code.setdefault((r.symbology, r.code), set()).update(r.decoders)
    return all(len(who) > 1 for who in by_code.values())


def decode_still(image: Image, pattern: TicketPattern, primary: Decoder = zxing_read,
                 secondary: Decoder = zbar_read) -> tuple[list[Sighting], list[Sighting]]:
    """Accepted and refused reads of a photograph (BGR or grey)."""
    reads = read_all(to_gray(image), primary, secondary)
    accepted = verdict(reads, pattern)
    return accepted, refused(reads, accepted)


# --- live frames: fast ----------------------------------------------------------------------------


def crop(grey: Image, bounds: tuple[int, int, int, int], margin: float = 0.25) -> tuple[Image, tuple[int, int]]:
    """The neighbourhood of `bounds` and its top-left corner in `grey`."""
    x, y, w, h = bounds
    pad = int(max(w, h) * margin) + 16
    h_img, w_img = grey.shape[:2]
    x0, y0 = max(0, x - pad), max(0, y - pad)
    return grey[y0 : min(h_img, y + h + pad), x0 : min(w_img, x + w + pad)], (x0, y0)


class FrameDecoder:
    """The camera scanner's per-frame decoding.

    Every frame: the primary decoder on the grey frame. A code not already in view (`in_view`) is
    checked by the second decoder on a crop around it (plain, then with the passes, all cheap on a
    crop), and `verdict` decides. On a frame where the primary found nothing, the next preprocessing
    pass (or the second decoder on the whole frame) runs, in turn, while their CPU time stays within
    `budget` × the primary's: at 30 frames a second a ticket is in view for many frames, so a pass
    every few frames still finds it within a fraction of a second, and the frame rate holds.
    """

    def __init__(self, pattern: TicketPattern, budget: float = 0.06, primary: Decoder = zxing_read,
                 secondary: Decoder = zbar_read, passes: tuple[Pass, ...] = PASSES) -> None:
        self.pattern = pattern
        self.budget = budget
        self.primary = primary
        self.secondary = secondary
        self._fallbacks: list[tuple[Pass | None, Decoder]] = [(None, secondary)]
        for p in passes:
            self._fallbacks += [(p, primary)]
        self._next = 0
        self.primary_s = 0.0
        self.extra_s = 0.0

    def decode(self, image: Image, in_view: Callable[[Sighting], bool]) -> list[Sighting]:
        """The codes in this frame that may be reported; `in_view` says which were already accepted
        and are still in view (they need no second opinion again)."""
        start = time.thread_time()
        grey = to_gray(image)
        reads = self.primary(grey)
        self.primary_s += time.thread_time() - start
        start = time.thread_time()
        other = self.secondary
        if not reads and self.extra_s <= self.budget * self.primary_s:
            step, decoder = self._fallbacks[self._next]
            self._next = (self._next + 1) % len(self._fallbacks)
            reads = _mapped(decoder(step.prepare(grey)), step, grey.shape) if step else decoder(grey)
            other = self.primary if decoder is self.secondary else self.secondary
        accepted = [r for r in reads if in_view(r)]
        fresh = [r for r in reads if not in_view(r)]
        if fresh:
            accepted += verdict(fresh + self._second_opinion(grey, fresh, other), self.pattern)
        self.extra_s += time.thread_time() - start
        return accepted

    @staticmethod
    def _second_opinion(grey: Image, reads: list[Sighting], other: Decoder) -> list[Sighting]:
        """The other decoder's reads of each new code's neighbourhood, in whole-frame pixels."""
        opinions: list[Sighting] = []
        for read in reads:
            part, (ox, oy) = crop(grey, read.bounds)
            for prepare in (None, _median, _along_bars):
                seen = other(prepare(part) if prepare else part)
                if seen:
                    opinions += [Sighting(s.code, s.symbology, (s.bounds[0] + ox, s.bounds[1] + oy, *s.bounds[2:]),
                                          s.decoders) for s in seen]
                    break
        return opinions
