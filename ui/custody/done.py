"""Step 4 of the handover wizard: what was recorded, complete or with discrepancy."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services.custody import HandoverResult
from ui.custody.names import summarise
from ui.restyle import restyle


class HandoverDone(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outcome = QLabel(objectName="CustodyOutcome", wordWrap=True)
        self.outcome_detail = QLabel(wordWrap=True)
        self.print_button, self.new_button = QPushButton(objectName="Primary"), QPushButton()
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.new_button)
        buttons.addStretch()
        v = QVBoxLayout(self)
        v.addWidget(self.outcome)
        v.addWidget(self.outcome_detail)
        v.addLayout(buttons)
        v.addStretch()

    def show_result(self, result: HandoverResult) -> None:
        if result.with_discrepancy:
            self.outcome.setText(self.tr("Recorded WITH DISCREPANCY"))
            self.outcome_detail.setText(self.tr("A draft incident was opened for the chief examiner: {lines}").format(
                lines=summarise([(line.barcode, line.problems) for line in result.comparison.discrepancies])))
        else:
            self.outcome.setText(self.tr("Handover recorded"))
            self.outcome_detail.setText(self.tr("{n} packages handed over, every one as expected.").format(
                n=len(result.comparison.lines)))
        self.outcome.setProperty("bad", result.with_discrepancy)
        restyle(self.outcome)

    def retranslate(self) -> None:
        self.print_button.setText(self.tr("Print handover form (PDF)"))
        self.new_button.setText(self.tr("New handover (F2)"))
