"""The screens of the main window, who sees them, and which are not built yet.

A screen that does not exist yet says so plainly: no fake content.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.domain import Role
from app.security.permissions import Permission, allowed_roles

ALL_ROLES = frozenset(Role)


@dataclass(frozen=True)
class ScreenSpec:
    key: str
    roles: frozenset[Role]
    factory: Callable[[], QWidget] | None = None

    def title(self) -> str:
        return screen_title(self.key)


def screen_title(key: str) -> str:
    return {
        "overview": QCoreApplication.translate("Screens", "Exam overview"),
        "checkin": QCoreApplication.translate("Screens", "Check-in desk"),
        "control": QCoreApplication.translate("Screens", "Control room"),
        "timer": QCoreApplication.translate("Screens", "Timer view"),
        "incidents": QCoreApplication.translate("Screens", "Incidents"),
        "room_record": QCoreApplication.translate("Screens", "My room records"),
        "custody": QCoreApplication.translate("Screens", "Paper custody"),
        "paper_room": QCoreApplication.translate("Screens", "Secure paper room"),
        "sync": QCoreApplication.translate("Screens", "Provincial sync"),
        "devices": QCoreApplication.translate("Screens", "Devices"),
        "audit": QCoreApplication.translate("Screens", "Audit trail"),
        "logs": QCoreApplication.translate("Screens", "Program log"),
    }[key]


# Order is the navigation order. A screen is shown to the roles the one permission table gives
# its permission (None: everyone signed in), so the GUI offers only what a role may do; the
# services check the same table again.
SCREEN_PERMISSIONS: tuple[tuple[str, Permission | None], ...] = (
    ("overview", None),
    ("checkin", Permission.CHECK_IN_CANDIDATE),
    ("control", Permission.VIEW_CONTROL_ROOM),
    ("timer", Permission.SIGN_ROOM_RECORD),  # the room's invigilators and the command keep its times
    ("incidents", Permission.RECORD_INCIDENT),
    ("room_record", Permission.SIGN_ROOM_RECORD),  # arts. 23, 40: the room's invigilators sign its record
    ("custody", Permission.CUSTODY_HANDOVER),
    ("paper_room", Permission.PAPER_ROOM_DUTY),
    ("sync", Permission.SYNC_UPLOAD),
    ("devices", Permission.CONFIGURE_DEVICES),
    ("audit", Permission.VIEW_AUDIT),
    ("logs", Permission.SUPPORT_LOGS),
)
# A screen may be offered to fewer roles than its permission allows, never more: the leaders sign
# room records from the control room, so "My room records" is the invigilators' own.
NARROWED: dict[str, frozenset[Role]] = {"room_record": frozenset({Role.INVIGILATOR})}
SCREEN_ROLES: tuple[tuple[str, frozenset[Role]], ...] = tuple(
    (key, (ALL_ROLES if permission is None else allowed_roles(permission)) & NARROWED.get(key, ALL_ROLES))
    for key, permission in SCREEN_PERMISSIONS
)


def screens_for(role: Role, factories: dict[str, Callable[[], QWidget]]) -> list[ScreenSpec]:
    return [ScreenSpec(key, frozenset(roles), factories.get(key)) for key, roles in SCREEN_ROLES if role in roles]


class NotYetAvailable(QWidget):
    """Stands in for a screen that a later release brings."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._key = key
        self.title = QLabel(objectName="ScreenTitle")
        self.body = QLabel(objectName="NotYet", wordWrap=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 32, 40, 32)
        layout.addWidget(self.title)
        layout.addSpacing(16)
        layout.addWidget(self.body)
        layout.addStretch()
        self.body.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(screen_title(self._key))
        self.body.setText(self.tr("This screen is not available in this version yet."))
