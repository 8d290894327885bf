"""`python -m bench idcard [--cycles N]`: full card cycles (find → select → read) between the driver
and the simulator pacing every byte at 115200 baud 8N1, both ways.

`cycle_over_wire` is the median of (measured cycle time / wire time of every byte exchanged in that
cycle): how much the driver adds on top of what the line itself costs. Target ≤ 1.15. The cycle is
timed by the driver from just before the first byte of `find` is written to the document parsed.
The simulator charges the request bytes their wire time too, and adds no processing time of its own
(a real reader's SAM adds its own, which no driver can remove).

`--sdk`: the same cycles through a vendor-SDK reader, the driver calling sdtapi functions of a real
shared library (devices/idcard/fake_sdtapi.c, built with cc) that spends in each call the wire time
of the SAM frames a vendor's library exchanges for it; `cycle_over_wire` (bench `idcard-sdk`) is then
what the binding, the ctypes calls and the driver add on top of the library's own time.
"""

from __future__ import annotations

import argparse
import queue
import statistics
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Protocol

from bench.common import Figure, note
from devices.base import DeviceState, DeviceStatus
from devices.idcard.document import CardType
from devices.idcard.driver import IdCardReader, ReaderSettings
from devices.idcard.events import CardRead, CardRemoved, CycleStats
from devices.idcard.sdk_link import SdkConnector
from devices.idcard.sdk_simulator import SdkSimulator
from devices.idcard.simulator import ReaderSimulator

NAME = "idcard"
TARGET = "<= 1.15"
WAIT = 5.0


def _wait(events: queue.Queue[object], kind: type[object]) -> object:
    while True:
        event = events.get(timeout=WAIT)
        if isinstance(event, kind):
            return event


class _Cards(Protocol):
    def present(self, card: CardType, *, fingerprint: bool) -> None: ...

    def remove(self) -> None: ...


@contextmanager
def _reader(sink: queue.Queue[object], settings: ReaderSettings, sdk: bool) -> Iterator[_Cards]:
    """A paced simulated reader and a driver started on it: serial over a pty, or the SDK library."""
    if not sdk:
        with ReaderSimulator(paced=True) as simulator:
            reader = IdCardReader(sink.put, simulator.path, settings=settings)
            reader.start()
            try:
                yield simulator
            finally:
                reader.stop()
        return
    with tempfile.TemporaryDirectory(prefix="idcard-sdk-") as folder:
        library = SdkSimulator(Path(folder))
        library.paced()
        connector = SdkConnector(str(library.library), 1001, fingerprint=settings.read_fingerprint)
        reader = IdCardReader(sink.put, settings=settings, connector=connector, kind="idcard-sdk")
        reader.start()
        try:
            yield library
        finally:
            reader.stop()


def _cycles(count: int, fingerprint: bool, sdk: bool = False) -> list[CycleStats]:
    # Status checks are pushed out of the way; they never fall inside a cycle anyway, but they
    # would lengthen the bench.
    settings = replace(
        ReaderSettings(), find_interval=0.05, status_interval=60.0, read_fingerprint=fingerprint
    )
    events: queue.Queue[object] = queue.Queue()
    with _reader(events, settings, sdk) as simulator:
        while True:
            status = _wait(events, DeviceStatus)
            assert isinstance(status, DeviceStatus)
            if status.state is DeviceState.CONNECTED:
                break
        cycles = []
        for _ in range(count):
            simulator.present(CardType.RESIDENT, fingerprint=fingerprint)
            read = _wait(events, CardRead)
            assert isinstance(read, CardRead)
            cycles.append(read.cycle)
            simulator.remove()
            _wait(events, CardRemoved)
        return cycles


def run(argv: list[str]) -> list[Figure]:
    parser = argparse.ArgumentParser(prog="python -m bench idcard")
    parser.add_argument("--cycles", type=int, default=9, help="card cycles per variant (median reported)")
    parser.add_argument("--sdk", action="store_true", help="through a vendor-SDK library instead of the serial port")
    args = parser.parse_args(argv)
    bench = "idcard-sdk" if args.sdk else NAME
    figures: list[Figure] = []
    for fingerprint in (False, True):
        cycles = _cycles(args.cycles, fingerprint, args.sdk)
        ratios = [c.seconds / c.wire_seconds for c in cycles]
        suffix = "_fingerprint" if fingerprint else ""
        note(
            f"{bench}{suffix}: {len(cycles)} cycles of {cycles[0].bytes_exchanged} bytes; "
            f"ratios {', '.join(f'{r:.3f}' for r in ratios)}"
        )
        figures += [
            Figure(bench, f"cycle_over_wire{suffix}", round(statistics.median(ratios), 3), "ratio", TARGET),
            Figure(bench, f"cycle_over_wire{suffix}_max", round(max(ratios), 3), "ratio", "informational"),
            Figure(
                bench,
                f"cycle_ms{suffix}",
                round(statistics.median(c.seconds for c in cycles) * 1000, 1),
                "ms",
                "informational",
            ),
            Figure(bench, f"wire_ms{suffix}", round(cycles[0].wire_seconds * 1000, 1), "ms", "informational"),
        ]
    return figures
