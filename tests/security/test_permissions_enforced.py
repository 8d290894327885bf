"""Art. 44, 51: every declared permission is checked where a use case starts, and the GUI offers
a role only what the one table lets it do. The attacker here is a signed-in staff member of the
wrong role calling a service directly (what the command line or a forgotten button would do)."""

from __future__ import annotations

import ast
import gc
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from app.db.engine import make_session_factory
from app.domain import Role
from app.errors import VenueError
from app.package.demo import make_demo
from app.package.importer import PackageImporter
from app.package.keys import demo_trusted_keys
from app.security.auth import AuthService, StaffSession
from app.security.crypto import DataKeys, PersonalDataCipher
from app.security.permissions import PERMISSIONS, Permission, allowed_roles
from app.services.audit import Actor
from app.services.control_room import ControlRoomService
from app.services.maintenance import MaintenanceService
from app.services.staff import StaffService
from sync.credential import CredentialStore
from sync.service import SyncService
from tests.unit.test_security_support import CHEAP, DESK, GOOD, FakeClock, add_staff, add_venue
from ui.runner import OpRunner
from ui.shell.screens import SCREEN_PERMISSIONS, screens_for
from ui.sync.screen import SyncScreen

ROOT = Path(__file__).resolve().parents[2]
SETUP = Actor.system("venue-ops@test")


def _importer(sessions: sessionmaker[Session], cipher: PersonalDataCipher) -> PackageImporter:
    return PackageImporter(sessions, FakeClock(), trusted_keys=demo_trusted_keys(), cipher=cipher, actor=SETUP,
                           desk=DESK)


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo(tmp_path_factory.mktemp("package") / "demo.vopkg")


def _checked_permissions() -> set[str]:
    """Permissions named in a require()/require_role()/authorize()/_who()/_authorized() call in app/ or sync/."""
    found: set[str] = set()
    for package in ("app", "sync"):
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call):
                    name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                    if name in {"require", "require_role", "authorize", "_who", "_authorized"}:
                        for arg in node.args:
                            if isinstance(arg, ast.Attribute) and isinstance(arg.value, ast.Name) \
                                    and arg.value.id == "Permission":
                                found.add(arg.attr)
    return found


def test_art51_every_declared_permission_is_checked_by_a_service() -> None:
    assert {p.name for p in Permission} - _checked_permissions() == set()


def test_art51_the_gui_shows_a_screen_only_to_roles_its_permission_allows() -> None:
    for role in Role:
        keys = {s.key for s in screens_for(role, {})}
        allowed = {k for k, p in SCREEN_PERMISSIONS if p is None or role in allowed_roles(p)}
        assert keys <= allowed, role
    assert "sync" in {s.key for s in screens_for(Role.SYSTEM_ADMINISTRATOR, {})}
    assert "control" not in {s.key for s in screens_for(Role.INVIGILATOR, {})}


def _people(engine: Engine) -> tuple[AuthService, dict[Role, StaffSession]]:
    venue = add_venue(engine)
    for i, role in enumerate(Role):
        add_staff(engine, venue, f"S{i:04d}", role)
    auth = AuthService(make_session_factory(engine), FakeClock(), CHEAP)
    return auth, {role: auth.login(f"S{i:04d}", GOOD, DESK) for i, role in enumerate(Role)}


def _denied(fn: object, *args: object, **kwargs: object) -> str:
    with pytest.raises(VenueError) as err:
        fn(*args, **kwargs)  # type: ignore[operator]
    return err.value.code


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_art44_each_role_outside_the_table_is_refused_at_the_service(engine: Engine, tmp_path: Path,
                                                                   package: Path) -> None:
    auth, people = _people(engine)
    sessions: sessionmaker[Session] = make_session_factory(engine)
    cipher = PersonalDataCipher(DataKeys.generate())
    now = datetime.now(UTC)
    for role, user in people.items():
        sync = SyncService(sessions, CredentialStore(backend=lambda: None), tmp_path, SETUP, DESK, FakeClock(),
                           user=user)  # type: ignore[arg-type,return-value]
        attempts = {
            Permission.IMPORT_PACKAGE: lambda u=user: _importer(sessions, cipher).import_file(package, by=u),
            Permission.BACKUP: lambda u=user: MaintenanceService(
                engine, sessions, FakeClock(), setup_actor=SETUP, desk=DESK).backup(u, tmp_path / f"{u.role}.bak"),
            Permission.EXPORT: lambda s=sync: s.export(tmp_path / "out.vor"),
            Permission.SYNC_UPLOAD: lambda s=sync: s.configure("https://127.0.0.1:9", "V1"),
            Permission.VIEW_CONTROL_ROOM: lambda u=user: ControlRoomService(sessions, FakeClock(), auth, u).view(now),
            Permission.MANAGE_STAFF: lambda u=user: StaffService(sessions, FakeClock(), CHEAP, auth).set_active(
                u, people[Role.INVIGILATOR].staff_id, True, reason="check"),
        }
        for permission, attempt in attempts.items():
            if role in PERMISSIONS[permission]:
                continue
            assert _denied(attempt) == "security.permission_denied", (role, permission)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_art51_without_a_signed_in_person_only_first_set_up_runs(engine: Engine, tmp_path: Path,
                                                                 package: Path) -> None:
    sessions = make_session_factory(engine)
    cipher = PersonalDataCipher(DataKeys.generate())
    # Nobody can sign in yet: the first import is set-up, audited as such.
    _importer(sessions, cipher).import_file(package)
    venue = add_venue(engine, "V-9")
    add_staff(engine, venue, "Z9999", Role.CHIEF_EXAMINER)  # from now on somebody can sign in
    assert _denied(_importer(sessions, cipher).import_file, package) == "security.sign_in_required"
    maintenance = MaintenanceService(engine, sessions, FakeClock(), setup_actor=SETUP, desk=DESK)
    assert _denied(maintenance.backup, None, tmp_path / "b.sqlite") == "security.sign_in_required"
    assert not (tmp_path / "b.sqlite").exists()


class _Status:
    def status(self) -> object:
        raise VenueError("sync.not_configured", "Sync is not set up.")


@pytest.fixture
def screens(qtbot: QtBot) -> Iterator[dict[Role, SyncScreen]]:
    made = {}
    for role in (Role.SYSTEM_ADMINISTRATOR, Role.CHIEF_EXAMINER):
        allowed = frozenset(p for p, roles in PERMISSIONS.items() if role in roles)
        made[role] = SyncScreen(OpRunner(), _Status(), allowed=allowed)  # type: ignore[arg-type]
        qtbot.addWidget(made[role])
        made[role].show()
    yield made
    QThreadPool.globalInstance().waitForDone(30000)
    gc.collect()
    QApplication.processEvents()


def test_art44_the_system_administrators_sync_screen_offers_no_export(screens: dict[Role, SyncScreen]) -> None:
    admin, chief = screens[Role.SYSTEM_ADMINISTRATOR], screens[Role.CHIEF_EXAMINER]
    assert not admin.export_button.isVisible() and admin.send.isVisible()
    assert chief.export_button.isVisible() and chief.send.isVisible()
    admin.choose_export()  # F6 as well: no file dialog, nothing submitted
    assert admin._cancel is None


def test_permission_names_shown_to_people_are_translated_sentences_not_identifiers() -> None:
    from ui.names import permission_name, readable_params

    assert all(" " in permission_name(p) and "_" not in permission_name(p) for p in Permission)
    shown = readable_params({"role": "system_administrator", "action": "export"})
    assert shown == {"role": "System administrator", "action": "export results for a USB stick"}
