"""First-run set-up (首次运行设置): what the set-up wizard asks, checked and written in plain Python.

The wizard (`ui/setup/`) only collects answers and shows results; everything that decides or
writes is here, so it is tested without Qt:

- `first_run_needed`: no settings file and no database yet (and no `--db`): the PC is new.
- `check_venue`, `check_province`, `check_chief`: each page's answers, refused with an error that
  names the field.
- `postgres_url`, `check_database`: build a PostgreSQL address from its parts (the password is
  escaped), and connect once to prove the database can be reached.
- `database_state`: whether the database is already set up (another desk of a shared PostgreSQL
  database did it): then this desk joins it and enrols no chief examiner.
- `apply_setup`: create or migrate the database, record the venue, enrol the first chief examiner
  through the staff service, and only then write `settings.json` — so an attempt that fails leaves
  no settings file behind and the wizard simply runs again (a new SQLite file it created is removed).
"""

from __future__ import annotations

import dataclasses
import logging
import re
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import inspect, select, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session

from app import config
from app.config import Settings
from app.db.engine import make_engine
from app.db.models import Staff, Venue
from app.device_settings import DeviceSettings, parse_devices
from app.errors import VenueError
from app.package.keys import load_public_key, public_key_hex
from app.security.keystore import KeyStore
from app.security.passwords import CredentialPolicy
from app.security.permissions import PERMISSIONS, Permission
from app.services import audit

SETUP_REASON = "first-run set-up"
_LOOPBACK = {"127.0.0.1", "localhost", "::1"}
log = logging.getLogger(__name__)
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


class SetupError(VenueError):
    pass


@dataclass(frozen=True)
class VenueIdentity:
    """考点: the code the province gave the venue (exam packages name it) and its name."""

    code: str
    name: str
    district: str = ""
    address: str = ""


@dataclass(frozen=True)
class ProvinceLink:
    """The provincial server: where results go, and the key its exam packages are signed with."""

    server_url: str
    key_id: str
    public_key: str


@dataclass(frozen=True)
class ChiefCredential:
    """The first chief examiner (主考): who can sign in and then manage everyone else."""

    staff_number: str
    name: str
    credential: str
    repeated: str


@dataclass(frozen=True)
class DatabaseState:
    """What a database already holds: a desk joining a venue database that another desk set up
    enrols no chief examiner (there is one), it only checks the venue."""

    venue_code: str | None = None
    has_manager: bool = False

    @property
    def set_up(self) -> bool:
        return self.venue_code is not None and self.has_manager


@dataclass(frozen=True)
class SetupAnswers:
    venue: VenueIdentity
    province: ProvinceLink
    chief: ChiefCredential | None  # None: joining a database whose chief examiner is enrolled
    db_url: str | None = None  # None: an SQLite file in the data folder
    devices: tuple[Mapping[str, Any], ...] = ()
    desk_name: str | None = None
    language: str | None = None
    allow_plaintext_keys: bool | None = None


@dataclass(frozen=True)
class SetupResult:
    settings: Settings
    settings_file: Path
    venue_id: uuid.UUID
    chief_id: uuid.UUID | None


def first_run_needed(settings_file: Path, settings: Settings) -> bool:
    """True on a PC that has neither a settings file nor a database: the wizard runs first."""
    if settings_file.exists() or settings.db_url is not None:
        return False
    return not (settings.data_dir / "venue.sqlite").exists()


def _blank(field: str, sentence: str) -> SetupError:
    # One whole sentence per field, so each is translated as a sentence (a field name put into a
    # shared sentence would stay English in the Chinese text).
    return SetupError("setup.required", sentence, field=field)


def check_venue(venue: VenueIdentity) -> VenueIdentity:
    code, name = venue.code.strip(), venue.name.strip()
    if not code:
        raise _blank("venue_code", "Give the venue's code.")
    if not _CODE.match(code):
        raise SetupError("setup.bad_venue_code",
                         "The venue code {venue_code} may hold only letters, digits, '-', '_' and '.' (at most 64).",
                         venue_code=code)
    if not name:
        raise _blank("venue_name", "Give the venue's name.")
    return VenueIdentity(code, name, venue.district.strip(), venue.address.strip())


def check_province(link: ProvinceLink) -> ProvinceLink:
    url, key_id = link.server_url.strip(), link.key_id.strip()
    if not url:
        raise _blank("server_url", "Give the provincial server's address.")
    parts = urlsplit(url)
    # The same rule as the sync client's: https, or plain http only to a server on this very PC.
    if not parts.hostname or not (parts.scheme == "https" or (parts.scheme == "http" and parts.hostname in _LOOPBACK)):
        raise SetupError("setup.bad_server_url",
                         "The provincial server address {url} must start with https://.", url=url)
    if not key_id:
        raise _blank("key_id", "Give the provincial key's id.")
    if not link.public_key.strip():
        raise _blank("public_key", "Give the provincial public key.")
    try:
        key = load_public_key(link.public_key.strip())
    except ValueError as exc:  # also binascii/cryptography errors, which subclass it
        raise SetupError("setup.bad_public_key",
                         "The provincial public key is not an Ed25519 public key (64 hex digits or a PEM block).",
                         detail=str(exc)) from exc
    return ProvinceLink(url.rstrip("/"), key_id, public_key_hex(key))


def check_chief(chief: ChiefCredential, policy: CredentialPolicy | None = None) -> ChiefCredential:
    number, name = chief.staff_number.strip(), chief.name.strip()
    if not number:
        raise _blank("staff_number", "Give the chief examiner's staff number.")
    if not name:
        raise _blank("staff_name", "Give the chief examiner's name.")
    if chief.credential != chief.repeated:
        raise SetupError("setup.credential_mismatch", "The two credentials are not the same.")
    (policy or CredentialPolicy()).check(chief.credential, staff_number=number)
    return ChiefCredential(number, name, chief.credential, chief.repeated)


def check_devices(devices: Sequence[Mapping[str, Any]], source: str = "set-up") -> tuple[DeviceSettings, ...]:
    """Names are how every screen refers to a device: each must be given and unique; then each
    entry is checked as settings.json will be read (app/device_settings.py)."""
    seen: set[str] = set()
    for device in devices:
        name = str(device.get("name", "")).strip()
        if not name:
            raise _blank("device_name", "Every device needs a name.")
        if name in seen:
            raise SetupError("setup.duplicate_device", "Two devices are called {name}.", name=name)
        seen.add(name)
    return parse_devices([dict(d) for d in devices], source)


def postgres_url(host: str, port: int, database: str, user: str, password: str) -> str:
    if not host.strip():
        raise _blank("db_host", "Give the database server's address.")
    if not database.strip():
        raise _blank("db_name", "Give the database's name.")
    if not user.strip():
        raise _blank("db_user", "Give the database user.")
    url = URL.create("postgresql+psycopg", username=user.strip(), password=password or None,
                     host=host.strip(), port=port, database=database.strip())
    return url.render_as_string(hide_password=False)


def unreachable(url: str, exc: DBAPIError, timeout_s: int = 5) -> SetupError:
    """The driver's (English) message becomes one plain sentence saying what to check; the message
    itself goes to the log for the technician."""
    detail = str(exc.orig).strip() if exc.orig is not None else type(exc).__name__
    log.warning("database connection failed: %s", detail)
    parts = make_url(url)
    host, port, user, database = parts.host or "", parts.port or 5432, parts.username or "", parts.database or ""
    low = detail.lower()
    if "password authentication failed" in low or "no password supplied" in low or (
            "role" in low and "does not exist" in low):
        return SetupError("setup.database_login_refused",
                          "The database server refused the user {user}: check the user and the password.", user=user)
    if "database" in low and "does not exist" in low:
        return SetupError("setup.database_missing", "The database server has no database called {database}.",
                          database=database)
    if "could not translate host name" in low or "name or service not known" in low or "nodename nor servname" in low:
        return SetupError("setup.database_host_unknown", "No computer called {host} can be found on the network.",
                          host=host)
    if "timeout" in low or "timed out" in low:
        return SetupError("setup.database_timeout",
                          "The database server {host} did not answer within {seconds} seconds.", host=host,
                          seconds=timeout_s)
    if "connection refused" in low:
        return SetupError("setup.database_refused",
                          "Nothing answers on {host} port {port}: is the database server running there, and does "
                          "its firewall let this PC in?", host=host, port=port)
    return SetupError("setup.database_unreachable",
                      "The database cannot be reached. The log file says why in technical terms.")


def check_database(url: str, timeout_s: int = 5) -> str:
    """Connects once and returns the server's name and version; a clear error when it cannot."""
    try:
        backend = make_url(url).get_backend_name()
    except ArgumentError as exc:
        raise SetupError("setup.bad_database_url", "{url} is not a database address.", url=url) from exc
    if backend not in {"sqlite", "postgresql"}:
        raise SetupError("setup.bad_database_url", "{url} is not a database address.", url=url)
    try:
        kwargs: dict[str, Any] = {} if backend == "sqlite" else {"connect_args": {"connect_timeout": timeout_s}}
        engine = make_engine(url, **kwargs)
    except (ArgumentError, NoSuchModuleError) as exc:
        raise SetupError("setup.bad_database_url", "{url} is not a database address.", url=url) from exc
    try:
        with engine.connect() as conn:
            if backend == "sqlite":
                version = "SQLite " + str(conn.execute(text("select sqlite_version()")).scalar_one())
            else:
                version = " ".join(str(conn.execute(text("show server_version")).scalar_one()).split()[:1])
                version = "PostgreSQL " + version
    except DBAPIError as exc:
        raise unreachable(url, exc, timeout_s) from exc
    finally:
        engine.dispose()
    return version


SyncConfigurer = Callable[[Session, audit.Actor, str, str, str, datetime], object]
"""`(session, actor, desk, server_url, venue_code, now)`: records where this venue syncs to, inside
the transaction that records the venue (the composition root passes `sync.config.configure`)."""


def database_state(url: str) -> DatabaseState:
    """Reads (never creates nor migrates) what the database at `url` already holds."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            if not {"venue", "staff"} <= tables:
                return DatabaseState()
            with Session(bind=conn) as s:
                code = s.scalars(select(Venue.code).limit(1)).first()
                managers = PERMISSIONS[Permission.MANAGE_STAFF]
                manager = s.scalars(select(Staff.id).where(
                    Staff.active.is_(True), Staff.role.in_(managers), Staff.credential_hash != "").limit(1)).first()
            return DatabaseState(code, manager is not None)
    except DBAPIError as exc:
        raise unreachable(url, exc) from exc
    finally:
        engine.dispose()


def apply_setup(answers: SetupAnswers, base: Settings, settings_file: Path, *,
                configure_sync: SyncConfigurer | None = None, keystore: KeyStore | None = None,
                policy: CredentialPolicy | None = None) -> SetupResult:
    """Checks every answer, then sets the venue up; `settings.json` is written last.

    The server address is kept in the venue database (every desk of a shared database syncs to the
    same place), the province's key in settings.json (each PC verifies packages itself)."""
    from app.bootstrap import open_core  # bootstrap is heavy; the wizard's checks do not need it

    venue = check_venue(answers.venue)
    province = check_province(answers.province)
    chief = None if answers.chief is None else check_chief(answers.chief, policy)
    devices = check_devices(answers.devices)
    settings = dataclasses.replace(
        base.with_overrides(db_url=answers.db_url, desk_name=(answers.desk_name or "").strip() or None,
                            language=answers.language, allow_plaintext_keys=answers.allow_plaintext_keys),
        provincial_keys={**base.provincial_keys, province.key_id: province.public_key}, devices=devices,
    )
    if settings.db_url is not None:
        check_database(settings.db_url)
        if chief is None and not database_state(settings.db_url).set_up:
            raise SetupError("setup.needs_chief", "This database has no chief examiner yet; enrol one.")
    elif chief is None:
        raise SetupError("setup.needs_chief", "This database has no chief examiner yet; enrol one.")
    sqlite_file = settings.data_dir / "venue.sqlite" if settings.db_url is None else None
    created = sqlite_file is not None and not sqlite_file.exists()
    core = None
    try:
        core = open_core(settings, keystore=keystore, credential_policy=policy)
        venue_id = VenueSetupService(core.sessions, core.clock).record_venue(
            venue, desk=core.desk, actor=core.system_actor(),
            also=None if configure_sync is None else
            lambda s, actor, desk, now: configure_sync(s, actor, desk, province.server_url, venue.code, now))
        chief_id = None if chief is None else core.staff.enrol_first_chief(
            chief.staff_number, chief.credential, desk=core.desk, reason=SETUP_REASON, name=chief.name,
            venue_id=venue_id)
    except BaseException:
        if core is not None:
            core.close()
        if created and sqlite_file is not None:
            for leftover in (sqlite_file, sqlite_file.with_name(sqlite_file.name + "-wal"),
                             sqlite_file.with_name(sqlite_file.name + "-shm")):
                leftover.unlink(missing_ok=True)
        raise
    core.close()
    written = config.save(settings, settings_file)
    return SetupResult(settings, written, venue_id, chief_id)


class VenueSetupService:
    """The venue's own row, recorded at set-up at the venue clock's time."""

    def __init__(self, sessions: Callable[[], Session], clock: Callable[[], datetime]) -> None:
        self._sessions, self._clock = sessions, clock

    def record_venue(self, venue: VenueIdentity, *, desk: str, actor: audit.Actor,
                     also: Callable[[Session, audit.Actor, str, datetime], object] | None = None) -> uuid.UUID:
        """The venue row, audited, and whatever `also` writes (at the same `now`), in one transaction.
        Running set-up again on the same database keeps its venue (a different venue code is refused:
        a database belongs to one venue, as exam packages insist)."""
        now = self._clock()
        with self._sessions() as s, s.begin():
            rows = s.scalars(select(Venue)).all()
            existing = next((v for v in rows if v.code == venue.code), None)
            if existing is None and rows:
                raise SetupError("setup.other_venue", "This database belongs to venue {venue_code}.",
                                 venue_code=rows[0].code)
            if existing is not None:
                venue_id = uuid.UUID(str(existing.id))
                if also is not None:
                    also(s, actor, desk, now)
                return venue_id
            row = Venue(id=uuid.uuid4(), code=venue.code, name=venue.name, district=venue.district,
                        address=venue.address)
            s.add(row)
            s.flush()
            audit.record(s, actor, "venue.set_up", "venue", row.id, desk=desk, reason=SETUP_REASON, now=now,
                         after={"code": row.code, "name": row.name, "district": row.district,
                                "address": row.address})
            if also is not None:
                also(s, actor, desk, now)
            return row.id
