"""File modes (art. 47–48, 51): everything the application writes is readable by its own user
only, 0600 for files and 0700 for folders, on POSIX. The one place for it:

- `restrict_process()`, called first by the composition root, sets the umask to 077, so every
  file and folder the process creates afterwards — the database and its -wal/-shm, backups,
  logs, exports, key files, recordings, reports, whichever library writes them — is private;
- `private_dir(path)` creates a folder 0700, and tightens one an earlier version made wider;
- `tighten(path)` makes an existing file 0600 (a database file an earlier version created 0644).

Windows has no such modes: there the user profile's ACLs keep the data folder private.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

POSIX = os.name == "posix"
FILE_MODE = 0o600
DIR_MODE = 0o700


def restrict_process() -> None:
    if POSIX:
        os.umask(0o077)


def private_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    if POSIX and stat.S_IMODE(path.stat().st_mode) != DIR_MODE:
        path.chmod(DIR_MODE)
    return path


def tighten(path: Path) -> None:
    """0600 for `path` if it exists and is a file."""
    if POSIX and path.is_file() and stat.S_IMODE(path.stat().st_mode) != FILE_MODE:
        path.chmod(FILE_MODE)
