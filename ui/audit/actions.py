"""What an audit event's action is about, in words: its family (the part before the first dot).
The action itself ("checkin.admit") is the record's own text, kept beside it as the trail and its
exports hold it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

FAMILIES = ("checkin", "incident", "custody", "paper_room", "room", "room_record", "assignment", "auth", "staff",
            "package", "sync", "outbox", "db", "audit", "venue", "clock", "engine", "settings", "demo")


def family_label(family: str) -> str:
    return {
        "checkin": QCoreApplication.translate("AuditActions", "Check-in"),
        "incident": QCoreApplication.translate("AuditActions", "Incidents"),
        "custody": QCoreApplication.translate("AuditActions", "Paper custody"),
        "paper_room": QCoreApplication.translate("AuditActions", "Secure paper room"),
        "room": QCoreApplication.translate("AuditActions", "Exam rooms"),
        "room_record": QCoreApplication.translate("AuditActions", "Room records"),
        "assignment": QCoreApplication.translate("AuditActions", "Invigilator assignment"),
        "auth": QCoreApplication.translate("AuditActions", "Sign-in"),
        "staff": QCoreApplication.translate("AuditActions", "Staff"),
        "package": QCoreApplication.translate("AuditActions", "Exam packages"),
        "sync": QCoreApplication.translate("AuditActions", "Provincial sync"),
        "outbox": QCoreApplication.translate("AuditActions", "Records queued for the province"),
        "db": QCoreApplication.translate("AuditActions", "Database and backups"),
        "audit": QCoreApplication.translate("AuditActions", "Audit trail"),
        "venue": QCoreApplication.translate("AuditActions", "Venue set-up"),
        "clock": QCoreApplication.translate("AuditActions", "Venue clock"),
        "engine": QCoreApplication.translate("AuditActions", "Venue clock"),
        "settings": QCoreApplication.translate("AuditActions", "Settings"),
        "demo": QCoreApplication.translate("AuditActions", "Demonstration"),
    }.get(family) or QCoreApplication.translate("AuditActions", "Other")


def action_text(action: str) -> str:
    """"检录 · checkin.admit": the family in words, then the action as recorded."""
    return f"{family_label(action.split('.', 1)[0])} · {action}"
