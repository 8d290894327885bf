"""The desk's health line: each reader and scanner, and the database, with a coloured dot."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from devices.base import DeviceState, DeviceStatus
from ui.devices.state_text import state_text


def _dot(what: str, ok: bool, state: str) -> str:
    colour = "#1a7f37" if ok else "#b42318"
    return f'{escape(what)} <span style="color:{colour}">●</span> {escape(state)}'


class DeskHealth(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="DeskHealth", textFormat=Qt.TextFormat.RichText)
        self._devices: dict[str, DeviceStatus] = {}
        self.database_ok = True

    def device_status(self, status: DeviceStatus) -> None:
        self._devices[status.name] = status
        self.retranslate()

    def database(self, ok: bool) -> None:
        self.database_ok = ok
        self.retranslate()

    def retranslate(self) -> None:
        parts = []
        for status in sorted(self._devices.values(), key=lambda s: s.kind):
            ok = status.state is DeviceState.CONNECTED
            what = self.tr("ID-card reader") if status.kind in ("idcard", "idcard-sdk") else self.tr("Ticket scanner")
            parts.append(_dot(what, ok, state_text(status)))
        db, ok = self.tr("Database"), self.database_ok
        parts.append(_dot(db, ok, self.tr("working") if ok else self.tr("cannot be reached")))
        self.setText("&nbsp;&nbsp;&nbsp;".join(parts))
        self.setToolTip("\n".join(f"{s.name}: {s.detail}" for s in self._devices.values() if s.detail))
