"""The secure paper room (保密室, art. 22(五)): the duty log, the gaps in it, the index of recorded
video with hashes, its retention, evidence ranges and camera events.

- Duty: security staff sign on and off with their own credential. Whenever papers are in the room
  and fewer than two are on duty, a `DutyGap` is opened (audited, queued as "duty_gap") and stays
  open until two are on duty again or the room is empty. Gaps are re-judged at every sign-on,
  sign-off and every handover into or out of the room (`refresh_duty_gap`), the only moments the
  two numbers change.
- Video: each closed segment is indexed with its SHA-256. A segment younger than 3 months cannot be
  deleted; one overlapping a range marked as evidence gets the 2-year class and is kept 2 years.
- For the chief's control room: `alerts(session, now)`.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import func, or_, select, text
from sqlalchemy.orm import Session

from app.db.models import Sitting
from app.db.models_custody import (
    CameraEvent,
    CustodyHandover,
    DutyGap,
    DutyShift,
    EvidenceRange,
    VideoSegment,
)
from app.domain import RetentionClass
from app.errors import VenueError
from app.rules.alerts import Alert, alert
from app.rules.custody import SECURE_ROOM
from app.rules.paper_room import (
    DiskForecast,
    Window,
    disk_forecast,
    duty_gap,
    handover_windows,
    in_handover_window,
    keep_until,
    may_delete_segment,
    required_days,
    segment_retention,
)
from app.rules.retention import window_start
from app.security.auth import AuthService, StaffSession
from app.security.permissions import Permission, require
from app.services import audit, custody_chain, outbox
from app.services.audit import Actor

log = logging.getLogger(__name__)

ALERT_KINDS = frozenset({"covered", "defocused", "moved", "signal_lost", "recording_failed"})
RECENT_EVENTS = timedelta(hours=12)


@dataclass(frozen=True)
class OnDuty:
    staff_id: uuid.UUID
    name: str
    since: datetime


@dataclass(frozen=True)
class DutyState:
    on_duty: tuple[OnDuty, ...]
    items_in_room: int
    open_gap_since: datetime | None

    @property
    def short(self) -> bool:
        return self.open_gap_since is not None


def on_duty(session: Session) -> list[DutyShift]:
    return list(session.scalars(select(DutyShift).where(DutyShift.off_at.is_(None)).order_by(DutyShift.on_at)))


def open_gap(session: Session) -> DutyGap | None:
    return session.scalars(select(DutyGap).where(DutyGap.ended_at.is_(None))
                           .order_by(DutyGap.started_at.desc())).first()


def refresh_duty_gap(session: Session, actor: Actor, desk: str, now: datetime) -> DutyGap | None:
    """Open or close the duty gap after a change, in the caller's transaction (art. 22(五))."""
    if session.get_bind().dialect.name == "postgresql":
        # Two desks signing on at once must not open two gaps (SQLite serialises writers already).
        session.execute(text("SELECT pg_advisory_xact_lock(7400007)"))
    staff = len(on_duty(session))
    items = custody_chain.items_in_secure_room(session)
    gap = open_gap(session)
    if duty_gap(staff, items):
        if gap is None:
            gap = DutyGap(id=uuid.uuid4(), started_at=now, on_duty=staff, items_in_room=items)
            session.add(gap)
            session.flush()
            snapshot = {"started_at": now.isoformat(), "on_duty": staff, "items_in_room": items}
            audit.record(session, actor, "paper_room.duty_gap_opened", "paper_room_duty_gap", gap.id, desk=desk,
                         after=snapshot, now=now, retention=RetentionClass.ROOM_RECORD)
            outbox.enqueue(session, "duty_gap", gap.id, snapshot, now=now)
        elif staff < gap.on_duty or items != gap.items_in_room:
            gap.on_duty = min(gap.on_duty, staff)
            gap.items_in_room = max(gap.items_in_room, items)
        return gap
    if gap is not None:
        gap.ended_at = now
        snapshot = {"started_at": gap.started_at.isoformat(), "ended_at": now.isoformat(),
                    "on_duty": gap.on_duty, "items_in_room": gap.items_in_room}
        audit.record(session, actor, "paper_room.duty_gap_closed", "paper_room_duty_gap", gap.id, desk=desk,
                     after=snapshot, now=now, retention=RetentionClass.ROOM_RECORD)
        outbox.enqueue(session, "duty_gap", gap.id, snapshot, now=now, version=2)
    return None


def duty_state(session: Session) -> DutyState:
    gap = open_gap(session)
    return DutyState(
        tuple(OnDuty(d.staff_id, d.staff_name, d.on_at) for d in on_duty(session)),
        custody_chain.items_in_secure_room(session),
        gap.started_at if gap else None,
    )


def windows_for(session: Session, now: datetime) -> list[Window]:
    sittings = [(start, end) for start, end in session.execute(select(Sitting.starts_at, Sitting.ends_at))]
    handovers = session.scalars(
        select(CustodyHandover.at).where(
            or_(CustodyHandover.from_place == SECURE_ROOM, CustodyHandover.to_place == SECURE_ROOM),
            CustodyHandover.at >= now - timedelta(days=2),
        )
    ).all()
    return list(handover_windows(sittings, handovers))


def forecast(session: Session, free_bytes: int, now: datetime) -> DiskForecast:
    """Whether the disk holds 3 months at the rate of the last 24 hours of recording."""
    live = VideoSegment.deleted_at.is_(None)
    day = session.execute(select(func.coalesce(func.sum(VideoSegment.bytes), 0), func.min(VideoSegment.start_at))
                          .where(live, VideoSegment.end_at >= now - timedelta(days=1))).one()
    window = session.scalar(select(func.coalesce(func.sum(VideoSegment.bytes), 0))
                            .where(live, VideoSegment.end_at >= window_start(RetentionClass.PAPER_ROOM_VIDEO, now))) or 0
    recorded, first = int(day[0] or 0), day[1]
    span_days = max((now - first).total_seconds() / 86400, 1 / 1440) if first is not None else 0.0
    rate = recorded / span_days if span_days else 0.0
    return disk_forecast(free_bytes, int(window), rate, required_days(now))


def _queue_video(session: Session, segment: VideoSegment, now: datetime) -> None:
    """Video kept as evidence goes to the province with the evidence range that names it: queued
    once per segment, uploaded in chunks like any evidence file."""
    outbox.enqueue(session, "evidence_file", segment.id, {
        "sha256": segment.sha256, "path": segment.path, "size": segment.bytes,
        "owner_kind": "paper_room_segment", "owner_id": str(segment.id)}, now=now)


def alerts(session: Session, now: datetime, *, free_bytes: int | None = None) -> list[Alert]:
    """What the chief's control room shows about the paper room, newest first: an open duty gap,
    motion outside a handover window and tamper in the last 12 hours, a disk that cannot hold
    3 months (when `free_bytes` of the recording disk is given)."""
    found: list[Alert] = []
    gap = open_gap(session)
    if gap is not None:
        found.append(alert(
            "paper_room.duty_gap",
            "Secure paper room: {on_duty} on duty with papers in the room; at least 2 are required (art. 22(五)).",
            at=gap.started_at, severity="critical", key=f"paper_room.duty_gap:{gap.id}",
            on_duty=len(on_duty(session)), since=gap.started_at,
        ))
    for e in session.scalars(select(CameraEvent).where(CameraEvent.alert.is_(True),
                                                       CameraEvent.at >= now - RECENT_EVENTS)
                             .order_by(CameraEvent.seq.desc())):
        if e.kind == "motion":
            found.append(alert("paper_room.motion",
                               "Secure paper room: motion on camera {camera} outside a handover window.",
                               at=e.at, key=f"paper_room.event:{e.id}", camera=e.camera, snapshot=e.snapshot_path))
        else:
            found.append(alert("paper_room.tamper",
                               "Secure paper room: camera {camera} reports {kind}.",
                               at=e.at, severity="critical", key=f"paper_room.event:{e.id}",
                               camera=e.camera, kind=e.kind, snapshot=e.snapshot_path))
    if free_bytes is not None:
        f = forecast(session, free_bytes, now)
        if not f.enough:
            found.append(alert("paper_room.disk",
                               "The recording disk holds only {days} days of video at the current rate; {required} are "
                               "required (3 months).",
                               at=now, key="paper_room.disk", days=int(f.days_on_disk or 0), required=int(f.required_days)))
    return sorted(found, key=lambda a: a.at, reverse=True)


@dataclass(frozen=True)
class CameraEventLine:
    """One camera event as the paper-room screen lists it."""

    camera: str
    kind: str
    at: datetime
    detail: str
    snapshot_path: str
    alert: bool


class PaperRoomService:
    def __init__(self, session_factory: Callable[[], Session], clock: Callable[[], datetime],
                 auth: AuthService) -> None:
        self._sessions = session_factory
        self._clock = clock
        self._auth = auth

    # --- duty log ---------------------------------------------------------------------------------

    def sign_on(self, desk: str, staff_number: str, credential: str) -> DutyState:
        person = self._auth.authenticate(staff_number, credential, desk, purpose="duty_sign_on")
        now = self._clock()
        with self._sessions() as s, s.begin():
            require(s, person, Permission.PAPER_ROOM_DUTY)
            if s.scalars(select(DutyShift.id).where(DutyShift.staff_id == person.staff_id,
                                                    DutyShift.off_at.is_(None))).first() is not None:
                raise VenueError("paper_room.already_on_duty", "{name} is already on duty.", name=person.name)
            shift = DutyShift(id=uuid.uuid4(), staff_id=person.staff_id, staff_name=person.name, on_at=now, desk=desk)
            s.add(shift)
            s.flush()
            audit.record(s, person.actor, "paper_room.sign_on", "paper_room_duty", shift.id, desk=desk,
                         after={"on_at": now.isoformat()}, now=now, retention=RetentionClass.ROOM_RECORD)
            refresh_duty_gap(s, person.actor, desk, now)
            return duty_state(s)

    def sign_off(self, desk: str, staff_number: str, credential: str) -> DutyState:
        person = self._auth.authenticate(staff_number, credential, desk, purpose="duty_sign_off")
        now = self._clock()
        with self._sessions() as s, s.begin():
            shift = s.scalars(select(DutyShift).where(DutyShift.staff_id == person.staff_id,
                                                      DutyShift.off_at.is_(None))).first()
            if shift is None:
                raise VenueError("paper_room.not_on_duty", "{name} is not on duty.", name=person.name)
            shift.off_at = now
            audit.record(s, person.actor, "paper_room.sign_off", "paper_room_duty", shift.id, desk=desk,
                         after={"on_at": shift.on_at.isoformat(), "off_at": now.isoformat()}, now=now,
                         retention=RetentionClass.ROOM_RECORD)
            refresh_duty_gap(s, person.actor, desk, now)
            return duty_state(s)

    def state(self) -> DutyState:
        with self._sessions() as s:
            return duty_state(s)

    # --- video ------------------------------------------------------------------------------------

    def index_segment(self, actor: Actor, desk: str, camera: str, path: Path, start: datetime, end: datetime,
                      frames: int, sha256: str, size: int) -> uuid.UUID:
        """Index a closed segment with its hash; the audit chain then vouches for the hash."""
        now = self._clock()
        with self._sessions() as s, s.begin():
            evidence = [(c, a, b) for c, a, b in s.execute(
                select(EvidenceRange.camera, EvidenceRange.start_at, EvidenceRange.end_at))]
            segment = VideoSegment(id=uuid.uuid4(), camera=camera, path=str(path), start_at=start, end_at=end,
                                   frames=frames, bytes=size, sha256=sha256,
                                   retention_class=segment_retention(camera, start, end, evidence))
            s.add(segment)
            s.flush()
            if segment.retention_class is RetentionClass.SERIOUS:  # inside a range already kept as evidence
                _queue_video(s, segment, now)
            audit.record(s, actor, "paper_room.segment", "paper_room_segment", segment.id, desk=desk,
                         after={"camera": camera, "file": path.name, "start": start.isoformat(),
                                "end": end.isoformat(), "sha256": sha256, "bytes": size,
                                "retention": segment.retention_class.value},
                         now=now, retention=segment.retention_class)
            return segment.id

    def delete_segment(self, by: StaffSession, segment_id: uuid.UUID) -> None:
        """Delete a segment past its retention; younger ones are refused (art. 22(五), 29)."""
        now = self._clock()
        with self._sessions() as s, s.begin():
            require(s, by, Permission.MANAGE_RECORDINGS)
            seg = s.get(VideoSegment, segment_id)
            if seg is None or seg.deleted_at is not None:
                raise VenueError("paper_room.no_segment", "This recording segment is not in the index.")
            if not may_delete_segment(seg.end_at, seg.retention_class, now):
                raise VenueError(
                    "paper_room.retention",
                    "This recording must be kept until {until} ({days} more days); it cannot be deleted.",
                    until=keep_until(seg.end_at, seg.retention_class).date().isoformat(),
                    days=(keep_until(seg.end_at, seg.retention_class) - now).days + 1,
                )
            seg.deleted_at = now
            audit.record(s, by.actor, "paper_room.segment_deleted", "paper_room_segment", seg.id, desk=by.desk,
                         before={"file": Path(seg.path).name, "sha256": seg.sha256}, now=now)
            path = Path(seg.path)
        try:
            path.unlink(missing_ok=True)
        except OSError:
            log.warning("deleted segment %s from the index but could not remove the file", path.name)

    def mark_evidence(self, by: StaffSession, start: datetime, end: datetime, camera: str | None,
                      reason: str) -> uuid.UUID:
        """Keep a time range of video as evidence (2-year class) and re-class its segments."""
        now = self._clock()
        with self._sessions() as s, s.begin():
            require(s, by, Permission.MANAGE_RECORDINGS)
            if end <= start:
                raise VenueError("paper_room.bad_range", "An evidence range must end after it starts.")
            if not reason.strip():
                raise VenueError("paper_room.reason_required", "Give the reason for keeping this video as evidence.")
            row = EvidenceRange(id=uuid.uuid4(), camera=camera, start_at=start, end_at=end, reason=reason.strip(),
                                marked_at=now, staff_id=by.staff_id, staff_name=by.name)
            s.add(row)
            s.flush()
            query = select(VideoSegment).where(VideoSegment.start_at <= end, VideoSegment.end_at >= start,
                                               VideoSegment.deleted_at.is_(None))
            if camera is not None:
                query = query.where(VideoSegment.camera == camera)
            segments = list(s.scalars(query))
            for seg in segments:
                if seg.retention_class is not RetentionClass.SERIOUS:
                    _queue_video(s, seg, now)
                seg.retention_class = RetentionClass.SERIOUS
            snapshot = {"camera": camera, "start": start.isoformat(), "end": end.isoformat(), "reason": row.reason,
                        "segments": [{"file": Path(x.path).name, "sha256": x.sha256} for x in segments]}
            audit.record(s, by.actor, "paper_room.evidence", "paper_room_evidence", row.id, desk=by.desk,
                         after=snapshot, now=now, retention=RetentionClass.SERIOUS)
            outbox.enqueue(s, "paper_room_evidence", row.id, snapshot, now=now)
            return row.id

    def record_event(self, actor: Actor, desk: str, camera: str, kind: str, at: datetime, detail: str = "",
                     snapshot: Path | None = None) -> CameraEvent:
        """A camera's motion or tamper event; motion inside a handover window is kept but not alerted."""
        with self._sessions() as s, s.begin():
            windows = windows_for(s, at)
            if kind == "motion":
                raise_alert = not in_handover_window(at, windows)
            else:
                raise_alert = kind in ALERT_KINDS
            event = CameraEvent(id=uuid.uuid4(), camera=camera, kind=kind, at=at, detail=detail[:500],
                                snapshot_path=str(snapshot or ""), alert=raise_alert)
            s.add(event)
            s.flush()
            audit.record(s, actor, "paper_room.camera_event", "paper_room_event", event.id, desk=desk,
                         after={"camera": camera, "kind": kind, "alert": raise_alert,
                                "snapshot": snapshot.name if snapshot else ""}, now=at,
                         retention=RetentionClass.ROOM_RECORD)
            s.expunge(event)
            return event

    def events(self, limit: int = 50) -> list[CameraEventLine]:
        with self._sessions() as s:
            return [CameraEventLine(e.camera, e.kind, e.at, e.detail, e.snapshot_path, e.alert)
                    for e in s.scalars(select(CameraEvent).order_by(CameraEvent.seq.desc()).limit(limit))]

    def forecast(self, free_bytes: int) -> DiskForecast:
        with self._sessions() as s:
            return forecast(s, free_bytes, self._clock())

    def alerts(self, free_bytes: int | None = None) -> list[Alert]:
        with self._sessions() as s:
            return alerts(s, self._clock(), free_bytes=free_bytes)
