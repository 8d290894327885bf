"""`python -m bench idcard [--cycles N]`: full card cycles (find → select → read) between the driver
and the simulator pacing every byte at 115200 baud 8N1, both ways.

`cycle_over_wire` is the median of (measured cycle time / wire time of every byte exchanged in that
cycle): how much the driver adds on top of what the line itself costs. Target ≤ 1.15. The cycle is
timed by the driver from just before the first byte of `find` is written to the document parsed.
The simulator charges the request bytes their wire time too, and adds no processing time of its own
(a real reader's SAM adds its own, which no driver can remove).
"""

from __future__ import annotations

import argparse
import queue
import statistics
from dataclasses import replace

from bench.common import Figure, note
from devices.base import DeviceState, DeviceStatus
from devices.idcard.document import CardType
from devices.idcard.driver import IdCardReader, ReaderSettings
from devices.idcard.events import CardRead, CardRemoved, CycleStats
from devices.idcard.simulator import ReaderSimulator

NAME = "idcard"
TARGET = "<= 1.15"
WAIT = 5.0


def _wait(events: queue.Queue[object], kind: type[object]) -> object:
    while True:
        event = events.get(timeout=WAIT)
        if isinstance(event, kind):
            return event


def _cycles(count: int, fingerprint: bool) -> list[CycleStats]:
    # Status checks are pushed out of the way; they never fall inside a cycle anyway, but they
    # would lengthen the bench.
    settings = replace(
        ReaderSettings(), find_interval=0.05, status_interval=60.0, read_fingerprint=fingerprint
    )
    events: queue.Queue[object] = queue.Queue()
    with ReaderSimulator(paced=True) as simulator:
        reader = IdCardReader(events.put, simulator.path, settings=settings)
        reader.start()
        try:
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
        finally:
            reader.stop()


def run(argv: list[str]) -> list[Figure]:
    parser = argparse.ArgumentParser(prog="python -m bench idcard")
    parser.add_argument("--cycles", type=int, default=9, help="card cycles per variant (median reported)")
    args = parser.parse_args(argv)
    figures: list[Figure] = []
    for fingerprint in (False, True):
        cycles = _cycles(args.cycles, fingerprint)
        ratios = [c.seconds / c.wire_seconds for c in cycles]
        suffix = "_fingerprint" if fingerprint else ""
        note(
            f"idcard{suffix}: {len(cycles)} cycles of {cycles[0].bytes_exchanged} bytes; "
            f"ratios {', '.join(f'{r:.3f}' for r in ratios)}"
        )
        figures += [
            Figure(NAME, f"cycle_over_wire{suffix}", round(statistics.median(ratios), 3), "ratio", TARGET),
            Figure(NAME, f"cycle_over_wire{suffix}_max", round(max(ratios), 3), "ratio", "informational"),
            Figure(
                NAME,
                f"cycle_ms{suffix}",
                round(statistics.median(c.seconds for c in cycles) * 1000, 1),
                "ms",
                "informational",
            ),
            Figure(NAME, f"wire_ms{suffix}", round(cycles[0].wire_seconds * 1000, 1), "ms", "informational"),
        ]
    return figures
