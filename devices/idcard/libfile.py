"""What a library file is built for, read from its header: when a vendor library does not load, this
says why in words ("built for 32-bit ARM, this PC runs 64-bit x86"), which the loader does not
(glibc answers a library of another processor with "No such file or directory").

Only the ELF and PE headers are read; nothing is executed.
"""

from __future__ import annotations

import platform
import struct
import sys
from dataclasses import dataclass
from pathlib import Path

ELF_MACHINES = {3: "x86", 8: "MIPS", 20: "PowerPC", 21: "PowerPC", 40: "ARM", 62: "x86", 183: "ARM",
                243: "RISC-V", 258: "LoongArch"}
"""e_machine values; 32/64 bit comes from the ELF class (x86 + 64 bit = x86-64, ARM + 64 = AArch64)."""
PE_MACHINES = {0x014C: ("x86", 32), 0x8664: ("x86", 64), 0x01C4: ("ARM", 32), 0xAA64: ("ARM", 64)}
MACHINE_NAMES = {"x86_64": "x86", "amd64": "x86", "i386": "x86", "i686": "x86", "x86": "x86",
                 "aarch64": "ARM", "arm64": "ARM", "armv7l": "ARM", "armv8l": "ARM", "mips": "MIPS",
                 "mips64": "MIPS", "ppc64le": "PowerPC", "riscv64": "RISC-V", "loongarch64": "LoongArch"}


@dataclass(frozen=True)
class Build:
    """What a binary is for: its system ("Linux" for ELF, "Windows" for PE), processor and bits."""

    system: str
    machine: str
    bits: int

    def __str__(self) -> str:
        return f"{self.bits}-bit {self.machine} {self.system}"


def this_build() -> Build:
    """The running Python's build (the library must match it, not merely the PC)."""
    system = "Windows" if sys.platform == "win32" else "Linux" if sys.platform.startswith("linux") else platform.system()
    machine = MACHINE_NAMES.get(platform.machine().lower(), platform.machine())
    return Build(system, machine, struct.calcsize("P") * 8)


def read_build(path: Path) -> Build | None:
    """The build in `path`'s header; None when it is neither ELF nor PE (or too short to tell)."""
    try:
        with path.open("rb") as file:
            head = file.read(4096)
    except OSError:
        return None
    if head[:4] == b"\x7fELF" and len(head) >= 20:
        bits = {1: 32, 2: 64}.get(head[4])
        order = "<" if head[5] == 1 else ">"
        machine = struct.unpack(order + "H", head[18:20])[0]
        if bits is None:
            return None
        return Build("Linux", ELF_MACHINES.get(machine, f"machine {machine}"), bits)
    if head[:2] == b"MZ" and len(head) >= 64:
        offset = struct.unpack("<I", head[60:64])[0]
        if head[offset:offset + 4] != b"PE\0\0" or len(head) < offset + 6:
            return None
        machine = struct.unpack("<H", head[offset + 4:offset + 6])[0]
        name, bits = PE_MACHINES.get(machine, (f"machine 0x{machine:04X}", 32))
        return Build("Windows", name, bits)
    return None


def mismatch(path: Path) -> str | None:
    """Why `path` cannot be this process's library ("built for 32-bit x86 Windows; this program is
    64-bit x86 Linux"); None when its header matches, or is not one this module reads."""
    build, here = read_build(path), this_build()
    if build is None or build == here:
        return None
    if build.system == "Linux" and here.system not in ("Linux", "Windows"):
        return None  # another Unix reading ELF: the header alone does not decide
    return f"built for {build}; this program is {here}"
