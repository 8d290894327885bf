"""A real reference server on loopback (TLS with a throwaway CA) and a venue database of each
engine. The server lives for the whole session; each test is a venue of its own there."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from app.db.engine import make_session_factory
from app.engine.clock import VenueClock
from app.security.checkpoint_key import CheckpointSigner
from app.security.crypto import DataKeys
from app.security.keystore_testing import MemoryKeyring
from app.services import audit_anchor
from sync.credential import CredentialStore, new_credential
from sync.server.devcert import Pki, make_pki
from sync.server.faults import FaultSwitch
from sync.server.runner import ReferenceServer
from sync.server.store import ServerStore
from sync.service import SyncService
from sync.transport import RetryPolicy
from tests.sync.venue import ACTOR

FAST_RETRY = RetryPolicy(attempts=6, base_seconds=0.01, cap_seconds=0.05)


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="session")
def server_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerStore]:
    folder = tmp_path_factory.mktemp("province")
    store = ServerStore(f"sqlite:///{folder / 'server.sqlite'}", folder)
    yield store
    store.close()


@pytest.fixture(scope="session")
def faults() -> FaultSwitch:
    return FaultSwitch()


@pytest.fixture(scope="session")
def server(pki: Pki, server_store: ServerStore, faults: FaultSwitch) -> Iterator[ReferenceServer]:
    with ReferenceServer(server_store, faults=faults, certfile=pki.cert_file, keyfile=pki.key_file) as running:
        yield running


@pytest.fixture
def venue_code(server_store: ServerStore, faults: FaultSwitch) -> Iterator[str]:
    faults.clear()
    yield f"V{uuid.uuid4().hex[:8]}"
    faults.clear()


@pytest.fixture
def sessions(engine: Engine) -> sessionmaker[Session]:
    """As the composition root makes them: able to sign the audit trail's checkpoints."""
    factory = make_session_factory(engine)
    audit_anchor.attach(factory, CheckpointSigner.from_keys(DataKeys.generate()))
    return factory


@pytest.fixture
def keyring_backend() -> MemoryKeyring:
    return MemoryKeyring()


def make_service(sessions: sessionmaker[Session], ring: MemoryKeyring, files: Path) -> SyncService:
    return SyncService(sessions, CredentialStore(backend=lambda: ring), files, ACTOR, "desk-1", VenueClock(),
                       retry=FAST_RETRY, timeout=3.0, batch_records=10)


@pytest.fixture
def service(sessions: sessionmaker[Session], keyring_backend: MemoryKeyring, tmp_path: Path, server: ReferenceServer,
            server_store: ServerStore, venue_code: str, pki: Pki) -> SyncService:
    svc = make_service(sessions, keyring_backend, tmp_path / "files")
    svc.configure(server.url, venue_code, pki.ca_file)
    secret = new_credential()
    server_store.add_venue(venue_code, secret)
    svc.set_credential(secret)
    return svc
