"""What a committed transaction changed is known from the tables it wrote, not from a hand-written
list: every table has a data kind, a rollback announces nothing, bulk statements count too."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, insert, update
from sqlalchemy.orm import sessionmaker

from app.changes import DataKind, recording, tracked
from app.db import models_checkin, models_control, models_custody, models_incidents, models_sync  # noqa: F401
from app.db.changes import TABLE_KINDS
from app.db.engine import make_engine
from app.db.migrate import upgrade
from app.db.models import Base, KeyValue


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    engine = make_engine(f"sqlite:///{tmp_path / 'venue.sqlite'}")
    upgrade(engine)
    return engine


def test_every_table_has_a_data_kind() -> None:
    assert set(Base.metadata.tables) - set(TABLE_KINDS) == set()


def test_a_committed_write_announces_its_kind(engine: Engine) -> None:
    sessions = sessionmaker(engine)

    def write() -> str:
        with sessions() as s, s.begin():
            s.add(KeyValue(key="k", value="v"))
        return "done"

    assert tracked(write) == ("done", frozenset({DataKind.SETTINGS}))


def test_a_rolled_back_write_announces_nothing(engine: Engine) -> None:
    sessions = sessionmaker(engine)
    with recording() as kinds:
        with pytest.raises(RuntimeError), sessions() as s, s.begin():
            s.add(KeyValue(key="k", value="v"))
            s.flush()
            raise RuntimeError("clumsy")
    assert kinds == set()


def test_reads_announce_nothing(engine: Engine) -> None:
    sessions = sessionmaker(engine)
    with recording() as kinds, sessions() as s:
        s.query(KeyValue).all()
        s.commit()
    assert kinds == set()


def test_bulk_statements_announce_their_table(engine: Engine) -> None:
    sessions = sessionmaker(engine)
    with recording() as kinds, sessions() as s, s.begin():
        s.execute(insert(KeyValue), [{"key": "a", "value": "1"}, {"key": "b", "value": "2"}])
    assert kinds == {DataKind.SETTINGS}
    with recording() as kinds, sessions() as s, s.begin():
        s.execute(update(KeyValue).where(KeyValue.key == "a").values(value="3"))
    assert kinds == {DataKind.SETTINGS}


def test_a_commit_before_a_failure_is_still_announced(engine: Engine) -> None:
    sessions = sessionmaker(engine)
    with pytest.raises(ValueError), recording() as kinds:
        with sessions() as s, s.begin():
            s.add(KeyValue(key="k", value="v"))
        raise ValueError("second step failed")
    assert kinds == {DataKind.SETTINGS}


def test_nested_recordings_hand_their_kinds_outwards(engine: Engine) -> None:
    sessions = sessionmaker(engine)
    with recording() as outer:
        with recording() as inner, sessions() as s, s.begin():
            s.add(KeyValue(key="k", value="v"))
    assert inner == outer == {DataKind.SETTINGS}


def test_outside_a_recording_nothing_is_kept(engine: Engine) -> None:
    sessions = sessionmaker(engine)
    with sessions() as s, s.begin():
        s.add(KeyValue(key="k", value="v"))
    with recording() as kinds:
        pass
    assert kinds == set()


def test_custody_discrepancy_announces_the_draft_incident_it_opened(tmp_path: Path) -> None:
    """The incident log hears of the draft custody opened (art. 22(四)), though custody never said so."""
    from app.rules.custody import ESCORT, EXAM_OFFICE, SECURE_ROOM, Scanned, room_place
    from tests.unit.test_custody_support import make_venue

    engine = make_engine(f"sqlite:///{tmp_path / 'venue.sqlite'}")
    upgrade(engine)
    v = make_venue(engine)
    codes = ("01Q", "01A", "02Q", "02A", "SPQ")
    v.hand_over(ESCORT, SECURE_ROOM, v.ok(*codes), ("Z0001", "F0001"), ("B0001", "B0002"))
    v.hand_over(SECURE_ROOM, EXAM_OFFICE, v.ok(*codes), ("B0001", "B0002"), ("Z0001", "F0001"))
    _matching, kinds = tracked(lambda: v.hand_over(EXAM_OFFICE, room_place("01"), v.ok("01Q", "01A"),
                                                  ("Z0001", "F0001"), ("J0701", "J0702")))
    assert DataKind.CUSTODY in kinds and DataKind.INCIDENTS not in kinds
    short = (Scanned(v.code("02Q"), 29),)  # 02A missing, a paper short
    result, kinds = tracked(lambda: v.hand_over(EXAM_OFFICE, room_place("02"), short, ("Z0001", "F0001"),
                                                ("J0701", "J0702")))
    assert result.with_discrepancy
    assert {DataKind.CUSTODY, DataKind.INCIDENTS, DataKind.AUDIT} <= kinds


def test_core_statements_on_a_table_announce_it(engine: Engine) -> None:
    """The check-in writes its audit, outbox and scan rows as Core INSERTs on the table (no mapper):
    the screens that show them still hear of it."""
    sessions = sessionmaker(engine)
    table = KeyValue.__table__
    with recording() as kinds, sessions() as s, s.begin():
        s.execute(insert(table), {"key": "t", "value": "1"})  # type: ignore[arg-type]
    assert kinds == {DataKind.SETTINGS}
