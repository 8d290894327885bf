"""A small exam day for the issue-5 tests (no tests of its own): one venue, a paper sitting of
2.5 h and a computer-based one of 2 h, three rooms, candidates seated, staff of every role
needed, one declared relation. Real rows in a real database (the `engine` fixture)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from app.db.models import Candidate, Exam, Room, Seat, SeatAssignment, Sitting, Staff, StaffRelation, Venue
from app.domain import DocumentType, EmployerType, Gender, Role, RoomKind, SittingMode
from app.security.auth import AuthService, StaffSession
from app.security.two_person import Confirmation, TwoPersonRule
from tests.unit.test_security_support import CHEAP, DESK, GOOD, FakeClock, auth_service

# 2026-05-16 08:30–11:00 Asia/Shanghai.
START = datetime(2026, 5, 16, 0, 30, tzinfo=UTC)
END = datetime(2026, 5, 16, 3, 0, tzinfo=UTC)


@dataclass
class Day:
    engine: Engine
    clock: FakeClock
    auth: AuthService
    venue: uuid.UUID
    sitting: uuid.UUID
    computer_sitting: uuid.UUID
    rooms: dict[str, uuid.UUID] = field(default_factory=dict)
    candidates: dict[str, uuid.UUID] = field(default_factory=dict)  # ticket -> id
    staff: dict[str, uuid.UUID] = field(default_factory=dict)  # number -> id

    def login(self, number: str) -> StaffSession:
        return self.auth.login(number, GOOD, DESK)

    def two(self, initiator: str, second: str, permission: object, action: str, entity: object = None) -> Confirmation:
        """A confirmation for `action` on `entity` (default: the paper sitting)."""
        from app.security.permissions import Permission

        assert isinstance(permission, Permission)
        return TwoPersonRule(self.auth).confirm(self.login(initiator), second, GOOD, permission, action=action,
                                                entity=self.sitting if entity is None else entity)

    def session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)


STAFF = [
    ("Z0001", Role.CHIEF_EXAMINER, EmployerType.CIVIL_SERVICE, False, "主考 王"),
    ("F0001", Role.DEPUTY, EmployerType.CIVIL_SERVICE, False, "副主考 李"),
    ("J0001", Role.INVIGILATOR, EmployerType.PUBLIC_INSTITUTION, True, "监考 张一"),
    ("J0002", Role.INVIGILATOR, EmployerType.PUBLIC_INSTITUTION, False, "监考 刘二"),
    ("J0003", Role.INVIGILATOR, EmployerType.PUBLIC_INSTITUTION, True, "监考 陈三"),
    ("J0004", Role.INVIGILATOR, EmployerType.PUBLIC_INSTITUTION, False, "监考 赵四"),
    ("J0005", Role.INVIGILATOR, EmployerType.STATE_ENTERPRISE, False, "监考 孙五"),
    ("J0006", Role.INVIGILATOR, EmployerType.PUBLIC_INSTITUTION, False, "监考 周六"),
    ("J0009", Role.INVIGILATOR, EmployerType.VOLUNTEER, True, "志愿者 吴"),
    ("B0001", Role.SECURITY_STAFF, EmployerType.PUBLIC_INSTITUTION, False, "保密 郑"),
]

NAMES = ["王芳", "李娜", "张伟", "刘洋", "陈静", "杨磊", "黄敏", "赵强", "周丽"]


def exam_day(engine: Engine, *, relation: tuple[str, str] | None = ("J0002", "2026000000011")) -> Day:
    clock = FakeClock(datetime(2026, 5, 15, 23, 30, tzinfo=UTC))  # 07:30 venue time
    with Session(engine) as s, s.begin():
        venue = Venue(code="V-3701", name="济南第一中学考点")
        exam = Exam(code="E2026", name="经济专业技术资格 初级")
        s.add_all([venue, exam])
        s.flush()
        sitting = Sitting(exam_id=exam.id, code="S1", subject="经济基础知识", starts_at=START, ends_at=END,
                          mode=SittingMode.PAPER)
        csit = Sitting(exam_id=exam.id, code="S2", subject="专业知识和实务",
                       starts_at=datetime(2026, 5, 16, 6, 0, tzinfo=UTC), ends_at=datetime(2026, 5, 16, 8, 0, tzinfo=UTC),
                       mode=SittingMode.COMPUTER, early_seal_release=True)
        s.add_all([sitting, csit])
        s.flush()
        day = Day(engine, clock, auth_service(engine, clock), venue.id, sitting.id, csit.id)
        n = 0
        for r, kind in enumerate([RoomKind.PAPER, RoomKind.PAPER, RoomKind.COMPUTER], start=1):
            room = Room(venue_id=venue.id, code=f"{r:02d}", name=f"第{r:02d}考场", kind=kind, capacity=3)
            s.add(room)
            s.flush()
            day.rooms[room.code] = room.id
            for seat_no in range(1, 4):
                seat = Seat(room_id=room.id, number=seat_no)
                s.add(seat)
                s.flush()
                for sit in (sitting, csit):
                    if sit is sitting and kind is RoomKind.COMPUTER:
                        continue
                    if sit is csit and kind is not RoomKind.COMPUTER:
                        continue
                    n += 1
                    ticket = f"20260000000{r}{seat_no}"
                    c = Candidate(exam_id=exam.id, ticket_number=ticket, name=NAMES[n - 1], gender=Gender.FEMALE,
                                  document_type=DocumentType.RESIDENT_ID, document_number_enc=b"x",
                                  document_number_hash=f"h{n}", document_number_masked="1101**********002X")
                    s.add(c)
                    s.flush()
                    day.candidates[ticket] = c.id
                    s.add(SeatAssignment(candidate_id=c.id, sitting_id=sit.id, room_id=room.id, seat_id=seat.id))
        for number, role, employer, skills, name in STAFF:
            st = Staff(venue_id=venue.id, staff_number=number, name=name, role=role, employer_type=employer,
                       computer_skills=skills, credential_hash=CHEAP.hash(GOOD))
            s.add(st)
            s.flush()
            day.staff[number] = st.id
        if relation is not None:
            s.add(StaffRelation(staff_id=day.staff[relation[0]], candidate_id=day.candidates[relation[1]],
                                relation="配偶"))
    return day
