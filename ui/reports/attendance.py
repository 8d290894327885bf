"""The attendance sheet (签到表) of one room and sitting, as A4 HTML for the PDF writer."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.rules.timing import venue_time
from app.services.attendance import RoomAttendance
from ui.reports.pdf import table
from ui.reports.room_record import refusal_reason


def status_name(status: str) -> str:
    return {
        "admitted": QCoreApplication.translate("Attendance", "Present"),
        "absent": QCoreApplication.translate("Attendance", "Absent"),
        "expected": QCoreApplication.translate("Attendance", "Not yet"),
    }.get(status, status)


LABELS = {
    "title": QT_TRANSLATE_NOOP("Attendance", "Attendance sheet"),
    "field": QT_TRANSLATE_NOOP("Attendance", "{label}: {value}"),
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
    "candidate_sign": QT_TRANSLATE_NOOP("Attendance", "Candidate's signature"),
    "notes": QT_TRANSLATE_NOOP("Attendance", "Notes"),
    "confirmed_by": QT_TRANSLATE_NOOP("Attendance", "confirmed by {name}"),
    "desk": QT_TRANSLATE_NOOP("Attendance", "Desk"),
    "refused": QT_TRANSLATE_NOOP("Attendance", "Refused entries"),
    "reason": QT_TRANSLATE_NOOP("Attendance", "Reason"),
    "invigilator_1": QT_TRANSLATE_NOOP("Attendance", "Invigilator 1 (signature)"),
    "invigilator_2": QT_TRANSLATE_NOOP("Attendance", "Invigilator 2 (signature)"),
    "sign_date": QT_TRANSLATE_NOOP("Attendance", "Date: ____________ Time: ________"),
}
# Each column's share of the A4 width (%): the candidate's signature gets the widest cell.
SHEET_WIDTHS = [5, 14, 10, 18, 8, 10, 21, 14]
BLANK = "________________________"


def _labels() -> dict[str, str]:
    return {k: QCoreApplication.translate("Attendance", v) for k, v in LABELS.items()}


def attendance_html(sheet: RoomAttendance, venue: str, exam: str) -> str:
    """The header (each field in its own cell), one row per candidate with an empty cell for their
    signature, the refused entries, and a signature line with a date for each of the two invigilators."""
    labels = _labels()
    start, end = venue_time(sheet.starts_at), venue_time(sheet.ends_at)

    def field(key: str, value: str, span: int = 1) -> str:
        cell = escape(labels["field"].format(label=labels[key], value=value))
        return f'<td colspan="{span}" width="{50 * span}%">{cell}</td>'

    counts = escape(labels["counts"].format(e=sheet.expected, p=sheet.admitted, a=sheet.absent))
    rows = [[str(line.seat_number), line.ticket_number, line.name, line.document_masked, status_name(line.status),
             f"{venue_time(line.admitted_at):%H:%M:%S}" if line.admitted_at else "", "",
             "; ".join(n for n in (line.desk, labels["confirmed_by"].format(name=line.cosigner)
                                   if line.cosigner else "") if n)] for line in sheet.lines]
    refused = [[f"{venue_time(r.at):%H:%M:%S}", r.ticket_number, r.name, refusal_reason(r.reason), r.desk]
               for r in sheet.refused]
    body = (
        f"<h1>{escape(labels['title'])}</h1>"
        '<table class="meta" width="100%">'
        f"<tr>{field('exam', exam, 2)}</tr>"
        f"<tr>{field('venue', venue)}{field('room', sheet.room_name)}</tr>"
        f"<tr>{field('subject', sheet.subject)}{field('time', f'{start:%Y-%m-%d %H:%M}–{end:%H:%M}')}</tr>"
        f'<tr><td colspan="2" width="100%">{counts}</td></tr></table>'
    )
    body += table([labels[k] for k in ("seat", "ticket", "name", "document", "status", "admitted_at",
                                       "candidate_sign", "notes")], rows, widths=SHEET_WIDTHS, css_class="sheet")
    if refused:
        body += f"<h2>{escape(labels['refused'])}</h2>"
        body += table([labels[k] for k in ("time", "ticket", "name", "reason", "desk")], refused)
    body += '<table class="signature" width="100%">' + "".join(
        f'<tr><td width="55%">{escape(labels[who])}: {BLANK}</td><td width="45%">{escape(labels["sign_date"])}</td></tr>'
        for who in ("invigilator_1", "invigilator_2")) + "</table>"
    return body
