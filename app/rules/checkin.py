"""The check-in decision (art. 30(一)(二), art. 43), as a pure function of what the desk knows.

The desk gathers *inputs* (a ticket, an identity document, or a candidate picked by name) and
the facts the database holds about the candidates they point to; `decide` turns them into one
`Decision`: admit, refuse (with a reason code), check (the invigilator must look, and a second
invigilator confirms an admission), or wait (one input so far, the other may follow).

Nothing here touches the database or the clock: the service passes `now` and the facts in.
"""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from app.domain import DocumentType
from app.rules.timing import Schedule, entry_closes_at, entry_open, lateness, venue_date


class Verdict(enum.StrEnum):
    ADMIT = "admit"
    REFUSE = "refuse"
    CHECK = "check"
    WAIT = "wait"  # one input so far; the desk waits for the other (or the invigilator decides)


class Reason(enum.StrEnum):
    """Stable codes: stored with every scan, synced, and translated on the screen."""

    # refusals
    ENTRY_CLOSED = "entry_closed"  # art. 30(二)
    NOT_IN_SITTING = "not_in_sitting"
    WRONG_ROOM = "wrong_room"
    UNKNOWN_TICKET = "unknown_ticket"
    UNKNOWN_DOCUMENT = "unknown_document"
    DOCUMENT_MISMATCH = "document_mismatch"  # possible impersonation (misconduct art. 8(2))
    ALREADY_ADMITTED = "already_admitted"
    DOCUMENT_EXPIRED = "document_expired"  # art. 30(一): a *valid* document
    DOCUMENT_NOT_ACCEPTED = "document_not_accepted"  # art. 30(一)
    CANDIDATE_WITHDRAWN = "candidate_withdrawn"
    # checks
    NO_CARD_PHOTO = "no_card_photo"
    RARE_CHARACTER = "rare_character"
    NAME_DIFFERS = "name_differs"
    NUMBER_TYPO = "number_typo"  # art. 43: a change request goes to the province
    MANUAL_ENTRY = "manual_entry"
    NO_TICKET = "no_ticket"
    NO_DOCUMENT = "no_document"
    # waiting
    AWAITING_DOCUMENT = "awaiting_document"
    AWAITING_TICKET = "awaiting_ticket"
    # admitted
    MATCH = "match"


class PresentedType(enum.StrEnum):
    """What a document presented at the desk is; the reader reports the first four, a manual
    entry may name any of them."""

    RESIDENT_ID = "resident_id"
    HKMT_PERMIT = "hkmt_permit"
    FOREIGN_PERMANENT_2017 = "foreign_2017"
    FOREIGN_PERMANENT_2023 = "foreign_2023"
    SOCIAL_SECURITY = "social_security"
    PASSPORT = "passport"
    DRIVING_LICENCE = "driving_licence"
    OTHER = "other"


# Art. 30(一): "居民身份证、社会保障卡、外国人永久居留证等有效身份证件". The residence permit for
# Hong Kong, Macao and Taiwan residents is a national identity document of the same standing.
ACCEPTED = frozenset(
    {
        PresentedType.RESIDENT_ID,
        PresentedType.HKMT_PERMIT,
        PresentedType.FOREIGN_PERMANENT_2017,
        PresentedType.FOREIGN_PERMANENT_2023,
        PresentedType.SOCIAL_SECURITY,
    }
)


class CardPhoto(enum.StrEnum):
    """What became of the photo on the card's chip (WLT, decoded only by a vendor library)."""

    DECODED = "decoded"  # shown beside the registration photo
    NOT_HERE = "not_here"  # no decoder at this desk: the face is compared with the registration photo
    FAILED = "failed"  # the desk's configured decoder failed on this card: a second look (NO_CARD_PHOTO)


@dataclass(frozen=True)
class PresentedDocument:
    type: PresentedType
    number: str
    name: str
    valid_until: date | None = None  # None: long-term (长期) or not printed
    card_photo: CardPhoto = CardPhoto.NOT_HERE
    manual: bool = False


@dataclass(frozen=True)
class PresentedTicket:
    number: str
    manual: bool = False
    searched: bool = False  # picked by name: the candidate has no ticket with them


@dataclass(frozen=True)
class Seat:
    room_id: uuid.UUID
    room_code: str
    room_name: str
    seat_number: int


@dataclass(frozen=True)
class PriorAdmission:
    at: datetime
    desk: str
    staff_name: str
    room_code: str


@dataclass(frozen=True)
class CandidateFacts:
    """What the database knows about one candidate, as far as the decision needs it."""

    id: uuid.UUID
    name: str
    ticket_number: str
    document_type: DocumentType
    document_number: str  # decrypted for the comparison only; never stored by the desk
    withdrawn: bool = False
    seat: Seat | None = None  # None: not seated in this sitting
    admitted: PriorAdmission | None = None


@dataclass(frozen=True)
class Desk:
    schedule: Schedule
    room_id: uuid.UUID | None  # None: the venue gate, which admits anyone of the sitting


@dataclass(frozen=True)
class Inputs:
    ticket: PresentedTicket | None = None
    document: PresentedDocument | None = None
    # The candidates the inputs point to (None: not found; absent input: None too).
    by_ticket: CandidateFacts | None = None
    by_document: CandidateFacts | None = None
    final: bool = False  # the invigilator asks for a decision with what there is (Enter)


@dataclass(frozen=True)
class Decision:
    verdict: Verdict
    reasons: tuple[Reason, ...]
    candidate: CandidateFacts | None = None
    other: CandidateFacts | None = None  # the document's owner when it is not the ticket's candidate
    late_by: timedelta | None = None
    closes_at: datetime | None = None
    details: dict[str, str] = field(default_factory=dict)

    @property
    def reason(self) -> Reason:
        return self.reasons[0]

    @property
    def impersonation(self) -> bool:
        return Reason.DOCUMENT_MISMATCH in self.reasons

    @property
    def change_request_field(self) -> str | None:
        """Art. 43: which registered detail looks mistyped (never both name and number)."""
        if Reason.NUMBER_TYPO in self.reasons:
            return "document_number"
        if Reason.NAME_DIFFERS in self.reasons:
            return "name"
        return None


def _normal(number: str) -> str:
    return number.strip().upper()


def is_typo(registered: str, presented: str) -> bool:
    """One character changed, or two neighbours swapped: what a data-entry slip looks like."""
    a, b = _normal(registered), _normal(presented)
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    if len(diff) == 1:
        return True
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


PLACEHOLDERS = frozenset("?？*＊□〇_")


def is_rare(ch: str) -> bool:
    """A character outside GB 2312 (生僻字), or a placeholder typed for one at registration."""
    if ch in PLACEHOLDERS:
        return True
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return True
    return False


class NameMatch(enum.Enum):
    SAME = "same"
    RARE_ONLY = "rare_only"
    DIFFERENT = "different"


def compare_names(registered: str, on_card: str) -> NameMatch:
    a = "".join(registered.split())
    b = "".join(on_card.split())
    if a == b:
        return NameMatch.SAME
    if len(a) == len(b) and all(x == y or is_rare(x) or is_rare(y) for x, y in zip(a, b, strict=True)):
        return NameMatch.RARE_ONLY
    return NameMatch.DIFFERENT


def _refuse(reason: Reason, candidate: CandidateFacts | None, **kw: object) -> Decision:
    return Decision(Verdict.REFUSE, (reason,), candidate, **kw)  # type: ignore[arg-type]


def decide(desk: Desk, inputs: Inputs, now: datetime) -> Decision:
    ticket, document = inputs.ticket, inputs.document
    if ticket is None and document is None:
        raise ValueError("nothing presented")
    closes = entry_closes_at(desk.schedule)

    # Who is this? The ticket names the candidate; without one, the document does.
    candidate = inputs.by_ticket if ticket is not None else inputs.by_document

    # Art. 30(二): "一律禁止" — no input, no person and no override opens a closed entry.
    if not entry_open(desk.schedule, now):
        return _refuse(Reason.ENTRY_CLOSED, candidate, late_by=lateness(desk.schedule, now), closes_at=closes)

    if ticket is not None and inputs.by_ticket is None:
        return _refuse(Reason.UNKNOWN_TICKET, None, closes_at=closes, details={"ticket": ticket.number})

    if document is not None:
        if document.type not in ACCEPTED:
            return _refuse(Reason.DOCUMENT_NOT_ACCEPTED, candidate, closes_at=closes,
                           details={"document_type": document.type.value})
        if document.valid_until is not None and document.valid_until < venue_date(now):
            return _refuse(Reason.DOCUMENT_EXPIRED, candidate, closes_at=closes,
                           details={"valid_until": document.valid_until.isoformat()})

    if candidate is None:
        # A document alone that no registration carries.
        return _refuse(Reason.UNKNOWN_DOCUMENT, None, closes_at=closes)

    checks: list[Reason] = []
    other: CandidateFacts | None = None
    if ticket is not None and document is not None:
        names = compare_names(candidate.name, document.name)
        same_number = _normal(candidate.document_number) == _normal(document.number)
        if same_number:
            if names is NameMatch.RARE_ONLY:
                checks.append(Reason.RARE_CHARACTER)
            elif names is NameMatch.DIFFERENT:
                checks.append(Reason.NAME_DIFFERS)
        elif names is not NameMatch.DIFFERENT and inputs.by_document is None and is_typo(
            candidate.document_number, document.number
        ):
            # Art. 43: the same person with a mistyped registration; the province decides.
            checks.append(Reason.NUMBER_TYPO)
            if names is NameMatch.RARE_ONLY:
                checks.append(Reason.RARE_CHARACTER)
        else:
            other = inputs.by_document
            return Decision(Verdict.REFUSE, (Reason.DOCUMENT_MISMATCH,), candidate, other, closes_at=closes,
                            details={"document_name": document.name})

    if candidate.withdrawn:
        return _refuse(Reason.CANDIDATE_WITHDRAWN, candidate, closes_at=closes)
    if candidate.seat is None:
        return _refuse(Reason.NOT_IN_SITTING, candidate, closes_at=closes)
    if desk.room_id is not None and candidate.seat.room_id != desk.room_id:
        return _refuse(Reason.WRONG_ROOM, candidate, closes_at=closes)
    if candidate.admitted is not None:
        return _refuse(Reason.ALREADY_ADMITTED, candidate, closes_at=closes)

    if ticket is None or document is None:
        if not inputs.final:
            waiting = Reason.AWAITING_DOCUMENT if document is None else Reason.AWAITING_TICKET
            return Decision(Verdict.WAIT, (waiting,), candidate, closes_at=closes)
        checks.append(Reason.NO_DOCUMENT if document is None else Reason.NO_TICKET)
    if ticket is not None and ticket.searched and Reason.NO_TICKET not in checks:
        checks.append(Reason.NO_TICKET)
    if (ticket is not None and ticket.manual) or (document is not None and document.manual):
        checks.append(Reason.MANUAL_ENTRY)
    if document is not None and document.card_photo is CardPhoto.FAILED and not document.manual:
        # Only a decoder that is there and failed on this card asks for a second look; a desk with
        # no decoder compares the face with the registration photo and admits on a match.
        checks.append(Reason.NO_CARD_PHOTO)
    if checks:
        return Decision(Verdict.CHECK, tuple(checks), candidate, closes_at=closes)
    return Decision(Verdict.ADMIT, (Reason.MATCH,), candidate, closes_at=closes)
