"""Builds the core for one run: database (migrated), data keys, cipher, services. Plain Python;
the composition root (`app/__main__.py`) calls it and hands the result to the GUI or a command."""

from __future__ import annotations

import socket
import uuid
from dataclasses import dataclass, field, replace
from datetime import timedelta
from pathlib import Path

from keyring.backends import fail
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session, sessionmaker

from app import demo_folder
from app.config import Settings
from app.db import migrate
from app.db.engine import make_engine, make_session_factory
from app.db.models import KeyValue, Staff
from app.domain import Role
from app.engine.clock import VenueClock
from app.errors import VenueError
from app.fsmodes import private_dir, tighten
from app.package.importer import PackageImporter
from app.package.keys import TrustedKeys, demo_trusted_keys
from app.security.auth import AuthService, LockoutPolicy
from app.security.checkpoint_key import CheckpointSigner
from app.security.crypto import PersonalDataCipher
from app.security.keystore import KeyStore
from app.security.passwords import CredentialPolicy
from app.services import audit_anchor
from app.services.audit import Actor
from app.services.maintenance import MaintenanceService
from app.services.package_drafts import open_drafts
from app.services.staff import StaffService

DATABASE_ID = "database.id"
DEMO_CREDENTIAL = "demo2026"


@dataclass
class Core:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    cipher: PersonalDataCipher
    auth: AuthService
    staff: StaffService
    trusted_keys: TrustedKeys
    demo: bool = False
    # The venue's one anchored clock (app.engine.clock): every service and screen reads this object.
    clock: VenueClock = field(default_factory=VenueClock)
    backup_copy: Path | None = None

    @property
    def desk(self) -> str:
        return self.settings.desk_name

    def system_actor(self) -> Actor:
        return Actor.system(f"venue-ops@{self.desk}")

    def package_importer(self) -> PackageImporter:
        """Imports exam packages at the venue clock's time; a package's deliberate changes to
        admitted candidates open the chief's incident drafts (app.services.package_drafts)."""
        return PackageImporter(self.sessions, self.clock, trusted_keys=self.trusted_keys, cipher=self.cipher,
                               actor=self.system_actor(), desk=self.desk, drafts=open_drafts)

    def maintenance(self) -> MaintenanceService:
        """Backups and restores asked for by a person, audited at the venue clock's time."""
        return MaintenanceService(self.engine, self.sessions, self.clock, setup_actor=self.system_actor(),
                                  desk=self.desk)

    def close(self) -> None:
        self.engine.dispose()


def database_id(sessions: sessionmaker[Session]) -> str:
    """A stable identity of this database, shared by every desk that uses it (names its keys)."""
    with sessions() as s, s.begin():
        row = s.get(KeyValue, DATABASE_ID)
        if row is None:
            row = KeyValue(key=DATABASE_ID, value=uuid.uuid4().hex)
            s.add(row)
        return row.value


def keystore_for(settings: Settings, demo: bool) -> KeyStore:
    if demo:
        # A demo's keys die with its temporary folder; never put them in the PC's keyring.
        return KeyStore(service=settings.keyring_service, backend=fail.Keyring, allow_plaintext=True,
                        plaintext_dir=settings.data_dir / "keys")
    return KeyStore(service=settings.keyring_service, allow_plaintext=settings.allow_plaintext_keys,
                    plaintext_dir=settings.data_dir / "keys")


def open_core(settings: Settings, *, demo: bool = False, clock: VenueClock | None = None,
              keystore: KeyStore | None = None, credential_policy: CredentialPolicy | None = None) -> Core:
    private_dir(settings.data_dir)
    # Anchored now, once: from here on a change of the PC's clock moves no timer (it is an alert).
    clock = clock or VenueClock(travel_allowed=demo)
    engine = make_engine(settings.database_url)
    database = migrate.sqlite_path(engine)
    if database is not None:  # files an earlier version created 0644 (app/fsmodes.py)
        for path in (database, database.with_name(database.name + "-wal"), database.with_name(database.name + "-shm")):
            tighten(path)
    copy = migrate.upgrade(engine)
    sessions = make_session_factory(engine)
    store = keystore or keystore_for(settings, demo)
    keys = store.get_or_create(sessions, f"data-keys-{database_id(sessions)}")
    audit_anchor.attach(sessions, CheckpointSigner.from_keys(keys))
    policy = credential_policy or CredentialPolicy()
    auth = AuthService(sessions, clock, policy,
                       LockoutPolicy(settings.lockout_attempts, timedelta(minutes=settings.lockout_minutes)))
    trusted: dict[str, str] = dict(settings.provincial_keys)
    if demo:
        trusted.update(demo_trusted_keys())
    return Core(settings, engine, sessions, PersonalDataCipher(keys), auth,
                StaffService(sessions, clock, policy, auth), trusted, demo, clock, copy)


DEMO_DESK = "1号检录台"


def demo_settings(base: Settings) -> Settings:
    # Records name the desk ("由 周玲月 在 1号检录台 放行"); a PC's host name is only the default of a
    # venue PC that was never given a name, never what a demo shows.
    desk = DEMO_DESK if base.desk_name == socket.gethostname() else base.desk_name
    return replace(base, data_dir=demo_folder.make(), db_url=None, desk_name=desk,
                   backup_dir=None, allow_plaintext_keys=True)


def open_demo(base: Settings, **kwargs: object) -> Core:
    """The embedded default for trying things: a temporary SQLite database holding the demo package,
    every staff member signing in with the credential `demo2026`."""
    from app.package.demo import make_demo

    settings = demo_settings(base)
    core = open_core(settings, demo=True, **kwargs)  # type: ignore[arg-type]
    # The first sitting starts about 20 minutes from now, so the check-in desk counts down live.
    now = core.clock()
    first = (now + timedelta(minutes=20)).replace(second=0, microsecond=0)
    first += timedelta(minutes=(5 - first.minute % 5) % 5)
    package = make_demo(settings.data_dir / "demo.vopkg", first_start=first)
    core.package_importer().import_file(package)
    enable_demo_accounts(core)
    return core


def enable_demo_accounts(core: Core) -> list[str]:
    """Every staff member gets the demo credential, so each can sign in as themselves (an
    invigilator signs their room's record from their own sign-in). Hashed once: demo only."""
    stored = core.auth.policy.hash(DEMO_CREDENTIAL)
    with core.sessions() as s, s.begin():
        numbers = list(s.scalars(select(Staff.staff_number).order_by(Staff.staff_number)))
        s.execute(update(Staff).values(credential_hash=stored))
    return numbers


def demo_chief_number(core: Core) -> str:
    """The chief examiner's staff number: who signs in for screenshots and the self-check."""
    with core.sessions() as s:
        number = s.scalars(select(Staff.staff_number).where(Staff.role == Role.CHIEF_EXAMINER)
                           .order_by(Staff.staff_number)).first()
    if number is None:
        raise VenueError("ui.no_chief", "No chief examiner is enrolled in this database.")
    return str(number)
