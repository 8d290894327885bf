"""A device's health in plain words. The driver's own detail ("port /dev/ttyUSB0 disappeared") is
English for technicians: it goes to the log and a tooltip, never into the sentence a desk reads."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from devices.base import DeviceState, DeviceStatus

log = logging.getLogger(__name__)


def state_text(status: DeviceStatus) -> str:
    if status.state is not DeviceState.CONNECTED and status.detail:
        log.info("device %s (%s) %s: %s", status.name, status.kind, status.state.value, status.detail)
    texts = {
        DeviceState.CONNECTED: QCoreApplication.translate("DeviceState", "connected"),
        DeviceState.CONNECTING: QCoreApplication.translate("DeviceState", "connecting…"),
        DeviceState.DISCONNECTED: QCoreApplication.translate(
            "DeviceState", "not connected: check its cable and that it is switched on"),
        DeviceState.FAILED: QCoreApplication.translate("DeviceState", "not working: the technician's log says why"),
        DeviceState.STOPPED: QCoreApplication.translate("DeviceState", "switched off in this program"),
    }
    return texts[status.state]
