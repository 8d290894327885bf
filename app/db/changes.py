"""Which data kind each table holds, and the session hooks that note what a committed
transaction wrote (`app.changes.recording` collects it). Every table has a kind: a test fails
when a new table is added without one."""

from __future__ import annotations

from collections.abc import Mapping
from itertools import chain
from typing import Any

from sqlalchemy import CursorResult, Executable, event
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction, object_mapper

from app.changes import DataKind, note

K = DataKind
TABLE_KINDS: dict[str, DataKind] = {
    "exam": K.PACKAGE, "venue": K.PACKAGE, "imported_package": K.PACKAGE, "room": K.PACKAGE, "seat": K.PACKAGE,
    "candidate": K.PACKAGE, "seat_assignment": K.PACKAGE, "custody_item": K.PACKAGE,
    "sitting": K.SITTINGS,
    "staff": K.STAFF, "staff_relation": K.STAFF,
    "venue_setting": K.SETTINGS,
    "room_sitting": K.ROOMS, "candidate_exit": K.ROOMS, "room_record_signature": K.ROOMS,
    "invigilator_draw": K.ASSIGNMENT, "invigilator_assignment": K.ASSIGNMENT,
    "admission": K.CHECKIN, "checkin_scan": K.CHECKIN, "info_change_request": K.CHECKIN,
    "absence": K.ATTENDANCE,
    "incident": K.INCIDENTS, "incident_candidate": K.INCIDENTS, "incident_signature": K.INCIDENTS,
    "incident_evidence": K.INCIDENTS, "incident_amendment": K.INCIDENTS,
    "custody_handover": K.CUSTODY, "custody_handover_line": K.CUSTODY, "custody_signer": K.CUSTODY,
    "custody_reconciliation": K.CUSTODY,
    "paper_room_duty": K.PAPER_ROOM, "paper_room_duty_gap": K.PAPER_ROOM, "paper_room_segment": K.PAPER_ROOM,
    "paper_room_evidence": K.PAPER_ROOM, "paper_room_event": K.PAPER_ROOM,
    "outbox": K.SYNC,
    "audit_event": K.AUDIT,
    "audit_checkpoint": K.AUDIT,
}

_PENDING = "venue_changes"


def _pending(session: Session) -> set[DataKind]:
    pending: set[DataKind] = session.info.setdefault(_PENDING, set())
    return pending


def note_table(session: Session, name: str) -> None:
    """A statement of this transaction wrote table `name`."""
    kind = TABLE_KINDS.get(name)
    if kind is not None:
        _pending(session).add(kind)


def table_of(statement: object) -> str | None:
    """The table an INSERT, UPDATE or DELETE writes (a SELECT has none)."""
    name = getattr(getattr(statement, "table", None), "name", None)
    return name if isinstance(name, str) else None


def execute(session: Session, statement: Executable, params: Mapping[str, Any] | None = None
            ) -> CursorResult[*tuple[Any, ...]]:
    """Run a Core statement on the connection of `session`'s transaction, past the ORM's execution
    layer: on SQLite that layer costs twice the statement itself (about 0.12 ms of 0.2 here), and a
    check-in runs nine (issue 12). A write still notes its table's data kind, as the hook below
    does for what goes through `Session.execute`."""
    name = table_of(statement)
    if name is not None:
        note_table(session, name)
    return session.connection().execute(statement, params)


@event.listens_for(Session, "after_flush")
def _flushed(session: Session, _flush: UOWTransaction) -> None:
    for obj in chain(session.new, session.dirty, session.deleted):
        note_table(session, object_mapper(obj).persist_selectable.name)  # type: ignore[attr-defined]


@event.listens_for(Session, "do_orm_execute")
def _executed(state: ORMExecuteState) -> None:
    """Bulk INSERT/UPDATE/DELETE statements (the package import) bypass the flush, and so do Core
    statements on a table (the check-in's audit, outbox and scan rows), which have no mapper."""
    if state.is_insert or state.is_update or state.is_delete:
        mapper = state.bind_mapper
        if mapper is not None:
            note_table(state.session, mapper.persist_selectable.name)  # type: ignore[attr-defined]
            return
        name = table_of(state.statement)
        if name is not None:
            note_table(state.session, name)


@event.listens_for(Session, "after_commit")
def _committed(session: Session) -> None:
    kinds = session.info.pop(_PENDING, None)
    if kinds:
        note(kinds)


@event.listens_for(Session, "after_rollback")
def _rolled_back(session: Session) -> None:
    session.info.pop(_PENDING, None)

