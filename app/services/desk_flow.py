"""The desk's input state machine: which inputs belong to the candidate in front of the desk,
when to ask the service for a decision, and what Enter and Esc mean at each moment.

No Qt and no database: the screen feeds it inputs and outcomes, and it answers with the next
request to run (on a worker). Inputs that arrive while a request is running are queued, never
dropped; a request that fails (database unreachable) keeps its inputs for a retry.

While the desk is locked (idle lock, or the core refused the session: staff deactivated or
credential reset) no input decides anything: each is kept (`Held`) and decided after the unlock,
in the name of whoever unlocked the desk.
"""

from __future__ import annotations

import enum
from collections import deque
from dataclasses import dataclass

from app.rules.checkin import PresentedDocument, PresentedTicket, Verdict
from app.services.checkin import Outcome


class Phase(enum.Enum):
    READY = "ready"  # nothing presented: the next input starts a candidate
    WAITING = "waiting"  # one input decided WAIT; the other may follow
    DECIDED = "decided"  # admit or refuse shown; the next input starts the next candidate
    CHECKING = "checking"  # a CHECK shown: Enter opens the confirmation, Esc leaves it unadmitted
    BUSY = "busy"  # a request is running
    FAILED = "failed"  # the last request failed; its inputs are kept (Enter retries)


@dataclass(frozen=True)
class Request:
    ticket: PresentedTicket | None
    document: PresentedDocument | None
    final: bool = False
    manual_reason: str = ""


@dataclass(frozen=True)
class Dismiss:
    pending: Outcome


@dataclass(frozen=True)
class ConfirmCheck:
    checked: Outcome


@dataclass(frozen=True)
class Held:
    """The desk is locked: the input is kept, nothing is decided; `kept` inputs are waiting."""

    kept: int


Action = Request | Dismiss | ConfirmCheck | Held | None


class DeskFlow:
    def __init__(self) -> None:
        self.phase = Phase.READY
        self.ticket: PresentedTicket | None = None
        self.document: PresentedDocument | None = None
        self.outcome: Outcome | None = None
        self._in_flight: Request | None = None
        self._queue: deque[PresentedTicket | PresentedDocument] = deque()
        self.locked = False
        self._refused = False  # the in-flight request was refused with the session: resend on unlock

    # -- the lock ----------------------------------------------------------------------------

    def lock(self) -> None:
        """From now on inputs are kept, not decided (a request already running still finishes)."""
        self.locked = True

    def unlock(self) -> Action:
        """Decide what was kept, oldest first, in the name of whoever unlocked."""
        self.locked = False
        if self.phase is Phase.BUSY:
            return None  # the running request's `finished` drains the queue
        if self._refused and self._in_flight is not None:
            self._refused = False
            return self._send(self._in_flight)
        return self._drain()

    def session_refused(self) -> Held:
        """The core refused the request because the session is no longer valid: the desk locks and
        the request's inputs are kept for whoever unlocks."""
        self.locked, self._refused = True, True
        self.phase = Phase.FAILED
        return Held(self.kept)

    @property
    def kept(self) -> int:
        """Inputs waiting to be decided (queued, and a request refused with the session)."""
        return len(self._queue) + (1 if self._refused and self._in_flight is not None else 0)

    # -- inputs ------------------------------------------------------------------------------

    def ticket_scanned(self, ticket: PresentedTicket) -> Action:
        return self._input(ticket)

    def card_read(self, document: PresentedDocument) -> Action:
        return self._input(document)

    def manual(self, ticket: PresentedTicket | None, document: PresentedDocument | None, reason: str) -> Action:
        """A typed or searched entry starts a candidate of its own, decided at once."""
        if self.phase is Phase.BUSY or self.locked:
            return None
        self._start(ticket, document)
        return self._send(Request(ticket, document, final=True, manual_reason=reason))

    def _input(self, item: PresentedTicket | PresentedDocument) -> Action:
        if self.locked:
            self._queue.append(item)
            return Held(self.kept)
        if self.phase is Phase.BUSY:
            self._queue.append(item)
            return None
        is_ticket = isinstance(item, PresentedTicket)
        if self.phase is Phase.WAITING and (self.ticket is None) == is_ticket:
            # The missing half of the candidate in front of the desk.
            if is_ticket:
                self.ticket = item  # type: ignore[assignment]
            else:
                self.document = item  # type: ignore[assignment]
        elif self.phase is Phase.WAITING and self._same(item):
            return None  # the same card read again, or the same ticket scanned twice
        else:
            self._start(item if is_ticket else None, None if is_ticket else item)  # type: ignore[arg-type]
        return self._send(Request(self.ticket, self.document))

    def _same(self, item: PresentedTicket | PresentedDocument) -> bool:
        if isinstance(item, PresentedTicket):
            return self.ticket is not None and self.ticket.number == item.number
        return self.document is not None and self.document.number == item.number

    def _start(self, ticket: PresentedTicket | None, document: PresentedDocument | None) -> None:
        self.ticket, self.document, self.outcome = ticket, document, None

    def _send(self, request: Request) -> Request:
        self._in_flight = request
        self.phase = Phase.BUSY
        return request

    # -- keys --------------------------------------------------------------------------------

    def enter(self) -> Action:
        if self.locked:
            return None
        if self.phase is Phase.WAITING and self.outcome is not None:
            return self._send(Request(self.ticket, self.document, final=True))
        if self.phase is Phase.CHECKING and self.outcome is not None:
            return ConfirmCheck(self.outcome)
        if self.phase is Phase.FAILED and self._in_flight is not None:
            return self._send(self._in_flight)
        return None

    def escape(self) -> Action:
        """Next candidate. A waiting candidate's scan is still recorded (Dismiss)."""
        pending = self.outcome if self.phase is Phase.WAITING else None
        if self.phase is Phase.BUSY or self.locked:
            return None
        self.phase = Phase.READY
        self._start(None, None)
        self._in_flight = None
        return Dismiss(pending) if pending is not None else None

    # -- results -----------------------------------------------------------------------------

    def finished(self, outcome: Outcome) -> Action:
        """A request (or a confirmed check) came back; returns the next request when inputs
        queued meanwhile."""
        self.outcome = outcome
        self._in_flight = None
        self.phase = {Verdict.WAIT: Phase.WAITING, Verdict.CHECK: Phase.CHECKING}.get(outcome.verdict, Phase.DECIDED)
        return self._drain()

    def failed(self) -> None:
        """The request did not complete (e.g. database unreachable): keep its inputs."""
        self.phase = Phase.FAILED

    def _drain(self) -> Action:
        if not self._queue or self.locked:
            return None
        return self._input(self._queue.popleft())

    @property
    def queued(self) -> int:
        return len(self._queue)
