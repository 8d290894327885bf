"""The venue's sync credential: in the keyring, or (administrator's opt-in) a 0600 file; never
readable from the keys the server keeps."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from keyring.backends import fail

from app.errors import VenueError
from app.security.keystore_testing import MemoryKeyring
from sync.credential import CredentialStore, export_key, new_credential, verifier


def test_credential_round_trips_through_the_keyring() -> None:
    ring = MemoryKeyring()
    store = CredentialStore(backend=lambda: ring)
    secret = new_credential()
    store.store("320107", secret + "\n")
    assert store.load("320107") == secret
    assert ("venue-ops", "sync-credential-320107") in ring.entries


def test_missing_keyring_is_refused_unless_plaintext_is_allowed(tmp_path: Path) -> None:
    with pytest.raises(VenueError) as err:
        CredentialStore(backend=fail.Keyring).store("320107", new_credential())
    assert err.value.code == "sync.no_keyring"
    store = CredentialStore(backend=fail.Keyring, plaintext_dir=tmp_path / "keys")
    with pytest.raises(VenueError) as err:
        store.load("320107")
    assert err.value.code == "sync.no_credential"
    secret = new_credential()
    store.store("320107", secret)
    assert store.load("320107") == secret
    (path,) = (tmp_path / "keys").iterdir()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_short_text_is_not_a_credential() -> None:
    with pytest.raises(VenueError) as err:
        CredentialStore(backend=MemoryKeyring).store("320107", "1234")
    assert err.value.code == "sync.bad_credential_text"


def test_server_side_keys_do_not_reveal_the_credential() -> None:
    secret = new_credential()
    assert secret not in verifier(secret) and verifier(secret) != verifier(new_credential())
    assert len(export_key(secret)) == 32 and export_key(secret) != bytes.fromhex(verifier(secret))
