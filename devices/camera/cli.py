"""`python -m devices camera …` (placeholder until the driver lands)."""

from __future__ import annotations

import argparse
from typing import Any


def register(families: Any) -> None:
    parser: argparse.ArgumentParser = families.add_parser(
        "camera", help="camera diagnostics (not yet available)"
    )
    parser.set_defaults(handler=lambda _args: 2)
