"""The printable handover form (试卷交接单): route, sitting, every package with its count and seal
check, and both sides' names and confirmation times. Written by the shared `ui.reports.pdf`."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.rules.timing import venue_time
from app.services.custody_reads import HandoverRecord
from ui.custody.names import kind_name, place_name, problem_name
from ui.reports.pdf import table, write_pdf


def _labels() -> dict[str, str]:
    return {
        "title": QCoreApplication.translate("HandoverForm", "Paper handover form"),
        "from": QCoreApplication.translate("HandoverForm", "From"),
        "to": QCoreApplication.translate("HandoverForm", "To"),
        "sitting": QCoreApplication.translate("HandoverForm", "Sitting"),
        "time": QCoreApplication.translate("HandoverForm", "Time"),
        "result": QCoreApplication.translate("HandoverForm", "Result"),
        "recorded_by": QCoreApplication.translate("HandoverForm", "Recorded by"),
        "packages": QCoreApplication.translate("HandoverForm", "Packages"),
        "confirmed": QCoreApplication.translate("HandoverForm", "Confirmed with personal credentials (art. 22(四))"),
        "id": QCoreApplication.translate("HandoverForm", "Handover id"),
        "complete": QCoreApplication.translate("HandoverForm", "complete"),
        "with_discrepancy": QCoreApplication.translate("HandoverForm", "with discrepancy"),
        "intact": QCoreApplication.translate("HandoverForm", "intact"),
        "broken": QCoreApplication.translate("HandoverForm", "broken"),
        "ok": QCoreApplication.translate("HandoverForm", "OK"),
        "giving": QCoreApplication.translate("HandoverForm", "Giving"),
        "receiving": QCoreApplication.translate("HandoverForm", "Receiving"),
    }


def _package_headers() -> list[str]:
    return [QCoreApplication.translate("HandoverForm", "Barcode"), QCoreApplication.translate("HandoverForm", "Kind"), QCoreApplication.translate("HandoverForm", "Expected"),
            QCoreApplication.translate("HandoverForm", "Counted"), QCoreApplication.translate("HandoverForm", "Seal number"), QCoreApplication.translate("HandoverForm", "Seal"),
            QCoreApplication.translate("HandoverForm", "Check")]


def _signer_headers() -> list[str]:
    return [QCoreApplication.translate("HandoverForm", "Side"), QCoreApplication.translate("HandoverForm", "Staff number"), QCoreApplication.translate("HandoverForm", "Name"),
            QCoreApplication.translate("HandoverForm", "Confirmed at"), QCoreApplication.translate("HandoverForm", "Signature")]


def handover_form_html(record: HandoverRecord) -> str:
    t = {k: escape(v) for k, v in _labels().items()}
    when = venue_time(record.at)
    rows = [
        [line.barcode, kind_name(line.kind), "" if line.expected_count is None else str(line.expected_count),
         "" if line.counted is None else str(line.counted), line.seal_number,
         "" if line.seal_intact is None else (_labels()["intact"] if line.seal_intact else _labels()["broken"]),
         ", ".join(problem_name(p) for p in line.problems) or _labels()["ok"]]
        for line in record.lines
    ]
    signers = [
        [_labels()[s.side], s.staff_number, s.name, f"{venue_time(s.confirmed_at):%Y-%m-%d %H:%M:%S}", ""]
        for s in record.signers
    ]
    half = '<td width="50%">'
    return "".join([
        f"<h1>{t['title']}</h1>",
        '<table class="meta" width="100%">',
        f"<tr>{half}{t['from']}: {escape(place_name(record.from_place))}</td>"
        f"{half}{t['to']}: {escape(place_name(record.to_place))}</td></tr>",
        f"<tr>{half}{t['sitting']}: {escape(record.sitting)}</td>{half}{t['time']}: {when:%Y-%m-%d %H:%M:%S}</td></tr>",
        f"<tr>{half}{t['result']}: {t[record.status] if record.status in t else escape(record.status)}</td>"
        f"{half}{t['recorded_by']}: {escape(record.recorded_by)} · {escape(record.desk)}</td></tr>",
        "</table>",
        f"<h2>{t['packages']}</h2>",
        table(_package_headers(), rows),
        f"<h2>{t['confirmed']}</h2>",
        table(_signer_headers(), signers),
        f"<p>{t['id']}: {escape(str(record.id))}</p>",
    ])


def write_handover_form(record: HandoverRecord, directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    name = f"handover-{venue_time(record.at):%Y%m%d-%H%M%S}-{str(record.id)[:8]}.pdf"
    return write_pdf(handover_form_html(record), directory / name, title=_labels()["title"])
