"""Art. 43: the chain stays whole while a check-in's appends skip re-reading the head (the last
event a transaction appended is still the head while it holds the chain's lock) and skip reading
the last checkpoint (while the newest one read is under 1,000 events back). Attacked with what
could make those shortcuts lie: a rolled-back savepoint, a rolled-back checkpoint, many desks'
transactions one after another."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.db.engine import make_engine, make_session_factory
from app.db.migrate import upgrade
from app.db.models import AuditCheckpoint, AuditEvent
from app.db.types import utcnow
from app.security.checkpoint_key import CheckpointSigner
from app.security.crypto import DataKeys
from app.services import audit, audit_anchor
from app.services.audit import Actor

ACTOR = Actor.system("test")


@pytest.fixture(params=["sqlite", "postgres"])
def sessions(request: pytest.FixtureRequest, sqlite_url: str) -> Iterator[sessionmaker[Session]]:
    url = sqlite_url if request.param == "sqlite" else request.getfixturevalue("pg_url")
    engine = make_engine(url)
    upgrade(engine)
    factory = make_session_factory(engine)
    audit_anchor.attach(factory, CheckpointSigner.from_keys(DataKeys.generate()))
    yield factory
    engine.dispose()


def _append(s: Session, n: int = 1) -> AuditEvent:
    event = None
    for _ in range(n):
        event = audit.record(s, ACTOR, "test.event", "thing", uuid.uuid4(), desk="d", now=utcnow())
    assert event is not None
    return event


def _verify(sessions: sessionmaker[Session]) -> audit.ChainReport:
    with sessions() as s:
        return audit.verify(s)


def test_art43_an_append_after_a_rolled_back_savepoint_chains_onto_what_is_left(
        sessions: sessionmaker[Session]) -> None:
    with sessions() as s, s.begin():
        first = _append(s)
        nested = s.begin_nested()
        _append(s, 2)
        nested.rollback()
        after = _append(s)
        assert after.prev_hash == first.hash
    report = _verify(sessions)
    assert report.broken_at_seq is None and report.events == 2


def test_art43_appends_in_many_transactions_chain_one_after_another(sessions: sessionmaker[Session]) -> None:
    for _ in range(5):
        with sessions() as s, s.begin():
            _append(s, 3)
    with sessions() as s, s.begin():
        _append(s)
        s.rollback()  # a transaction that appended and rolled back leaves nothing to chain onto
    with sessions() as s, s.begin():
        _append(s)
    report = _verify(sessions)
    assert report.broken_at_seq is None and report.events == 16


def test_art43_a_checkpoint_every_thousand_events_even_after_one_was_rolled_back(
        sessions: sessionmaker[Session]) -> None:
    with sessions() as s, s.begin():
        _append(s, 999)
    with sessions() as s, s.begin():
        _append(s)  # the 1,000th: a checkpoint, then the transaction is rolled back
        assert s.scalar(select(func.count()).select_from(AuditCheckpoint)) == 1
        s.rollback()
    for _ in range(3):
        with sessions() as s, s.begin():
            _append(s, 700)
    with sessions() as s:
        seqs = [0, *s.scalars(select(AuditCheckpoint.seq).order_by(AuditCheckpoint.seq))]
        events = list(s.scalars(select(AuditEvent.seq)))  # PostgreSQL's sequence keeps the rolled-back number
    assert len(seqs) >= 3

    def between(a: int, b: float) -> int:
        return sum(1 for seq in events if a < seq <= b)

    assert all(between(a, b) <= audit_anchor.EVERY for a, b in itertools.pairwise(seqs))
    assert between(seqs[-1], float("inf")) < audit_anchor.EVERY
    assert _verify(sessions).broken_at_seq is None
