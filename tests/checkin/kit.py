"""A small imported venue for the check-in tests: the small demo package on a real database,
two invigilators who can sign in (cheap scrypt), a clock the test moves, and the service."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from app.db.engine import make_session_factory
from app.db.models import Room, Sitting, Staff
from app.domain import Role
from app.rules.checkin import CardPhoto, PresentedDocument, PresentedTicket, PresentedType
from app.security.auth import StaffSession
from app.security.permissions import Permission
from app.security.two_person import Confirmation, TwoPersonRule
from app.services.checkin import CONFIRM_ACTION, CheckinService, DeskSetup, Outcome, confirmation_entity
from tests.unit.test_package_kit import CIPHER, run_import, small_content, small_package
from tests.unit.test_security_support import CHEAP, GOOD, FakeClock, auth_service


@dataclass
class Kit:
    engine: Engine
    service: CheckinService
    clock: FakeClock
    two_person: TwoPersonRule
    first: StaffSession
    second: StaffSession
    second_number: str
    data: dict[str, Any]
    sittings: dict[str, Sitting]
    rooms: dict[str, uuid.UUID]

    def at(self, sitting: str, **delta: float) -> None:
        """Set the clock relative to a sitting's start (minutes=-10: ten minutes before)."""
        self.clock.now = self.sittings[sitting].starts_at + timedelta(**delta)

    def seated(self, sitting: str) -> list[dict[str, Any]]:
        """Candidates of a sitting with their room code and seat, in package order."""
        tickets = {a["ticket_number"]: a for a in self.data["seat_assignments"] if a["sitting"] == sitting}
        return [dict(c, room=tickets[c["ticket_number"]]["room"], seat=tickets[c["ticket_number"]]["seat"])
                for c in self.data["candidates"] if c["ticket_number"] in tickets]

    def not_seated(self, sitting: str) -> dict[str, Any]:
        tickets = {a["ticket_number"] for a in self.data["seat_assignments"] if a["sitting"] == sitting}
        return next(c for c in self.data["candidates"] if c["ticket_number"] not in tickets)

    def door(self, sitting: str, room: str | None, desk: str = "desk-door") -> DeskSetup:
        return DeskSetup(self.sittings[sitting].id, self.rooms[room] if room else None, desk)

    def chief(self) -> StaffSession:
        """The chief examiner, signed in (a later package revision is imported by someone who may)."""
        with Session(self.engine) as s, s.begin():
            number = s.scalars(select(Staff.staff_number).where(Staff.role == Role.CHIEF_EXAMINER)).first()
            s.execute(update(Staff).where(Staff.staff_number == number).values(credential_hash=CHEAP.hash(GOOD)))
        return auth_service(self.engine, self.clock).login(str(number), GOOD, "office")

    def confirm(self, checked: Outcome) -> Confirmation:
        return self.two_person.confirm(self.first, self.second_number, GOOD, Permission.CONFIRM_CHECK,
                                       action=CONFIRM_ACTION, entity=confirmation_entity(checked))


def ticket(c: dict[str, Any], **kw: Any) -> PresentedTicket:
    return PresentedTicket(c["ticket_number"], **kw)


def card(c: dict[str, Any], **kw: Any) -> PresentedDocument:
    fields: dict[str, Any] = {"type": PresentedType(c["document_type"]), "number": c["document_number"],
                              "name": c["name"], "card_photo": CardPhoto.DECODED}
    fields.update(kw)
    return PresentedDocument(**fields)


def make_kit(engine: Engine, tmp_path: Path) -> Kit:
    run_import(engine, small_package(tmp_path))
    data, _ = small_content()
    clock = FakeClock()
    auth = auth_service(engine, clock)
    with Session(engine, expire_on_commit=False) as s, s.begin():
        numbers = list(s.scalars(select(Staff.staff_number).where(Staff.role == Role.INVIGILATOR)
                                 .order_by(Staff.staff_number).limit(2)))
        s.execute(update(Staff).where(Staff.staff_number.in_(numbers)).values(credential_hash=CHEAP.hash(GOOD)))
        sittings = {x.code: x for x in s.scalars(select(Sitting))}
        rooms = {r.code: r.id for r in s.scalars(select(Room))}
    first = auth.login(numbers[0], GOOD, "desk-door")
    second = auth.login(numbers[1], GOOD, "desk-door")
    clock.now = sittings["S1"].starts_at - timedelta(minutes=20)
    service = CheckinService(make_session_factory(engine), CIPHER, clock)
    return Kit(engine, service, clock, TwoPersonRule(auth), first, second, numbers[1], data, sittings, rooms)

