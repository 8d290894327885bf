"""`venue-ops sync …`: the work behind each subcommand. The composition root parses, builds the
service and passes `say(data, key, **params)`, which prints the translated sentence `key` (or the
data as JSON with --json)."""

from __future__ import annotations

import getpass
import sys
from argparse import Namespace
from collections.abc import Callable
from typing import Any

from sync.service import SyncService

Say = Callable[..., None]


def run(args: Namespace, service: SyncService, say: Say) -> int:
    command = args.sync_command
    if command == "configure":
        cfg = service.configure(args.url, args.venue, args.ca)
        say({"server_url": cfg.server_url, "venue": cfg.venue_code, "ca_file": str(cfg.ca_file or "")},
            "configured", url=cfg.server_url, venue=cfg.venue_code)
        return 0
    if command == "set-credential":
        secret = sys.stdin.readline() if not sys.stdin.isatty() else getpass.getpass(args.prompt)
        service.set_credential(secret)
        say({"stored": True}, "credential_stored")
        return 0
    if command == "status":
        return _status(args, service, say)
    if command == "upload":
        report = service.upload()
        verified = report.audit.verified if report.audit else None
        say({"records": report.records_sent, "files": report.files_sent, "bytes": report.bytes_sent,
             "batches": report.batches, "not_accepted": service.describe_not_accepted(report),
             "audit_verified": verified, "clock_skew_seconds": report.clock_skew_seconds},
            "uploaded" if verified else "uploaded_unverified", records=report.records_sent,
            files=report.files_sent, refused=len(report.not_accepted), skew=_skew(report.clock_skew_seconds))
        return 0 if not report.not_accepted and verified else 1
    if command == "export":
        records, files = service.export(args.file)
        say({"file": str(args.file), "records": records, "files": files}, "exported", path=args.file,
            records=records, files=files)
        return 0
    if command == "fetch-package":
        fetched = service.fetch_package()
        result = fetched.result
        say({"revision": result.revision, "unchanged": result.unchanged, "counts": result.counts},
            "package_unchanged" if result.unchanged else "package_fetched", rev=result.revision,
            candidates=result.counts.get("candidates", 0))
        return 0
    raise AssertionError(f"unhandled sync command {command}")


def _status(args: Namespace, service: SyncService, say: Say) -> int:
    status = service.status()
    data: dict[str, Any] = {"configured": status.configured, "server_url": status.server_url,
                            "venue": status.venue_code, "pending": status.pending,
                            "pending_bytes": status.pending_bytes,
                            "last_success": status.last.success_at, "last_error": status.last.error,
                            "clock_skew_seconds": status.last.clock_skew_seconds,
                            "audit_verified": status.last.audit_verified}
    if args.server:
        answer, skew = service.server_status()
        data.update(server_records=answer.records, package_revision=answer.package_revision,
                    clock_skew_seconds=skew)
    say(data, "status", pending=status.pending_total,
        kinds=", ".join(f"{k} {n}" for k, n in sorted(status.pending.items())) or "-",
        last=status.last.success_at.isoformat(timespec="seconds") if status.last.success_at else "-",
        skew=_skew(data["clock_skew_seconds"]), error=status.last.error or "-")
    return 0


def _skew(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds:+.1f} s"
