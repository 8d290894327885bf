"""The room record (考场情况记录) as an A4 PDF, through the shared writer (ui/reports/pdf.py)."""

from __future__ import annotations

from datetime import datetime
from html import escape
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.domain import SittingMode
from app.rules.checkin import Reason
from app.rules.timing import venue_time
from app.services.room_record import RoomRecord
from ui.checkin.texts import reason_text
from ui.incidents.categories import category_label
from ui.overview.screen import mode_name
from ui.reports.pdf import table, write_pdf


def _t(text: str) -> str:
    return QCoreApplication.translate("RoomRecord", text)


# Every text `_t` translates, listed for Qt Linguist (lupdate reads literals, not `_t(...)`).
_SOURCES = (
    QT_TRANSLATE_NOOP("RoomRecord", 'Emergency exit'),
    QT_TRANSLATE_NOOP("RoomRecord", 'Handed in'),
    QT_TRANSLATE_NOOP("RoomRecord", 'Confirmed'),
    QT_TRANSLATE_NOOP("RoomRecord", 'Draft'),
    QT_TRANSLATE_NOOP("RoomRecord", 'Exam'),
    QT_TRANSLATE_NOOP("RoomRecord", 'Venue'),
    QT_TRANSLATE_NOOP("RoomRecord", 'Sitting'),
    QT_TRANSLATE_NOOP("RoomRecord", 'Room'),
    QT_TRANSLATE_NOOP("RoomRecord", 'Date'),
    QT_TRANSLATE_NOOP("RoomRecord", 'Time'),
    QT_TRANSLATE_NOOP("RoomRecord", 'entry closes {entry} · sealed until {sealed}'),
    QT_TRANSLATE_NOOP("RoomRecord", 'Checklist signed'),
    QT_TRANSLATE_NOOP("RoomRecord", 'Room opened / papers collected'),
    QT_TRANSLATE_NOOP("RoomRecord", 'Invigilators'),
    QT_TRANSLATE_NOOP("RoomRecord", 'Attendance'),
    QT_TRANSLATE_NOOP("RoomRecord", 'expected {expected} · present {present} · absent {absent}'),
    QT_TRANSLATE_NOOP("RoomRecord", 'Room record'),
    QT_TRANSLATE_NOOP("RoomRecord", 'Absent candidates'),
    QT_TRANSLATE_NOOP("RoomRecord", 'Admission ticket'),
    QT_TRANSLATE_NOOP("RoomRecord", 'Name'),
    QT_TRANSLATE_NOOP("RoomRecord", 'Seat'),
    QT_TRANSLATE_NOOP("RoomRecord", 'None.'),
    QT_TRANSLATE_NOOP("RoomRecord", 'Refused entries'),
    QT_TRANSLATE_NOOP("RoomRecord", 'Reason'),
    QT_TRANSLATE_NOOP("RoomRecord", 'Incidents'),
    QT_TRANSLATE_NOOP("RoomRecord", 'Category'),
    QT_TRANSLATE_NOOP("RoomRecord", 'Status'),
    QT_TRANSLATE_NOOP("RoomRecord", 'Candidates'),
    QT_TRANSLATE_NOOP("RoomRecord", 'Facts'),
    QT_TRANSLATE_NOOP("RoomRecord", 'Hand-in and leaving'),
    QT_TRANSLATE_NOOP("RoomRecord", 'How'),
    QT_TRANSLATE_NOOP("RoomRecord", 'Signatures'),
    QT_TRANSLATE_NOOP("RoomRecord", 'Chief examiner'),
)


def _hm(moment: datetime | None) -> str:
    return f"{venue_time(moment):%H:%M}" if moment else "—"


def _exit_kind(kind: str) -> str:
    return _t("Emergency exit") if kind == "emergency" else _t("Handed in")


def refusal_reason(code: str) -> str:
    """A refused entry's reason code as the sentence the desk showed (the code itself if unknown)."""
    try:
        return reason_text(Reason(code))
    except ValueError:
        return code


def _status(status: str) -> str:
    return _t("Confirmed") if status == "confirmed" else _t("Draft")


def room_record_html(r: RoomRecord) -> str:
    meta = [
        (_t("Exam"), r.exam_name), (_t("Venue"), r.venue_name),
        (_t("Sitting"), f"{r.sitting_code} {r.subject} · {mode_name(SittingMode(r.mode))}"),
        (_t("Room"), f"{r.room_code} {r.room_name}"),
        (_t("Date"), f"{venue_time(r.starts_at):%Y-%m-%d}"),
        (_t("Time"), f"{_hm(r.starts_at)}–{_hm(r.ends_at)} · " + _t("entry closes {entry} · sealed until {sealed}")
         .format(entry=_hm(r.entry_closes_at), sealed=_hm(r.sealing_ends_at))),
        (_t("Checklist signed"), f"{_hm(r.checklist_signed_at)} {r.checklist_signed_by or ''}"),
        (_t("Room opened / papers collected"), f"{_hm(r.opened_at)} / {_hm(r.collected_at)}"),
        (_t("Invigilators"), "、".join(f"{name}（{number}）" for number, name in r.invigilators) or "—"),
        (_t("Attendance"), _t("expected {expected} · present {present} · absent {absent}").format(
            expected=r.expected, present=r.present, absent=r.absent)),
    ]
    parts = [f"<h1>{escape(_t('Room record'))}</h1>",
             '<table class="meta" width="100%">' + "".join(
                 f"<tr><td width='22%'><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in meta) + "</table>"]
    parts.append(f"<h2>{escape(_t('Absent candidates'))}</h2>")
    parts.append(table([_t("Admission ticket"), _t("Name"), _t("Seat")],
                       [[t, n, str(s)] for t, n, s in r.absentees]) if r.absentees else f"<p>{escape(_t('None.'))}</p>")
    parts.append(f"<h2>{escape(_t('Refused entries'))}</h2>")
    parts.append(table([_t("Time"), _t("Admission ticket"), _t("Name"), _t("Reason")],
                       [[_hm(at), t, n, refusal_reason(reason)] for at, t, n, reason in r.refused])
                 if r.refused else f"<p>{escape(_t('None.'))}</p>")
    parts.append(f"<h2>{escape(_t('Incidents'))}</h2>")
    parts.append(table([_t("Time"), _t("Category"), _t("Status"), _t("Candidates"), _t("Facts")],
                       [[_hm(at), category_label(cat), _status(st), who, facts] for at, cat, st, who, facts in r.incidents])
                 if r.incidents else f"<p>{escape(_t('None.'))}</p>")
    parts.append(f"<h2>{escape(_t('Hand-in and leaving'))}</h2>")
    parts.append(table([_t("Time"), _t("Admission ticket"), _t("Name"), _t("How")],
                       [[_hm(at), t, n, _exit_kind(kind)] for at, t, n, kind in r.hand_ins])
                 if r.hand_ins else f"<p>{escape(_t('None.'))}</p>")
    parts.append(f"<h2>{escape(_t('Signatures'))}</h2>")
    signed = "".join(f"<tr><td>{escape(name)}</td><td>{escape(_hm(at))}</td></tr>" for name, _role, at in r.signatures)
    parts.append(f'<table class="signature" width="100%"><tr><td>{escape(_t("Invigilators"))}：________________'
                 f'</td><td>{escape(_t("Chief examiner"))}：________________</td></tr>{signed}</table>')
    return "".join(parts)


def write_room_record(record: RoomRecord, path: Path) -> Path:
    return write_pdf(room_record_html(record), path, title=_t("Room record") + f" {record.sitting_code}-{record.room_code}")
