"""First-run set-up: answers checked field by field, the database tested, the venue and its first
chief examiner written, settings.json last (real SQLite files and a real PostgreSQL server)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from app import config
from app.config import Settings
from app.db.engine import make_engine
from app.db.engine import make_session_factory as sessions_for
from app.db.models import AuditEvent, KeyValue, Staff, Venue
from app.db.types import utcnow
from app.device_settings import IdReaderSettings
from app.errors import VenueError
from app.package.keys import DEMO_PUBLIC_KEY, load_public_key, public_key_hex
from app.security.auth import AuthService, LockoutPolicy
from app.services import audit
from app.services.setup import (
    ChiefCredential,
    DatabaseState,
    ProvinceLink,
    SetupAnswers,
    VenueIdentity,
    apply_setup,
    check_chief,
    check_devices,
    check_province,
    check_venue,
    database_state,
    first_run_needed,
    postgres_url,
)
from app.services.setup import (
    check_database as probe_database,
)
from tests.unit.test_security_support import CHEAP

PUBLIC_PEM = DEMO_PUBLIC_KEY.read_text(encoding="ascii")
PUBLIC_HEX = public_key_hex(load_public_key(PUBLIC_PEM))


def answers(**changes: object) -> SetupAnswers:
    base = SetupAnswers(
        venue=VenueIdentity("320107", "南京市第一中学考点", "鼓楼区", "中山路1号"),
        province=ProvinceLink("https://exam.js.example.cn/api/", "js-2026", PUBLIC_PEM),
        chief=ChiefCredential("T320107001", "刘静敏", "chief-credential-1", "chief-credential-1"),
        devices=({"name": "读卡器1", "kind": "idcard", "source": "COM3"},),
        desk_name="主考室",
        allow_plaintext_keys=True,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def code_of(fn: object, *args: object, **kwargs: object) -> str:
    with pytest.raises(VenueError) as err:
        fn(*args, **kwargs)  # type: ignore[operator]
    return err.value.code


def test_first_run_needed_only_without_settings_and_database(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    file = tmp_path / "settings.json"
    assert first_run_needed(file, settings)
    assert not first_run_needed(file, settings.with_overrides(db_url="sqlite:///elsewhere.sqlite"))
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "venue.sqlite").touch()
    assert not first_run_needed(file, settings)
    (tmp_path / "data" / "venue.sqlite").unlink()
    file.write_text("{}")
    assert not first_run_needed(file, settings)


def test_venue_identity_is_required_and_its_code_plain() -> None:
    assert check_venue(VenueIdentity(" 320107 ", " 一中 ")) == VenueIdentity("320107", "一中")
    assert code_of(check_venue, VenueIdentity("", "一中")) == "setup.required"
    assert code_of(check_venue, VenueIdentity("320107", "  ")) == "setup.required"
    assert code_of(check_venue, VenueIdentity("32 01/07", "一中")) == "setup.bad_venue_code"


def test_province_address_and_key_are_checked_and_the_key_kept_as_hex() -> None:
    link = check_province(ProvinceLink(" https://exam.js.example.cn/ ", "js-2026", PUBLIC_PEM))
    assert link == ProvinceLink("https://exam.js.example.cn", "js-2026", PUBLIC_HEX)
    assert check_province(ProvinceLink("http://127.0.0.1:8080", "k", PUBLIC_HEX)).public_key == PUBLIC_HEX
    assert code_of(check_province, ProvinceLink("http://10.0.0.5:8080", "k", PUBLIC_HEX)) == "setup.bad_server_url"
    assert code_of(check_province, ProvinceLink("exam.js.example.cn", "k", PUBLIC_HEX)) == "setup.bad_server_url"
    assert code_of(check_province, ProvinceLink("ftp://x", "k", PUBLIC_HEX)) == "setup.bad_server_url"
    assert code_of(check_province, ProvinceLink("https://x", "", PUBLIC_HEX)) == "setup.required"
    assert code_of(check_province, ProvinceLink("https://x", "k", "12ab")) == "setup.bad_public_key"
    assert code_of(check_province, ProvinceLink("https://x", "k", "zz" * 32)) == "setup.bad_public_key"


def test_chief_credential_typed_twice_and_long_enough() -> None:
    ok = ChiefCredential("T1", "刘静敏", "long-enough-1", "long-enough-1")
    assert check_chief(ok, CHEAP) == ok
    assert code_of(check_chief, replace(ok, repeated="long-enough-2"), CHEAP) == "setup.credential_mismatch"
    assert code_of(check_chief, replace(ok, credential="short", repeated="short"), CHEAP) == "credential.too_short"
    assert code_of(check_chief, replace(ok, staff_number=" "), CHEAP) == "setup.required"


def test_device_names_are_given_and_unique() -> None:
    assert check_devices([{"name": "a", "kind": "idcard"}]) == (IdReaderSettings("a"),)
    assert code_of(check_devices, [{"name": "a", "kind": "scanner-serial"}]) == "settings.device_needs_source"
    assert code_of(check_devices, [{"name": "a"}, {"name": "a"}]) == "setup.duplicate_device"
    assert code_of(check_devices, [{"name": ""}]) == "setup.required"


def test_postgres_address_escapes_the_password() -> None:
    url = postgres_url("db.local", 5432, "venue", "venue_app", "p@ss/word:1")
    parsed = make_url(url)
    assert (parsed.host, parsed.port, parsed.database, parsed.password) == ("db.local", 5432, "venue", "p@ss/word:1")
    assert code_of(postgres_url, "", 5432, "venue", "u", "") == "setup.required"


def test_database_test_reports_the_engine_it_reached(db_url: str) -> None:
    assert probe_database(db_url).split()[0] in {"SQLite", "PostgreSQL"}


def test_database_test_names_an_unreachable_server_and_a_bad_address(tmp_path: Path) -> None:
    assert code_of(probe_database, "postgresql+psycopg://nobody@127.0.0.1:1/venue", 2) == "setup.database_refused"
    assert code_of(probe_database, "not a url") == "setup.bad_database_url"
    assert code_of(probe_database, "mysql://x/y") == "setup.bad_database_url"
    assert code_of(probe_database, f"sqlite:///{tmp_path / 'missing' / 'folder' / 'v.sqlite'}") == \
        "setup.database_unreachable"


def test_apply_sets_up_venue_chief_and_writes_settings_last(db_url: str, tmp_path: Path) -> None:
    file = tmp_path / "conf" / "settings.json"
    base = Settings(data_dir=tmp_path / "data")
    synced: list[tuple[str, str]] = []

    def configure_sync(session: Session, actor: audit.Actor, desk: str, url: str, venue_code: str,
                       now: datetime) -> None:
        session.add(KeyValue(key="test.sync_url", value=url))  # written in the venue's transaction
        synced.append((url, venue_code))

    result = apply_setup(answers(db_url=db_url), base, file, policy=CHEAP, configure_sync=configure_sync)
    assert synced == [("https://exam.js.example.cn/api", "320107")]

    saved = config.load(file)
    assert saved == result.settings
    assert saved.db_url == db_url
    assert saved.provincial_keys == {"js-2026": PUBLIC_HEX}
    assert saved.desk_name == "主考室"
    assert saved.devices == (IdReaderSettings("读卡器1", "COM3"),)
    assert json.loads(file.read_text(encoding="utf-8"))["provincial_keys"] == {"js-2026": PUBLIC_HEX}

    engine = make_engine(db_url)
    try:
        s = sessions_for(engine)
        with s() as session:
            venue = session.scalars(select(Venue)).one()
            chief = session.scalars(select(Staff)).one()
            assert (venue.code, venue.name) == ("320107", "南京市第一中学考点")
            assert (chief.staff_number, chief.venue_id) == ("T320107001", venue.id)
            actions = set(session.scalars(select(AuditEvent.action)))
            assert session.get(KeyValue, "test.sync_url") is not None
            report = audit.verify(session)
        assert report.intact
        assert {"venue.set_up", "staff.first_chief_enrolled"} <= actions
        auth = AuthService(s, utcnow, CHEAP, LockoutPolicy())
        assert auth.login("T320107001", "chief-credential-1", "desk").staff_number == "T320107001"
    finally:
        engine.dispose()


def test_apply_default_sqlite_and_a_failed_attempt_leaves_nothing(tmp_path: Path) -> None:
    file = tmp_path / "settings.json"
    base = Settings(data_dir=tmp_path / "data")
    bad = answers(chief=ChiefCredential("T1", "刘静敏", "short", "short"))
    assert code_of(apply_setup, bad, base, file, policy=CHEAP) == "credential.too_short"
    assert not file.exists() and not (tmp_path / "data" / "venue.sqlite").exists()

    result = apply_setup(answers(), base, file, policy=CHEAP)
    assert result.settings.db_url is None
    assert (tmp_path / "data" / "venue.sqlite").exists()
    assert not first_run_needed(file, config.load(file))


def test_apply_again_keeps_the_venue_and_refuses_a_second_first_chief(tmp_path: Path) -> None:
    file = tmp_path / "settings.json"
    base = Settings(data_dir=tmp_path / "data")
    apply_setup(answers(), base, file, policy=CHEAP)
    file.unlink()
    assert code_of(apply_setup, answers(), base, file, policy=CHEAP) == "staff.bootstrap_closed"
    other = answers(venue=VenueIdentity("999", "别的考点"))
    assert code_of(apply_setup, other, base, file, policy=CHEAP) == "setup.other_venue"
    assert not file.exists()
    assert (tmp_path / "data" / "venue.sqlite").exists()  # an existing database is never removed


def test_a_refused_sync_address_leaves_neither_venue_nor_settings(db_url: str, tmp_path: Path) -> None:
    file = tmp_path / "settings.json"

    def refuse(session: Session, actor: audit.Actor, desk: str, url: str, venue_code: str, now: datetime) -> None:
        raise VenueError("sync.bad_url", "The provincial server address must start with https:// ({url}).", url=url)

    assert code_of(apply_setup, answers(db_url=db_url), Settings(data_dir=tmp_path), file, policy=CHEAP,
                   configure_sync=refuse) == "sync.bad_url"
    assert not file.exists()
    engine = make_engine(db_url)
    try:
        with sessions_for(engine)() as session:
            assert session.scalars(select(Venue)).first() is None
            assert session.scalars(select(Staff)).first() is None
    finally:
        engine.dispose()


def test_a_second_desk_joins_a_database_that_is_set_up_without_a_chief(db_url: str, tmp_path: Path) -> None:
    assert database_state(db_url) == DatabaseState(None, False)
    assert code_of(apply_setup, answers(db_url=db_url, chief=None), Settings(data_dir=tmp_path / "a"),
                   tmp_path / "a.json", policy=CHEAP) == "setup.needs_chief"
    apply_setup(answers(db_url=db_url), Settings(data_dir=tmp_path / "a"), tmp_path / "a.json", policy=CHEAP)
    state = database_state(db_url)
    assert state == DatabaseState("320107", True) and state.set_up

    # the same data folder: this desk's keyring already holds the venue's data keys (installed from the
    # key backup; without them the core refuses with keys.missing, as on any desk)
    second = apply_setup(answers(db_url=db_url, chief=None, desk_name="门口2"), Settings(data_dir=tmp_path / "a"),
                         tmp_path / "b.json", policy=CHEAP)
    assert second.chief_id is None and config.load(tmp_path / "b.json").desk_name == "门口2"
    other = answers(db_url=db_url, chief=None, venue=VenueIdentity("999", "别的考点"))
    assert code_of(apply_setup, other, Settings(data_dir=tmp_path / "a"), tmp_path / "c.json",
                   policy=CHEAP) == "setup.other_venue"


def test_joining_needs_a_shared_database(tmp_path: Path) -> None:
    assert code_of(apply_setup, answers(chief=None), Settings(data_dir=tmp_path), tmp_path / "s.json",
                   policy=CHEAP) == "setup.needs_chief"


def test_exam_package_imported_after_setup_adopts_the_enrolled_chief(tmp_path: Path) -> None:
    from app.bootstrap import open_core
    from app.package.demo import make_demo

    result = apply_setup(answers(venue=VenueIdentity("320107", "demo"),
                                 province=ProvinceLink("https://exam.js.example.cn", "demo-2026", PUBLIC_PEM)),
                         Settings(data_dir=tmp_path / "data"), tmp_path / "settings.json", policy=CHEAP)
    core = open_core(result.settings, credential_policy=CHEAP)
    try:
        chief = core.auth.login("T320107001", "chief-credential-1", core.desk)  # set-up is over: who imports
        core.package_importer().import_file(make_demo(tmp_path / "demo.vopkg"), by=chief)
        assert core.auth.login("T320107001", "chief-credential-1", core.desk).staff_number == "T320107001"
    finally:
        core.close()
