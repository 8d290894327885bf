"""How this process's C allocator (glibc malloc) keeps memory over an exam day.

The paper-room cameras, the photos on the desk and Qt's images allocate and free buffers of
hundreds of kilobytes to a few megabytes many times a second, from several threads. With glibc's
defaults, such a buffer comes from the thread's own arena once the first one was freed (the mmap
threshold rises to the largest buffer freed, up to 32 MB), and each arena keeps the most it ever
held: measured beside a busy desk, the bytes in use stayed flat while the arenas' free space, and
the resident size with them, grew by some 4 MB a minute. Big buffers mapped and unmapped on their
own, and two arenas for every thread, keep the resident size flat (bench soak's rss figure).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import sys

log = logging.getLogger(__name__)

M_MMAP_THRESHOLD = -3  # glibc's <malloc.h>
M_ARENA_MAX = -8
MMAP_THRESHOLD_BYTES = 128 * 1024  # glibc's initial value, kept from rising
ARENAS = 2


def keep_big_buffers_unmapped() -> bool:
    """Sets the two malloc parameters above; True when it could (glibc Linux), else nothing."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):  # not glibc (musl has no mallopt worth setting)
        log.debug("no mallopt in this C library: malloc keeps its defaults")
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    done = bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES)) and bool(mallopt(M_ARENA_MAX, ARENAS))
    if not done:
        log.debug("mallopt refused: malloc keeps its defaults")
    return done
