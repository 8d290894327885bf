# mypy: disable-error-code="no-untyped-call"
"""The venue's data keys in the keyring (art. 47–48), tied to the database they protect.

A real keyring backend class (in memory) is installed with keyring.set_keyring, as an OS keyring
would be; no patching.
"""

from __future__ import annotations

import logging
import stat
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.db.models import KeyValue
from app.errors import VenueError
from app.security.crypto import DataKeys, PersonalDataCipher
from app.security.keystore import FINGERPRINT_SETTING, KeyStore, fingerprint
from app.security.keystore_testing import MemoryKeyring
from tests.unit.test_security_support import sessions

ENTRY = "venue-V3701"


@pytest.fixture
def ring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


def _code(fn: object, *args: object) -> str:
    with pytest.raises(VenueError) as err:
        fn(*args)  # type: ignore[operator]
    return err.value.code


def test_art47_first_run_makes_keys_and_later_runs_load_the_same_keys(engine: Engine, ring: MemoryKeyring) -> None:
    store = KeyStore(service="venue-ops-test")
    first = store.get_or_create(sessions(engine), ENTRY)
    assert list(ring.entries) == [("venue-ops-test", ENTRY)]
    with Session(engine) as s:
        stored = s.scalars(select(KeyValue.value).where(KeyValue.key == FINGERPRINT_SETTING)).one()
    assert stored == fingerprint(first)
    assert first.to_text() not in stored
    again = KeyStore(service="venue-ops-test").get_or_create(sessions(engine), ENTRY)
    assert again == first


def test_art47_database_with_encrypted_data_but_no_key_is_an_error_not_new_keys(engine: Engine, ring: MemoryKeyring) -> None:
    keys = KeyStore().get_or_create(sessions(engine), ENTRY)
    blob = PersonalDataCipher(keys).encrypt_text("11010219781027232X", "candidate.document_number")
    ring.entries.clear()  # a reinstalled PC, or a second desk on the shared database
    assert _code(KeyStore().get_or_create, sessions(engine), ENTRY) == "keystore.keys_missing"
    assert ring.entries == {}
    # Installing the venue's keys from the key backup brings the data back.
    KeyStore().install(sessions(engine), ENTRY, keys.to_text())
    restored = KeyStore().get_or_create(sessions(engine), ENTRY)
    assert PersonalDataCipher(restored).decrypt_text(blob, "candidate.document_number") == "11010219781027232X"


def test_art47_keys_of_another_database_are_refused(engine: Engine, ring: MemoryKeyring) -> None:
    KeyStore().get_or_create(sessions(engine), ENTRY)
    ring.set_password("venue-ops", ENTRY, DataKeys.generate().to_text())
    assert _code(KeyStore().get_or_create, sessions(engine), ENTRY) == "keystore.keys_mismatch"
    assert _code(KeyStore().install, sessions(engine), ENTRY, DataKeys.generate().to_text()) == "keystore.keys_mismatch"


@pytest.mark.parametrize("backend", [fail.Keyring(), chainer.ChainerBackend()])
def test_no_keyring_backend_is_a_clear_error_and_nothing_is_written(backend: KeyringBackend, tmp_path: Path) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        store = KeyStore(plaintext_dir=tmp_path)  # a folder given, but no opt-in
        with pytest.raises(VenueError) as err:
            store.store(ENTRY, DataKeys.generate())
    finally:
        keyring.set_keyring(previous)
    assert err.value.code == "keystore.no_backend"
    assert "keyring" in str(err.value).lower()
    assert list(tmp_path.iterdir()) == []


def test_plaintext_key_file_only_when_the_administrator_opts_in_0600_and_loudly(
    no_keyring: None, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = KeyStore(allow_plaintext=True, plaintext_dir=tmp_path / "keys")
    keys = DataKeys.generate()
    with caplog.at_level(logging.WARNING, logger="app.security.keystore"):
        store.store(ENTRY, keys)
    [key_file] = list((tmp_path / "keys").iterdir())
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert "PLAINTEXT" in caplog.text
    assert store.load(ENTRY) == keys
    # A copy made readable by others is refused rather than used.
    key_file.chmod(0o644)
    assert _code(store.load, ENTRY) == "keystore.key_file_exposed"


def test_test_keyring_is_never_chosen_automatically() -> None:
    assert not MemoryKeyring.viable
