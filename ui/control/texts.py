"""Words for the control room and timer view: phases, alerts, countdowns (translated)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from app.rules.lifecycle import Phase
from app.services.control import Alert
from ui.durations import duration


def phase_name(phase: Phase) -> str:
    return {
        Phase.PENDING: QCoreApplication.translate("Phases", "Checklist pending"),
        Phase.READY: QCoreApplication.translate("Phases", "Ready to open"),
        Phase.OPEN: QCoreApplication.translate("Phases", "Open"),
        Phase.STARTED: QCoreApplication.translate("Phases", "In progress"),
        Phase.ENTRY_CLOSED: QCoreApplication.translate("Phases", "Entry closed"),
        Phase.SEALING_ENDED: QCoreApplication.translate("Phases", "Hand-in allowed"),
        Phase.ENDED: QCoreApplication.translate("Phases", "Ended"),
        Phase.COLLECTED: QCoreApplication.translate("Phases", "Papers collected"),
        Phase.SIGNED: QCoreApplication.translate("Phases", "Record signed"),
    }[phase]


def elapsed(seconds: float) -> str:
    """How long ago, as a duration ("12 分 5 秒"): "12:05" would read as a time of day."""
    return duration(seconds)


def alert_text(alert: Alert, now: datetime, category_label: str = "") -> str:
    room = alert.room_code
    if alert.kind == "report_now":
        since = elapsed((now - alert.since).total_seconds()) if alert.since else ""
        return QCoreApplication.translate("Alerts", "REPORT NOW · room {room} · {category} · not reported for {since}").format(
            room=room or "-", category=category_label or alert.category, since=since)
    if alert.kind == "checklist_missing":
        return QCoreApplication.translate("Alerts", "Room {room}: pre-exam checklist not signed off").format(room=room)
    if alert.kind == "not_opened":
        return QCoreApplication.translate("Alerts", "Room {room}: checklist done, room not opened yet").format(room=room)
    if alert.kind == "invigilators_short":
        return QCoreApplication.translate("Alerts", "Room {room}: {count} invigilators assigned, at least 2 needed").format(
            room=room, count=alert.count)
    if alert.kind == "incident_draft":
        return QCoreApplication.translate("Alerts", "Room {room}: {count} incidents waiting for confirmation").format(
            room=room, count=alert.count)
    if alert.kind == "clock_jump":
        return QCoreApplication.translate("Alerts", "The computer's clock was changed by {seconds} s; timers kept their time").format(
            seconds=alert.count)
    return f"{alert.kind} {room}"
