from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from ui.reports.pdf import table, write_pdf


def test_a4_pdf_with_chinese_text_and_escaped_cells(qapp: QApplication, tmp_path: Path) -> None:
    out = write_pdf("<h1>考场情况记录</h1>" + table(["姓名", "备注"], [["王芳", "<b>not markup</b>"]]),
                    tmp_path / "r.pdf", title="考场情况记录")
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and b"/MediaBox [0 0 595" in data  # A4 in points
    assert b"<b>not markup</b>" not in data
