"""The attendance sheet (签到表) of one room and sitting, as A4 HTML for the PDF writer."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.rules.timing import venue_time
from app.services.attendance import RoomAttendance
from ui.reports.pdf import table


def status_name(status: str) -> str:
    return {
        "admitted": QCoreApplication.translate("Attendance", "Present"),
        "absent": QCoreApplication.translate("Attendance", "Absent"),
        "expected": QCoreApplication.translate("Attendance", "Not yet"),
    }.get(status, status)


LABELS = {
    "title": QT_TRANSLATE_NOOP("Attendance", "Attendance sheet"),
    "exam": QT_TRANSLATE_NOOP("Attendance", "Exam"),
    "venue": QT_TRANSLATE_NOOP("Attendance", "Venue"),
    "subject": QT_TRANSLATE_NOOP("Attendance", "Subject"),
    "time": QT_TRANSLATE_NOOP("Attendance", "Time"),
    "room": QT_TRANSLATE_NOOP("Attendance", "Room"),
    "counts": QT_TRANSLATE_NOOP("Attendance", "Expected {e} · present {p} · absent {a}"),
    "seat": QT_TRANSLATE_NOOP("Attendance", "Seat"),
    "ticket": QT_TRANSLATE_NOOP("Attendance", "Ticket"),
    "name": QT_TRANSLATE_NOOP("Attendance", "Name"),
    "document": QT_TRANSLATE_NOOP("Attendance", "Document"),
    "status": QT_TRANSLATE_NOOP("Attendance", "Status"),
    "admitted_at": QT_TRANSLATE_NOOP("Attendance", "Admitted at"),
    "desk": QT_TRANSLATE_NOOP("Attendance", "Desk"),
    "confirmed": QT_TRANSLATE_NOOP("Attendance", "Confirmed by"),
    "refused": QT_TRANSLATE_NOOP("Attendance", "Refused entries"),
    "reason": QT_TRANSLATE_NOOP("Attendance", "Reason"),
    "sign": QT_TRANSLATE_NOOP("Attendance", "Invigilator (signature)"),
}


def _labels() -> dict[str, str]:
    return {k: QCoreApplication.translate("Attendance", v) for k, v in LABELS.items()}


def attendance_html(sheet: RoomAttendance, venue: str, exam: str) -> str:
    labels = _labels()
    L = {k: escape(v) for k, v in labels.items()}
    start, end = venue_time(sheet.starts_at), venue_time(sheet.ends_at)
    counts = escape(labels["counts"].format(e=sheet.expected, p=sheet.admitted, a=sheet.absent))
    rows = [[str(line.seat_number), line.ticket_number, line.name, line.document_masked, status_name(line.status),
             f"{venue_time(line.admitted_at):%H:%M:%S}" if line.admitted_at else "", line.desk,
             line.cosigner or ""] for line in sheet.lines]
    refused = [[f"{venue_time(r.at):%H:%M:%S}", r.ticket_number, r.name, r.reason, r.desk] for r in sheet.refused]
    body = (
        f"<h1>{L['title']}</h1>"
        f'<table class="meta"><tr><td>{L["exam"]}: {escape(exam)}</td><td>{L["venue"]}: {escape(venue)}</td></tr>'
        f'<tr><td>{L["subject"]}: {escape(sheet.subject)}</td><td>{L["time"]}: {start:%Y-%m-%d %H:%M}–{end:%H:%M}</td></tr>'
        f'<tr><td>{L["room"]}: {escape(sheet.room_name)}</td><td>{counts}</td></tr></table>'
    )
    body += table([labels[k] for k in ("seat", "ticket", "name", "document", "status", "admitted_at", "desk",
                                       "confirmed")], rows)
    if refused:
        body += f"<h2>{L['refused']}</h2>"
        body += table([labels[k] for k in ("time", "ticket", "name", "reason", "desk")], refused)
    body += (f'<table class="signature"><tr><td>{L["sign"]}: ____________</td>'
             f'<td>{L["sign"]}: ____________</td></tr></table>')
    return body
