"""Admission-ticket numbers (准考证号): normalise what a scanner or a person produced, then check
it against the exam's pattern. Which symbology tickets use is not published and the number format
varies by exam, so the pattern is per exam; the default accepts 10–20 digits."""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass, field

DEFAULT_TICKET_PATTERN = r"\d{10,20}"


class TicketProblem(enum.StrEnum):
    EMPTY = "empty"
    PATTERN_MISMATCH = "pattern_mismatch"


@dataclass(frozen=True)
class TicketCheck:
    """`number` is the normalised text whether or not it matched, so a refusal can show what was read."""

    number: str
    problem: TicketProblem | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


def normalise_ticket(raw: str) -> str:
    """NFKC first: a Chinese input method in full-width mode turns "1234" into "１２３４", and a
    pasted number may carry ideographic spaces (U+3000); both must compare equal to the printed number."""
    text = unicodedata.normalize("NFKC", raw)
    return "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch) != "Cc").upper()


@dataclass(frozen=True)
class TicketPattern:
    """The exam's ticket-number rule. `pattern` must match the whole normalised number; it is
    matched case-sensitively against the upper-cased text, so write letters in upper case."""

    pattern: str = DEFAULT_TICKET_PATTERN
    _regex: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        try:
            regex = re.compile(self.pattern)
        except re.error as exc:
            raise ValueError(f"invalid ticket pattern {self.pattern!r}: {exc}") from exc
        # Frozen dataclass: set the derived field once, here.
        object.__setattr__(self, "_regex", regex)

    def check(self, raw: str) -> TicketCheck:
        number = normalise_ticket(raw)
        if not number:
            return TicketCheck(number, TicketProblem.EMPTY)
        if self._regex.fullmatch(number) is None:
            return TicketCheck(number, TicketProblem.PATTERN_MISMATCH)
        return TicketCheck(number)

    def matches(self, raw: str) -> bool:
        return self.check(raw).ok
