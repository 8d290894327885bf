"""`python -m devices camera …`: camera diagnostics for technicians.

    python -m devices camera probe [--max N] [--json]
        Try USB camera indexes 0..N-1 (default 5); print which open, with their resolution.

    python -m devices camera watch --source S [--json] [--seconds T] [--realtime]
        Motion and tamper events as they happen (one line each; with --json one object per line).
        S is a USB index (0), an RTSP/HTTP URL, a video file, or the simulator (sim:motion,
        sim:tamper, sim:ticket). A file is analysed as fast as possible unless --realtime, and the
        command ends at its end; otherwise it runs until Ctrl+C or --seconds.

    python -m devices camera record --source S --minutes N [--out DIR] [--codec mp4v|MJPG] [--seconds T] [--json]
        Record wall-clock segments of N minutes into DIR (default ./recordings); print each closed
        segment with its SHA-256.

Status changes go to stderr, events to stdout.
Exit codes: 0 done, 1 nothing found (probe: no camera), 2 usage error, 3 the source cannot be
opened or the recording cannot be written (the message names the source), 130 Ctrl+C.
"""

from __future__ import annotations

import argparse
import dataclasses
import enum
import json
import queue
import sys
import time
from pathlib import Path
from typing import Any

from devices.cli_text import Say

EXIT_OK = 0
EXIT_NOTHING = 1
EXIT_USAGE = 2
EXIT_SOURCE = 3


def register(families: Any) -> None:
    parser: argparse.ArgumentParser = families.add_parser(
        "camera",
        help="cameras: probe USB cameras, watch for motion and tampering, record segments",
        description="Paper-room camera diagnostics.",
    )
    commands = parser.add_subparsers(dest="camera_command", required=True)

    probe = commands.add_parser("probe", help="which USB camera indexes open, and at what resolution")
    probe.add_argument("--max", type=int, default=5, metavar="N", help="try indexes 0..N-1 (default 5)")
    probe.add_argument("--json", action="store_true", help="one JSON object per index tried")
    probe.set_defaults(handler=_probe)

    for name, helptext in (
        ("watch", "print motion and tamper events"),
        ("record", "record wall-clock segments"),
    ):
        sub = commands.add_parser(name, help=helptext)
        sub.add_argument(
            "--source", required=True, metavar="S", help="USB index, RTSP URL, video file or sim:NAME"
        )
        sub.add_argument("--json", action="store_true", help="one JSON object per event")
        sub.add_argument("--seconds", type=float, default=0.0, metavar="T", help="stop after T seconds")
        sub.add_argument("--realtime", action="store_true", help="play a video file at its frame rate")
        sub.add_argument("--name", default="camera", help="camera name used in events and file names")
        if name == "record":
            sub.add_argument(
                "--minutes", type=int, required=True, metavar="N", help="segment length in minutes"
            )
            sub.add_argument("--out", type=Path, default=Path("recordings"), metavar="DIR")
            sub.add_argument("--codec", default="mp4v", choices=["mp4v", "MJPG", "XVID"])
        sub.set_defaults(handler=_run_monitor)


def _probe(args: argparse.Namespace) -> int:
    import cv2

    say: Say = args.say
    found = 0
    for index in range(max(0, args.max)):
        cap = cv2.VideoCapture(index)
        try:
            ok, image = cap.read() if cap.isOpened() else (False, None)
        finally:
            cap.release()
        row: dict[str, object] = {"index": index, "opened": bool(ok)}
        if ok and image is not None:
            found += 1
            row.update(width=int(image.shape[1]), height=int(image.shape[0]))
        if args.json:
            print(json.dumps(row))
        elif ok:
            print(say("camera.opened", index=index, width=row["width"], height=row["height"]))
        else:
            print(say("camera.none_at", index=index))
    if not found:
        print(say("camera.none_found", last=args.max - 1), file=sys.stderr)
    return EXIT_OK if found else EXIT_NOTHING


def _run_monitor(args: argparse.Namespace) -> int:
    from devices.base import DeviceState
    from devices.camera.monitor import CameraMonitor, MonitorConfig
    from devices.camera.recorder import CODECS, RecordingFailed, probe_codecs
    from devices.camera.source import FileEnd, SourceConfig, SourceKind, parse_source
    from devices.camera.status import CameraProblem, CameraStatus

    say: Say = args.say
    try:
        spec = parse_source(args.source)
    except ValueError as exc:
        print(say("camera.bad_source", detail=exc), file=sys.stderr)
        return EXIT_USAGE
    recording = args.camera_command == "record"
    if recording:
        if args.minutes < 1:
            print(say("camera.minutes"), file=sys.stderr)
            return EXIT_USAGE
        if not probe_codecs({args.codec: CODECS[args.codec]})[args.codec]:
            print(say("camera.codec_missing", codec=args.codec), file=sys.stderr)
            return EXIT_SOURCE
    is_file = spec.kind is SourceKind.FILE
    fast = is_file and not args.realtime
    source = SourceConfig(file_end=FileEnd.STOP, realtime=not fast, drop_when_busy=not fast)
    config = MonitorConfig(
        source=source,
        out_dir=args.out if recording else None,
        segment_minutes=args.minutes if recording else 1,
        codec=args.codec if recording else "mp4v",
    )
    events: queue.Queue[object] = queue.Queue()
    monitor = CameraMonitor(args.name, spec, events.put, config)
    deadline = time.monotonic() + args.seconds if args.seconds > 0 else None
    monitor.start()
    connected = failed = False
    try:
        while deadline is None or time.monotonic() < deadline:
            try:
                event = events.get(timeout=0.1)
            except queue.Empty:
                continue
            if isinstance(event, CameraStatus):
                print(say("state_line", state=say.state(event.state), detail=event.detail), file=sys.stderr)
                if event.state is DeviceState.CONNECTED:
                    connected = True
                elif (
                    event.problem is not None
                    and event.problem.value == "source_open_failed"
                    and not connected
                ):
                    print(say("camera.open_failed", source=args.source), file=sys.stderr)
                    return EXIT_SOURCE
                elif event.problem is CameraProblem.SOURCE_ENDED:
                    break
                elif event.state is DeviceState.FAILED:
                    failed = True
                    break
                continue
            if isinstance(event, RecordingFailed):
                failed = True
            print_event(event, as_json=args.json)
            if failed:
                break
    finally:
        monitor.stop()
        while not events.empty():  # the last segment closes on stop
            event = events.get()
            if not isinstance(event, CameraStatus):
                print_event(event, as_json=args.json)
    return EXIT_SOURCE if failed else EXIT_OK


def event_fields(event: object) -> dict[str, object]:
    """An event as JSON-ready fields, with its type under "event"."""
    fields: dict[str, object] = {"event": type(event).__name__}
    if dataclasses.is_dataclass(event) and not isinstance(event, type):
        for f in dataclasses.fields(event):
            fields[f.name] = _plain(getattr(event, f.name))
    return fields


def _plain(value: object) -> object:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, float):
        return round(value, 3)
    return value


def print_event(event: object, *, as_json: bool) -> None:
    fields = event_fields(event)
    if as_json:
        print(json.dumps(fields, ensure_ascii=False), flush=True)
        return
    name = fields.pop("event")
    fields.pop("camera", None)
    kind = fields.pop("kind", None)
    head = f"{name} {kind}" if kind is not None else str(name)
    print(head + " " + " ".join(f"{k}={v}" for k, v in fields.items() if v not in (None, "")), flush=True)
