"""Where this venue syncs to, and what the last sync found: kept in the venue database
(`venue_setting`), so every desk of a shared database sees the same; the credential itself is
in each PC's keyring (`sync.credential`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from app.db.models import KeyValue, Venue
from app.errors import VenueError
from app.services import audit
from sync.transport import check_url

URL, VENUE, CA = "sync.server_url", "sync.venue_code", "sync.ca_file"
LAST_SUCCESS, SKEW, LAST_ERROR, AUDIT_OK = "sync.last_success_at", "sync.clock_skew_s", "sync.last_error", "sync.audit_ok"


@dataclass(frozen=True)
class SyncConfig:
    server_url: str
    venue_code: str
    ca_file: Path | None


@dataclass(frozen=True)
class LastSync:
    success_at: datetime | None
    clock_skew_seconds: float | None
    error: str
    audit_verified: bool | None


def get(session: Session, key: str) -> str | None:
    row = session.get(KeyValue, key)
    return row.value if row else None


def put(session: Session, key: str, value: str) -> None:
    row = session.get(KeyValue, key)
    if row is None:
        session.add(KeyValue(key=key, value=value))
    else:
        row.value = value


def load(session: Session) -> SyncConfig:
    url = get(session, URL)
    venue = get(session, VENUE) or _venue_from_package(session)
    if not url or not venue:
        raise VenueError("sync.not_configured",
                         "Sync is not set up yet: give the provincial server's address and this venue's code "
                         "(venue-ops sync configure URL --venue CODE).")
    ca = get(session, CA)
    return SyncConfig(url, venue, Path(ca) if ca else None)


def _venue_from_package(session: Session) -> str | None:
    venue = session.query(Venue).first()
    return venue.code if venue else None


def configure(session: Session, actor: audit.Actor, desk: str, url: str, venue_code: str | None = None,
              ca_file: Path | None = None, *, now: datetime) -> SyncConfig:
    """Set the server (audited at `now`). Call inside a transaction (the first-run set-up calls it
    in the transaction that records the venue)."""
    url = check_url(url)
    venue = venue_code or _venue_from_package(session)
    if not venue:
        raise VenueError("sync.no_venue_code",
                         "No exam package is imported yet, so give this venue's code (--venue CODE).")
    if ca_file is not None and not ca_file.is_file():
        raise VenueError("sync.ca_missing", "The pinned certificate authority file {path} does not exist.",
                         path=str(ca_file))
    before = {"server_url": get(session, URL), "venue_code": get(session, VENUE), "ca_file": get(session, CA)}
    after = {"server_url": url, "venue_code": venue, "ca_file": str(ca_file.resolve()) if ca_file else ""}
    for key, value in ((URL, after["server_url"]), (VENUE, after["venue_code"]), (CA, after["ca_file"])):
        put(session, key, value)
    audit.record(session, actor, "sync.configured", "venue_setting", "sync", desk=desk, before=before, after=after,
                 reason="provincial sync server set", now=now)
    return SyncConfig(url, venue, ca_file.resolve() if ca_file else None)


def last_sync(session: Session) -> LastSync:
    success = get(session, LAST_SUCCESS)
    skew = get(session, SKEW)
    ok = get(session, AUDIT_OK)
    return LastSync(datetime.fromisoformat(success) if success else None, float(skew) if skew else None,
                    get(session, LAST_ERROR) or "", None if not ok else ok == "1")
