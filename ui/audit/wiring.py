"""Builds the audit trail screen from the core (the composition's one line for it)."""

from __future__ import annotations

from app.bootstrap import Core
from app.security.auth import StaffSession
from app.security.permissions import permissions_of
from app.services.audit_trail import AuditTrailService
from ui.audit.screen import AuditActions, AuditTrailScreen
from ui.runner import OpRunner


def from_core(core: Core, runner: OpRunner, user: StaffSession) -> AuditTrailScreen:
    """The screen acts for `user`; every call checks VIEW_AUDIT (exports EXPORT) in app."""
    trail = AuditTrailService(core.sessions, core.clock, core.desk)
    actions = AuditActions(
        size=lambda q: trail.size(user, q),
        block=lambda q, offset, limit, first: trail.block(user, q, offset, limit, first),
        verify=lambda progress: trail.verify(user, progress),
        export_csv=lambda q, path: trail.export_csv(user, q, path),
        export_lines=lambda q, path: trail.export_lines(user, q, path),
    )
    return AuditTrailScreen(runner, actions, permissions_of(user.role), core.clock)
