"""What the check-in desk's use cases hand out (app.services.checkin): the desk's setup and
sitting, the candidate as the screen may show them, an outcome, the counters and recent scans."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from app.domain import Gender, SittingMode
from app.rules.checkin import Decision, PresentedDocument, PresentedTicket, Verdict
from app.rules.timing import Schedule


@dataclass(frozen=True)
class DeskSetup:
    sitting_id: uuid.UUID
    room_id: uuid.UUID | None  # None: the venue gate
    desk: str


@dataclass(frozen=True)
class DeskInfo:
    sitting_id: uuid.UUID
    sitting_code: str
    subject: str
    exam_name: str
    mode: SittingMode
    schedule: Schedule
    closes_at: datetime
    room_id: uuid.UUID | None
    room_code: str | None
    room_name: str | None
    ticket_pattern: str


@dataclass(frozen=True)
class CandidateView:
    """What the screen shows of a candidate: the number is masked, the photo is the registration's."""

    id: uuid.UUID
    name: str
    gender: Gender
    ticket_number: str
    document_masked: str
    room_code: str | None
    room_name: str | None
    seat_number: int | None
    photo: bytes | None = field(default=None, repr=False)


@dataclass(frozen=True)
class Outcome:
    decision: Decision
    at: datetime
    candidate: CandidateView | None
    other: CandidateView | None = None
    ticket: PresentedTicket | None = None
    document: PresentedDocument | None = field(default=None, repr=False)
    scan_id: uuid.UUID | None = None
    admission_id: uuid.UUID | None = None
    incident_id: uuid.UUID | None = None
    change_request_id: uuid.UUID | None = None
    confirmed_by: str | None = None  # the second invigilator who confirmed an admission after a check

    @property
    def verdict(self) -> Verdict:
        return self.decision.verdict


@dataclass(frozen=True)
class Counters:
    """People, never scans: `refused` is the people turned away at this door who are not admitted
    (a late candidate scanned twice is one; an admitted one scanned again is none), `not_yet` the
    expected candidates neither admitted nor recorded absent."""

    expected: int
    admitted: int
    absent: int
    refused: int
    not_yet: int


@dataclass(frozen=True)
class RecentScan:
    at: datetime
    verdict: str
    reason: str
    name: str
    ticket_number: str
    room_code: str | None
    seat_number: int | None
    late_by: timedelta | None = None  # an entry-closed refusal: how long after the cutoff


@dataclass(frozen=True)
class SearchHit:
    candidate_id: uuid.UUID
    name: str
    ticket_number: str
    document_masked: str
    room_code: str | None
    seat_number: int | None
