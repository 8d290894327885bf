"""`python -m devices scanner decode|camera-listen …`: the camera side of the ticket scanners.

    python -m devices scanner decode IMAGE… [--json] [--pattern REGEX]
        Decode the Code 128 and QR codes in image files (PNG, JPEG, …) with both decoders (zxing-cpp,
        pyzbar) and every preprocessing pass. One line per code: "PATH<TAB>SYMBOLOGY<TAB>CODE"; with
        --json one object per code {"image", "symbology", "code", "bounds", "decoders"}. A code is
        printed only when it matches the ticket pattern (default: 10–20 digits) or both decoders
        read it; a refused read is named on stderr.

    python -m devices scanner camera-listen --source S [--json] [--count N] [--timeout S]
        Print each ticket code a camera sees, once per appearance. S is a USB index (0), an
        RTSP/HTTP URL, a video file, or the simulator (sim:ticket). A file ends the command at its
        end; otherwise it runs until Ctrl+C, --count codes or --timeout seconds.

Exit codes: 0 codes found (or listening ended normally), 1 no code in any image, 2 usage error,
3 an image cannot be read or the camera source cannot be opened (the message names it).
"""

from __future__ import annotations

import argparse
import json
import queue
import sys
import time
from typing import Any

from devices.camera.frames import Image
from devices.cli_text import Say

EXIT_OK = 0
EXIT_NOTHING = 1
EXIT_USAGE = 2
EXIT_SOURCE = 3


def register(commands: Any) -> None:
    """Add `decode` and `camera-listen` to the `scanner` sub-commands."""
    decode = commands.add_parser("decode", help="decode ticket codes (Code 128, QR) in image files")
    decode.add_argument("images", nargs="+", metavar="IMAGE")
    decode.add_argument("--json", action="store_true", help="one JSON object per code")
    decode.add_argument("--pattern", metavar="REGEX", default=None,
                        help="the exam's ticket-number pattern (default: 10 to 20 digits)")
    decode.set_defaults(handler=_decode)

    listen = commands.add_parser("camera-listen", help="print ticket codes seen by a camera")
    listen.add_argument(
        "--source", required=True, metavar="S", help="USB index, RTSP URL, video file or sim:ticket"
    )
    listen.add_argument("--json", action="store_true", help="one JSON object per scan")
    listen.add_argument("--count", type=int, default=0, metavar="N", help="stop after N codes")
    listen.add_argument("--timeout", type=float, default=0.0, metavar="S", help="stop after S seconds")
    listen.set_defaults(handler=_camera_listen)


def read_image(path: str) -> tuple[Image | None, str]:
    """A grey image from a file, or None and the catalog key saying why not. Read as bytes and
    decoded in memory: OpenCV's imread cannot open non-ASCII paths on Windows (a folder named
    准考证), and it warns on stderr for a missing file."""
    import cv2
    import numpy as np

    try:
        data = np.fromfile(path, dtype=np.uint8)
    except FileNotFoundError:
        return None, "file_missing"
    except (OSError, ValueError):  # a folder, a file we may not read
        return None, "file_unreadable"
    image = cv2.imdecode(data, cv2.IMREAD_GRAYSCALE) if data.size else None
    return (image, "") if image is not None else (None, "file_not_image")


def _decode(args: argparse.Namespace) -> int:
    from devices.scanner.decoding import decode_still
    from devices.scanner.ticket import TicketPattern

    say: Say = args.say
    try:
        pattern = TicketPattern(args.pattern) if args.pattern else TicketPattern()
    except ValueError as exc:
        print(say("scanner.bad_pattern", detail=exc), file=sys.stderr)
        return EXIT_USAGE
    found = 0
    unreadable = 0
    for path in args.images:
        image, problem = read_image(path)
        if image is None:
            print(say(problem, path=path), file=sys.stderr)
            unreadable += 1
            continue
        sightings, refused = decode_still(image, pattern)
        for r in refused:
            print(say("scanner.refused", path=path, code=repr(r.code), decoders="+".join(r.decoders)), file=sys.stderr)
        if not sightings and not refused:
            print(say("scanner.no_code", path=path), file=sys.stderr)
        for s in sightings:
            found += 1
            if args.json:
                row = {"image": path, "symbology": s.symbology, "code": s.code, "bounds": list(s.bounds),
                       "decoders": list(s.decoders)}
                print(json.dumps(row, ensure_ascii=False))
            else:
                print(f"{path}\t{s.symbology}\t{s.code}")
    if unreadable:
        return EXIT_SOURCE
    return EXIT_OK if found else EXIT_NOTHING


def _camera_listen(args: argparse.Namespace) -> int:
    from devices.base import DeviceState
    from devices.camera.source import FileEnd, SourceConfig, SourceKind, parse_source
    from devices.camera.status import CameraProblem, CameraStatus
    from devices.scanner.camera import CameraScanner, CameraScannerConfig
    from devices.scanner.scan import Scan

    say: Say = args.say
    try:
        spec = parse_source(args.source)
    except ValueError as exc:
        print(say("camera.bad_source", detail=exc), file=sys.stderr)
        return EXIT_USAGE
    # A file is read in full, frame by frame, so no ticket in it is skipped.
    is_file = spec.kind is SourceKind.FILE
    source = SourceConfig(
        queue_size=1, file_end=FileEnd.STOP, realtime=not is_file, drop_when_busy=not is_file
    )
    events: queue.Queue[object] = queue.Queue()
    scanner = CameraScanner("camera", spec, events.put, CameraScannerConfig(source=source))
    deadline = time.monotonic() + args.timeout if args.timeout > 0 else None
    scanner.start()
    connected = False
    seen = 0
    try:
        while deadline is None or time.monotonic() < deadline:
            try:
                event = events.get(timeout=0.1)
            except queue.Empty:
                continue
            if isinstance(event, CameraStatus):
                print(say("state_line", state=say.state(event.state), detail=event.detail), file=sys.stderr)
                connected = connected or event.state is DeviceState.CONNECTED
                if event.problem is CameraProblem.SOURCE_OPEN_FAILED and not connected:
                    print(say("camera.open_failed", source=args.source), file=sys.stderr)
                    return EXIT_SOURCE
                if event.problem is CameraProblem.SOURCE_ENDED:
                    break
            elif isinstance(event, Scan):
                seen += 1
                if args.json:
                    row = {
                        "code": event.code,
                        "symbology": event.symbology,
                        "source": str(event.source),
                        "at": event.at,
                    }
                    print(json.dumps(row, ensure_ascii=False), flush=True)
                else:
                    print(f"{event.symbology}\t{event.code}", flush=True)
                if args.count and seen >= args.count:
                    break
        return EXIT_OK
    finally:
        scanner.stop()
