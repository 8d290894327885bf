"""Decoding the card's WLT photo — only through a vendor library, never by guesswork.

WLT is proprietary and no open decoder exists (devices.md §1, "The photo"). A desk without a
vendor library gets `PhotoStatus.NOT_DECODABLE` and shows the registration photo instead.

Two vendor entry points are supported; both signatures come from public sample code and are
*unverified* against every vendor build, so the flavour is configurable:

- ``unpack`` (libwlt2bmp.so on Linux): ``int unpack(char *wlt, char *bmp, int save)`` fills a
  caller-supplied 38 862-byte buffer with a 102×126 24-bit BMP; returns 1 on success.
- ``getbmp`` (WltRS.dll on Windows): ``int GetBmp(char *wlt_file, int port)`` reads ``<name>.wlt``
  and writes ``<name>.bmp`` beside it; returns 1 on success.
"""

from __future__ import annotations

import ctypes
import enum
import os
import sys
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

BMP_SIZE = 38862
"""54-byte header + 126 rows of 102 BGR pixels padded to 308 bytes."""


class PhotoStatus(enum.Enum):
    DECODED = "decoded"
    NOT_DECODABLE = "not_decodable"
    FAILED = "failed"


@dataclass(frozen=True)
class PhotoResult:
    status: PhotoStatus
    bmp: bytes | None = None
    detail: str = ""


class PhotoDecoder(Protocol):
    def decode(self, wlt: bytes) -> PhotoResult: ...


class NoPhotoDecoder:
    """The default: this machine has no vendor decoder."""

    def decode(self, wlt: bytes) -> PhotoResult:
        return PhotoResult(PhotoStatus.NOT_DECODABLE, detail="no vendor WLT decoder is configured")


class PhotoDecoderUnavailable(Exception):
    """The configured vendor library cannot be used (missing file, not a library, wrong entry point)."""


class VendorFlavour(enum.Enum):
    UNPACK = "unpack"
    GETBMP = "getbmp"


class VendorWltDecoder:
    """A vendor library loaded through ctypes. Loading happens here, at construction, so that a wrong
    configuration is reported when the desk starts, not when the first candidate stands there."""

    def __init__(self, library_path: str | Path, flavour: VendorFlavour = VendorFlavour.UNPACK) -> None:
        path = Path(library_path)
        if not path.is_file():
            raise PhotoDecoderUnavailable(f"photo decoder library {path} does not exist")
        self._flavour = flavour
        try:
            # WltRS.dll exports stdcall functions; everything else is cdecl.
            if sys.platform == "win32" and flavour is VendorFlavour.GETBMP:
                library: ctypes.CDLL = ctypes.WinDLL(str(path))
            else:
                library = ctypes.CDLL(str(path))
        except OSError as exc:
            raise PhotoDecoderUnavailable(f"photo decoder library {path} cannot be loaded: {exc}") from None
        symbol = "unpack" if flavour is VendorFlavour.UNPACK else "GetBmp"
        try:
            self._function = getattr(library, symbol)
        except AttributeError:
            raise PhotoDecoderUnavailable(
                f"photo decoder library {path} has no entry point {symbol}"
            ) from None
        self._function.restype = ctypes.c_int
        if flavour is VendorFlavour.UNPACK:
            self._function.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_int]
        else:
            self._function.argtypes = [ctypes.c_char_p, ctypes.c_int]

    def decode(self, wlt: bytes) -> PhotoResult:
        try:
            if self._flavour is VendorFlavour.UNPACK:
                return self._decode_unpack(wlt)
            return self._decode_getbmp(wlt)
        except OSError as exc:
            return PhotoResult(PhotoStatus.FAILED, detail=f"vendor decoder failed: {exc}")

    def _decode_unpack(self, wlt: bytes) -> PhotoResult:
        source = ctypes.create_string_buffer(wlt, len(wlt))
        target = ctypes.create_string_buffer(BMP_SIZE)
        code = self._function(source, target, 0)
        if code != 1:
            return PhotoResult(PhotoStatus.FAILED, detail=f"vendor decoder returned {code}")
        return PhotoResult(PhotoStatus.DECODED, bmp=target.raw)

    def _decode_getbmp(self, wlt: bytes) -> PhotoResult:
        with tempfile.TemporaryDirectory(prefix="wlt-") as folder:
            stem = os.path.join(folder, "photo")
            Path(stem + ".wlt").write_bytes(wlt)
            code = self._function(os.fsencode(stem + ".wlt"), 2)
            bmp_path = Path(stem + ".bmp")
            if code != 1 or not bmp_path.is_file():
                return PhotoResult(PhotoStatus.FAILED, detail=f"vendor decoder returned {code}")
            return PhotoResult(PhotoStatus.DECODED, bmp=bmp_path.read_bytes())


def make_photo_decoder(library_path: str | None, flavour: str = "unpack") -> PhotoDecoder:
    """The decoder a setting asks for: none configured → NoPhotoDecoder; else the vendor library,
    raising PhotoDecoderUnavailable with the reason when it cannot be used."""
    if not library_path:
        return NoPhotoDecoder()
    try:
        chosen = VendorFlavour(flavour)
    except ValueError:
        raise PhotoDecoderUnavailable(
            f"unknown photo decoder flavour {flavour!r} (unpack or getbmp)"
        ) from None
    return VendorWltDecoder(library_path, chosen)


class UnusableDecoder:
    """A configured decoder that could not be loaded: every card's photo fails, with the reason,
    so the desk asks for the second look a configured-but-broken decoder calls for."""

    def __init__(self, reason: str) -> None:
        self.reason = reason

    def decode(self, wlt: bytes) -> PhotoResult:
        return PhotoResult(PhotoStatus.FAILED, detail=self.reason)


def decoder_maker(spec: Mapping[str, object] | None) -> Callable[[], PhotoDecoder] | None:
    """What the reader calls on its own I/O thread to build the decoder a `photo_decoder` option
    names ({"library": path, "flavour": "unpack" | "getbmp"}); None when none is configured."""
    if spec is None:
        return None
    library, flavour = str(spec.get("library") or ""), str(spec.get("flavour") or "unpack")

    def make() -> PhotoDecoder:
        try:
            decoder = make_photo_decoder(library, flavour)
        except PhotoDecoderUnavailable as exc:
            return UnusableDecoder(str(exc))
        if isinstance(decoder, NoPhotoDecoder):
            return UnusableDecoder("photo decoder configured without a library path")
        return decoder

    return make
