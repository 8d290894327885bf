"""The exam day's devices, headless and out of `--demo` (issue 12): three desks, each with an ID-card
reader and a serial ticket scanner speaking their real protocols over pseudo-terminals, through the
real device registry built from the typed settings of settings.json. A desk locked in the middle of
the morning admits nobody whatever its devices read; what it kept is decided after the unlock, in
the name of whoever unlocked. SQLite file and PostgreSQL."""

from __future__ import annotations

import queue
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.config import from_mapping
from app.db.models_checkin import Admission, CheckinScan
from app.domain import Role
from app.rules.checkin import Verdict
from app.security.auth import StaffSession
from app.services.checkin import CheckinService, DeskSetup, Outcome
from app.services.desk_flow import Action, DeskFlow, Held, Request
from devices.base import DeviceState, DeviceStatus
from devices.device_config import DeviceConfig
from devices.factories import default_factories
from devices.idcard.document import CardType, Gender, IdDocument
from devices.idcard.events import CardRead, CardRemoved
from devices.idcard.simulator import ReaderSimulator
from devices.registry import DeviceRegistry
from devices.scanner.scan import Scan
from devices.scanner.simulator import ScannerSimulator
from tests.venue_day.conftest import VenueDay, seated
from ui.checkin.convert import from_card, from_scan


@dataclass
class Desk:
    """One desk with no window: the registry's events go through the core's desk flow to the
    check-in service, exactly as the check-in screen feeds them (without painting anything)."""

    name: str
    user: StaffSession
    setup: DeskSetup
    service: CheckinService
    reader: ReaderSimulator
    scanner: ScannerSimulator
    registry: DeviceRegistry
    events: queue.Queue[object] = field(default_factory=queue.Queue)
    flow: DeskFlow = field(default_factory=DeskFlow)
    outcomes: list[Outcome] = field(default_factory=list)
    held: list[Held] = field(default_factory=list)
    cards: int = 0  # cards read so far
    removals: int = 0  # cards the reader saw leave

    def pump(self, until: Any, timeout: float = 10.0) -> None:
        """Handle device events (from the drivers' I/O threads) until `until()` holds."""
        import time

        deadline = time.monotonic() + timeout
        while not until():
            remaining = deadline - time.monotonic()
            assert remaining > 0, f"{self.name}: timed out (outcomes {[o.verdict for o in self.outcomes]})"
            try:
                event = self.events.get(timeout=min(0.2, remaining))
            except queue.Empty:
                continue
            if isinstance(event, Scan):
                self.act(self.flow.ticket_scanned(from_scan(event)))
            elif isinstance(event, CardRead):
                self.cards += 1
                self.act(self.flow.card_read(from_card(event).document))
            elif isinstance(event, CardRemoved):
                self.removals += 1

    def act(self, action: Action) -> None:
        while action is not None:
            if isinstance(action, Held):
                self.held.append(action)
                return
            assert isinstance(action, Request)
            outcome = self.service.present(self.user, self.setup, ticket=action.ticket, document=action.document,
                                           final=action.final, manual_reason=action.manual_reason)
            self.outcomes.append(outcome)
            action = self.flow.finished(outcome)

    def connected(self) -> bool:
        return all(s.state is DeviceState.CONNECTED for s in self.registry.statuses().values())


def card_of(c: dict[str, Any]) -> IdDocument:
    return IdDocument(card_type=CardType.RESIDENT, name=c["name"], gender=Gender.MALE, birth_date=date(1990, 1, 1),
                      number=c["document_number"], valid_from=date(2020, 1, 1), valid_until=date(2040, 1, 1),
                      nation_code="01", address="南京市", authority="南京市公安局")


@pytest.fixture
def desks(venue_day: VenueDay, tmp_path: Path) -> Iterator[list[Desk]]:
    invigilators = venue_day.staff_numbers(Role.INVIGILATOR)
    service = CheckinService(venue_day.core.sessions, venue_day.core.cipher, venue_day.clock)
    built: list[Desk] = []
    try:
        for i, room in enumerate([None, *sorted(venue_day.rooms)[:2]]):
            name = "gate" if room is None else f"door-{room}"
            # Each reader behind its own port: one shared symlink would be whichever simulator
            # published it last, for a driver that (re)opens it after that.
            (link_dir := tmp_path / f"reader-{i}").mkdir()
            reader = ReaderSimulator(link_dir=str(link_dir)).start()
            scanner = ScannerSimulator(str(tmp_path / f"scanner-{i}"))
            # What an administrator writes in settings.json, read by the one parser of device settings.
            settings = from_mapping({"devices": [
                {"name": f"{name} reader", "kind": "idcard", "port": reader.path,
                 "options": {"find_interval": 0.05, "status_interval": 1}},
                {"name": f"{name} scanner", "kind": "scanner-serial", "port": scanner.path,
                 "options": {"baudrate": 115200}},
            ]}, source="settings.json")
            events: queue.Queue[object] = queue.Queue()
            registry = DeviceRegistry(default_factories(), on_event=events.put)
            desk = Desk(name, venue_day.login(invigilators[i], name),
                        DeskSetup(venue_day.sittings["S1"].id, venue_day.rooms[room] if room else None, name),
                        service, reader, scanner, registry, events)
            built.append(desk)
            registry.start([DeviceConfig.of(*d.registry_entry()) for d in settings.devices])
        for desk in built:
            desk.pump(desk.connected)
        yield built
    finally:
        for desk in built:
            desk.registry.stop()
            desk.reader.stop()
            desk.scanner.close()


def present(desk: Desk, c: dict[str, Any]) -> None:
    """The candidate puts the card on the reader, takes it back, and puts the ticket under the
    scanner. The card is away once the reader has seen it go (CardRemoved, its next find): a
    reader polls, and a card taken away and another put down between two of its finds is, to it,
    the card still lying there (a person takes far longer than one find interval; a test that
    swaps cards in a few milliseconds must wait as a person would)."""
    cards, removals = desk.cards, desk.removals
    desk.reader.present(card_of(c))
    desk.pump(lambda: desk.cards > cards)
    desk.reader.remove()
    desk.pump(lambda: desk.removals > removals)
    desk.scanner.scan(str(c["ticket_number"]))


def admissions(day: VenueDay) -> list[tuple[str, str, str]]:
    with day.core.sessions() as s:
        return [(a.desk, a.staff_name, str(a.candidate_id)) for a in s.scalars(select(Admission))]


def test_art30_art51_three_desks_a_lock_in_the_middle_admits_nobody_until_unlocked(
        venue_day: VenueDay, desks: list[Desk]) -> None:
    venue_day.until(venue_day.sittings["S1"].schedule.starts_at - timedelta(minutes=20))
    gate, door_a, door_b = desks
    candidates = [c for c in seated("S1") if c["document_type"] == "resident_id"]
    by_room = {code: [c for c in candidates if c["room"] == code] for code in sorted(venue_day.rooms)[:2]}
    rooms = sorted(by_room)

    # Each desk admits one candidate through its own reader and scanner.
    first = {gate.name: by_room[rooms[0]][0], door_a.name: by_room[rooms[0]][1], door_b.name: by_room[rooms[1]][0]}
    for desk in desks:
        present(desk, first[desk.name])
        desk.pump(lambda d=desk: bool(d.outcomes) and d.outcomes[-1].verdict is Verdict.ADMIT)
    assert len(admissions(venue_day)) == 3

    # Door A is locked (its invigilator stepped away): a card and a ticket arrive, nobody is admitted,
    # and nothing is even recorded as a scan; the other desks go on admitting.
    door_a.flow.lock()
    waiting = by_room[rooms[0]][2]
    present(door_a, waiting)
    door_a.pump(lambda: door_a.flow.kept == 2)
    before = len(door_a.outcomes)
    present(door_b, by_room[rooms[1]][1])
    door_b.pump(lambda: door_b.outcomes[-1].verdict is Verdict.ADMIT and len(door_b.outcomes) >= 3)
    with venue_day.core.sessions() as s:
        assert str(waiting["ticket_number"]) not in set(s.scalars(select(CheckinScan.ticket_number)))
    assert len(admissions(venue_day)) == 4 and len(door_a.outcomes) == before
    assert door_a.held and door_a.held[-1].kept == 2

    # Another invigilator unlocks the desk: what it kept is decided now, in their name.
    unlocker = venue_day.login(venue_day.staff_numbers(Role.INVIGILATOR)[3], door_a.name)
    door_a.user = unlocker
    door_a.act(door_a.flow.unlock())
    assert door_a.outcomes[-1].verdict is Verdict.ADMIT
    rows = admissions(venue_day)
    assert len(rows) == 5 and (door_a.name, unlocker.name) in {(d, n) for d, n, _ in rows}


def test_device_settings_reach_the_registry_whole(venue_day: VenueDay, desks: list[Desk]) -> None:
    statuses: list[DeviceStatus] = list(desks[0].registry.statuses().values())
    assert sorted(s.kind for s in statuses) == ["idcard", "scanner-serial"]
    assert desks[0].registry.configs()[1].options == {"baudrate": 115200}
