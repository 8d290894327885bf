"""A whole exam day run headless, out of `--demo`: `open_core` with a real `Settings` (a real
SQLite file, or a PostgreSQL database of its own), a signed exam package imported as the
`package import` command does, staff who can sign in, and the venue clock on a PC clock and a
monotonic clock that the test moves (`PcTime`).

Reusable by every venue-day test (the devices helper's too): `venue_day` is parametrised over
SQLite and PostgreSQL; `VenueDay.engine()` builds a `VenueEngine` for another desk on the same
database; `VenueDay.login()` signs a staff member in; `PcTime.advance()` lets time pass,
`PcTime.set_pc_clock()` is somebody changing the PC's clock."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, update

from app.bootstrap import Core, open_core
from app.config import Settings
from app.db.models import Room, Sitting, Staff
from app.domain import Role
from app.engine.clock import VenueClock
from app.engine.engine import VenueEngine
from app.engine.recording import PaperRoomRecording
from app.package import demo_trusted_keys, make_demo
from app.rules.timing import Schedule
from app.security.auth import StaffSession
from tests.unit.test_security_support import CHEAP

SHANGHAI = ZoneInfo("Asia/Shanghai")
# The first sitting of the day starts at 09:00 Beijing time (S1 paper, S2 computer the afternoon).
FIRST_START = datetime(2026, 11, 28, 9, 0, tzinfo=SHANGHAI)
CREDENTIAL = "venue-day-2026"
DAY_PACKAGE = {"seed": 12, "rooms": 4, "seats_per_room": 6, "candidates_per_sitting": 20}


class PcTime:
    """The PC's wall clock and its monotonic clock. `advance` is time passing (both move);
    `set_pc_clock` is somebody changing the PC's clock (only the wall moves)."""

    def __init__(self, wall: datetime) -> None:
        self._wall, self._mono = wall, 5_000.0

    def wall(self) -> datetime:
        return self._wall

    def monotonic(self) -> float:
        return self._mono

    def advance(self, **delta: float) -> None:
        step = timedelta(**delta)
        self._wall += step
        self._mono += step.total_seconds()

    def set_pc_clock(self, **delta: float) -> None:
        self._wall += timedelta(**delta)


@dataclasses.dataclass(frozen=True)
class DaySitting:
    id: uuid.UUID
    code: str
    schedule: Schedule


@dataclasses.dataclass
class VenueDay:
    core: Core
    time: PcTime
    package: Path
    sittings: dict[str, DaySitting]
    rooms: dict[str, uuid.UUID]
    imported: dict[str, int]

    @property
    def clock(self) -> VenueClock:
        return self.core.clock

    def until(self, moment: datetime) -> None:
        """Let time pass (wall and monotonic) until the venue clock reads `moment`."""
        self.time.advance(seconds=(moment - self.clock.now()).total_seconds())

    def engine(self, desk: str | None = None, recording: PaperRoomRecording | None = None) -> VenueEngine:
        return VenueEngine(self.core.sessions, self.clock, self.core.system_actor(), desk or self.core.desk,
                           recording=recording, tick_seconds=0.05)

    def staff_numbers(self, role: Role) -> list[str]:
        with self.core.sessions() as s:
            return list(s.scalars(select(Staff.staff_number).where(Staff.role == role).order_by(Staff.staff_number)))

    def login(self, number: str, desk: str = "desk-gate") -> StaffSession:
        return self.core.auth.login(number, CREDENTIAL, desk)


def venue_settings(tmp_path: Path, db_url: str | None, desk: str = "venue-pc") -> Settings:
    """What an administrator's settings file says on a real venue PC (not the demo): its data
    folder, its database, the province's key, this desk's name."""
    return dataclasses.replace(Settings(), data_dir=tmp_path / "data", db_url=db_url, desk_name=desk,
                               provincial_keys=demo_trusted_keys(), allow_plaintext_keys=True, backup_dir=None)


def open_day(tmp_path: Path, db_url: str | None) -> VenueDay:
    time = PcTime((FIRST_START - timedelta(hours=1, minutes=30)).astimezone(SHANGHAI))
    settings = venue_settings(tmp_path, db_url)
    core = open_core(settings, clock=VenueClock(time.wall, time.monotonic), credential_policy=CHEAP)
    package = make_demo(tmp_path / "venue.vopkg", first_start=FIRST_START, **DAY_PACKAGE)  # type: ignore[arg-type]
    result = core.package_importer().import_file(package)
    stored = CHEAP.hash(CREDENTIAL)
    with core.sessions() as s, s.begin():
        s.execute(update(Staff).values(credential_hash=stored))
        sittings = {x.code: DaySitting(x.id, x.code, x.schedule) for x in s.scalars(select(Sitting))}
        rooms = {r.code: r.id for r in s.scalars(select(Room))}
    return VenueDay(core, time, package, sittings, rooms, dict(result.counts))


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def venue_day(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[VenueDay]:
    """The exam day on each engine: a real SQLite file, or a PostgreSQL database of its own."""
    url: str | None = None if request.param == "sqlite" else request.getfixturevalue("pg_url")
    day = open_day(tmp_path, url)
    yield day
    day.core.close()


def seated(sitting: str) -> list[dict[str, Any]]:
    """The package's candidates of a sitting, with their room code (from the same deterministic content)."""
    from app.package.demo import demo_content

    data, _ = demo_content(first_start=FIRST_START, **DAY_PACKAGE)  # type: ignore[arg-type]
    rooms = {a["ticket_number"]: a["room"] for a in data["seat_assignments"] if a["sitting"] == sitting}
    return [dict(c, room=rooms[c["ticket_number"]]) for c in data["candidates"]
            if c["ticket_number"] in rooms and not c.get("withdrawn")]
