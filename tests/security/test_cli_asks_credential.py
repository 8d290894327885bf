"""Art. 44, 51: the command line asks a staff member's credential for every sensitive command,
checks that person against the one permission table, and names them in the audit trail. Run in
process (`app.__main__.main`) with the credential on standard input, as a script would pipe it.

`qapp` first: the command line's translator would otherwise create a bare QCoreApplication, and
every GUI test after this one would find no QApplication."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from sqlalchemy import select

from app.__main__ import main
from app.db.engine import make_engine, make_session_factory
from app.db.models import AuditEvent, Staff
from app.domain import Role
from app.package.demo import make_demo
from app.package.keys import demo_trusted_keys
from app.security.keystore_testing import MemoryKeyring
from tests.unit.test_security_support import CHEAP

CHIEF_SECRET = "chief-secret-2026"
INVIGILATOR_SECRET = "invigilator-secret-26"
ADMIN_SECRET = "admin-secret-2026"


def _main(argv: list[str], stdin: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as mp, contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        mp.setattr("sys.stdin", io.StringIO(stdin))
        # Cheap hashing parameters, injected where the composition root takes its policy.
        mp.setattr("app.bootstrap.CredentialPolicy", lambda: CHEAP)
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


@dataclass
class Venue:
    base: tuple[str, ...]
    data: Path
    package: Path
    numbers: dict[Role, str]

    def run(self, *argv: str, stdin: str = "") -> tuple[int, str, str]:
        return _main([*self.base, *argv], stdin)

    def events(self, action: str) -> list[AuditEvent]:
        engine = make_engine(f"sqlite:///{self.data / 'venue.sqlite'}")
        try:
            with make_session_factory(engine)() as s:
                return list(s.scalars(select(AuditEvent).where(AuditEvent.action == action)))
        finally:
            engine.dispose()


@pytest.fixture(scope="module")
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous: KeyringBackend = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


def _settings(folder: Path, data: Path) -> Path:
    settings = folder / "settings.json"
    settings.write_text(json.dumps({"data_dir": str(data), "language": "en", "allow_plaintext_keys": True,
                                    "provincial_keys": demo_trusted_keys()}))
    return settings


@pytest.fixture(scope="module")
def template(qapp: object, tmp_path_factory: pytest.TempPathFactory, memory_keyring: MemoryKeyring) -> Venue:
    """A venue after first set-up, made once: package imported, chief enrolled, two more credentials."""
    folder = tmp_path_factory.mktemp("venue")
    data = folder / "data"
    v = Venue(("--settings", str(_settings(folder, data))), data, make_demo(folder / "demo.vopkg"), {})
    # First set-up: nobody can sign in yet, so nobody is asked.
    assert v.run("package", "import", str(v.package))[0] == 0
    engine = make_engine(f"sqlite:///{data / 'venue.sqlite'}")
    with make_session_factory(engine)() as s:
        for role in (Role.CHIEF_EXAMINER, Role.INVIGILATOR, Role.SYSTEM_ADMINISTRATOR):
            v.numbers[role] = s.scalars(select(Staff.staff_number).where(Staff.role == role)
                                        .order_by(Staff.staff_number)).first() or ""
    engine.dispose()
    chief = v.numbers[Role.CHIEF_EXAMINER]
    assert v.run("staff", "enrol-chief", chief, stdin=CHIEF_SECRET + "\n")[0] == 0
    for role, secret in ((Role.INVIGILATOR, INVIGILATOR_SECRET), (Role.SYSTEM_ADMINISTRATOR, ADMIN_SECRET)):
        code, _, err = v.run("--staff", chief, "staff", "set-credential", v.numbers[role], "--reason", "new on duty",
                             stdin=f"{CHIEF_SECRET}\n{secret}\n")
        assert code == 0, err
    return v


@pytest.fixture
def venue(template: Venue, tmp_path: Path) -> Venue:
    data = tmp_path / "data"
    shutil.copytree(template.data, data)
    shutil.copyfile(data / "venue.sqlite", tmp_path / "b.sqlite")  # a backup to restore from
    return Venue(("--settings", str(_settings(tmp_path, data))), data, template.package, template.numbers)


def _commands(v: Venue, tmp: Path) -> dict[str, tuple[str, ...]]:
    return {
        "db backup": ("db", "backup", str(tmp / "b.sqlite")),
        "package import": ("package", "import", str(v.package)),
        "sync configure": ("sync", "configure", "https://127.0.0.1:9", "--venue", "V1"),
        "sync set-credential": ("sync", "set-credential"),
        "sync upload": ("sync", "upload"),
        "sync export": ("sync", "export", str(tmp / "out.vor")),
        "sync fetch-package": ("sync", "fetch-package"),
        "staff deactivate": ("staff", "deactivate", v.numbers[Role.INVIGILATOR], "--reason", "stood down"),
        "db restore": ("db", "restore", str(tmp / "b.sqlite")),
    }


def test_art51_every_sensitive_command_without_a_credential_is_refused(venue: Venue, tmp_path: Path) -> None:
    for command, argv in _commands(venue, tmp_path).items():
        code, out, err = venue.run(*argv)
        assert code == 1 and "credential" in err and "--staff" in err, (command, out, err)


def test_art51_sensitive_command_with_a_wrong_credential_is_refused(venue: Venue, tmp_path: Path) -> None:
    chief = venue.numbers[Role.CHIEF_EXAMINER]
    for command in ("db backup", "sync upload", "staff deactivate", "package import"):
        code, _, err = venue.run("--staff", chief, *_commands(venue, tmp_path)[command], stdin="not-the-secret\n")
        assert code == 1 and "not correct" in err, (command, err)
    assert len(venue.events("auth.command_failed")) == 4


def test_art44_invigilator_may_run_no_sensitive_command(venue: Venue, tmp_path: Path) -> None:
    number = venue.numbers[Role.INVIGILATOR]
    for command, argv in _commands(venue, tmp_path).items():
        code, _, err = venue.run(*argv, "--staff", number, stdin=INVIGILATOR_SECRET + "\n")
        assert code == 1 and "Your role (Invigilator) may not do this" in err, (command, err)


def test_art44_system_administrator_may_not_export_but_the_chief_may(venue: Venue, tmp_path: Path) -> None:
    admin, chief = venue.numbers[Role.SYSTEM_ADMINISTRATOR], venue.numbers[Role.CHIEF_EXAMINER]
    export = _commands(venue, tmp_path)["sync export"]
    code, _, err = venue.run("--staff", admin, *export, stdin=ADMIN_SECRET + "\n")
    assert code == 1 and "export results for a USB stick" in err
    code, _, err = venue.run("--staff", chief, *export, stdin=CHIEF_SECRET + "\n")
    assert "may not do this" not in err and "credential" not in err.replace("sync credential", ""), err


def test_art51_the_right_person_runs_each_command_and_the_trail_names_them(venue: Venue, tmp_path: Path) -> None:
    chief = venue.numbers[Role.CHIEF_EXAMINER]
    cmd = _commands(venue, tmp_path)
    names: set[str] = set()
    for name, action in (("db backup", "db.backup"), ("db restore", "db.restored"), ("package import", None),
                         ("sync configure", "sync.configured"), ("staff deactivate", "staff.deactivated")):
        code, _, err = venue.run("--staff", chief, *cmd[name], stdin=CHIEF_SECRET + "\n")
        assert code == 0, (name, err)
        if action:
            names |= {e.actor_name for e in venue.events(action)}
    code, _, err = venue.run("--staff", chief, *cmd["sync set-credential"], stdin=f"{CHIEF_SECRET}\nvo1-{'7' * 64}\n")
    assert code == 0, err
    names |= {e.actor_name for e in venue.events("sync.credential_set")}
    assert len(names) == 1 and "venue-ops@" not in names.pop()
    assert venue.events("auth.command")
