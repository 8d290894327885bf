"""`PackageImporter.import_file`: verify an exam package completely, then apply it in one transaction.

Everything that can be wrong with a package is found before the first write: archive shape,
signature, member hashes, JSON Schema, cross-record rules, and whether it belongs to this
venue, this exam and a newer revision. The write then commits as a whole or not at all.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.db.models import Exam, ImportedPackage, Venue
from app.package import admitted, errors, limits
from app.package.apply import Writer
from app.package.archive import VerifiedArchive, read_verified
from app.package.content import PackageContent, parse_content
from app.package.keys import TrustedKeys, load_trusted_keys
from app.package.schema import validate_data
from app.package.state import StoredState, load_staff, load_state
from app.security.auth import StaffSession
from app.security.authorize import authorize
from app.security.crypto import PersonalDataCipher
from app.security.permissions import Permission, require_role
from app.services import audit

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ImportResult:
    """What an import did. `unchanged` is True when this very package was already imported."""

    exam_code: str
    venue_code: str
    revision: int
    previous_revision: int | None
    manifest_sha256: str
    unchanged: bool
    counts: dict[str, int]  # rows the package holds, per kind
    changes: dict[str, dict[str, int]] = field(default_factory=dict)  # kind → added/changed/removed

    @property
    def changed_rows(self) -> int:
        return sum(sum(c.values()) for c in self.changes.values())


@dataclass(frozen=True)
class CheckedPackage:
    archive: VerifiedArchive
    content: PackageContent
    revision: int
    created_at: datetime


def check_package(path: Path, trusted_keys: TrustedKeys) -> CheckedPackage:
    """Every check that needs no database: the package is sound and from a trusted signer."""
    archive = read_verified(path, load_trusted_keys(trusted_keys))
    data: Any = limits.loads(archive.data, "data.json")
    validate_data(data)
    content = parse_content(data, archive.manifest, archive.photos)
    created_at = datetime.fromisoformat(archive.manifest["created_at"].replace("Z", "+00:00"))
    return CheckedPackage(archive, content, archive.manifest["revision"], created_at)


class PackageImporter:
    """Imports exam packages into one venue database, each in one transaction, at the venue clock's
    time (app.engine.clock.VenueClock).

    `trusted_keys` maps key id → Ed25519 public key (hex or PEM). `actor` is who a first set-up
    import is written as. `drafts` (app.services.package_drafts.open_drafts) opens the chief's
    incident drafts for admitted candidates a package deliberately withdraws or moves; without it
    such a package is refused."""

    def __init__(self, sessions: Callable[[], Session], clock: Callable[[], datetime], *,
                 trusted_keys: TrustedKeys, cipher: PersonalDataCipher, actor: audit.Actor, desk: str,
                 drafts: admitted.DraftOpener | None = None) -> None:
        self._sessions, self._clock = sessions, clock
        self._trusted_keys, self._cipher, self._actor, self._desk = trusted_keys, cipher, actor, desk
        self._drafts = drafts

    def import_file(self, path: Path, *, by: StaffSession | None = None,
                    expected_venue_code: str | None = None) -> ImportResult:
        """Verify the package at `path` and apply it, or raise a `PackageRefused` having written nothing.

        `expected_venue_code`, when given, refuses a package for any other venue even in an empty
        database. `by` is who imports (Permission.IMPORT_PACKAGE); without one the import is first
        set-up, written as `actor`, and refused once anyone can sign in (app.security.authorize)."""
        if by is not None:  # a role that may not import is refused before the file is even read
            require_role(by, Permission.IMPORT_PACKAGE)  # the session itself: authorize, below
        checked = check_package(path, self._trusted_keys)
        content = checked.content
        if expected_venue_code is not None and expected_venue_code != content.venue.code:
            raise errors.wrong_venue(content.venue.code, expected_venue_code)
        with self._sessions() as session:
            try:
                with session.begin():
                    who = authorize(session, by, Permission.IMPORT_PACKAGE, setup_actor=self._actor)
                    return _apply(session, checked, self._cipher, who, self._desk, self._clock(), self._drafts)
            except IntegrityError as exc:
                # A later feature's rows still refer to something the package removes: refuse whole.
                log.warning("exam package not applied: integrity error %s", type(exc.orig).__name__)
                raise errors.write_conflict(type(exc.orig).__name__) from exc


def _apply(
    session: Session, checked: CheckedPackage, cipher: PersonalDataCipher, actor: audit.Actor, desk: str,
    now: datetime, drafts: admitted.DraftOpener | None,
) -> ImportResult:
    content, archive = checked.content, checked.archive
    venues = session.scalars(select(Venue)).all()
    if venues and all(v.code != content.venue.code for v in venues):
        raise errors.wrong_venue(content.venue.code, venues[0].code)
    exams = session.scalars(select(Exam)).all()
    # One exam per venue database: rooms and staff belong to the venue, so a second exam's
    # package would silently rewrite the first one's rooms and roster.
    if exams and all(e.code != content.exam.code for e in exams):
        raise errors.wrong_exam(content.exam.code, exams[0].code)
    exam = next((e for e in exams if e.code == content.exam.code), None)
    venue = next((v for v in venues if v.code == content.venue.code), None)
    previous = None
    if exam is not None and venue is not None:
        previous = session.scalars(
            select(ImportedPackage).where(ImportedPackage.exam_id == exam.id, ImportedPackage.venue_id == venue.id)
            .order_by(ImportedPackage.revision.desc()).limit(1)
        ).first()
    result = _result(checked, previous.revision if previous else None)
    if previous is not None:
        if checked.revision < previous.revision:
            raise errors.older_revision(checked.revision, previous.revision)
        if checked.revision == previous.revision:
            if previous.manifest_sha256 != archive.manifest_sha256:
                raise errors.revision_conflict(checked.revision)
            return result  # the same package again: nothing to do, and nothing is written
    reason = f"exam package {content.exam.code} revision {checked.revision}"
    exam_id, venue_id = _upsert_exam_and_venue(session, content, exam, venue, actor, desk, reason, now,
                                               audited=previous is not None)
    deliberate: list[admitted.AdmittedChange] = []
    if previous is not None:
        deliberate = admitted.check(session, content, exam_id, drafts_possible=drafts is not None)
        stored = load_state(session, exam_id, venue_id, cipher)
    else:
        # A first load may meet staff enrolled at set-up (the first chief examiner): they are
        # adopted by staff number, keeping their credential, and none of them is removed.
        stored = StoredState(staff=load_staff(session, venue_id))
    writer = Writer(session, content, stored, cipher, exam_id, venue_id, actor, desk, reason, now,
                    audited=previous is not None)
    changes = writer.apply()
    if deliberate and drafts is not None:
        drafts(session, deliberate, content, checked.revision, actor, desk, now)
    package_id = uuid.uuid4()
    session.add(ImportedPackage(id=package_id, exam_id=exam_id, venue_id=venue_id, revision=checked.revision,
                                manifest_sha256=archive.manifest_sha256, signer_key_id=archive.signer_key_id,
                                created_at=checked.created_at, imported_at=now))
    session.flush()
    audit.record(session, actor, "package.imported", "imported_package", package_id, desk=desk, now=now,
                 reason=reason,
                 after={"exam": content.exam.code, "venue": content.venue.code, "revision": checked.revision,
                        "previous_revision": result.previous_revision, "manifest_sha256": archive.manifest_sha256,
                        "signer_key_id": archive.signer_key_id, "counts": result.counts, "changes": changes})
    log.info("exam package %s revision %s imported for venue %s", content.exam.code, checked.revision,
             content.venue.code)
    return replace(result, unchanged=False, changes=changes)


def _result(checked: CheckedPackage, previous_revision: int | None) -> ImportResult:
    c = checked.content
    return ImportResult(c.exam.code, c.venue.code, checked.revision, previous_revision,
                        checked.archive.manifest_sha256, unchanged=True, counts=c.counts())


def _upsert_exam_and_venue(
    session: Session, content: PackageContent, exam: Exam | None, venue: Venue | None, actor: audit.Actor,
    desk: str, reason: str, now: datetime, *, audited: bool,
) -> tuple[uuid.UUID, uuid.UUID]:
    wanted_exam = {"code": content.exam.code, "name": content.exam.name, "ticket_pattern": content.exam.ticket_pattern}
    v = content.venue
    wanted_venue = {"code": v.code, "name": v.name, "district": v.district, "address": v.address}
    rows: list[tuple[str, Any, Any, dict[str, Any]]] = [("exam", Exam, exam, wanted_exam),
                                                        ("venue", Venue, venue, wanted_venue)]
    ids = []
    for entity, model, row, wanted in rows:
        if row is None:
            row = model(id=uuid.uuid4(), **wanted)
            session.add(row)
        else:
            before = {k: getattr(row, k) for k in wanted}
            if before != wanted:
                for k, value in wanted.items():
                    setattr(row, k, value)
                if audited:
                    audit.record(session, actor, f"{entity}.changed", entity, row.id, desk=desk, before=before,
                                 after=wanted, reason=reason, now=now)
        ids.append(row.id)
    session.flush()
    return ids[0], ids[1]
