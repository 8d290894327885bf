"""A simulated vendor SDK: devices/idcard/fake_sdtapi.c built into a real shared library with `cc`,
answering from the simulator's card data through files in its folder (the C file lists them).

Tests and `python -m bench idcard --sdk` load it exactly as a vendor's libsdtapi.so is loaded. Card
data is written atomically (a temporary file renamed), so the library never reads half a card.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import struct
import subprocess
from collections.abc import Iterable
from pathlib import Path

from devices.idcard.document import CardType, IdDocument
from devices.idcard.samples import SAMPLES, sample_fingerprint
from devices.idcard.textblock import encode_text_block

SOURCE = Path(__file__).with_name("fake_sdtapi.c")
CALLS = ("open", "sam", "find", "select", "read")
OMITTABLE = {"SDT_ReadBaseMsg": "NO_READ", "SDT_ReadBaseFPMsg": "NO_FP"}


class CompilerMissing(RuntimeError):
    pass


def build_fake_sdtapi(folder: Path, *, omit: Iterable[str] = (), name: str = "libfakesdtapi.so") -> Path:
    """Compile the fake library into `folder` (its files are read from there too)."""
    compiler = shutil.which(os.environ.get("CC", "cc"))
    if compiler is None:
        raise CompilerMissing("no C compiler (cc) on this machine: install gcc and libc6-dev")
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    defines = [f"-D{OMITTABLE[symbol]}" for symbol in omit]
    quoted = str(folder).replace("\\", "\\\\").replace('"', '\\"')
    subprocess.run([compiler, "-shared", "-fPIC", "-O2", "-fvisibility=hidden", f'-DFAKE_DIR="{quoted}"',
                    *defines, "-o", str(target), str(SOURCE)], check=True, capture_output=True)
    return target


def sample_bmp(seed: str) -> bytes:
    """A real 102×126 24-bit BMP (38 862 bytes), the size the vendors' decoders give, with
    deterministic pixels so round-trips can compare."""
    width, height, row = 102, 126, 308
    pixels = b"".join(hashlib.sha256(f"{seed}:{y}".encode()).digest() * 10 for y in range(height))
    body = b"".join(pixels[y * 320:y * 320 + width * 3] + b"\0\0" for y in range(height))
    header = b"BM" + struct.pack("<IHHI", 54 + row * height, 0, 0, 54)
    info = struct.pack("<IiiHHIIiiII", 40, width, height, 1, 24, 0, row * height, 2835, 2835, 0, 0)
    return header + info + body


class SdkSimulator:
    def __init__(self, folder: Path, *, omit: Iterable[str] = ()) -> None:
        self.folder = folder
        self.library = build_fake_sdtapi(folder, omit=omit)
        self.photo_file = folder / "photo.bmp"

    def _write(self, name: str, data: bytes) -> None:
        temporary = self.folder / f".{name}.tmp"
        temporary.write_bytes(data)
        os.replace(temporary, self.folder / name)

    def _drop(self, name: str) -> None:
        (self.folder / name).unlink(missing_ok=True)

    def present(self, card: IdDocument | CardType = CardType.RESIDENT, *, fingerprint: bool = False,
                bmp: bytes | None = None) -> None:
        """Put a card on the reader; `bmp` is the photo a decoding SDK gives (photo_mode)."""
        document = SAMPLES[card] if isinstance(card, CardType) else card
        self._write("card.wlt", document.photo_wlt)
        if fingerprint:
            self._write("card.fp", sample_fingerprint(document.number))
        else:
            self._drop("card.fp")
        if bmp is None:
            self._drop("card.bmp")
        else:
            self._write("card.bmp", bmp)
        self._write("card.txt", encode_text_block(document))

    def present_text(self, text: bytes) -> None:
        self._write("card.txt", text)

    def remove(self) -> None:
        self._drop("card.txt")

    def unplug(self, code: int = 0x02) -> None:
        """Calls on the open port answer `code` (0x01 port not open, 0x02 no reply) until reopened."""
        self._write("unplugged", str(code).encode())

    def replug(self) -> None:
        self._drop("unplugged")

    def fail(self, call: str, code: int | None) -> None:
        """`call` ("open", "sam", "find", "select", "read") returns `code`; None: answers again."""
        assert call in CALLS
        if code is None:
            self._drop(f"fail_{call}")
        else:
            self._write(f"fail_{call}", str(code).encode())

    def set_port(self, port: int) -> None:
        self._write("port", str(port).encode())

    def photo_mode(self, mode: str) -> None:
        assert mode in ("wlt", "buffer", "file")
        self._write("photo_mode", mode.encode())

    def paced(self, on: bool = True) -> None:
        if on:
            self._write("paced", b"1")
        else:
            self._drop("paced")

    def calls(self) -> list[tuple[str, int]]:
        """(function, native thread id) of every call so far."""
        try:
            lines = (self.folder / "calls.log").read_text().splitlines()
        except FileNotFoundError:
            return []
        return [(name, int(tid)) for name, tid in (line.split() for line in lines)]
