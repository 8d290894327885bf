"""The attendance sheet (签到表) of one room and sitting, as A4 HTML for the PDF writer."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from app.rules.timing import venue_time
from app.services.attendance import RoomAttendance
from ui.reports.pdf import table


def _t(text: str) -> str:
    return QCoreApplication.translate("Attendance", text)


def status_name(status: str) -> str:
    return {"admitted": _t("Present"), "absent": _t("Absent"), "expected": _t("Not yet")}.get(status, status)


def attendance_html(sheet: RoomAttendance, venue: str, exam: str) -> str:
    start, end = venue_time(sheet.starts_at), venue_time(sheet.ends_at)
    rows = [[str(line.seat_number), line.ticket_number, line.name, line.document_masked, status_name(line.status),
             f"{venue_time(line.admitted_at):%H:%M:%S}" if line.admitted_at else "", line.desk,
             line.cosigner or ""] for line in sheet.lines]
    refused = [[f"{venue_time(r.at):%H:%M:%S}", r.ticket_number, r.name, r.reason, r.desk] for r in sheet.refused]
    meta = (f'<table class="meta"><tr><td>{escape(_t("Exam"))}: {escape(exam)}</td>'
            f'<td>{escape(_t("Venue"))}: {escape(venue)}</td></tr>'
            f'<tr><td>{escape(_t("Subject"))}: {escape(sheet.subject)}</td>'
            f'<td>{escape(_t("Time"))}: {start:%Y-%m-%d %H:%M}–{end:%H:%M}</td></tr>'
            f'<tr><td>{escape(_t("Room"))}: {escape(sheet.room_name)}</td>'
            f'<td>{escape(_t("Expected {e} · present {p} · absent {a}").format(e=sheet.expected, p=sheet.admitted, a=sheet.absent))}</td></tr></table>')
    body = f"<h1>{escape(_t('Attendance sheet'))}</h1>{meta}"
    body += table([_t("Seat"), _t("Ticket"), _t("Name"), _t("Document"), _t("Status"), _t("Admitted at"), _t("Desk"),
                   _t("Confirmed by")], rows)
    if refused:
        body += f"<h2>{escape(_t('Refused entries'))}</h2>"
        body += table([_t("Time"), _t("Ticket"), _t("Name"), _t("Reason"), _t("Desk")], refused)
    body += (f'<table class="signature"><tr><td>{escape(_t("Invigilator (signature)"))}: ____________</td>'
             f'<td>{escape(_t("Invigilator (signature)"))}: ____________</td></tr></table>')
    return body
