"""`python -m devices scanner …` (placeholder until the driver lands)."""

from __future__ import annotations

import argparse
from typing import Any


def register(families: Any) -> None:
    parser: argparse.ArgumentParser = families.add_parser("scanner", help="scanner diagnostics (not yet available)")
    parser.set_defaults(handler=lambda _args: 2)
