"""The screens of the main window, who sees them, and which are not built yet.

A screen that does not exist yet says so plainly: no fake content.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.domain import Role

ALL_ROLES = frozenset(Role)
LEADERS = frozenset({Role.CHIEF_EXAMINER, Role.DEPUTY})


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
    }[key]


# Order is the navigation order. Roles follow art. 18 and need-to-know (art. 47–48).
SCREEN_ROLES: tuple[tuple[str, frozenset[Role]], ...] = (
    ("overview", ALL_ROLES),
    ("checkin", LEADERS | {Role.INVIGILATOR, Role.ROVING_INVIGILATOR}),
    ("control", LEADERS),
    ("timer", LEADERS | {Role.INVIGILATOR}),
    ("incidents", LEADERS | {Role.INVIGILATOR, Role.ROVING_INVIGILATOR}),
    ("room_record", frozenset({Role.INVIGILATOR})),  # arts. 23, 40: the room's invigilators sign its record
    ("custody", LEADERS | {Role.SECURITY_STAFF}),
    ("paper_room", LEADERS | {Role.SECURITY_STAFF}),
    ("sync", {Role.CHIEF_EXAMINER, Role.SYSTEM_ADMINISTRATOR}),
    ("devices", {Role.CHIEF_EXAMINER, Role.SYSTEM_ADMINISTRATOR}),
    ("audit", LEADERS | {Role.SYSTEM_ADMINISTRATOR}),
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
