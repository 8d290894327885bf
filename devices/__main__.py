"""`python -m devices …`: diagnostics for technicians (read a card, probe ports, decode images,
watch a camera, run a simulator). Each family registers its own sub-commands from its `cli.py`."""

from __future__ import annotations

import argparse
import sys

from devices.camera import cli as camera_cli
from devices.idcard import cli as idcard_cli
from devices.scanner import cli as scanner_cli


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m devices", description="Venue device diagnostics")
    families = parser.add_subparsers(dest="family", required=True)
    idcard_cli.register(families)
    scanner_cli.register(families)
    camera_cli.register(families)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code: int = args.handler(args)
    except KeyboardInterrupt:
        return 130
    return code


if __name__ == "__main__":
    sys.exit(main())
