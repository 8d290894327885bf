"""Builds the custody screen from a `CustodyService` for one signed-in staff member."""

from __future__ import annotations

from pathlib import Path

from app.bootstrap import Core
from app.security.auth import StaffSession
from app.services.custody import CustodyService
from ui.custody.actions import CustodyActions
from ui.custody.screen import CustodyOverview, CustodyScreen
from ui.devices.bridge import DeviceBridge
from ui.runner import OpRunner


def custody_actions(service: CustodyService, user: StaffSession) -> CustodyActions:
    return CustodyActions(
        expected=service.expected,
        lookup=service.lookup,
        sign=lambda number, credential, side: service.sign(user.desk, number, credential, side),
        record=lambda draft, givers, receivers: service.record_handover(user, draft, givers, receivers),
        record_of=service.handover,
        sittings=service.sittings,
        rooms=service.places_in_use,
    )


def custody_screen(runner: OpRunner, service: CustodyService, user: StaffSession, reports_dir: Path,
                   bridge: DeviceBridge | None = None) -> CustodyScreen:
    def overview() -> CustodyOverview:
        return CustodyOverview(service.alerts(), service.handovers(limit=20))

    return CustodyScreen(runner, custody_actions(service, user), overview, lambda: service.reconcile(user),
                         service.chain, reports_dir, bridge)


def from_core(core: Core, runner: OpRunner, user: StaffSession, bridge: DeviceBridge | None = None) -> CustodyScreen:
    """The composition root's one call: the screen over the core's database, auth and clock; scans
    from the desk's scanners (serial or camera) arrive through `bridge`."""
    service = CustodyService(core.sessions, core.clock, core.auth)
    return custody_screen(runner, service, user, core.settings.data_dir / "reports", bridge)
