"""`python -m sync.server`: the reference provincial server.

    python -m sync.server --data DIR add-venue 320107            # prints the venue's new credential
    python -m sync.server --data DIR publish-package FILE.vopkg   # serve an exam package to its venue
    python -m sync.server --data DIR serve --cert C --key K [--port 8443] [--fault error:/v1/batches:2]
    python -m sync.server --data DIR import-usb FILE              # a venue's USB results export
    python -m sync.server --data DIR records 320107               # what a venue has sent, per kind
    python -m sync.server openapi                                 # the protocol's OpenAPI document
    python -m sync.server make-cert DIR                           # a throwaway CA + loopback certificate
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import platformdirs

from app.errors import VenueError
from sync import credential
from sync.server.app import create_api
from sync.server.devcert import make_pki
from sync.server.faults import Fault, FaultSwitch
from sync.server.runner import ReferenceServer
from sync.server.store import ServerError, ServerStore
from sync.server.usb_import import import_usb

__all__ = ["build_parser", "import_usb", "main"]


def default_data_dir() -> Path:
    """The server's own folder in the user data folder, never the current folder."""
    return Path(platformdirs.user_data_dir("venue-ops-sync-server", appauthor=False))


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m sync.server", description="Venue Ops reference provincial server")
    p.add_argument("--data", type=Path, default=default_data_dir(),
                   help="folder for the database and files (default: the user data folder)")
    p.add_argument("--db", help="SQLAlchemy URL of the server database (default: DATA/server.sqlite)")
    sub = p.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="serve protocol v1 over HTTPS")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8443)
    serve.add_argument("--cert", type=Path, help="PEM certificate chain (without it: plain HTTP, loopback only)")
    serve.add_argument("--key", type=Path, help="PEM private key")
    serve.add_argument("--fault", action="append", default=[], metavar="KIND[:PATH[:TIMES[:DELAY[:SKIP]]]]",
                       help="inject a fault (error, timeout, slow, cut_request, cut_response, duplicate_ack)")
    add = sub.add_parser("add-venue", help="register a venue and print its new credential")
    add.add_argument("venue")
    add.add_argument("--credential", help="use this credential instead of a new random one")
    pub = sub.add_parser("publish-package", help="serve a signed exam package to the venue it names")
    pub.add_argument("file", type=Path)
    imp = sub.add_parser("import-usb", help="import a venue's USB results file (importing it again changes nothing)")
    imp.add_argument("file", type=Path)
    cert = sub.add_parser("make-cert", help="a throwaway CA and server certificate for trying things on loopback")
    cert.add_argument("folder", type=Path)
    sub.add_parser("openapi", help="print the protocol's OpenAPI document (also served at /openapi.json)")
    rec = sub.add_parser("records", help="count what a venue has sent, per kind")
    rec.add_argument("venue")
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "make-cert":  # needs no server data at all
        pki = make_pki(args.folder, label="dev")
        print(json.dumps({"ca": str(pki.ca_file), "cert": str(pki.cert_file), "key": str(pki.key_file)}))
        return 0
    args.data.mkdir(parents=True, exist_ok=True)
    store = ServerStore(args.db or f"sqlite:///{args.data / 'server.sqlite'}", args.data)
    try:
        if args.command == "add-venue":
            secret = args.credential or credential.new_credential()
            store.add_venue(args.venue, secret)
            print(secret)
        elif args.command == "publish-package":
            package = store.publish_package(args.file)
            print(json.dumps({"revision": package.revision, "sha256": package.sha256, "size": package.size}))
        elif args.command == "import-usb":
            print(json.dumps(import_usb(store, args.file), ensure_ascii=False))
        elif args.command == "openapi":
            print(json.dumps(create_api(store).openapi(), ensure_ascii=False, indent=1))
        elif args.command == "records":
            counts: dict[str, int] = {}
            for r in store.records(args.venue):
                counts[r.kind] = counts.get(r.kind, 0) + 1
            print(json.dumps({"venue": args.venue, "records": counts, "audit_verified": store.audit_verified(args.venue)}))
        else:
            faults = FaultSwitch()
            faults.arm(*(Fault.parse(f) for f in args.fault))
            if args.cert is None and args.host not in {"127.0.0.1", "localhost"}:
                print("refusing plain HTTP on a non-loopback address: give --cert and --key", file=sys.stderr)
                return 2
            server = ReferenceServer(store, faults=faults, host=args.host, port=args.port, certfile=args.cert,
                                     keyfile=args.key)
            print(f"serving protocol v1 on {server.url} (OpenAPI: {server.url}/openapi.json)", flush=True)
            server.serve_forever()
        return 0
    except (VenueError, ServerError) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except OSError as exc:  # a file named on the command line that is not there or not readable
        print(f"{exc.filename}: {exc.strerror}", file=sys.stderr)
        return 1
    finally:
        store.close()


if __name__ == "__main__":
    sys.exit(main())
