"""Credentials are stored only as salted memory-hard hashes, checked in constant time (art. 51)."""

from __future__ import annotations

import time

import pytest

from app.errors import VenueError
from app.security.passwords import CredentialPolicy, ScryptParams
from tests.unit.test_security_support import CHEAP


def test_art51_stored_hash_carries_its_parameters_and_salt_and_never_the_credential() -> None:
    stored = CHEAP.hash("correct-horse-7")
    scheme, n, r, p, salt, digest = stored.split("$")
    assert (scheme, n, r, p) == ("scrypt", "16", "1", "1")
    assert salt and digest
    assert "correct-horse-7" not in stored
    assert CHEAP.verify("correct-horse-7", stored)
    assert not CHEAP.verify("correct-horse-8", stored)


def test_same_credential_hashes_differently_for_two_staff_members() -> None:
    assert CHEAP.hash("correct-horse-7") != CHEAP.hash("correct-horse-7")


@pytest.mark.parametrize("credential", ["", "1234567", "abcdefg"])
def test_art51_credential_shorter_than_eight_characters_is_refused_naming_the_rule(credential: str) -> None:
    with pytest.raises(VenueError) as err:
        CHEAP.hash(credential)
    assert err.value.code == "credential.too_short"
    assert err.value.params == {"min_length": 8}


def test_eight_characters_are_enough_and_the_minimum_is_configurable() -> None:
    assert CHEAP.verify("k7#pL2qx", CHEAP.hash("k7#pL2qx"))
    strict = CredentialPolicy(min_length=12, params=CHEAP.params)
    with pytest.raises(VenueError) as err:
        strict.check("k7#pL2qx")
    assert err.value.params == {"min_length": 12}


def test_hash_made_with_older_parameters_still_verifies_and_asks_to_be_rehashed() -> None:
    older = CredentialPolicy(params=ScryptParams(n=8, r=1, p=1)).hash("correct-horse-7")
    assert CHEAP.verify("correct-horse-7", older)
    assert CHEAP.needs_rehash(older)
    assert not CHEAP.needs_rehash(CHEAP.hash("correct-horse-7"))


@pytest.mark.parametrize(
    "stored",
    ["", "plaintext-credential", "scrypt$16$1$1$$", "scrypt$x$1$1$AAAA$AAAA", "scrypt$1048576000$8$1$AAAA$AAAA"],
)
def test_empty_malformed_or_absurd_stored_hash_never_matches(stored: str) -> None:
    assert not CHEAP.verify("plaintext-credential", stored)


def test_credential_typed_with_full_width_digits_matches_the_same_credential() -> None:
    # A Chinese IME in full-width mode types ＡＢＣ９８７６５; it is the same credential.
    assert CHEAP.verify("ＡＢＣ９８７６５", CHEAP.hash("ABC98765"))


def test_art51_production_parameters_are_argon2id_64mib_and_fit_a_desk_login() -> None:
    production = CredentialPolicy()
    stored = production.hash("correct-horse-7")
    assert stored.startswith("$argon2id$v=19$m=65536,t=2,p=2$")
    started = time.perf_counter()
    assert production.verify("correct-horse-7", stored)
    elapsed = time.perf_counter() - started
    # ~0.15 s measured on the 2-core development machine. Not a benchmark: a guard against a
    # policy change that would make every login and cosign take seconds at the door.
    assert elapsed < 1.0
