"""The translated names of the core's roles and permissions: what a person reads instead of an
internal identifier (in the header, the navigation, and inside error sentences)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from app.domain import Role
from app.security.permissions import Permission


def role_name(role: Role) -> str:
    return {
        Role.CHIEF_EXAMINER: QCoreApplication.translate("Roles", "Chief examiner"),
        Role.DEPUTY: QCoreApplication.translate("Roles", "Deputy chief examiner"),
        Role.INVIGILATOR: QCoreApplication.translate("Roles", "Invigilator"),
        Role.ROVING_INVIGILATOR: QCoreApplication.translate("Roles", "Roving invigilator"),
        Role.SYSTEM_ADMINISTRATOR: QCoreApplication.translate("Roles", "System administrator"),
        Role.SECURITY_STAFF: QCoreApplication.translate("Roles", "Security staff"),
    }[role]


def permission_name(permission: Permission) -> str:
    return {
        Permission.IMPORT_PACKAGE: QCoreApplication.translate("Permissions", "import an exam package"),
        Permission.MANAGE_STAFF: QCoreApplication.translate("Permissions", "manage staff accounts"),
        Permission.CHECK_IN_CANDIDATE: QCoreApplication.translate("Permissions", "check candidates in"),
        Permission.CONFIRM_CHECK: QCoreApplication.translate("Permissions", "confirm a check-in decision"),
        Permission.OPEN_CLOSE_ROOM: QCoreApplication.translate("Permissions", "open and close rooms"),
        Permission.ASSIGN_INVIGILATORS: QCoreApplication.translate("Permissions", "draw the invigilators"),
        Permission.RECORD_INCIDENT: QCoreApplication.translate("Permissions", "record an incident"),
        Permission.CONFIRM_INCIDENT: QCoreApplication.translate("Permissions", "confirm an incident"),
        Permission.SIGN_ROOM_RECORD: QCoreApplication.translate("Permissions", "sign the room record"),
        Permission.CUSTODY_HANDOVER: QCoreApplication.translate("Permissions", "hand over exam papers"),
        Permission.PAPER_ROOM_DUTY: QCoreApplication.translate("Permissions", "stand duty in the secure paper room"),
        Permission.MANAGE_RECORDINGS: QCoreApplication.translate("Permissions", "manage the paper room's recordings"),
        Permission.VIEW_CONTROL_ROOM: QCoreApplication.translate("Permissions", "see the control room"),
        Permission.SYNC_UPLOAD: QCoreApplication.translate("Permissions", "send results to the provincial server"),
        Permission.BACKUP: QCoreApplication.translate("Permissions", "back up or restore the database"),
        Permission.EXPORT: QCoreApplication.translate("Permissions", "export results for a USB stick"),
        Permission.CONFIGURE_DEVICES: QCoreApplication.translate("Permissions", "configure the desk's devices"),
        Permission.VIEW_AUDIT: QCoreApplication.translate("Permissions", "read and verify the audit trail"),
        Permission.SUPPORT_LOGS: QCoreApplication.translate("Permissions", "read the log and export it for support"),
    }[permission]


def readable_params(params: dict[str, Any]) -> dict[str, Any]:
    """`params` with role and permission identifiers replaced by their translated names."""
    out = dict(params)
    for key, value in params.items():
        if key == "role" and value in Role._value2member_map_:
            out[key] = role_name(Role(value))
        elif key in ("action", "permission") and value in Permission._value2member_map_:
            out[key] = permission_name(Permission(value))
    return out
