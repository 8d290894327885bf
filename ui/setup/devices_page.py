"""The set-up wizard's devices page: the readers, scanners and cameras at this desk, each with a live
test. The list and its tests are `ui.devices.editor.DeviceListEditor`, shared with the devices screen."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLabel, QTableWidget

from devices.device_config import DeviceKind
from ui.devices.editor import DeviceListEditor, kind_name
from ui.setup.device_check import DeviceCheck
from ui.setup.finisher import Finisher
from ui.setup.pages import SetupPage


class DevicesPage(SetupPage):
    """Devices at this desk (ID-card readers, scanners, cameras), each with a live test."""

    def __init__(self, finisher: Finisher, joining: Callable[[], bool], timeout_s: float = 30.0) -> None:
        super().__init__()
        self._finisher, self._joining = finisher, joining
        self.editor = DeviceListEditor(self.error, timeout_s)
        self.body.insertWidget(0, self.editor, 1)
        self.finish_layout()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Devices at this desk"))
        self.setSubTitle(self.tr("Add each reader, scanner and camera, then test it: read a card, scan a "
                                 "code, see the picture. Devices can also be added later."))
        self.editor.retranslate()

    # The editor's parts, as the wizard's callers and tests know them.
    @property
    def table(self) -> QTableWidget:
        return self.editor.table

    @property
    def preview(self) -> QLabel:
        return self.editor.preview

    @property
    def timeout_s(self) -> float:
        return self.editor.timeout_s

    @timeout_s.setter
    def timeout_s(self, value: float) -> None:
        self.editor.timeout_s = value

    @property
    def wedge_clock(self) -> Callable[[], float] | None:
        return self.editor.wedge_clock

    @wedge_clock.setter
    def wedge_clock(self, value: Callable[[], float] | None) -> None:
        self.editor.wedge_clock = value

    def kind_name(self, kind: DeviceKind) -> str:
        return kind_name(kind)

    def add_device(self, kind: DeviceKind, name: str = "", source: str = "") -> int:
        return self.editor.add_device(kind, name, source)

    def config_of(self, row: int) -> dict[str, Any]:
        return self.editor.config_of(row)

    def configs(self) -> list[dict[str, Any]]:
        return self.editor.configs()

    def result_text(self, row: int) -> str:
        return self.editor.result_text(row)

    def test_row(self, row: int) -> DeviceCheck | None:
        return self.editor.test_row(row)

    def stop_checks(self) -> None:
        self.editor.stop_checks()

    def validatePage(self) -> bool:
        if not self.editor.validate("set-up"):
            return False
        self.stop_checks()
        return self._finisher.finish(self) if self._joining() else True

    def nextId(self) -> int:
        """A desk joining a database that is set up already enrols no chief: this page is the last."""
        return -1 if self._joining() else super().nextId()
