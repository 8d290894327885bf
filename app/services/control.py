"""Exam-day control of each room (art. 20(三), 26–27, 30(三)): the pre-exam checklist, opening
the room, hand-in and leaving (refused while sealed; an emergency exit is an incident), papers
collected, and the control-room view of every room of a sitting.

Every `now` comes from the venue clock (`app.engine.clock`, anchored), passed in by the
caller, so a change of the PC's clock moves nothing; a detected jump is logged (`note_clock_jump`).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import AuditEvent, Candidate, Room, SeatAssignment, Sitting
from app.db.models_checkin import Absence, Admission
from app.db.models_control import CandidateExit, RoomSitting
from app.db.models_incidents import Incident
from app.domain import RoomKind, SittingMode
from app.errors import VenueError
from app.rules.alerts import Alert as VenueAlert
from app.rules.clock import JUMP_ACTION, ClockJump
from app.rules.lifecycle import Phase, RoomSteps, phase
from app.rules.timing import Schedule, entry_closes_at, may_hand_in, sealing_ends_at, venue_time
from app.security.auth import StaffSession
from app.security.permissions import Permission, require
from app.services import assignment, audit, incidents
from app.services.audit import Actor

# How long before the start the control room asks for what is missing.
CHECKLIST_DUE = timedelta(minutes=30)
STAFF_DUE = timedelta(minutes=60)
# A jump of the PC's clock stays on the control room's alerts for this long.
JUMP_ALERT_FOR = timedelta(hours=12)


@dataclass(frozen=True)
class Checklist:
    """Art. 20(三): the room was inspected, its monitoring works, and (computer-based) it was seal-tested."""

    room_inspected: bool
    monitoring_works: bool
    seal_tested: bool | None = None
    note: str = ""


def computer_based(sitting: Sitting, room: Room) -> bool:
    return sitting.mode is SittingMode.COMPUTER or room.kind is RoomKind.COMPUTER


def _pair(session: Session, sitting_id: uuid.UUID, room_id: uuid.UUID) -> tuple[Sitting, Room]:
    sitting, room = session.get(Sitting, sitting_id), session.get(Room, room_id)
    if sitting is None or room is None:
        raise VenueError("control.room_not_in_sitting", "That room is not used in this sitting.")
    used = session.scalar(select(func.count()).select_from(SeatAssignment)
                          .where(SeatAssignment.sitting_id == sitting_id, SeatAssignment.room_id == room_id))
    if not used:
        raise VenueError("control.room_not_in_sitting", "That room is not used in this sitting.")
    return sitting, room


def _room_sitting(session: Session, sitting_id: uuid.UUID, room_id: uuid.UUID, *, create: bool) -> RoomSitting | None:
    rs = session.scalars(select(RoomSitting).where(RoomSitting.sitting_id == sitting_id,
                                                   RoomSitting.room_id == room_id).with_for_update()).first()
    if rs is None and create:
        rs = RoomSitting(id=uuid.uuid4(), sitting_id=sitting_id, room_id=room_id, room_inspected=False,
                         monitoring_works=False, checklist_note="")
        session.add(rs)
        session.flush()
    return rs


def steps_of(rs: RoomSitting | None) -> RoomSteps:
    if rs is None:
        return RoomSteps()
    return RoomSteps(rs.checklist_signed_at, rs.opened_at, rs.collected_at, rs.record_signed_at)


def sign_checklist(session: Session, user: StaffSession, sitting_id: uuid.UUID, room_id: uuid.UUID,
                   checklist: Checklist, *, now: datetime) -> RoomSitting:
    """Sign off the pre-exam checklist; every item must be done (nothing is signed half-checked)."""
    require(session, user, Permission.OPEN_CLOSE_ROOM)
    at = now
    sitting, room = _pair(session, sitting_id, room_id)
    missing = []
    if not checklist.room_inspected:
        missing.append("room_inspected")
    if not checklist.monitoring_works:
        missing.append("monitoring_works")
    if computer_based(sitting, room) and not checklist.seal_tested:
        missing.append("seal_tested")
    if missing:
        raise VenueError("control.checklist_incomplete",
                         "Room {room}: every item of the pre-exam checklist must be checked before it is signed off.",
                         room=room.code, missing=missing)
    rs = _room_sitting(session, sitting_id, room_id, create=True)
    assert rs is not None
    if rs.checklist_signed_at is not None:
        raise VenueError("control.checklist_signed", "Room {room}: the checklist is already signed off.", room=room.code)
    rs.room_inspected, rs.monitoring_works = True, True
    rs.seal_tested = bool(checklist.seal_tested) if computer_based(sitting, room) else checklist.seal_tested
    rs.checklist_note = checklist.note.strip()
    rs.checklist_signed_at, rs.checklist_signed_by = at, user.name
    audit.record(session, user.actor, "room.checklist_signed", "room_sitting", rs.id, desk=user.desk,
                 after={"room": room.code, "sitting": sitting.code, "room_inspected": True, "monitoring_works": True,
                        "seal_tested": rs.seal_tested, "note": rs.checklist_note}, now=at)
    return rs


def open_room(session: Session, user: StaffSession, sitting_id: uuid.UUID, room_id: uuid.UUID,
              *, now: datetime) -> RoomSitting:
    """Art. 20(三): a room opens for its sitting only once its checklist is signed off."""
    require(session, user, Permission.OPEN_CLOSE_ROOM)
    at = now
    sitting, room = _pair(session, sitting_id, room_id)
    rs = _room_sitting(session, sitting_id, room_id, create=False)
    if rs is None or rs.checklist_signed_at is None:
        raise VenueError("control.checklist_required",
                         "Room {room}: sign off the pre-exam checklist before opening the room.", room=room.code)
    if rs.opened_at is not None:
        raise VenueError("control.already_open", "Room {room} is already open.", room=room.code)
    if at >= sitting.ends_at:
        raise VenueError("control.sitting_over", "Sitting {sitting} is already over.", sitting=sitting.code)
    rs.opened_at, rs.opened_by = at, user.name
    audit.record(session, user.actor, "room.open", "room_sitting", rs.id, desk=user.desk,
                 after={"room": room.code, "sitting": sitting.code}, now=at)
    return rs


class SealedRoom(VenueError):
    def __init__(self, room: str, until: datetime) -> None:
        super().__init__("control.sealed",
                         "Room {room} is sealed until {until}: nobody hands in or leaves before then (art. 30).",
                         room=room, until=f"{venue_time(until):%H:%M}")


def record_exit(session: Session, user: StaffSession, sitting_id: uuid.UUID, room_id: uuid.UUID,
                candidate_id: uuid.UUID, *, emergency_reason: str = "",
                now: datetime) -> CandidateExit:
    """A candidate hands in and leaves. While the room is sealed this is refused (art. 30(三)),
    unless it is an emergency: then it is recorded with an incident saying why."""
    require(session, user, Permission.CHECK_IN_CANDIDATE)
    at = now
    sitting, room = _pair(session, sitting_id, room_id)
    admitted = session.scalars(select(Admission).where(Admission.sitting_id == sitting_id,
                                                       Admission.candidate_id == candidate_id,
                                                       Admission.room_id == room_id)).first()
    if admitted is None:
        raise VenueError("control.not_admitted", "That candidate was not admitted to room {room} in this sitting.",
                         room=room.code)
    done = session.scalars(select(CandidateExit).where(CandidateExit.sitting_id == sitting_id,
                                                       CandidateExit.candidate_id == candidate_id)).first()
    if done is not None:
        raise VenueError("control.already_left", "That candidate has already handed in or left.")
    schedule = sitting.schedule
    reason = emergency_reason.strip()
    incident_id = None
    if not may_hand_in(schedule, at):
        if not reason:
            raise SealedRoom(room.code, sealing_ends_at(schedule))
        incident = incidents.open_draft(
            session, user.actor, desk=user.desk, category="emergency_exit", facts=reason,
            sitting_id=sitting_id, room_id=room_id, candidate_ids=[candidate_id], now=at,
        )
        incident_id = incident.id
    exit_ = CandidateExit(id=uuid.uuid4(), sitting_id=sitting_id, room_id=room_id, candidate_id=candidate_id,
                          kind="emergency" if incident_id else "hand_in", at=at, staff_name=user.name,
                          incident_id=incident_id)
    session.add(exit_)
    session.flush()
    audit.record(session, user.actor, "room.emergency_exit" if incident_id else "room.hand_in", "candidate_exit",
                 exit_.id, desk=user.desk, after={"room": room.code, "sitting": sitting.code,
                                                   "candidate": str(candidate_id),
                                                   "incident": str(incident_id) if incident_id else None},
                 reason=reason, now=at)
    return exit_


def candidate_by_ticket(session: Session, sitting_id: uuid.UUID, ticket: str) -> Candidate:
    sitting = session.get(Sitting, sitting_id)
    candidate = None
    if sitting is not None:
        candidate = session.scalars(select(Candidate).where(Candidate.exam_id == sitting.exam_id,
                                                            Candidate.ticket_number == ticket.strip())).first()
    if candidate is None:
        raise VenueError("control.unknown_ticket", "No candidate with admission ticket {ticket}.", ticket=ticket.strip())
    return candidate


def record_exit_by_ticket(session: Session, user: StaffSession, sitting_id: uuid.UUID, room_id: uuid.UUID,
                          ticket: str, *, emergency_reason: str = "", now: datetime) -> CandidateExit:
    """`record_exit` for the ticket number an invigilator reads out or scans."""
    candidate = candidate_by_ticket(session, sitting_id, ticket)
    return record_exit(session, user, sitting_id, room_id, candidate.id, emergency_reason=emergency_reason, now=now)


def collect_papers(session: Session, user: StaffSession, sitting_id: uuid.UUID, room_id: uuid.UUID,
                   *, now: datetime) -> RoomSitting:
    """Papers and answer sheets collected from the room: after the end, or once sealing has ended
    and every admitted candidate has handed in."""
    require(session, user, Permission.OPEN_CLOSE_ROOM)
    at = now
    sitting, room = _pair(session, sitting_id, room_id)
    rs = _room_sitting(session, sitting_id, room_id, create=False)
    if rs is None or rs.opened_at is None:
        raise VenueError("control.not_open", "Room {room} was never opened for this sitting.", room=room.code)
    if rs.collected_at is not None:
        raise VenueError("control.already_collected", "Room {room}: papers are already collected.", room=room.code)
    if at < sitting.ends_at:
        admitted = session.scalar(select(func.count()).select_from(Admission).where(
            Admission.sitting_id == sitting_id, Admission.room_id == room_id)) or 0
        left = session.scalar(select(func.count()).select_from(CandidateExit).where(
            CandidateExit.sitting_id == sitting_id, CandidateExit.room_id == room_id)) or 0
        if not may_hand_in(sitting.schedule, at) or left < admitted:
            raise VenueError("control.still_sitting",
                             "Room {room}: {count} candidates are still sitting the exam.",
                             room=room.code, count=admitted - left)
    rs.collected_at, rs.collected_by = at, user.name
    audit.record(session, user.actor, "room.papers_collected", "room_sitting", rs.id, desk=user.desk,
                 after={"room": room.code, "sitting": sitting.code}, now=at)
    return rs


def note_clock_jump(session: Session, actor: Actor, desk: str, jump: ClockJump) -> None:
    """A change of the PC's clock moves no timer (the venue clock is anchored); it is put on the
    record with the sitting it happened in, and the control room alerts on it from there."""
    sitting = day_sitting(session, jump.at)
    audit.record(session, actor, JUMP_ACTION, "sitting", sitting.id if sitting else "-", desk=desk,
                 after={"wall": jump.wall.isoformat(), "anchored": jump.at.isoformat(),
                        "change_seconds": round(jump.change.total_seconds(), 1),
                        "sitting": sitting.code if sitting else None},
                 now=jump.at)


def clock_jump_alerts(session: Session, now: datetime) -> list[Alert]:
    """The jumps of the PC's clock in the last hours, newest first, as control-room alerts."""
    rows = session.scalars(select(AuditEvent).where(AuditEvent.action == JUMP_ACTION,
                                                    AuditEvent.at_utc >= now - JUMP_ALERT_FOR,
                                                    AuditEvent.at_utc <= now + JUMP_ALERT_FOR)
                           .order_by(AuditEvent.seq.desc()))
    return [Alert("clock_jump", "", e.at_utc, count=int(json.loads(e.after_json or "{}").get("change_seconds", 0)))
            for e in rows]


# --- the control room --------------------------------------------------------------------------

@dataclass(frozen=True)
class Alert:
    kind: str  # checklist_missing | not_opened | invigilators_short | incident_draft | report_now
    room_code: str
    since: datetime | None = None
    count: int = 0
    incident_id: uuid.UUID | None = None
    category: str = ""


@dataclass(frozen=True)
class RoomTile:
    room_id: uuid.UUID
    code: str
    name: str
    computer_based: bool
    steps: RoomSteps
    expected: int
    admitted: int
    absent: int
    handed_in: int
    open_incidents: int
    invigilators: tuple[str, ...]

    def phase(self, schedule: Schedule, now: datetime) -> Phase:
        return phase(schedule, self.steps, now)


@dataclass(frozen=True)
class ControlView:
    sitting_id: uuid.UUID
    sitting_code: str
    subject: str
    exam_name: str
    schedule: Schedule
    tiles: tuple[RoomTile, ...]
    alerts: tuple[Alert, ...]
    # Custody and paper-room alerts (app.services.custody / paper_room), shown above the rooms' own.
    venue_alerts: tuple[VenueAlert, ...] = ()

    @property
    def entry_closes_at(self) -> datetime:
        return entry_closes_at(self.schedule)

    @property
    def sealing_ends_at(self) -> datetime:
        return sealing_ends_at(self.schedule)


def venue_alerts(session: Session, now: datetime) -> tuple[VenueAlert, ...]:
    """What the control room shows beside its rooms: custody (overdue answer sheets, missing
    packages, chain gaps) and the secure paper room (duty gaps, tamper, motion)."""
    from app.services import custody_reads, paper_room

    return tuple(custody_reads.alerts(session, now)) + tuple(paper_room.alerts(session, now))


def day_sitting(session: Session, now: datetime) -> Sitting | None:
    """The sitting whose time is on: from two hours before its start to half an hour after its end."""
    for s in session.scalars(select(Sitting).order_by(Sitting.starts_at)):
        if s.starts_at - timedelta(hours=2) <= now < s.ends_at + timedelta(minutes=30):
            return s
    return None


def current_sitting(session: Session, now: datetime) -> Sitting | None:
    """The sitting running now, else the next one today or later, else the last one."""
    on = day_sitting(session, now)
    if on is not None:
        return on
    sittings = list(session.scalars(select(Sitting).order_by(Sitting.starts_at)))
    upcoming = [s for s in sittings if s.starts_at > now]
    if upcoming:
        return upcoming[0]
    return sittings[-1] if sittings else None


def _counts(session: Session, sitting_id: uuid.UUID, model: type[Admission] | type[Absence] | type[CandidateExit]
            ) -> dict[uuid.UUID, int]:
    rows = session.execute(select(model.room_id, func.count()).where(model.sitting_id == sitting_id)
                           .group_by(model.room_id))
    return {room_id: n for room_id, n in rows}


def control_view(session: Session, sitting_id: uuid.UUID, now: datetime) -> ControlView:
    sitting = session.get(Sitting, sitting_id)
    if sitting is None:
        raise assignment.SittingNotFound(str(sitting_id))
    from app.db.models import Exam

    exam = session.get(Exam, sitting.exam_id)
    schedule = sitting.schedule
    expected = dict(session.execute(
        select(SeatAssignment.room_id, func.count()).join(Candidate, Candidate.id == SeatAssignment.candidate_id)
        .where(SeatAssignment.sitting_id == sitting_id, Candidate.withdrawn.is_(False))
        .group_by(SeatAssignment.room_id)).all())
    admitted = _counts(session, sitting_id, Admission)
    absent = _counts(session, sitting_id, Absence)
    handed = _counts(session, sitting_id, CandidateExit)
    drafts = dict(session.execute(
        select(Incident.room_id, func.count()).where(Incident.sitting_id == sitting_id, Incident.status == "draft")
        .group_by(Incident.room_id)).all())
    steps = {rs.room_id: rs for rs in session.scalars(select(RoomSitting).where(RoomSitting.sitting_id == sitting_id))}
    staffed = assignment.assignments(session, sitting_id)
    tiles, alerts = [], []
    for room in assignment.sitting_rooms(session, sitting_id):
        rs = steps.get(room.id)
        people = tuple(a.name for a in staffed.get(room.id, []))
        tile = RoomTile(room.id, room.code, room.name, computer_based(sitting, room), steps_of(rs),
                        int(expected.get(room.id, 0)), admitted.get(room.id, 0), absent.get(room.id, 0),
                        handed.get(room.id, 0), int(drafts.get(room.id, 0)), people)
        tiles.append(tile)
        if now < sitting.ends_at:
            if now >= sitting.starts_at - CHECKLIST_DUE and (rs is None or rs.checklist_signed_at is None):
                alerts.append(Alert("checklist_missing", room.code))
            elif now >= sitting.starts_at - CHECKLIST_DUE and rs is not None and rs.opened_at is None:
                alerts.append(Alert("not_opened", room.code))
            if now >= sitting.starts_at - STAFF_DUE and len(people) < 2:
                alerts.append(Alert("invigilators_short", room.code, count=len(people)))
        if tile.open_incidents:
            alerts.append(Alert("incident_draft", room.code, count=tile.open_incidents))
    codes = {r.id: r.code for r in session.scalars(select(Room))}
    alerts[:0] = clock_jump_alerts(session, now)
    for inc in session.scalars(select(Incident).where(Incident.serious.is_(True), Incident.reported_at.is_(None))
                               .order_by(Incident.occurred_at)):
        alerts.insert(0, Alert("report_now", codes.get(inc.room_id, "") if inc.room_id else "", inc.occurred_at,
                               incident_id=inc.id, category=inc.category))
    return ControlView(sitting.id, sitting.code, sitting.subject, exam.name if exam else "", schedule,
                       tuple(tiles), tuple(alerts))
