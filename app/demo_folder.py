"""The temporary folder of a `--demo` run (database, demo package, plaintext demo keys): removed
when the run ends, and any left by earlier runs whose process is gone (killed, crashed, or from
before this was done) removed when the next demo starts.

Each folder holds `owner.pid`, the process that made it; a folder is stale when that process no
longer runs, or when it has no such file and is older than a minute (made by an older version).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

PREFIX = "venue-ops-demo-"
OWNER = "owner.pid"
UNOWNED_GRACE_SECONDS = 60.0


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # os.kill(pid, 0) would terminate the process on Windows
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, under another user
        return True
    return True


def _owner(folder: Path) -> int | None:
    try:
        return int((folder / OWNER).read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return None


def is_stale(folder: Path, now: float | None = None) -> bool:
    owner = _owner(folder)
    if owner is not None:
        return not _alive(owner)
    try:
        age = (now or time.time()) - folder.stat().st_mtime
    except OSError:
        return False
    return age > UNOWNED_GRACE_SECONDS


def sweep(root: Path | None = None) -> list[Path]:
    """Remove the stale demo folders under `root` (the system's temporary folder); what was removed."""
    removed = []
    for folder in (root or Path(tempfile.gettempdir())).glob(f"{PREFIX}*"):
        if folder.is_dir() and not folder.is_symlink() and is_stale(folder):
            shutil.rmtree(folder, ignore_errors=True)
            if not folder.exists():
                removed.append(folder)
    return removed


def remove(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def make(root: Path | None = None) -> Path:
    """A new demo folder, owned by this process and removed when it exits."""
    with contextlib.suppress(OSError):  # tidying up must never stop the demo
        sweep(root)
    folder = Path(tempfile.mkdtemp(prefix=PREFIX, dir=root))
    (folder / OWNER).write_text(f"{os.getpid()}\n", encoding="ascii")
    atexit.register(remove, folder)
    return folder
