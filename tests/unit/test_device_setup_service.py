"""Art. 51: the desk's devices changed after set-up, on a real SQLite file and a real settings file:
only a role that may configure devices changes them, every change is an audit event with the
devices before and after, the file is replaced whole and keeps its other settings, and a bad entry
or a refused person writes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from app import config
from app.db.engine import make_engine
from app.db.migrate import upgrade
from app.db.models import AuditEvent
from app.device_settings import DeviceSettingsError, parse_devices
from app.errors import PermissionDenied
from app.services.device_setup import DeviceSetupService
from tests.unit.test_control_support import Day, exam_day

READER = {"name": "读卡器1", "kind": "idcard", "source": "/dev/ttyUSB0"}
WEDGE = {"name": "扫码枪1", "kind": "scanner-wedge", "options": {"max_gap_ms": 90.0, "silence_ms": 120.0}}


@pytest.fixture
def day(tmp_path: Path) -> Day:
    engine = make_engine(f"sqlite:///{tmp_path / 'venue.sqlite'}")
    upgrade(engine)
    return exam_day(engine)


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    path = tmp_path / "settings.json"
    config.save(config.Settings(data_dir=tmp_path, desk_name="1号检录台", language="en",
                                devices=parse_devices([READER])), path)
    return path


def _service(day: Day, settings_file: Path) -> DeviceSetupService:
    return DeviceSetupService(sessionmaker(day.engine), day.clock, settings_file,
                              config.load(settings_file).devices, desk="1号检录台")


def _events(day: Day) -> list[AuditEvent]:
    with day.session() as s:
        return list(s.scalars(select(AuditEvent).where(AuditEvent.action == "devices.configured")))


def test_art51_the_chief_adds_a_device_audited_and_the_file_keeps_its_other_settings(
        day: Day, settings_file: Path) -> None:
    service = _service(day, settings_file)
    saved = service.save(day.login("Z0001"), [READER, WEDGE])
    assert [d.name for d in saved] == ["读卡器1", "扫码枪1"] and service.devices() == saved
    reread = config.load(settings_file)
    assert reread.devices == saved and reread.desk_name == "1号检录台" and reread.language == "en"
    assert not settings_file.with_suffix(".tmp").exists()
    [event] = _events(day)
    assert event.actor_name == "主考 王" and event.desk == "1号检录台"
    assert [d["name"] for d in json.loads(event.before_json or "{}")["devices"]] == ["读卡器1"]
    after = json.loads(event.after_json or "{}")["devices"]
    assert after[1] == {"name": "扫码枪1", "kind": "scanner-wedge",
                        "options": {"max_gap_ms": 90.0, "silence_ms": 120.0}}


def test_art51_an_invigilator_is_refused_by_the_core_and_nothing_is_written(day: Day, settings_file: Path) -> None:
    service = _service(day, settings_file)
    before = settings_file.read_bytes()
    invigilator = day.login("J0001")
    with pytest.raises(PermissionDenied):
        service.save(invigilator, [WEDGE])
    with pytest.raises(PermissionDenied):
        service.allow(invigilator)  # nor may they stop a device for a test or restart it
    assert settings_file.read_bytes() == before and not _events(day)
    assert [d.name for d in service.devices()] == ["读卡器1"]
    service.allow(day.login("Z0001"))


def test_a_bad_entry_is_refused_by_name_and_leaves_file_and_trail_alone(day: Day, settings_file: Path) -> None:
    service = _service(day, settings_file)
    before = settings_file.read_bytes()
    with pytest.raises(DeviceSettingsError) as refused:
        service.save(day.login("Z0001"), [READER, {"name": "扫码枪1", "kind": "scanner-wedge",
                                                      "options": {"max_gap_ms": -1}}])
    assert refused.value.params["name"] == "扫码枪1" and refused.value.params["key"] == "max_gap_ms"
    assert settings_file.read_bytes() == before and not _events(day)


def test_saving_the_same_devices_again_records_nothing(day: Day, settings_file: Path) -> None:
    service = _service(day, settings_file)
    service.save(day.login("Z0001"), [READER])
    assert not _events(day)


def test_a_file_that_cannot_be_written_leaves_no_audit_event(day: Day, settings_file: Path) -> None:
    service = _service(day, settings_file)
    settings_file.with_suffix(".tmp").mkdir()  # the temporary file's place is taken: the write fails
    with pytest.raises(OSError):
        service.save(day.login("Z0001"), [READER, WEDGE])
    assert not _events(day) and [d.name for d in config.load(settings_file).devices] == ["读卡器1"]
    assert [d.name for d in service.devices()] == ["读卡器1"]


def test_options_typed_as_the_files_object_round_trip_and_anything_else_is_refused_by_name() -> None:
    from app.device_settings import options_as_text, options_from_text

    assert options_from_text("", "扫码枪1") == {} and options_as_text({}) == ""
    typed = options_from_text('{"max_gap_ms": 90, "prefix": "~", "terminators": "\\r"}', "扫码枪1")
    assert typed == {"max_gap_ms": 90, "prefix": "~", "terminators": "\r"}
    assert options_from_text(options_as_text(typed), "扫码枪1") == typed
    for bad in ("max_gap_ms=90", "[1, 2]", '"text"', "{"):
        with pytest.raises(DeviceSettingsError) as refused:
            options_from_text(bad, "扫码枪1", "devices")
        assert refused.value.code == "settings.device_options" and refused.value.params["name"] == "扫码枪1"
