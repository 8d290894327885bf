"""The incident drafts a package revision opens when it deliberately withdraws or moves admitted
candidates (app/package/admitted.py decides which; this opens them, in the import's transaction).
Pass `open_drafts` as `PackageImporter(..., drafts=open_drafts)`."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy.orm import Session

from app.package.admitted import MOVED, UNSEATED, WITHDRAWN, AdmittedChange
from app.package.content import PackageContent
from app.services import audit, incidents


def _facts(change: AdmittedChange, revision: int, reason: str) -> str:
    """The draft's facts, in Chinese: the official record's language."""
    what = {WITHDRAWN: "撤销了该考生", UNSEATED: "将该考生移出本场次",
            MOVED: f"将该考生调至 {change.new_room} 考场"}[change.change]
    return (f"考务数据包第 {revision} 版{what}；该考生已于本场次（{change.sitting}）在 {change.room} 考场入场。"
            f"省级考试机构说明的原因：{reason}。请主考核实并处理。")


def open_drafts(session: Session, changes: list[AdmittedChange], content: PackageContent, revision: int,
                actor: audit.Actor, desk: str, now: datetime) -> list[uuid.UUID]:
    """One incident draft per deliberate change, in the import's transaction."""
    opened = []
    for change in changes:
        incident = incidents.open_draft(session, actor, desk=desk, category="other",
                                        facts=_facts(change, revision, content.deliberate[change.ticket]),
                                        sitting_id=change.sitting_id, room_id=change.room_id,
                                        candidate_ids=[change.candidate_id], now=now)
        opened.append(incident.id)
    return opened
