"""`python -m devices scanner …`: try a serial scanner, or pretend to be one.

    python -m devices scanner listen --serial PORT [--baud N] [--silence S] [--json] [--count N] [--timeout S]
        Print each code as it is scanned (one line each; with --json one object per line:
        {"code", "source", "device", "at"}). Status changes go to stderr. Runs until Ctrl+C,
        or until --count codes or --timeout seconds. A port lost while listening is reopened
        when it returns.

    python -m devices scanner simulate [--link PATH] [--terminator CR|LF|CRLF|NONE] [--pace-ms N]
        Make a simulated scanner on a pseudo-terminal, print the path to open (first line of
        stdout), then "scan" each line typed on stdin. Ends at end of input.

Exit codes: 0 done, 2 usage error, 3 the serial port cannot be opened (the message names it),
130 interrupted with Ctrl+C.

Other scanner commands (the camera's `decode`) plug in from `devices.scanner.camera_cli`
when that module exists: it provides `register(subparsers)`.
"""

from __future__ import annotations

import argparse
import importlib
import json
import queue
import sys
import time
from typing import Any

from devices.base import DeviceState, DeviceStatus
from devices.cli_text import Say

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_PORT = 3


def register(families: Any) -> None:
    parser: argparse.ArgumentParser = families.add_parser(
        "scanner", help="barcode scanners: listen on a serial scanner, simulate one",
        description="Admission-ticket barcode scanner diagnostics.")
    commands = parser.add_subparsers(dest="scanner_command", required=True)

    listen = commands.add_parser("listen", help="print codes from a serial (USB COM) scanner")
    listen.add_argument("--serial", required=True, metavar="PORT", help="serial port, e.g. /dev/ttyACM0 or COM3")
    listen.add_argument("--baud", type=int, default=9600, help="baud rate (default 9600; many scanners use 115200)")
    listen.add_argument("--silence", type=float, default=0.1, metavar="S",
                        help="seconds of quiet that end a code sent without terminator (default 0.1)")
    listen.add_argument("--json", action="store_true", help="one JSON object per scan")
    listen.add_argument("--count", type=int, default=0, metavar="N", help="stop after N codes")
    listen.add_argument("--timeout", type=float, default=0.0, metavar="S", help="stop after S seconds")
    listen.set_defaults(handler=_listen)

    simulate = commands.add_parser("simulate", help="a simulated serial scanner on a pseudo-terminal")
    simulate.add_argument("--link", metavar="PATH", help="stable path to create (default: a temporary one)")
    simulate.add_argument("--terminator", default="CRLF", type=str.upper, choices=["CR", "LF", "CRLF", "NONE"])
    simulate.add_argument("--pace-ms", type=float, default=0.0, help="milliseconds between bytes")
    simulate.set_defaults(handler=_simulate)

    _register_optional(commands, "devices.scanner.camera_cli")


def _register_optional(commands: Any, module_name: str) -> None:
    # Only a missing module is skipped; a camera_cli that exists but fails to import should fail loudly.
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        return
    module.register(commands)


def _listen(args: argparse.Namespace) -> int:
    from devices.scanner.scan import Scan
    from devices.scanner.serial_scanner import SerialScanner, SerialSettings

    say: Say = args.say
    try:
        settings = SerialSettings(args.serial, baudrate=args.baud, silence=args.silence)
    except ValueError as exc:
        print(say("scanner.bad_settings", detail=exc), file=sys.stderr)
        return EXIT_USAGE
    events: queue.Queue[object] = queue.Queue()
    scanner = SerialScanner("cli", settings, events.put)
    scanner.start()
    try:
        first = _first_verdict(events)
        if first.state is not DeviceState.CONNECTED:
            print(say("scanner.port_failed", port=args.serial, detail=first.detail), file=sys.stderr)
            return EXIT_PORT
        print(say("scanner.listening", port=args.serial, baud=args.baud), file=sys.stderr)
        deadline = time.monotonic() + args.timeout if args.timeout > 0 else None
        seen = 0
        while deadline is None or time.monotonic() < deadline:
            try:
                event = events.get(timeout=0.1)
            except queue.Empty:
                continue
            if isinstance(event, Scan):
                _print_scan(event, as_json=args.json)
                seen += 1
                if args.count and seen >= args.count:
                    break
            elif isinstance(event, DeviceStatus):
                print(say("state_line", state=say.state(event.state), detail=event.detail), file=sys.stderr)
        return EXIT_OK
    finally:
        scanner.stop()


def _first_verdict(events: queue.Queue[object]) -> DeviceStatus:
    """The first status after CONNECTING tells whether the port opened at all."""
    while True:
        event = events.get()
        if isinstance(event, DeviceStatus) and event.state is not DeviceState.CONNECTING:
            return event


def _print_scan(scan: Any, *, as_json: bool) -> None:
    if as_json:
        line = json.dumps({"code": scan.code, "source": str(scan.source), "device": scan.device, "at": scan.at},
                          ensure_ascii=False)
    else:
        line = scan.code
    print(line, flush=True)


def _simulate(args: argparse.Namespace) -> int:
    from devices.scanner.simulator import TERMINATORS, ScannerSimulator

    say: Say = args.say
    try:
        simulator = ScannerSimulator(args.link)
    except OSError as exc:
        print(say("scanner.sim_port_failed", path=args.link, detail=exc.strerror or exc), file=sys.stderr)
        return EXIT_PORT
    with simulator:
        print(simulator.path, flush=True)
        print(say("scanner.sim_ready"), file=sys.stderr)
        for line in sys.stdin:
            code = line.rstrip("\r\n")
            if code:
                simulator.scan(code, TERMINATORS[args.terminator], pace=args.pace_ms / 1000)
    return EXIT_OK
