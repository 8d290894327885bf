"""What the desk says: the verdict word, the reason line and the next step, in the user's language."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QCoreApplication

from app.rules.checkin import Reason, Verdict
from app.rules.timing import venue_time
from app.services.checkin import Outcome, RecentScan
from ui.durations import duration


def verdict_word(verdict: Verdict) -> str:
    return {
        Verdict.ADMIT: QCoreApplication.translate("Checkin", "Admit"),
        Verdict.REFUSE: QCoreApplication.translate("Checkin", "Refuse entry"),
        Verdict.CHECK: QCoreApplication.translate("Checkin", "Check"),
        Verdict.WAIT: QCoreApplication.translate("Checkin", "Waiting"),
    }[verdict]


def _plain(reason: Reason) -> str:
    """A reason alone, without the facts of one decision (a list, a report)."""
    texts = {
        Reason.ENTRY_CLOSED: QCoreApplication.translate("Checkin", "Entry has closed"),
        Reason.NOT_IN_SITTING: QCoreApplication.translate("Checkin", "Not a candidate of this sitting"),
        Reason.WRONG_ROOM: QCoreApplication.translate("Checkin", "Not this room"),
        Reason.UNKNOWN_TICKET: QCoreApplication.translate("Checkin", "Unknown admission ticket"),
        Reason.UNKNOWN_DOCUMENT: QCoreApplication.translate("Checkin", "No registration carries this document"),
        Reason.DOCUMENT_MISMATCH: QCoreApplication.translate("Checkin", "The document does not belong to this ticket's candidate: possible impersonation. A draft "
                                                             "incident has been opened."),
        Reason.ALREADY_ADMITTED: QCoreApplication.translate("Checkin", "Already admitted"),
        Reason.DOCUMENT_EXPIRED: QCoreApplication.translate("Checkin", "The identity document has expired"),
        Reason.DOCUMENT_NOT_ACCEPTED: QCoreApplication.translate("Checkin", "This kind of document is not accepted for entry (art. 30)"),
        Reason.CANDIDATE_WITHDRAWN: QCoreApplication.translate("Checkin", "The province has withdrawn this registration"),
        Reason.NO_CARD_PHOTO: QCoreApplication.translate("Checkin", "The photo decoder failed on this card's chip photo: compare the face with the registration photo"),
        Reason.RARE_CHARACTER: QCoreApplication.translate("Checkin", "The names differ only in a rare character"),
        Reason.NAME_DIFFERS: QCoreApplication.translate("Checkin", "The name on the card differs from the registration"),
        Reason.NUMBER_TYPO: QCoreApplication.translate("Checkin", "The document number differs from the registration by one typing slip"),
        Reason.MANUAL_ENTRY: QCoreApplication.translate("Checkin", "Typed by hand"),
        Reason.NO_TICKET: QCoreApplication.translate("Checkin", "No admission ticket"),
        Reason.NO_DOCUMENT: QCoreApplication.translate("Checkin", "No identity document read"),
        Reason.AWAITING_DOCUMENT: QCoreApplication.translate("Checkin", "Place the identity card on the reader"),
        Reason.AWAITING_TICKET: QCoreApplication.translate("Checkin", "Scan the admission ticket"),
        Reason.MATCH: QCoreApplication.translate("Checkin", "Ticket and identity document match"),
    }
    return texts[reason]


def late_text(closes_at: datetime, late_by: timedelta) -> str:
    """Art. 30(二), measured from the cutoff: "已于 08:35 截止，迟到 2 分 12 秒"."""
    return QCoreApplication.translate("Checkin", "Entry closed at {time}; late by {late}").format(
        time=f"{venue_time(closes_at):%H:%M}", late=duration(late_by))


def reason_text(reason: Reason, outcome: Outcome | None = None) -> str:
    d = outcome.decision if outcome is not None else None
    c = d.candidate if d is not None else None
    if reason is Reason.ENTRY_CLOSED and d is not None and d.closes_at is not None and d.late_by is not None:
        return late_text(d.closes_at, d.late_by)
    if reason is Reason.UNKNOWN_TICKET and d is not None and d.details.get("ticket"):
        return QCoreApplication.translate("Checkin", "Ticket {code} is not a ticket of this exam: check the number, or press F3 "
                                          "to find the candidate by name").format(code=d.details["ticket"])
    if reason is Reason.DOCUMENT_EXPIRED and d is not None and d.details.get("valid_until"):
        return QCoreApplication.translate("Checkin", "The identity document expired on {date}").format(
            date=date.fromisoformat(d.details["valid_until"]).isoformat())
    if reason is Reason.WRONG_ROOM and c is not None and c.seat is not None:
        return QCoreApplication.translate("Checkin", "Not this room: go to room {room}, seat {seat}").format(room=c.seat.room_code, seat=c.seat.seat_number)
    if reason is Reason.ALREADY_ADMITTED and c is not None and c.admitted is not None:
        a = c.admitted
        return QCoreApplication.translate("Checkin", "Already admitted at {time} by {staff} at {desk} (room {room})").format(
            time=f"{venue_time(a.at):%H:%M:%S}", staff=a.staff_name, desk=a.desk, room=a.room_code)
    return _plain(reason)


def reasons_text(outcome: Outcome) -> str:
    """The reason line. An admission after a check names who confirmed it instead of the check's
    reasons (they stay on record, but the candidate is in)."""
    if outcome.verdict is Verdict.ADMIT and outcome.confirmed_by:
        return QCoreApplication.translate("Checkin", "Confirmed by {name}, the second invigilator").format(
            name=outcome.confirmed_by)
    return " · ".join(reason_text(r, outcome) for r in outcome.decision.reasons)


def next_step(outcome: Outcome) -> str:
    """What the invigilator does now, when the verdict leaves it to them."""
    if outcome.verdict is Verdict.CHECK:
        return QCoreApplication.translate("Checkin", "Enter: call a second invigilator to confirm the admission · "
                                          "Esc: leave the candidate out, next candidate")
    return ""


def verdict_short(scan: RecentScan) -> str:
    """For the list of recent scans: the mark and the reason, with the facts that fit one line."""
    mark = {"admit": "✔", "refuse": "✖", "check": "?", "wait": "…"}.get(scan.verdict, "")
    if scan.verdict == "admit":
        return mark
    try:
        reason = Reason(scan.reason)
    except ValueError:
        return f"{mark} {scan.reason}".strip()
    if reason is Reason.ENTRY_CLOSED and scan.late_by is not None:
        text = QCoreApplication.translate("Checkin", "Late by {late}").format(late=duration(scan.late_by))
    elif reason is Reason.UNKNOWN_TICKET and scan.ticket_number:
        text = QCoreApplication.translate("Checkin", "Unknown ticket {code}").format(code=scan.ticket_number)
    else:
        text = _plain(reason)
    return f"{mark} {text}"
