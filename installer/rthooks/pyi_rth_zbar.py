"""PyInstaller runtime hook: pyzbar looks for zbar with `ctypes.util.find_library("zbar")`, which
on Linux asks the system's linker cache, not the bundle. Look in the bundle first (build.spec
copies libzbar.so.0 there), so the packaged application does not depend on the PC's libzbar0."""

import ctypes.util
import sys
from pathlib import Path

_system_find_library = ctypes.util.find_library


def _find_library(name: str) -> str | None:
    if name == "zbar":
        bundle = Path(getattr(sys, "_MEIPASS", ""))
        for candidate in sorted(bundle.glob("libzbar.so*")) + sorted(bundle.glob("libzbar*.dylib")):
            return str(candidate)
    return _system_find_library(name)


ctypes.util.find_library = _find_library
