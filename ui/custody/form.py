"""The printable handover form (试卷交接单): route, sitting, every package with its count and seal
check, and both sides' names and confirmation times. Written by the shared `ui.reports.pdf`."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.rules.timing import venue_time
from app.services.custody import HandoverRecord
from ui.custody.names import kind_name, place_name, problem_name
from ui.reports.pdf import table, write_pdf


def _t(text: str) -> str:
    return QCoreApplication.translate("HandoverForm", text)


def handover_form_html(record: HandoverRecord) -> str:
    when = venue_time(record.at)
    status = _t("with discrepancy") if record.status == "with_discrepancy" else _t("complete")
    rows = [
        [line.barcode, kind_name(line.kind), str(line.expected_count if line.expected_count is not None else ""),
         "" if line.counted is None else str(line.counted), line.seal_number,
         "" if line.seal_intact is None else (_t("intact") if line.seal_intact else _t("broken")),
         ", ".join(problem_name(p) for p in line.problems) or _t("OK")]
        for line in record.lines
    ]
    signers = [
        [_t("Giving") if s.side == "giving" else _t("Receiving"), s.staff_number, s.name,
         f"{venue_time(s.confirmed_at):%Y-%m-%d %H:%M:%S}", ""]
        for s in record.signers
    ]
    return "".join([
        f"<h1>{escape(_t('Paper handover form'))}</h1>",
        '<table class="meta">',
        f"<tr><td>{escape(_t('From'))}: {escape(place_name(record.from_place))}</td>"
        f"<td>{escape(_t('To'))}: {escape(place_name(record.to_place))}</td></tr>",
        f"<tr><td>{escape(_t('Sitting'))}: {escape(record.sitting)}</td>"
        f"<td>{escape(_t('Time'))}: {when:%Y-%m-%d %H:%M:%S}</td></tr>",
        f"<tr><td>{escape(_t('Result'))}: {escape(status)}</td>"
        f"<td>{escape(_t('Recorded by'))}: {escape(record.recorded_by)} · {escape(record.desk)}</td></tr>",
        "</table>",
        f"<h2>{escape(_t('Packages'))}</h2>",
        table([_t("Barcode"), _t("Kind"), _t("Expected"), _t("Counted"), _t("Seal number"), _t("Seal"),
               _t("Check")], rows),
        f"<h2>{escape(_t('Confirmed with personal credentials (art. 22(四))'))}</h2>",
        table([_t("Side"), _t("Staff number"), _t("Name"), _t("Confirmed at"), _t("Signature")], signers),
        f"<p>{escape(_t('Handover id'))}: {escape(str(record.id))}</p>",
    ])


def write_handover_form(record: HandoverRecord, directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    name = f"handover-{venue_time(record.at):%Y%m%d-%H%M%S}-{str(record.id)[:8]}.pdf"
    return write_pdf(handover_form_html(record), directory / name, title=_t("Paper handover form"))
