"""What every benchmark shares: the shape of a figure and how it is printed."""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Figure:
    bench: str
    metric: str
    value: float
    unit: str
    target: str

    def emit(self) -> None:
        print(json.dumps(asdict(self), ensure_ascii=False), flush=True)


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile (pct in 0..100) of a non-empty sequence."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def note(text: str) -> None:
    """Progress for a human, on stderr so stdout stays JSON only."""
    print(text, file=sys.stderr, flush=True)
