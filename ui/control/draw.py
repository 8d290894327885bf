"""The random invigilator draw from the control room (art. 19, 49): the second person's
credential, a reason when it is a redraw; the refusal explained room by room; the printable sheet."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from app.rules.assignment import AssignmentImpossible, RoomProblem
from app.rules.timing import venue_time
from app.services.assignment import DrawSheet
from ui.reports.pdf import table, write_pdf


def _t(text: str) -> str:
    return QCoreApplication.translate("Draw", text)


# Every text `_t` translates, listed for Qt Linguist (lupdate reads literals, not `_t(...)`).
_SOURCES = (
    QT_TRANSLATE_NOOP("Draw", 'Room {room}: no eligible invigilator with computer skills is free of declared relations'),
    QT_TRANSLATE_NOOP("Draw", 'Room {room}: only {available} eligible invigilators are free of declared relations'),
    QT_TRANSLATE_NOOP("Draw", 'Room {room}: not enough invigilators left for it once the other rooms are staffed'),
    QT_TRANSLATE_NOOP("Draw", 'The draw is impossible; nothing was relaxed:'),
    QT_TRANSLATE_NOOP("Draw", 'not an invigilator'),
    QT_TRANSLATE_NOOP("Draw", 'deactivated'),
    QT_TRANSLATE_NOOP("Draw", 'volunteer or public recruit (art. 20(二))'),
    QT_TRANSLATE_NOOP("Draw", 'Sitting'),
    QT_TRANSLATE_NOOP("Draw", 'Drawn'),
    QT_TRANSLATE_NOOP("Draw", '{at} by {by}, confirmed by {second}'),
    QT_TRANSLATE_NOOP("Draw", 'Seed'),
    QT_TRANSLATE_NOOP("Draw", 'Inputs (SHA-256)'),
    QT_TRANSLATE_NOOP("Draw", 'Re-run from the record'),
    QT_TRANSLATE_NOOP("Draw", 'gives the same result'),
    QT_TRANSLATE_NOOP("Draw", 'DIFFERS'),
    QT_TRANSLATE_NOOP("Draw", 'Redraw reason'),
    QT_TRANSLATE_NOOP("Draw", '{reason} ({count} earlier draws kept)'),
    QT_TRANSLATE_NOOP("Draw", 'Invigilator assignment'),
    QT_TRANSLATE_NOOP("Draw", 'Rooms'),
    QT_TRANSLATE_NOOP("Draw", 'Room'),
    QT_TRANSLATE_NOOP("Draw", 'Invigilators (★ computer skills)'),
    QT_TRANSLATE_NOOP("Draw", 'Reserve'),
    QT_TRANSLATE_NOOP("Draw", 'Not in the draw'),
    QT_TRANSLATE_NOOP("Draw", 'Staff number'),
    QT_TRANSLATE_NOOP("Draw", 'Name'),
    QT_TRANSLATE_NOOP("Draw", 'Why'),
)


class DrawDialog(QDialog):
    def __init__(self, redraw: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Redraw invigilators") if redraw else self.tr("Draw invigilators"))
        self.number = QLineEdit()
        self.credential = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.reason = QLineEdit()
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Art. 19: rooms are drawn at random; a second person confirms (art. 42).")))
        form.addRow(self.tr("Second person's staff number"), self.number)
        form.addRow(self.tr("Second person's credential"), self.credential)
        if redraw:
            form.addRow(self.tr("Reason for the redraw"), self.reason)
        form.addRow(box)

    def values(self) -> tuple[str, str, str]:
        return self.number.text(), self.credential.text(), self.reason.text()


def problem_text(p: RoomProblem) -> str:
    if p.reason == "no_computer_skills":
        return _t("Room {room}: no eligible invigilator with computer skills is free of declared relations").format(
            room=p.room)
    if p.reason == "too_few_free":
        return _t("Room {room}: only {available} eligible invigilators are free of declared relations").format(
            room=p.room, available=p.available)
    return _t("Room {room}: not enough invigilators left for it once the other rooms are staffed").format(room=p.room)


def impossible_text(exc: AssignmentImpossible) -> str:
    return "\n".join([_t("The draw is impossible; nothing was relaxed:")] + [problem_text(p) for p in exc.problems])


def exclusion_text(code: str) -> str:
    return {
        "not_invigilator": _t("not an invigilator"),
        "inactive": _t("deactivated"),
        "ineligible_employer": _t("volunteer or public recruit (art. 20(二))"),
    }.get(code, code)


def draw_sheet_html(d: DrawSheet) -> str:
    meta = [
        (_t("Sitting"), f"{d.sitting_code} {d.subject} · {venue_time(d.starts_at):%Y-%m-%d %H:%M}"),
        (_t("Drawn"), _t("{at} by {by}, confirmed by {second}").format(
            at=f"{venue_time(d.drawn_at):%Y-%m-%d %H:%M:%S}", by=d.drawn_by, second=d.confirmed_by)),
        (_t("Seed"), d.seed),
        (_t("Inputs (SHA-256)"), d.inputs_sha256),
        (_t("Re-run from the record"), _t("gives the same result") if d.reproduces else _t("DIFFERS")),
    ]
    if d.reason:
        meta.append((_t("Redraw reason"), _t("{reason} ({count} earlier draws kept)").format(
            reason=d.reason, count=d.earlier_draws)))
    rows = [[room, "、".join(f"{name}（{number}）{'★' if skills else ''}" for number, name, skills in people)]
            for room, people in d.rooms]
    parts = [f"<h1>{escape(_t('Invigilator assignment'))}</h1>",
             '<table class="meta" width="100%">' + "".join(
                 f"<tr><td width='22%'><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in meta) + "</table>",
             f"<h2>{escape(_t('Rooms'))}</h2>", table([_t("Room"), _t("Invigilators (★ computer skills)")], rows)]
    if d.reserve:
        parts += [f"<h2>{escape(_t('Reserve'))}</h2>",
                  f"<p>{escape('、'.join(f'{n}（{k}）' for k, n in d.reserve))}</p>"]
    if d.excluded:
        parts += [f"<h2>{escape(_t('Not in the draw'))}</h2>",
                  table([_t("Staff number"), _t("Name"), _t("Why")],
                        [[k, n, exclusion_text(why)] for k, n, why in d.excluded if why != "not_invigilator"])]
    return "".join(parts)


def write_draw_sheet(sheet: DrawSheet, path: Path) -> Path:
    return write_pdf(draw_sheet_html(sheet), path, title=_t("Invigilator assignment") + f" {sheet.sitting_code}")
