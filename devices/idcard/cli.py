"""`python -m devices idcard …`: ID-card reader diagnostics for technicians.

    idcard probe [--port P …] [--json] [--timeout S]
        List the serial ports (plus any given with --port) and say which answer as a reader.
    idcard read [--port P] [--json] [--timeout S] [--show-number] [--fingerprint]
                [--photo-decoder LIB [--photo-flavour unpack|getbmp]]
                [--sdk LIB [--sdk-port N] [--photo-bmp FILE]]
        Wait for a card and print it. Without --port the reader is looked for on every port.
        The ID number is masked (110102********232X) unless --show-number is given. With --sdk the
        reader is driven through its vendor's sdtapi library (port 1001–1016 USB, 1–16 serial;
        without --sdk-port both are tried), docs/devices.md.
    idcard simulate [--card-type resident|hkmt|foreign2017|foreign2023] [--no-card]
                    [--fingerprint] [--paced]
        Serve a simulated reader on a pseudo-terminal; print its path; run until Ctrl-C.

Exit codes:
    0  done (a card was read; a reader was found; the simulator ended by Ctrl-C)
    1  no card within the timeout
    2  usage error
    3  port or device error (port missing or unusable, no reader answers, SAM failed, photo decoder unusable)
"""

from __future__ import annotations

import argparse
import json
import queue
import sys
import time
from typing import Any

from devices.base import DeviceState, DeviceStatus
from devices.cli_text import Say
from devices.idcard.document import CARD_TYPE_NAMES, CardType, IdDocument
from devices.idcard.driver import IdCardReader, ReaderSettings
from devices.idcard.events import CardRead, ProtocolError, ReaderProblem, ReaderStatus, ReadFailed
from devices.idcard.photo import PhotoDecoderUnavailable, PhotoResult, make_photo_decoder
from devices.idcard.ports import list_candidate_ports, probe_port
from devices.idcard.sdk_link import SdkConnector
from devices.idcard.sdtapi import ALL_PORTS
from devices.idcard.simulator import ReaderSimulator

EXIT_OK, EXIT_NO_CARD, EXIT_USAGE, EXIT_DEVICE = 0, 1, 2, 3
CONNECT_GRACE = 3.0
"""Seconds `read` allows the reader to answer before it gives up with a device error."""

_TYPE_LABELS = {  # keys of devices.cli_text
    CardType.RESIDENT: "idcard.type.resident",
    CardType.HKMT_RESIDENCE_PERMIT: "idcard.type.hkmt",
    CardType.FOREIGN_PERMANENT_2017: "idcard.type.foreign2017",
    CardType.FOREIGN_PERMANENT_2023: "idcard.type.foreign2023",
}


def _positive(text: str) -> float:
    value = float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError("must be a positive number of seconds")
    return value


def _sdk_port(text: str) -> int:
    if not text.isdigit() or int(text) not in ALL_PORTS:
        raise argparse.ArgumentTypeError("must be 1001 to 1016 (USB) or 1 to 16 (serial)")
    return int(text)


LASTING = {ReaderProblem.LIBRARY_MISSING, ReaderProblem.NOT_A_LIBRARY, ReaderProblem.WRONG_ARCHITECTURE,
           ReaderProblem.MISSING_SYMBOL}


def register(families: Any) -> None:
    parser: argparse.ArgumentParser = families.add_parser("idcard", help="ID-card reader diagnostics")
    commands = parser.add_subparsers(dest="command", required=True)

    probe = commands.add_parser("probe", help="list serial ports and which answer as an ID-card reader")
    probe.add_argument("--port", action="append", default=[], help="also probe this port (repeatable)")
    probe.add_argument("--timeout", type=_positive, default=0.5, help="seconds each port has to answer")
    probe.add_argument("--json", action="store_true", help="one JSON object per port")
    probe.set_defaults(handler=_probe)

    read = commands.add_parser("read", help="wait for a card and print what it holds")
    read.add_argument("--port", help="serial port of the reader (default: look on every port)")
    read.add_argument("--timeout", type=_positive, default=30.0, help="seconds to wait for a card")
    read.add_argument("--json", action="store_true", help="print the card as JSON")
    read.add_argument("--show-number", action="store_true", help="print the ID number unmasked")
    read.add_argument("--fingerprint", action="store_true", help="read fingerprints too (command 30 10)")
    read.add_argument("--photo-decoder", metavar="LIB", help="vendor WLT decoder library to decode the photo")
    read.add_argument("--photo-flavour", choices=["unpack", "getbmp"], default="unpack")
    read.add_argument("--sdk", metavar="LIB", help="drive the reader through this vendor sdtapi library")
    read.add_argument("--sdk-port", type=_sdk_port, help="the SDK's port: 1001–1016 USB, 1–16 serial")
    read.add_argument("--photo-bmp", metavar="FILE", help="where the SDK writes the decoded photo")
    read.set_defaults(handler=_read)

    simulate = commands.add_parser("simulate", help="serve a simulated reader on a pseudo-terminal")
    simulate.add_argument("--card-type", choices=CARD_TYPE_NAMES, default="resident")
    simulate.add_argument("--no-card", action="store_true", help="start with no card on the reader")
    simulate.add_argument("--fingerprint", action="store_true", help="the card carries fingerprints")
    simulate.add_argument("--paced", action="store_true", help="send no faster than 115200 baud")
    simulate.set_defaults(handler=_simulate)


def _probe(args: argparse.Namespace) -> int:
    say: Say = args.say
    ports = list(dict.fromkeys([*args.port, *list_candidate_ports()]))
    if not ports:
        print(say("idcard.no_ports"), file=sys.stderr)
        return EXIT_DEVICE
    found = 0
    for port in ports:
        result = probe_port(port, args.timeout)
        found += result.is_reader
        if args.json:
            print(json.dumps({"port": port, "reader": result.is_reader, "detail": result.detail}))
        else:
            print(f"{port:<28} {say('idcard.reader') if result.is_reader else '-':<7} {result.detail}")
    if not found:
        print(say("idcard.no_reader_answered", count=len(ports)), file=sys.stderr)
    return EXIT_OK if found else EXIT_DEVICE


def _read(args: argparse.Namespace) -> int:
    say: Say = args.say
    try:
        decoder = make_photo_decoder(args.photo_decoder, args.photo_flavour)
    except PhotoDecoderUnavailable as exc:
        print(say("idcard.photo_decoder_unusable", detail=exc), file=sys.stderr)
        return EXIT_DEVICE
    events: queue.Queue[object] = queue.Queue()
    settings = ReaderSettings(read_fingerprint=args.fingerprint)
    if args.sdk:
        connector = SdkConnector(args.sdk, args.sdk_port, fingerprint=args.fingerprint, photo_bmp=args.photo_bmp)
        reader = IdCardReader(events.put, settings=settings, connector=connector, kind="idcard-sdk")
        where = connector.looking().removeprefix("opening ")
    else:
        reader = IdCardReader(events.put, args.port, settings=settings)
        where = say("idcard.where_port", port=args.port) if args.port else say("idcard.where_any")
    started = time.monotonic()
    status: DeviceStatus = reader.status
    reader.start()
    try:
        while True:
            elapsed = time.monotonic() - started
            if status.state is not DeviceState.CONNECTED and elapsed >= min(CONNECT_GRACE, args.timeout):
                detail = status.detail or say.state(status.state)
                print(say("idcard.no_usable_reader", where=where, detail=detail), file=sys.stderr)
                return EXIT_DEVICE
            if elapsed >= args.timeout:  # the reader answered, but no card came
                print(say("idcard.no_card", where=where, seconds=f"{args.timeout:g}"), file=sys.stderr)
                return EXIT_NO_CARD
            try:
                event = events.get(timeout=0.1)
            except queue.Empty:
                continue
            if isinstance(event, DeviceStatus):
                status = event
                if isinstance(event, ReaderStatus) and event.problem in LASTING:
                    print(say("idcard.library_problem", detail=event.detail), file=sys.stderr)
                    return EXIT_DEVICE
                if event.state is DeviceState.CONNECTED and not args.json:
                    print(say("idcard.ready", where=event.detail.removeprefix("port ")), file=sys.stderr)
            elif isinstance(event, ReadFailed):
                print(say("idcard.read_failed", meaning=event.meaning, code=f"{event.code:02X}",
                          command=event.command), file=sys.stderr)
            elif isinstance(event, ProtocolError):
                print(say("idcard.protocol_error", fault=event.fault.value, detail=event.detail), file=sys.stderr)
            elif isinstance(event, CardRead):
                photo = event.photo or decoder.decode(event.document.photo_wlt)  # event.photo: the SDK's
                _print_card(event, photo, args)
                return EXIT_OK
    finally:
        reader.stop()


def document_fields(doc: IdDocument, show_number: bool) -> dict[str, object]:
    """The document as JSON-ready fields (photo and fingerprints as sizes only)."""
    return {
        "card_type": doc.card_type.short_name,
        "name": doc.name,
        "english_name": doc.english_name,
        "gender": doc.gender.name.lower(),
        "nation_code": doc.nation_code,
        "nation": doc.nation_name or "",
        "birth_date": doc.birth_date.isoformat() if doc.birth_date else None,
        "address": doc.address,
        "number": doc.number if show_number else doc.masked_number,
        "number_checksum_ok": doc.number_checksum_ok,
        "authority": doc.authority,
        "valid_from": doc.valid_from.isoformat() if doc.valid_from else None,
        "valid_until": doc.valid_until.isoformat() if doc.valid_until else "long-term",
        "pass_number": doc.pass_number,
        "issue_count": doc.issue_count,
        "nationality": doc.nationality,
        "card_version": doc.card_version,
        "photo_wlt_bytes": len(doc.photo_wlt),
        "fingerprint_bytes": None if doc.fingerprint is None else len(doc.fingerprint),
    }


def _print_card(event: CardRead, photo: PhotoResult, args: argparse.Namespace) -> None:
    fields = document_fields(event.document, args.show_number)
    fields["photo"] = photo.status.value
    fields["read_seconds"] = round(event.cycle.seconds, 3)
    if args.json:
        print(json.dumps(fields, ensure_ascii=False))
        return
    fields["card_type"] = args.say(_TYPE_LABELS[event.document.card_type])
    fields["photo"] = f"{photo.status.value}" + (f" ({photo.detail})" if photo.detail else "")
    for key, value in fields.items():
        if value not in ("", None):
            print(f"{key.replace('_', ' '):<20} {value}")


def _simulate(args: argparse.Namespace) -> int:
    say: Say = args.say
    simulator = ReaderSimulator(paced=args.paced).start()
    try:
        if not args.no_card:
            simulator.present(CardType.from_short_name(args.card_type), fingerprint=args.fingerprint)
        card = say("idcard.sim_no_card") if args.no_card else say("idcard.sim_card", card_type=args.card_type)
        print(simulator.path, flush=True)
        print(say("idcard.simulating", path=simulator.path, slave=simulator.slave_name, card=card),
              file=sys.stderr, flush=True)
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        return EXIT_OK
    finally:
        simulator.stop()
