"""The desk's right-hand column: the room's counters, the entry-closed banner, the recent scans."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QListWidget, QVBoxLayout, QWidget

from app.rules.timing import venue_time
from app.services.checkin import Counters, RecentScan
from ui.checkin.texts import verdict_short


class DeskSide(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="DeskSide")
        self.counter_labels = {k: QLabel(objectName="CounterValue", alignment=Qt.AlignmentFlag.AlignCenter)
                               for k in ("expected", "admitted", "not_yet", "refused")}
        self.counter_names = {k: QLabel(objectName="CounterName", alignment=Qt.AlignmentFlag.AlignCenter)
                              for k in self.counter_labels}
        counters = QGridLayout()
        for col, key in enumerate(self.counter_labels):
            counters.addWidget(self.counter_labels[key], 0, col)
            counters.addWidget(self.counter_names[key], 1, col)
        self.recent_title = QLabel(objectName="SideTitle")
        self.recent = QListWidget(objectName="RecentScans")
        self.recent.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.recent.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.recent.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.closed_banner = QLabel(objectName="ClosedBanner", wordWrap=True)
        self.closed_banner.hide()
        self.column = QVBoxLayout(self)
        self.column.addLayout(counters)
        self.column.addWidget(self.closed_banner)
        self.column.addWidget(self.recent_title)
        self.column.addWidget(self.recent, 1)
        self.retranslate()

    def show_counts(self, counters: Counters, recent: list[RecentScan]) -> None:
        values = {"expected": counters.expected, "admitted": counters.admitted,
                  "not_yet": counters.not_yet, "refused": counters.refused}
        for key, value in values.items():
            self.counter_labels[key].setText(str(value))
        self.recent.clear()
        for r in recent:
            place = f"{r.room_code}-{r.seat_number}" if r.room_code else ""
            self.recent.addItem(f"{venue_time(r.at):%H:%M:%S}  {verdict_short(r)}  {r.name}  {place}")

    def show_closed(self) -> None:
        """Art. 30(二): said once when entry closes (the engine has marked the absences)."""
        self.closed_banner.setText(self.tr("Entry has closed. Candidates not admitted are recorded absent. "
                                           "The attendance sheet is ready."))
        self.closed_banner.show()

    def retranslate(self) -> None:
        names = {"expected": self.tr("Expected"), "admitted": self.tr("Admitted"),
                 "not_yet": self.tr("Not yet"), "refused": self.tr("Refused")}
        for key, label in self.counter_names.items():
            label.setText(names[key])
        self.recent_title.setText(self.tr("Recent"))
