"""A device's health in plain words. The driver's own detail ("port /dev/ttyUSB0 disappeared") is
English for technicians: it goes to the log and a tooltip, never into the sentence a desk reads."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from devices.base import DeviceState, DeviceStatus
from devices.idcard.events import ReaderProblem, ReaderStatus

log = logging.getLogger(__name__)


def state_text(status: DeviceStatus) -> str:
    if status.state is not DeviceState.CONNECTED and status.detail:
        log.info("device %s (%s) %s: %s", status.name, status.kind, status.state.value, status.detail)
    if isinstance(status, ReaderStatus) and status.problem in _PROBLEMS:
        return _PROBLEMS[status.problem]()
    texts = {
        DeviceState.CONNECTED: QCoreApplication.translate("DeviceState", "connected"),
        DeviceState.CONNECTING: QCoreApplication.translate("DeviceState", "connecting…"),
        DeviceState.DISCONNECTED: QCoreApplication.translate(
            "DeviceState", "not connected: check its cable and that it is switched on"),
        DeviceState.FAILED: QCoreApplication.translate("DeviceState", "not working: the technician's log says why"),
        DeviceState.STOPPED: QCoreApplication.translate("DeviceState", "switched off in this program"),
    }
    return texts[status.state]


_PROBLEMS = {
    ReaderProblem.LIBRARY_MISSING: lambda: QCoreApplication.translate(
        "DeviceState", "not working: its vendor library is not at the path in the settings"),
    ReaderProblem.NOT_A_LIBRARY: lambda: QCoreApplication.translate(
        "DeviceState", "not working: the file in the settings is not a library this PC can load"),
    ReaderProblem.WRONG_ARCHITECTURE: lambda: QCoreApplication.translate(
        "DeviceState", "not working: its vendor library is built for another kind of PC (32/64-bit or "
        "another system); install the vendor's library for this PC"),
    ReaderProblem.MISSING_SYMBOL: lambda: QCoreApplication.translate(
        "DeviceState", "not working: the library in the settings is not the vendor's reader (sdtapi) library"),
}
"""Problems the technician's log would not help with: the settings point at the wrong file."""
