"""Art. 51, credentials attacked: an offline copy of the staff table guessed at speed, and the
credentials people pick first (12345678, their staff number, aaaaaaaa, a birthday, password123)."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.db.models import Staff
from app.domain import Role
from app.errors import VenueError
from app.security.auth import AuthService
from app.security.credential_rules import common_credentials
from app.security.passwords import Argon2Params, CredentialPolicy, ScryptParams
from app.services.staff import StaffService
from tests.unit.test_security_support import CHEAP, DESK, GOOD, FakeClock, add_staff, add_venue, sessions

TODAY = CredentialPolicy(params=Argon2Params(time_cost=1, memory_kib=8, parallelism=1))


def test_art51_production_hash_is_memory_hard_argon2id_with_its_parameters_stored() -> None:
    stored = CredentialPolicy().hash("a-fine-credential-7")
    _, scheme, version, params, salt, digest = stored.split("$")
    assert (scheme, version) == ("argon2id", "v=19")
    fields = dict(kv.split("=") for kv in params.split(","))
    assert int(fields["m"]) >= 65536 and int(fields["t"]) >= 2  # 64 MiB a guess, not scrypt's 16
    assert salt and digest and "a-fine-credential-7" not in stored


@pytest.mark.parametrize(("credential", "code"), [
    ("1234567", "credential.too_short"),
    ("12345678", "credential.common"),
    ("87654321", "credential.common"),
    ("aaaaaaaa", "credential.one_character"),
    ("１１１１１１１１", "credential.one_character"),  # full-width from a Chinese IME
    ("password123", "credential.common"),
    ("Woaini1314", "credential.common"),
    ("qwertyuiop", "credential.common"),
    ("1qaz2wsx", "credential.common"),
    ("19880808", "credential.common"),  # a birthday
    ("t320107001", "credential.is_staff_number"),
])
def test_art51_weak_credentials_are_refused_naming_the_rule(credential: str, code: str) -> None:
    with pytest.raises(VenueError) as err:
        CHEAP.hash(credential, staff_number="T320107001")
    assert err.value.code == code


def test_the_common_list_is_small_and_shipped_and_the_demo_credential_is_not_on_it() -> None:
    listed = common_credentials()
    assert 1000 <= len(listed) <= 10000 and all(len(c) >= 8 for c in listed)
    CHEAP.check("demo2026")  # the demo accounts' one credential (hashed once by the demo)
    CHEAP.check("T7#kq2-venue")


def test_art51_an_administrator_cannot_give_someone_their_staff_number_as_credential(engine: Engine) -> None:
    venue = add_venue(engine)
    add_staff(engine, venue, "Z0001", Role.CHIEF_EXAMINER)
    member = add_staff(engine, venue, "J07010001", Role.INVIGILATOR)
    auth = AuthService(sessions(engine), FakeClock(), CHEAP)
    staff = StaffService(sessions(engine), FakeClock(), CHEAP, auth)
    chief = auth.login("Z0001", GOOD, DESK)
    with pytest.raises(VenueError) as err:
        staff.set_credential(chief, member, "J07010001", reason="new")
    assert err.value.code == "credential.is_staff_number"


def test_art51_an_older_hash_is_upgraded_to_todays_parameters_at_sign_in(engine: Engine) -> None:
    venue = add_venue(engine)
    add_staff(engine, venue, "J0701", Role.INVIGILATOR)  # hashed with scrypt n=16 (an older policy)
    auth = AuthService(sessions(engine), FakeClock(), TODAY)
    auth.login("J0701", GOOD, DESK)
    with Session(engine) as s:
        stored = s.scalars(select(Staff.credential_hash).where(Staff.staff_number == "J0701")).one()
    assert stored.startswith("$argon2id$v=19$m=8,t=1,p=1$") and not TODAY.needs_rehash(stored)
    assert TODAY.verify(GOOD, stored)
    assert TODAY.needs_rehash(CredentialPolicy(params=ScryptParams(n=2**14)).hash_without_checks(GOOD))


@pytest.mark.parametrize("stored", [
    "$argon2id$v=19$m=4194304,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA",
    "$argon2id$v=19$m=8,t=100000,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA",
    "$argon2id$garbage", "scrypt$1048576000$8$1$AAAA$AAAA",
])
def test_art51_a_stored_hash_edited_to_absurd_parameters_never_matches_nor_hangs_the_desk(stored: str) -> None:
    assert not TODAY.verify(GOOD, stored)
