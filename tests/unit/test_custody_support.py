"""A small venue for the custody and paper-room tests (no tests of its own): one sitting, two rooms,
question papers and answer sheets per room, spare papers, and staff of every role that hands
papers over. Real databases (the `engine` fixture), cheap scrypt, a clock moved by hand."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from app.db.models import CustodyItem, Exam, Room, Sitting
from app.domain import CustodyKind, Role, RoomKind, SittingMode
from app.rules.custody import Scanned, Side
from app.security.auth import StaffSession
from app.services.custody import CustodyService, HandoverDraft
from app.services.paper_room import PaperRoomService
from tests.unit.test_security_support import GOOD, FakeClock, add_staff, add_venue, auth_service, sessions

DESK = "exam-office-pc"
STARTS = datetime(2026, 5, 16, 1, 0, tzinfo=UTC)  # 09:00 in the venue
ENDS = datetime(2026, 5, 16, 3, 0, tzinfo=UTC)  # 11:00
SEATS = 30

STAFF = {
    "B0001": Role.SECURITY_STAFF, "B0002": Role.SECURITY_STAFF, "B0003": Role.SECURITY_STAFF,
    "Z0001": Role.CHIEF_EXAMINER, "F0001": Role.DEPUTY,
    "J0701": Role.INVIGILATOR, "J0702": Role.INVIGILATOR, "X0001": Role.SYSTEM_ADMINISTRATOR,
}


@dataclass
class Venue:
    engine: Engine
    clock: FakeClock
    custody: CustodyService
    paper_room: PaperRoomService
    sitting: uuid.UUID
    items: dict[str, CustodyItem]  # "01Q", "01A", "02Q", "02A", "SPQ"

    def code(self, key: str) -> str:
        return self.items[key].barcode

    def seal(self, key: str) -> str:
        return self.items[key].seal_number

    def ok(self, *keys: str) -> tuple[Scanned, ...]:
        return tuple(Scanned(self.code(k), self.items[k].expected_count) for k in keys)

    def sign(self, *numbers: str, side: Side = Side.GIVING) -> list[StaffSession]:
        return [self.custody.sign(DESK, n, GOOD, side) for n in numbers]

    def login(self, number: str = "Z0001") -> StaffSession:
        return self.custody.sign(DESK, number, GOOD, Side.GIVING)

    def hand_over(self, from_place: str, to_place: str, scanned: tuple[Scanned, ...],
                  givers: tuple[str, str], receivers: tuple[str, str], by: str = "Z0001") -> object:
        draft = HandoverDraft(from_place, to_place, self.sitting, scanned)
        return self.custody.record_handover(self.login(by), draft, self.sign(*givers),
                                            self.sign(*receivers, side=Side.RECEIVING))


def make_venue(engine: Engine) -> Venue:
    venue_id = add_venue(engine)
    for number, role in STAFF.items():
        add_staff(engine, venue_id, number, role, name=f"{role.value} {number}")
    items: dict[str, CustodyItem] = {}
    with Session(engine, expire_on_commit=False) as s, s.begin():
        exam = Exam(code="E1", name="经济专业技术资格")
        s.add(exam)
        s.flush()
        sitting = Sitting(exam_id=exam.id, code="S1", subject="经济基础知识", starts_at=STARTS, ends_at=ENDS,
                          mode=SittingMode.PAPER)
        s.add(sitting)
        s.flush()
        for n, code in enumerate(("01", "02", None)):
            room = None
            if code is not None:
                room = Room(venue_id=venue_id, code=code, name=f"第{code}考场", kind=RoomKind.PAPER, capacity=SEATS)
                s.add(room)
                s.flush()
            kinds = ((CustodyKind.QUESTION_PAPERS, "Q"), (CustodyKind.ANSWER_SHEETS, "A")) if room else (
                (CustodyKind.QUESTION_PAPERS, "Q"),)
            for kind, tag in kinds:
                key = f"{code or 'SP'}{tag}"
                item = CustodyItem(exam_id=exam.id, sitting_id=sitting.id, room_id=room.id if room else None,
                                   kind=kind, barcode=f"26S1{key}{n:06d}", seal_number=f"F{n}{tag}000001",
                                   expected_count=SEATS if room else 5)
                s.add(item)
                items[key] = item
        s.flush()
        sitting_id = sitting.id
    clock = FakeClock(datetime(2026, 5, 15, 8, 0, tzinfo=UTC))
    auth = auth_service(engine, clock)
    return Venue(engine, clock, CustodyService(sessions(engine), clock, auth),
                 PaperRoomService(sessions(engine), clock, auth), sitting_id, items)
