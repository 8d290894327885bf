"""What the desk says: the verdict word and the reason line, in the user's language."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication

from app.rules.checkin import Reason, Verdict
from app.rules.timing import venue_time
from app.services.checkin import Outcome


def verdict_word(verdict: Verdict) -> str:
    return {
        Verdict.ADMIT: QCoreApplication.translate("Checkin", "Admit"),
        Verdict.REFUSE: QCoreApplication.translate("Checkin", "Refuse entry"),
        Verdict.CHECK: QCoreApplication.translate("Checkin", "Check"),
        Verdict.WAIT: QCoreApplication.translate("Checkin", "Waiting"),
    }[verdict]


def duration(delta: timedelta) -> str:
    seconds = max(0, int(delta.total_seconds()))
    minutes, secs = divmod(seconds, 60)
    return QCoreApplication.translate("Checkin", "{m} min {s} s").format(m=minutes, s=secs)


def reason_text(reason: Reason, outcome: Outcome | None = None) -> str:
    d = outcome.decision if outcome is not None else None
    c = d.candidate if d is not None else None
    if reason is Reason.ENTRY_CLOSED:
        late = d.late_by if d is not None and d.late_by is not None else timedelta(0)
        return QCoreApplication.translate("Checkin", "Entry has closed (5 minutes after the start; at the start for audio/video); late by {late}").format(
            late=duration(late))
    if reason is Reason.WRONG_ROOM and c is not None and c.seat is not None:
        return QCoreApplication.translate("Checkin", "Not this room: go to room {room}, seat {seat}").format(room=c.seat.room_code, seat=c.seat.seat_number)
    if reason is Reason.ALREADY_ADMITTED and c is not None and c.admitted is not None:
        a = c.admitted
        return QCoreApplication.translate("Checkin", "Already admitted at {time} by {staff} at {desk} (room {room})").format(
            time=f"{venue_time(a.at):%H:%M:%S}", staff=a.staff_name, desk=a.desk, room=a.room_code)
    if reason is Reason.DOCUMENT_MISMATCH:
        return QCoreApplication.translate("Checkin", "The document does not belong to this ticket's candidate: possible impersonation. A draft "
                  "incident has been opened.")
    texts = {
        Reason.NOT_IN_SITTING: QCoreApplication.translate("Checkin", "Not a candidate of this sitting"),
        Reason.WRONG_ROOM: QCoreApplication.translate("Checkin", "Not this room"),
        Reason.UNKNOWN_TICKET: QCoreApplication.translate("Checkin", "Unknown admission ticket"),
        Reason.UNKNOWN_DOCUMENT: QCoreApplication.translate("Checkin", "No registration carries this document"),
        Reason.ALREADY_ADMITTED: QCoreApplication.translate("Checkin", "Already admitted"),
        Reason.DOCUMENT_EXPIRED: QCoreApplication.translate("Checkin", "The identity document has expired"),
        Reason.DOCUMENT_NOT_ACCEPTED: QCoreApplication.translate("Checkin", "This kind of document is not accepted for entry (art. 30)"),
        Reason.CANDIDATE_WITHDRAWN: QCoreApplication.translate("Checkin", "The province has withdrawn this registration"),
        Reason.NO_CARD_PHOTO: QCoreApplication.translate("Checkin", "The card photo cannot be shown: compare the face with the registration photo"),
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


def reasons_text(outcome: Outcome) -> str:
    return " · ".join(reason_text(r, outcome) for r in outcome.decision.reasons)


def verdict_short(verdict: str, reason: str) -> str:
    """For the list of recent scans."""
    mark = {"admit": "✔", "refuse": "✖", "check": "?", "wait": "…"}.get(verdict, "")
    try:
        text = reason_text(Reason(reason)) if verdict != "admit" else ""
    except ValueError:
        text = reason
    return f"{mark} {text}".strip()
