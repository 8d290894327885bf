"""A big buffer freed must not raise glibc's mmap threshold: after keep_big_buffers_unmapped(), a
1 MB buffer allocated after a 4 MB one was freed is still mapped on its own (returned to the
system when freed), not carved from an arena that keeps it (bench soak's RSS growth)."""

from __future__ import annotations

import subprocess
import sys

import pytest

PROBE = r"""
import ctypes, sys
from app.process_memory import keep_big_buffers_unmapped
class Info(ctypes.Structure):
    _fields_ = [(n, ctypes.c_size_t) for n in ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks",
                                               "fsmblks", "uordblks", "fordblks", "keepcost")]
libc = ctypes.CDLL("libc.so.6")
libc.mallinfo2.restype = Info
libc.malloc.restype = ctypes.c_void_p
libc.malloc.argtypes = [ctypes.c_size_t]
libc.free.argtypes = [ctypes.c_void_p]
if sys.argv[1] == "set":
    assert keep_big_buffers_unmapped()
libc.free(libc.malloc(4 << 20))  # by default, this raises the threshold to 4 MB
before = libc.mallinfo2().hblkhd
block = libc.malloc(1 << 20)
print(libc.mallinfo2().hblkhd - before >= 1 << 20)
libc.free(block)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc")
@pytest.mark.parametrize(("mode", "mapped"), [("set", True), ("default", False)])
def test_a_big_buffer_stays_mapped_on_its_own_after_a_bigger_one_was_freed(mode: str, mapped: bool) -> None:
    done = subprocess.run([sys.executable, "-c", PROBE, mode], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(mapped)
