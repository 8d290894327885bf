"""Connects the incident log screen to the core (used by ui/control/wiring.py)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from app.bootstrap import Core
from app.security.auth import StaffSession
from app.security.permissions import Permission
from app.security.two_person import TwoPersonRule
from app.services import control, incidents
from ui.incidents.screen import IncidentActions, IncidentLogScreen
from ui.runner import OpRunner


def incident_actions(core: Core, user: StaffSession, clock: Callable[[], datetime]) -> IncidentActions:
    def write(fn: Callable[[Any], object]) -> object:
        with core.sessions() as s, s.begin():
            return fn(s)

    def refused(iid: uuid.UUID, cid: uuid.UUID, number: str, credential: str, note: str) -> object:
        witnesses = TwoPersonRule(core.auth).confirm(user, number, credential, Permission.RECORD_INCIDENT,
                                                     action=incidents.REFUSAL_ACTION, entity=(iid, cid))
        return write(lambda s: incidents.record_refusal(s, witnesses, iid, cid, note=note, now=clock()))

    def new(room: str, tickets: list[str], category: str, facts: str, action: str) -> object:
        def run(s: Any) -> object:
            sitting = control.current_sitting(s, clock())
            return incidents.record_new(s, user, category=category, facts=facts, action_taken=action,
                                        sitting_id=sitting.id if sitting else None, room_code=room, tickets=tickets,
                                        now=clock())

        return write(run)

    evidence_dir = core.settings.data_dir / "evidence"
    return IncidentActions(
        complete=lambda iid, cat, facts, action: write(lambda s: incidents.complete(
            s, user, iid, category=cat, facts=facts, action_taken=action, now=clock())),
        signed=lambda iid, cid: write(lambda s: incidents.record_signature(s, user, iid, cid, now=clock())),
        refused=refused,
        confirm=lambda iid: write(lambda s: incidents.confirm(s, user, iid, now=clock())),
        amend=lambda iid, changes, reason: write(lambda s: incidents.amend(s, user, iid, changes, reason, now=clock())),
        reported=lambda iid, via, to: write(lambda s: incidents.mark_reported(s, user, iid, via=via, to=to, now=clock())),
        add_file=lambda iid, path: write(lambda s: incidents.add_evidence(s, user, iid, Path(path), evidence_dir,
                                                                          now=clock())),
        new=new,
    )


def build(core: Core, runner: OpRunner, user: StaffSession, clock: Callable[[], datetime]) -> IncidentLogScreen:
    def load() -> list[incidents.IncidentLine]:
        with core.sessions() as s:
            return incidents.incident_log(s)

    return IncidentLogScreen(runner, load, clock, incident_actions(core, user, clock))
