"""The hash-chained audit trail (art. 42, 43)."""

from __future__ import annotations

import uuid

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from app.db.models import AuditEvent
from app.db.types import utcnow
from app.services import audit

CHIEF = audit.Actor(uuid.uuid4(), "主考 王", "chief_examiner")
DEPUTY = audit.Actor(uuid.uuid4(), "副主考 李", "deputy")


def _write_three(engine: Engine) -> None:
    with Session(engine) as s, s.begin():
        audit.record(s, CHIEF, "room.open", "room", "07", desk="office", now=utcnow())
        audit.record(s, CHIEF, "candidate.change_requested", "candidate", "c1", desk="office",
                     before={"name": "王芳", "document_number": "11010219781027232X"},
                     after={"name": "王芳"}, reason="数据录入错误", cosigner=DEPUTY, now=utcnow())
        audit.record(s, CHIEF, "room.close", "room", "07", desk="office", now=utcnow())


def test_art43_chain_of_untouched_events_verifies(engine: Engine) -> None:
    _write_three(engine)
    with Session(engine) as s:
        report = audit.verify(s)
    assert report.intact and report.events == 3


def test_art42_event_names_actor_and_cosigner_and_masks_personal_data(engine: Engine) -> None:
    _write_three(engine)
    with Session(engine) as s:
        e = s.query(AuditEvent).filter_by(action="candidate.change_requested").one()
    assert (e.actor_name, e.cosigner_name, e.reason) == ("主考 王", "副主考 李", "数据录入错误")
    assert "11010219781027232X" not in (e.before_json or "")
    assert '"document_number": "***"' in (e.before_json or "")


def test_art43_verify_names_the_first_broken_link_when_a_row_is_forged(engine: Engine) -> None:
    _write_three(engine)
    # A forger with raw database access drops the trigger and edits the middle event.
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            conn.execute(text("DROP TRIGGER audit_event_no_update"))
        else:
            conn.execute(text("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_change"))
        conn.execute(text("UPDATE audit_event SET reason = 'forged' WHERE seq = 2"))
    with Session(engine) as s:
        report = audit.verify(s)
    assert not report.intact
    assert report.broken_at_seq == 2
    assert "hash" in report.problem
