"""A ctypes binding of the vendor "sdtapi" ID-card reader API (华视, 精伦, 神思, 新中新 readers).

The functions and their signatures, as the vendors' public headers declare them (stdcall on
Windows, the C convention elsewhere; `iIfOpen` 0: the port is opened once, by SDT_OpenPort):

    int SDT_OpenPort(int iPort);
    int SDT_ClosePort(int iPort);
    int SDT_GetSAMStatus(int iPort, int iIfOpen);                                   (optional)
    int SDT_StartFindIDCard(int iPort, unsigned char *pucIIN, int iIfOpen);           4 bytes
    int SDT_SelectIDCard(int iPort, unsigned char *pucSN, int iIfOpen);               8 bytes
    int SDT_ReadBaseMsg(int iPort, unsigned char *pucCHMsg, unsigned int *puiCHMsgLen,
                        unsigned char *pucPHMsg, unsigned int *puiPHMsgLen, int iIfOpen);
    int SDT_ReadBaseFPMsg(int iPort, unsigned char *pucCHMsg, unsigned int *puiCHMsgLen,
                          unsigned char *pucPHMsg, unsigned int *puiPHMsgLen,
                          unsigned char *pucFPMsg, unsigned int *puiFPMsgLen, int iIfOpen);  (optional)

Ports: 1001–1016 are USB readers, 1–16 serial ports (COM1–COM16). Return codes are the SAM's SW3
(0x90 success, 0x9F card found, 0x80 no card, 0x81 select failed, 0x41 read failed, …:
devices/idcard/status.py) plus the library's own: 0x01 port cannot be opened / is not open,
0x02 no reply in time, 0x03 checksum error in the reply, 0x05 SAM port unusable.

Everything here runs on the reader's I/O thread: vendor libraries are not known to be thread-safe.
"""

from __future__ import annotations

import ctypes
import enum
import os
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from devices.idcard import libfile
from devices.idcard.connector import ReaderUnusable
from devices.idcard.events import ReaderProblem

REQUIRED = ("SDT_OpenPort", "SDT_ClosePort", "SDT_StartFindIDCard", "SDT_SelectIDCard", "SDT_ReadBaseMsg")
FINGERPRINT = "SDT_ReadBaseFPMsg"
SAM_STATUS = "SDT_GetSAMStatus"
USB_PORTS = tuple(range(1001, 1017))
SERIAL_PORTS = tuple(range(1, 17))
ALL_PORTS = USB_PORTS + SERIAL_PORTS
"""The search order when no port is configured: USB readers first, as the vendors' demos do."""

TEXT_BUFFER = 512
"""The text block is 256 bytes; the buffer has room to spare for a library that writes more."""
PHOTO_BUFFER = 65536
"""1024 WLT bytes, or a whole 38 862-byte BMP from the libraries that decode the photo themselves."""
FINGERPRINT_BUFFER = 4096


class SdkCode(enum.IntEnum):
    """The library's own return codes (besides the SAM's SW3 values)."""

    PORT_ERROR = 0x01
    RECEIVE_TIMEOUT = 0x02
    CHECKSUM_ERROR = 0x03
    SAM_PORT_UNUSABLE = 0x05


SDK_MEANINGS = {
    SdkCode.PORT_ERROR: "port cannot be opened or is not open",
    SdkCode.RECEIVE_TIMEOUT: "no reply from the reader in time",
    SdkCode.CHECKSUM_ERROR: "checksum error in the reader's reply",
    SdkCode.SAM_PORT_UNUSABLE: "the reader's SAM port is unusable",
}
GONE = frozenset({SdkCode.PORT_ERROR, SdkCode.RECEIVE_TIMEOUT, SdkCode.SAM_PORT_UNUSABLE})
"""Codes after which the port is closed and opened again: the reader was unplugged or stopped answering."""


def port_label(port: int) -> str:
    return f"USB port {port}" if port >= 1001 else f"serial port {port} (COM{port})"


@dataclass(frozen=True)
class BaseMsg:
    code: int
    text: bytes = b""
    photo: bytes = b""
    fingerprint: bytes | None = None


_LOCKS: dict[str, threading.Lock] = {}
_LOCKS_GUARD = threading.Lock()


def _library_lock(path: Path) -> threading.Lock:
    """One lock per library file: a driver restarted while its predecessor is still inside a slow
    call (a vendor's receive timeout takes seconds), or two readers through one library, never call
    into the library at the same time."""
    with _LOCKS_GUARD:
        return _LOCKS.setdefault(str(path.resolve()), threading.Lock())


def _load(path: Path) -> ctypes.CDLL:
    if sys.platform == "win32":
        # A vendor DLL loads its companions (WltRS.dll, the USB driver's DLL) from its own folder,
        # some of them only at their first use: the folder stays on the search path.
        _DLL_DIRECTORIES.append(os.add_dll_directory(str(path.resolve().parent)))
        return ctypes.WinDLL(str(path))
    return ctypes.CDLL(str(path))


_DLL_DIRECTORIES: list[object] = []

_U8P, _UIP, _INT = ctypes.c_char_p, ctypes.POINTER(ctypes.c_uint), ctypes.c_int
SIGNATURES: dict[str, list[type]] = {
    "SDT_OpenPort": [_INT],
    "SDT_ClosePort": [_INT],
    SAM_STATUS: [_INT, _INT],
    "SDT_StartFindIDCard": [_INT, _U8P, _INT],
    "SDT_SelectIDCard": [_INT, _U8P, _INT],
    "SDT_ReadBaseMsg": [_INT, _U8P, _UIP, _U8P, _UIP, _INT],
    FINGERPRINT: [_INT, _U8P, _UIP, _U8P, _UIP, _U8P, _UIP, _INT],
}


def _lookup(library: ctypes.CDLL, name: str, argtypes: list[type]) -> Callable[..., Any] | None:
    """The function `name`, typed; None when the library lacks it. A 32-bit Windows DLL built without
    a .def file exports stdcall functions decorated (_SDT_OpenPort@4): that name is tried too."""
    function = getattr(library, name, None)
    if function is None and sys.platform == "win32" and ctypes.sizeof(ctypes.c_void_p) == 4:
        function = getattr(library, f"_{name}@{4 * len(argtypes)}", None)
    if function is None:
        return None
    function.argtypes = argtypes
    function.restype = ctypes.c_int
    return function  # type: ignore[no-any-return]


class SdtApi:
    """The library at `path`, loaded and its functions bound; ReaderUnusable says why it cannot be."""

    def __init__(self, path: str | Path, *, fingerprint: bool = False) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise ReaderUnusable(ReaderProblem.LIBRARY_MISSING, f"reader library {self.path} does not exist")
        try:
            library = _load(self.path)
        except OSError as exc:
            wrong = libfile.mismatch(self.path)
            if wrong is not None:
                raise ReaderUnusable(ReaderProblem.WRONG_ARCHITECTURE,
                                     f"reader library {self.path} is {wrong}") from None
            raise ReaderUnusable(ReaderProblem.NOT_A_LIBRARY,
                                 f"reader library {self.path} cannot be loaded: {exc}") from None
        functions = {name: _lookup(library, name, argtypes) for name, argtypes in SIGNATURES.items()}
        wanted = REQUIRED + ((FINGERPRINT,) if fingerprint else ())
        missing = [name for name in wanted if functions[name] is None]
        if missing:
            raise ReaderUnusable(ReaderProblem.MISSING_SYMBOL,
                                 f"reader library {self.path} has no {', '.join(missing)}")
        self._lock = _library_lock(self.path)
        found = {name: function for name, function in functions.items() if function is not None}
        self._open, self._close = found["SDT_OpenPort"], found["SDT_ClosePort"]
        self._find, self._select = found["SDT_StartFindIDCard"], found["SDT_SelectIDCard"]
        self._read, self._read_fp, self._sam = found["SDT_ReadBaseMsg"], functions[FINGERPRINT], functions[SAM_STATUS]
        self._text = ctypes.create_string_buffer(TEXT_BUFFER)
        self._photo = ctypes.create_string_buffer(PHOTO_BUFFER)
        self._prints = ctypes.create_string_buffer(FINGERPRINT_BUFFER)
        self._scratch = ctypes.create_string_buffer(16)

    @property
    def has_sam_status(self) -> bool:
        return self._sam is not None

    def _call(self, function: Callable[..., Any], *args: object) -> int:
        with self._lock:
            return int(function(*args))

    def open_port(self, port: int) -> int:
        return self._call(self._open, port)

    def close_port(self, port: int) -> int:
        return self._call(self._close, port)

    def sam_status(self, port: int) -> int:
        assert self._sam is not None
        return self._call(self._sam, port, 0)

    def find(self, port: int) -> int:
        return self._call(self._find, port, self._scratch, 0)

    def select(self, port: int) -> int:
        return self._call(self._select, port, self._scratch, 0)

    def read(self, port: int, fingerprint: bool) -> BaseMsg:
        text_len, photo_len, prints_len = ctypes.c_uint(0), ctypes.c_uint(0), ctypes.c_uint(0)
        if fingerprint and self._read_fp is not None:
            code = self._call(self._read_fp, port, self._text, ctypes.byref(text_len), self._photo,
                              ctypes.byref(photo_len), self._prints, ctypes.byref(prints_len), 0)
        else:
            code = self._call(self._read, port, self._text, ctypes.byref(text_len), self._photo,
                              ctypes.byref(photo_len), 0)
            fingerprint = False
        if code != 0x90:
            return BaseMsg(code)
        return BaseMsg(code, self._text.raw[:min(text_len.value, TEXT_BUFFER)],
                       self._photo.raw[:min(photo_len.value, PHOTO_BUFFER)],
                       self._prints.raw[:min(prints_len.value, FINGERPRINT_BUFFER)] if fingerprint else None)
