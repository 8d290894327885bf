"""What the sync screen and the `venue-ops sync …` commands call: one object built from the core's
parts (sessions, the keyring, the venue's files folder)."""

from __future__ import annotations

import hashlib
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from app.errors import VenueError
from app.package.importer import ImportResult, PackageImporter
from app.security.auth import StaffSession
from app.security.authorize import authorize
from app.security.crypto import PersonalDataCipher
from app.security.permissions import Permission
from app.services import audit
from app.services.package_drafts import open_drafts
from sync import config, queue, usb
from sync.credential import CredentialStore, export_key
from sync.protocol import REVISION_HEADER, SHA256_HEADER, Status
from sync.transport import RetryPolicy, Transport
from sync.upload import Progress, Uploader, UploadReport


@dataclass(frozen=True)
class SyncStatus:
    configured: bool
    server_url: str
    venue_code: str
    pending: dict[str, int]
    pending_bytes: int
    last: config.LastSync

    @property
    def pending_total(self) -> int:
        return sum(self.pending.values())


@dataclass(frozen=True)
class PackageFetch:
    revision: int
    result: ImportResult


@dataclass
class SyncService:
    sessions: sessionmaker[Session]
    credentials: CredentialStore
    files_root: Path
    actor: audit.Actor
    desk: str
    clock: Callable[[], datetime]  # the venue's anchored clock (app.engine.clock.VenueClock)
    cipher: PersonalDataCipher | None = None
    trusted_keys: dict[str, str] = field(default_factory=dict)
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    timeout: float = 30.0
    batch_records: int = 250
    # Who asks (Permission.SYNC_UPLOAD, EXPORT, IMPORT_PACKAGE, checked by app.security.authorize);
    # None only at first set-up, before anyone can sign in, when `actor` is written instead.
    user: StaffSession | None = None

    def _authorized(self, s: Session, permission: Permission) -> audit.Actor:
        return authorize(s, self.user, permission, setup_actor=self.actor)

    def _who(self, permission: Permission) -> audit.Actor:
        with self.sessions() as s, s.begin():
            return self._authorized(s, permission)

    # -- setting up --------------------------------------------------------------------------------

    def configure(self, url: str, venue_code: str | None = None, ca_file: Path | None = None) -> config.SyncConfig:
        with self.sessions() as s, s.begin():
            return config.configure(s, self._authorized(s, Permission.SYNC_UPLOAD), self.desk, url, venue_code, ca_file,
                                    now=self.clock())

    def set_credential(self, credential: str) -> None:
        actor = self._who(Permission.SYNC_UPLOAD)
        venue = self._config().venue_code
        self.credentials.store(venue, credential)
        with self.sessions() as s, s.begin():  # the secret itself is never written down here
            audit.record(s, actor, "sync.credential_set", "venue_setting", "sync", desk=self.desk,
                         after={"venue_code": venue}, reason="sync credential stored in this computer's keyring",
                         now=self.clock())

    def _config(self) -> config.SyncConfig:
        with self.sessions() as s:
            return config.load(s)

    def transport(self, cancel: threading.Event | None = None) -> Transport:
        cfg = self._config()
        return Transport(cfg.server_url, cfg.venue_code, self.credentials.load(cfg.venue_code), ca_file=cfg.ca_file,
                         timeout=self.timeout, retry=self.retry, cancel=cancel)

    # -- reading -----------------------------------------------------------------------------------

    def status(self) -> SyncStatus:
        with self.sessions() as s:
            try:
                cfg: config.SyncConfig | None = config.load(s)
            except VenueError:
                cfg = None
            pending = queue.pending_counts(s)
            unqueued = queue.audit_events_not_queued(s)  # queued when the next upload starts
            if unqueued:
                pending["audit_event"] = pending.get("audit_event", 0) + unqueued
            return SyncStatus(cfg is not None, cfg.server_url if cfg else "", cfg.venue_code if cfg else "",
                              pending, queue.pending_file_bytes(s), config.last_sync(s))

    def server_status(self) -> tuple[Status, float | None]:
        with self.transport() as t:
            answer = t.answer("GET", "/v1/status", Status)
            with self.sessions() as s, s.begin():
                if t.skew_seconds is not None:
                    config.put(s, config.SKEW, f"{t.skew_seconds:.3f}")
            return answer, t.skew_seconds

    # -- doing -------------------------------------------------------------------------------------

    def upload(self, progress: Callable[[Progress], None] | None = None,
               cancel: threading.Event | None = None) -> UploadReport:
        actor = self._who(Permission.SYNC_UPLOAD)
        with self.transport(cancel) as t:
            return Uploader(self.sessions, t, files_root=self.files_root, actor=actor, desk=self.desk,
                            batch_records=self.batch_records, progress=progress, clock=self.clock).run()

    def export(self, out: Path | str) -> tuple[int, int]:
        """Write the USB results file; `out` as a file dialog gives it (text) or as a path."""
        actor = self._who(Permission.EXPORT)
        cfg = self._config()
        key = export_key(self.credentials.load(cfg.venue_code))
        return usb.export_results(self.sessions, Path(out), venue=cfg.venue_code, key=key, files_root=self.files_root,
                                  actor=actor, desk=self.desk, now=self.clock())

    def fetch_package(self, cancel: threading.Event | None = None) -> PackageFetch:
        """Download the newest exam package and import it through the foundation's import
        (which verifies the province's signature before writing anything)."""
        if self.cipher is None:
            raise ValueError("fetch_package needs the venue's cipher")
        self._who(Permission.IMPORT_PACKAGE)  # asked before anything is downloaded; the import checks again
        with self.transport(cancel) as t, tempfile.TemporaryDirectory(prefix="venue-ops-pkg-") as tmp:
            response = t.request("GET", "/v1/package")
            body = response.content
            revision = int(response.headers.get(REVISION_HEADER, "0"))
            if hashlib.sha256(body).hexdigest() != response.headers.get(SHA256_HEADER):
                raise VenueError("sync.package_damaged",
                                 "The exam package arrived damaged (its SHA-256 does not match); nothing was "
                                 "imported. Try again.")
            path = Path(tmp) / f"package-r{revision}.vopkg"
            path.write_bytes(body)
            cfg = self._config()
            importer = PackageImporter(self.sessions, self.clock, trusted_keys=self.trusted_keys, cipher=self.cipher,
                                       actor=self.actor, desk=self.desk,
                                       drafts=open_drafts)  # the chief's drafts for deliberate changes
            result = importer.import_file(path, by=self.user, expected_venue_code=cfg.venue_code)
        return PackageFetch(revision, result)

    def describe_not_accepted(self, report: UploadReport) -> list[dict[str, Any]]:
        return [{"key": k, "why": v} for k, v in sorted(report.not_accepted.items())]


def for_core(core: Any, user: StaffSession | None = None) -> SyncService:
    """The service for the composition root, from `app.bootstrap.Core`, acting for `user`. A demo
    keeps its sync credential in memory (it has no keyring), like its data keys live in its
    temporary folder."""
    backend = None
    if core.demo:
        from app.security.keystore_testing import MemoryKeyring

        ring = MemoryKeyring()
        backend = lambda: ring  # noqa: E731
    plaintext = core.settings.data_dir / "keys" if core.settings.allow_plaintext_keys else None
    return SyncService(core.sessions, CredentialStore(core.settings.keyring_service, backend, plaintext),
                       core.settings.data_dir, core.system_actor(), core.desk, core.clock, cipher=core.cipher,
                       trusted_keys=dict(core.trusted_keys), user=user)
