"""A4 PDF from simple HTML, typeset by Qt (correct Chinese line breaking once a CJK font is
installed). The one place every printable record (attendance sheet, room record, handover
form) is written; each report builds its own HTML from core data."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

BASE_CSS = """
body { font-size: 10.5pt; }
h1 { font-size: 16pt; text-align: center; margin-bottom: 4pt; }
h2 { font-size: 12pt; margin-top: 10pt; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #000; padding: 3pt 5pt; }
th { background: #e8e8e8; }
.meta td { border: none; padding: 1pt 4pt; }
.signature td { border: none; padding-top: 24px; }
.sheet td { font-size: 9.5pt; padding-top: 6px; padding-bottom: 6px; }
.sheet th { font-size: 9.5pt; }
"""


def table(headers: list[str], rows: list[list[str]], *, widths: list[int] | None = None,
          css_class: str = "") -> str:
    """An HTML table with every cell escaped, its header row repeated on each page; `widths`: each
    column's share of the page in percent."""
    sizes = [f' width="{w}%"' for w in widths] if widths else [""] * len(headers)
    head = "".join(f"<th{size}>{escape(h)}</th>" for h, size in zip(headers, sizes, strict=True))
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    klass = f' class="{css_class}"' if css_class else ""
    return f'<table{klass} cellspacing="0" width="100%"><thead><tr>{head}</tr></thead>{body}</table>'


def write_pdf(html_body: str, path: Path, *, title: str) -> Path:
    """Write `html_body` (trusted markup: escape user data with `table` or `html.escape`) as A4."""
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("Venue Ops")
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(15, 15, 15, 15))
    )
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)  # lay out at the page's resolution, not the screen's
    doc.setDefaultStyleSheet(BASE_CSS)
    doc.setDefaultFont(QFont("Noto Sans CJK SC", 10))
    doc.setHtml(f"<html><body>{html_body}</body></html>")
    rect = writer.pageLayout().paintRectPixels(writer.resolution())
    doc.setPageSize(QSizeF(rect.width(), rect.height()))
    doc.print_(writer)
    del writer  # the file is complete once the writer is gone
    return path
