"""Art. 42, 51: deactivating someone, or someone else resetting their credential, ends their open
sessions at once — at every service that acts on a signed-in person's behalf, not only at the
check-in desk. The attacker is a staff member who was just deactivated (or whose credential the
chief reset) and keeps using the desk they are still signed in at: whatever they call, they get
"auth.session_ended" and not one row anywhere changes, the audit trail included.

Each case is first run with an open session, which must write (so a refusal below is the
session's, not a broken set-up), then with the same person's session ended both ways."""

from __future__ import annotations

import ast
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from app.db.models import AuditEvent, Base
from app.db.models_checkin import Admission
from app.domain import Role
from app.errors import VenueError
from app.package.demo import make_demo
from app.package.importer import PackageImporter
from app.package.keys import demo_trusted_keys
from app.rules.custody import ESCORT, SECURE_ROOM, Side
from app.security.auth import AuthService, StaffSession
from app.security.crypto import DataKeys, PersonalDataCipher
from app.security.keystore_testing import MemoryKeyring
from app.security.permissions import Permission
from app.security.two_person import TwoPersonRule
from app.services import assignment, control, incidents
from app.services.audit import Actor
from app.services.control_room import ControlRoomService
from app.services.custody import HandoverDraft
from app.services.incident_log import IncidentLogService
from app.services.invigilator_records import InvigilatorRecords
from app.services.maintenance import MaintenanceService
from app.services.staff import StaffService
from sync.credential import CredentialStore
from sync.service import SyncService
from tests.unit.test_control_support import END, START, exam_day
from tests.unit.test_custody_support import make_venue
from tests.unit.test_security_support import CHEAP, DESK, GOOD, add_staff, auth_service, sessions

ROOT = Path(__file__).resolve().parents[2]
SETUP = Actor.system("venue-ops@test")
RESET = "set-by-the-admin-83"


@dataclass
class Scene:
    """One service call on behalf of `actor`, ready to run with whatever session it is given."""

    engine: Engine
    auth: AuthService
    staff: StaffService
    ids: dict[str, uuid.UUID]
    actor: str
    act: Callable[[StaffSession], object]
    writes: bool = True  # with an open session the call writes (checked by the control test)
    ring: MemoryKeyring = field(default_factory=MemoryKeyring)  # the sync credential's keyring

    def login(self, number: str) -> StaffSession:
        return self.auth.login(number, GOOD, DESK)


Build = Callable[[Engine, Path], Scene]


def _rows(engine: Engine) -> dict[str, int]:
    with Session(engine) as s:
        return {t.name: s.scalar(select(func.count()).select_from(t)) or 0 for t in Base.metadata.sorted_tables}


def _audit_count(engine: Engine) -> int:
    with Session(engine) as s:
        return s.scalar(select(func.count()).select_from(AuditEvent)) or 0


# --- the exam day of the control-room tests, with a system administrator to end sessions ------------

def _day_scene(engine: Engine, tmp: Path, actor: str,
               act: Callable[[Scene, object, StaffSession], object],
               prepare: Callable[[object, Scene], object] | None = None, writes: bool = True) -> Scene:
    day = exam_day(engine)
    ids = dict(day.staff)
    ids["X0001"] = add_staff(engine, day.venue, "X0001", Role.SYSTEM_ADMINISTRATOR)
    scene = Scene(engine, day.auth, StaffService(sessions(engine), day.clock, CHEAP, day.auth), ids, actor,
                  lambda _u: None, writes)
    state = prepare(day, scene) if prepare is not None else None
    scene.act = lambda u: act(scene, (day, state, tmp), u)
    return scene


def _crs(day: object, u: StaffSession) -> ControlRoomService:
    return ControlRoomService(sessions(day.engine), day.clock, day.auth, u)  # type: ignore[attr-defined]


def _log(day: object, u: StaffSession, tmp: Path) -> IncidentLogService:
    return IncidentLogService(sessions(day.engine), day.clock, day.auth, u, tmp / "evidence")  # type: ignore[attr-defined]


def _draft(day: object, _scene: Scene) -> uuid.UUID:
    chief = day.login("F0001")  # type: ignore[attr-defined]
    with day.session() as s, s.begin():  # type: ignore[attr-defined]
        return incidents.record_new(s, chief, category="late_refused", facts="08:37 到达", room_code="01",
                                    tickets=["2026000000013"], action_taken="未准入", now=START).id


def _checklist_signed(day: object, _scene: Scene) -> None:
    deputy = day.login("F0001")  # type: ignore[attr-defined]
    with day.session() as s, s.begin():  # type: ignore[attr-defined]
        control.sign_checklist(s, deputy, day.sitting, day.rooms["01"], control.Checklist(True, True),  # type: ignore[attr-defined]
                               now=START - timedelta(hours=1))
    day.clock.now = START - timedelta(minutes=30)  # type: ignore[attr-defined]


def _opened(day: object, scene: Scene) -> None:
    _checklist_signed(day, scene)
    deputy = day.login("F0001")  # type: ignore[attr-defined]
    with day.session() as s, s.begin():  # type: ignore[attr-defined]
        control.open_room(s, deputy, day.sitting, day.rooms["01"], now=START - timedelta(minutes=30))  # type: ignore[attr-defined]
        s.add(Admission(candidate_id=day.candidates["2026000000011"], sitting_id=day.sitting,  # type: ignore[attr-defined]
                        room_id=day.rooms["01"], seat_number=1, admitted_at=START - timedelta(minutes=10),  # type: ignore[attr-defined]
                        desk="d", staff_name="x", method="card_and_ticket"))
    day.clock.now = START + timedelta(hours=2, minutes=5)  # type: ignore[attr-defined]


def _collected(day: object, scene: Scene) -> str:
    """Drawn, opened, collected: the room record waits for its invigilators; returns the first one."""
    ok = TwoPersonRule(day.auth).confirm(day.login("Z0001"), "F0001", GOOD, Permission.ASSIGN_INVIGILATORS,  # type: ignore[attr-defined]
                                         action=assignment.DRAW_ACTION, entity=day.sitting)  # type: ignore[attr-defined]
    with day.session() as s, s.begin():  # type: ignore[attr-defined]
        assignment.draw_invigilators(s, ok, day.sitting, seed=5, now=START - timedelta(hours=2))  # type: ignore[attr-defined]
    _opened(day, scene)
    deputy = day.login("F0001")  # type: ignore[attr-defined]
    with day.session() as s, s.begin():  # type: ignore[attr-defined]
        control.collect_papers(s, deputy, day.sitting, day.rooms["01"], now=END + timedelta(minutes=10))  # type: ignore[attr-defined]
        first = assignment.assignments(s, day.sitting)[day.rooms["01"]][0].staff_number  # type: ignore[attr-defined]
    day.clock.now = END + timedelta(minutes=20)  # type: ignore[attr-defined]
    scene.actor = first
    return first


def _signed_by_invigilator(day: object, scene: Scene) -> None:
    first = _collected(day, scene)
    InvigilatorRecords(sessions(day.engine), day.clock, day.auth, day.login(first)).sign(  # type: ignore[attr-defined]
        day.sitting, day.rooms["01"], GOOD)  # type: ignore[attr-defined]
    scene.actor = "Z0001"


def _sync(scene: Scene, ctx: tuple[object, object, Path], u: StaffSession) -> SyncService:
    return SyncService(sessions(scene.engine), CredentialStore(backend=lambda: scene.ring), ctx[2], SETUP, DESK,
                       ctx[0].clock, user=u)  # type: ignore[attr-defined]


def _sync_configured(day: object, scene: Scene) -> None:
    sync = SyncService(sessions(scene.engine), CredentialStore(backend=lambda: scene.ring), Path("unused"), SETUP,
                       DESK, day.clock, user=scene.login("Z0001"))  # type: ignore[attr-defined]
    sync.configure("https://127.0.0.1:9", "V-3701")
    sync.set_credential("the-provinces-secret-for-us")


def _room(ctx: tuple[object, object, Path]) -> uuid.UUID:
    return ctx[0].rooms["01"]  # type: ignore[attr-defined]


def _sitting(ctx: tuple[object, object, Path]) -> uuid.UUID:
    return ctx[0].sitting  # type: ignore[attr-defined]


DAY_CASES: dict[str, tuple[str, Callable[..., object], Callable[..., object] | None, bool]] = {
    # key: (actor, act(scene, (day, prepared, tmp), user), prepare(day, scene), writes)
    "incident.new": ("J0001", lambda sc, c, u: _log(c[0], u, c[2]).new(
        "01", ["2026000000013"], "late_refused", "08:37 到达", ""), None, True),
    "incident.complete": ("J0001", lambda sc, c, u: _log(c[0], u, c[2]).complete(
        c[1], "late_refused", "08:38 到达", "未准入"), _draft, True),
    "incident.signed": ("J0001", lambda sc, c, u: _log(c[0], u, c[2]).signed(
        c[1], c[0].candidates["2026000000013"]), _draft, True),
    "incident.confirm": ("Z0001", lambda sc, c, u: _log(c[0], u, c[2]).confirm(c[1]), _draft, True),
    "control.sign_checklist": ("Z0001", lambda sc, c, u: _crs(c[0], u).sign_checklist(
        _sitting(c), _room(c), control.Checklist(True, True)), None, True),
    "control.open_room": ("Z0001", lambda sc, c, u: _crs(c[0], u).open_room(_sitting(c), _room(c)),
                          _checklist_signed, True),
    "control.hand_in": ("Z0001", lambda sc, c, u: _crs(c[0], u).hand_in(_sitting(c), _room(c), "2026000000011", ""),
                        _opened, True),
    "control.draw": ("Z0001", lambda sc, c, u: _crs(c[0], u).draw(_sitting(c), "F0001", GOOD, ""), None, True),
    "control.countersign_room_record": ("Z0001", lambda sc, c, u: _crs(c[0], u).sign_room_record(
        _sitting(c), _room(c)), _signed_by_invigilator, True),
    "control.view": ("Z0001", lambda sc, c, u: _crs(c[0], u).view(START), None, False),
    "room_record.sign": ("(drawn)", lambda sc, c, u: InvigilatorRecords(
        sessions(sc.engine), c[0].clock, sc.auth, u).sign(_sitting(c), _room(c), GOOD), _collected, True),
    "staff.set_active": ("Z0001", lambda sc, c, u: sc.staff.set_active(
        u, sc.ids["J0002"], False, reason="left the venue"), None, True),
    "staff.set_credential": ("Z0001", lambda sc, c, u: sc.staff.set_credential(
        u, sc.ids["J0002"], "another-one-55", reason="forgot it"), None, True),
    "staff.change_own_credential": ("J0001", lambda sc, c, u: sc.staff.change_own_credential(
        u, GOOD, "my-very-own-77"), None, True),
    "two_person.confirm": ("Z0001", lambda sc, c, u: TwoPersonRule(sc.auth).confirm(
        u, "F0001", GOOD, Permission.ASSIGN_INVIGILATORS, action=assignment.DRAW_ACTION, entity=_sitting(c)),
        None, True),
    "desk.unlock": ("J0001", lambda sc, c, u: sc.auth.reauthenticate(u, GOOD), None, True),
    "sync.configure": ("Z0001", lambda sc, c, u: _sync(sc, c, u).configure("https://127.0.0.1:9", "V-3701"),
                       None, True),
    "sync.export": ("Z0001", lambda sc, c, u: _sync(sc, c, u).export(c[2] / "out.vor"),
                    _sync_configured, True),
    "backup": ("Z0001", lambda sc, c, u: MaintenanceService(
        sc.engine, sessions(sc.engine), lambda: datetime(2026, 5, 16, 4, 0, tzinfo=UTC), setup_actor=SETUP,
        desk=DESK).backup(u, c[2] / "venue.bak"), None, True),
}


def _day_build(key: str) -> Build:
    actor, act, prepare, writes = DAY_CASES[key]
    return lambda engine, tmp: _day_scene(engine, tmp, actor, act, prepare, writes)


# --- custody and the secure paper room --------------------------------------------------------------

def _custody_scene(engine: Engine, actor: str, role: str) -> Scene:
    v = make_venue(engine)
    with Session(engine) as s:
        from app.db.models import Staff

        ids = {n: i for n, i in s.execute(select(Staff.staff_number, Staff.id))}
    auth = auth_service(engine, v.clock)
    scene = Scene(engine, auth, StaffService(sessions(engine), v.clock, CHEAP, auth), ids, actor, lambda _u: None)
    givers = v.sign("Z0001", "F0001")
    receivers = v.sign("B0001", "B0002", side=Side.RECEIVING)
    draft = HandoverDraft(ESCORT, SECURE_ROOM, v.sitting, v.ok(*v.items))
    recorder = scene.login("B0003")

    def act(u: StaffSession) -> object:
        if role == "recorder":
            return v.custody.record_handover(u, draft, givers, receivers)
        if role == "receiver":  # signed as a receiver a moment ago, ended before it is recorded
            return v.custody.record_handover(recorder, draft, givers, [receivers[0], u])
        if role == "reconcile":
            return v.custody.reconcile(u)
        return v.paper_room.mark_evidence(u, START, START + timedelta(minutes=5), None, "a visitor without a badge")

    scene.act = act
    return scene


CUSTODY_CASES = {
    "custody.handover": ("B0003", "recorder"),
    "custody.handover_signer": ("B0002", "receiver"),
    "custody.reconcile": ("Z0001", "reconcile"),
    "paper_room.mark_evidence": ("Z0001", "evidence"),
}


def _custody_build(key: str) -> Build:
    actor, role = CUSTODY_CASES[key]
    return lambda engine, _tmp: _custody_scene(engine, actor, role)


# --- the exam package, imported from the GUI's set-up / sync screen ---------------------------------

@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo(tmp_path_factory.mktemp("package") / "demo.vopkg", rooms=2, seats_per_room=5,
                     candidates_per_sitting=10)


BUILDS: dict[str, Build] = {**{k: _day_build(k) for k in DAY_CASES}, **{k: _custody_build(k) for k in CUSTODY_CASES}}
ENDINGS = ("deactivated", "credential_reset_by_someone_else")


def _end(scene: Scene, ending: str) -> None:
    """The system administrator (or, for the administrator's own case, the chief) ends it."""
    manager = scene.login("X0001")
    target = scene.ids[scene.actor]
    if ending == "deactivated":
        scene.staff.set_active(manager, target, False, reason="no longer on duty today")
    else:
        scene.staff.set_credential(manager, target, RESET, reason="the invigilator forgot it")


def _refused_and_nothing_written(scene: Scene, ending: str) -> None:
    session = scene.login(scene.actor)
    _end(scene, ending)
    before = _rows(scene.engine)
    with pytest.raises(VenueError) as err:
        scene.act(session)
    assert err.value.code == "auth.session_ended", err.value
    assert _rows(scene.engine) == before


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("case", sorted(BUILDS))
def test_art51_with_an_open_session_each_case_writes(engine: Engine, tmp_path: Path, case: str) -> None:
    """The control: the same call, by the same person, goes through while their session is open."""
    scene = BUILDS[case](engine, tmp_path)
    before = _audit_count(engine)
    scene.act(scene.login(scene.actor))
    if scene.writes:
        assert _audit_count(engine) > before, case


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("ending", ENDINGS)
@pytest.mark.parametrize("case", sorted(BUILDS))
def test_art42_51_an_ended_session_is_refused_and_writes_nothing(engine: Engine, tmp_path: Path, case: str,
                                                               ending: str) -> None:
    _refused_and_nothing_written(BUILDS[case](engine, tmp_path), ending)


@pytest.mark.parametrize("ending", ENDINGS)
@pytest.mark.parametrize("case", ["custody.handover_signer", "incident.new", "control.open_room"])
def test_art42_51_an_ended_session_writes_nothing_on_both_engines(engine: Engine, tmp_path: Path, case: str,
                                                                  ending: str) -> None:
    _refused_and_nothing_written(BUILDS[case](engine, tmp_path), ending)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("ending", ENDINGS)
def test_art42_51_a_package_import_from_an_ended_session_writes_nothing(engine: Engine, tmp_path: Path,
                                                                        package: Path, ending: str) -> None:
    scene = _day_scene(engine, tmp_path, "Z0001", lambda sc, c, u: PackageImporter(
        sessions(sc.engine), c[0].clock, trusted_keys=demo_trusted_keys(), cipher=PersonalDataCipher(DataKeys.generate()),
        actor=SETUP, desk=DESK).import_file(package, by=u), None)
    _refused_and_nothing_written(scene, ending)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_art42_after_setting_their_own_credential_a_reset_person_signs_in_and_works_again(engine: Engine,
                                                                                       tmp_path: Path) -> None:
    scene = BUILDS["incident.new"](engine, tmp_path)
    _end(scene, "credential_reset_by_someone_else")
    fresh = scene.auth.login(scene.actor, RESET, DESK)
    assert fresh.credential_reset
    own = scene.staff.change_own_credential(fresh, RESET, "my-very-own-77")
    assert not own.credential_reset
    before = _audit_count(engine)
    scene.act(own)
    assert _audit_count(engine) > before


def test_art51_only_sessions_signed_in_a_moment_ago_are_checked_by_role_alone() -> None:
    """`require_role` skips the session check: it stays where no transaction exists yet and the
    session was authenticated a moment ago, and the service checks again when it writes."""
    allowed = {("app/services/custody.py", "sign"), ("app/package/importer.py", "import_file")}
    found = set()
    for path in sorted((ROOT / "app").rglob("*.py")) + sorted((ROOT / "sync").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for fn in ast.walk(tree):
            if not isinstance(fn, ast.FunctionDef):
                continue
            for node in ast.walk(fn):
                if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) \
                        == "require_role":
                    found.add((path.relative_to(ROOT).as_posix(), fn.name))
    found.discard(("app/security/permissions.py", "require"))
    assert found == allowed
