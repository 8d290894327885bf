"""Pixel layouts of a frame and the conversions between them, each done once and only where needed.

A USB camera on Linux sends packed YUYV 4:2:2 (two bytes a pixel); OpenCV's V4L2 backend converts
it to BGR on every read unless asked not to (`CAP_PROP_CONVERT_RGB` off: the source asks a V4L2
camera that sends YUYV for its frames as they come). The recorder's encoder wants planar YUV 4:2:0
(I420: the Y plane, then U and V at half width and height), which YUYV gives by slicing; the
analysis wants a 320-pixel-wide colour picture, which the I420 planes give after shrinking, at a
few hundredths of a millisecond. Only a frame shown on screen, saved as a snapshot or decoded for
a barcode is converted to BGR, by OpenCV's own YUYV → BGR (what the V4L2 backend would have done).

Colour is BT.601 video range throughout, as OpenCV reads YUYV and writes and reads I420.
"""

from __future__ import annotations

import enum
import sys
import threading
from typing import Any

import cv2
import numpy as np
from numpy.typing import NDArray

Image = NDArray[Any]  # uint8 pixels; OpenCV's stubs type its results loosely, hence Any


YUYV_FOURCC = cv2.VideoWriter.fourcc(*"YUYV")  # V4L2's name for packed 4:2:2, as CAP_PROP_FOURCC reports it


class Layout(enum.Enum):
    """How a frame's pixels are laid out; told by the array's shape alone."""

    BGR = "bgr"  # (h, w, 3): what OpenCV decodes and converts to
    GRAY = "gray"  # (h, w): a grayscale source
    YUYV = "yuyv"  # (h, w, 2): packed 4:2:2, Y U Y V per pair of pixels, as a V4L2 camera sends it


def layout_of(pixels: Image) -> Layout:
    if pixels.ndim == 2:
        return Layout.GRAY
    if pixels.ndim == 3 and pixels.shape[2] == 3:
        return Layout.BGR
    if pixels.ndim == 3 and pixels.shape[2] == 2:
        return Layout.YUYV
    raise ValueError(f"unsupported frame layout of shape {pixels.shape}")


def to_display(pixels: Image) -> Image:
    """BGR (or grey as it is): what OpenCV's drawing, JPEG, Qt and barcode code take."""
    if layout_of(pixels) is Layout.YUYV:
        return cv2.cvtColor(pixels, cv2.COLOR_YUV2BGR_YUYV)
    return pixels


def even_size(width: int, height: int) -> tuple[int, int]:
    """4:2:0 needs an even width and height: an odd last column or row is left out (as OpenCV's
    writer did)."""
    return width & ~1, height & ~1


_WORD = np.dtype("<u2")


class Buffers:
    """Big arrays reused from frame to frame by one thread. With malloc mapping every buffer over
    128 KiB on its own (app.process_memory), a fresh megabyte costs its page faults each time, about
    0.5 ms on the 2-core machine, several times the work done in it. An array is handed out again
    only when nothing but this pool refers to it (CPython's reference count), so a frame kept by a
    screen, a snapshot or a queue keeps its pixels."""

    def __init__(self, keep: int = 8) -> None:
        self._arrays: list[Image] = []
        self._keep = keep

    def take(self, shape: tuple[int, ...], dtype: np.dtype[Any] | type = np.uint8) -> Image:
        for array in self._arrays:
            # Three references when free: the list's, `array`'s and getrefcount's argument.
            if array.shape == shape and array.dtype == dtype and sys.getrefcount(array) == 3:
                array.flags.writeable = True
                return array
        array = np.empty(shape, dtype)
        if len(self._arrays) < self._keep:
            self._arrays.append(array)
        return array


_local = threading.local()


def thread_buffers() -> Buffers:
    """This thread's pool (each camera's analysis thread has its own)."""
    buffers: Buffers | None = getattr(_local, "buffers", None)
    if buffers is None:
        buffers = _local.buffers = Buffers()
    return buffers


def to_i420(yuyv: Image) -> Image:
    """A YUYV frame as I420 planes in one (h·3/2, w) array: Y, then U, then V (each h/2 × w/2, row
    after row), for the encoder and the analysis: the Y bytes as they are and the chroma of every
    other row (4:2:2 → 4:2:0), no colour arithmetic. (Averaging each pair of rows instead would cost
    as much again here; the recording is as good as OpenCV's writer made it either way.)"""
    if layout_of(yuyv) is not Layout.YUYV:
        raise ValueError(f"not a YUYV frame: shape {yuyv.shape}")
    w, h = even_size(yuyv.shape[1], yuyv.shape[0])
    buffers = thread_buffers()
    out = buffers.take((h * 3 // 2, w))
    y, u, v = i420_planes(out)
    # Read as little-endian 16-bit words, each pixel's pair is Y + 256 × chroma, and narrowing a word
    # to a byte keeps its low byte: one vectorised pass where a strided byte copy is three times slower.
    words = np.ascontiguousarray(yuyv[:h, :w]).view(_WORD).reshape(h, w)
    np.copyto(y, words, casting="unsafe")
    shifted = np.right_shift(words[0::2], 8, out=buffers.take((h // 2, w), _WORD))
    chroma = buffers.take((h // 2, w))  # U V U V … of the even rows
    np.copyto(chroma, shifted, casting="unsafe")
    np.copyto(u, chroma.view(_WORD), casting="unsafe")
    np.copyto(v, np.right_shift(chroma.view(_WORD), 8, out=buffers.take((h // 2, w // 2), _WORD)), casting="unsafe")
    return out


def i420_planes(i420: Image) -> tuple[Image, Image, Image]:
    """Views of the Y, U and V planes of an I420 array."""
    w = i420.shape[1]
    h = i420.shape[0] * 2 // 3
    flat = i420.reshape(-1)
    quarter = (w // 2) * (h // 2)
    return (flat[: w * h].reshape(h, w), flat[w * h : w * h + quarter].reshape(h // 2, w // 2),
            flat[w * h + quarter :].reshape(h // 2, w // 2))


def halve(image: Image) -> Image:
    """Half the size, each pixel the mean of a 2×2 block: INTER_LINEAR at exactly 0.5 samples between
    the four, which is a box filter several times cheaper than INTER_AREA. Into this thread's
    `Buffers`: the result is a new array only while an earlier one is still in use."""
    h, w = image.shape[0] // 2, image.shape[1] // 2
    out = thread_buffers().take((h, w, *image.shape[2:]), image.dtype)
    return cv2.resize(image, (w, h), dst=out, interpolation=cv2.INTER_LINEAR)


def shrink(image: Image, width: int, height: int) -> Image:
    """`image` averaged down to `width` × `height`: halvings while they fit, then INTER_AREA for the
    ratio left. Averaging takes the sensor noise away, which spares the background model false
    alarms; 1280 → 320 is two halvings, a 4×4 box like INTER_AREA at about a third of its CPU."""
    while image.shape[1] >= 2 * width and image.shape[0] >= 2 * height:
        image = halve(image)
    if image.shape[1] != width or image.shape[0] != height:
        image = cv2.resize(image, (width, height), interpolation=cv2.INTER_AREA)
    return image


def small_bgr_from_i420(i420: Image, width: int) -> Image:
    """A BGR picture `width` pixels wide from I420 planes: each plane shrunk on its own (the chroma
    planes are a quarter of the pixels), then converted at the small size."""
    y, u, v = i420_planes(i420)
    full_h, full_w = y.shape
    width = max(2, min(width, full_w) & ~1)
    height = max(2, round(full_h * width / full_w / 2) * 2)
    small = np.empty((height * 3 // 2, width), np.uint8)
    sy, su, sv = i420_planes(small)
    sy[:] = shrink(y, width, height)
    su[:] = shrink(u, width // 2, height // 2)
    sv[:] = shrink(v, width // 2, height // 2)
    return cv2.cvtColor(small, cv2.COLOR_YUV2BGR_I420, dst=thread_buffers().take((height, width, 3)))
