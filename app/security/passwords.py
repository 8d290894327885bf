"""Staff credentials (art. 51): stored only as a salted, memory-hard hash, checked in constant time.

New credentials are hashed with argon2id (argon2-cffi, the reference implementation's bindings):
`$argon2id$v=19$m=65536,t=2,p=2$salt$hash`. Every stored form carries its own parameters, so a
hash made under an older policy still verifies and is re-hashed at the next successful sign-in
(`needs_rehash`). Hashes from earlier releases, `scrypt$n$r$p$salt$hash`, verify the same way
and are upgraded to argon2id at the staff member's next sign-in.

Production parameters, 64 MiB, 2 passes, 2 lanes, take ~0.15 s on the 2-core development
machine: a login or cosign at the door stays short, and guessing an offline copy of the staff
table costs 64 MiB and a pass over it per guess. Tests inject cheaper parameters through the
policy object (`CredentialPolicy(params=...)`).

What a new credential must be is `app.security.credential_rules`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import unicodedata
from dataclasses import dataclass, field

from argon2 import PasswordHasher, Type, extract_parameters
from argon2.exceptions import InvalidHashError, VerificationError

from app.security.credential_rules import CredentialTooLong, check_credential

_SCRYPT = "scrypt"
_ARGON2ID = "$argon2id$"
# A stored string could be edited to ask for absurd parameters; refuse rather than hang the desk.
_MAX_N = 2**20
_MAX_R = 32
_MAX_P = 16
_MAX_ARGON2_KIB = 2**20  # 1 GiB
_MAX_ARGON2_PASSES = 16


@dataclass(frozen=True)
class ScryptParams:
    """Earlier releases' scheme; still verified, and usable by tests for speed."""

    n: int = 2**17
    r: int = 8
    p: int = 1
    dklen: int = 32
    salt_bytes: int = 16

    def __post_init__(self) -> None:
        if self.n < 2 or self.n & (self.n - 1) or self.n > _MAX_N:
            raise ValueError("scrypt n must be a power of two between 2 and 2**20")
        if not (1 <= self.r <= _MAX_R and 1 <= self.p <= _MAX_P):
            raise ValueError("scrypt r or p out of range")

    @property
    def maxmem(self) -> int:
        return 128 * self.r * (self.n + self.p + 2) + 1024 * 1024


@dataclass(frozen=True)
class Argon2Params:
    time_cost: int = 2
    memory_kib: int = 65536
    parallelism: int = 2
    hash_len: int = 32
    salt_len: int = 16

    def __post_init__(self) -> None:
        if not (1 <= self.time_cost <= _MAX_ARGON2_PASSES and 1 <= self.parallelism <= _MAX_P):
            raise ValueError("argon2 time cost or parallelism out of range")
        if not (8 * self.parallelism <= self.memory_kib <= _MAX_ARGON2_KIB):
            raise ValueError("argon2 memory out of range")

    def hasher(self) -> PasswordHasher:
        return PasswordHasher(time_cost=self.time_cost, memory_cost=self.memory_kib, parallelism=self.parallelism,
                              hash_len=self.hash_len, salt_len=self.salt_len, type=Type.ID)


def _normalise(credential: str) -> bytes:
    # The same credential typed through different input methods (full-width digits from a
    # Chinese IME) must give the same bytes.
    return unicodedata.normalize("NFKC", credential).encode("utf-8")


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _scrypt(credential: str, salt: bytes, params: ScryptParams) -> bytes:
    return hashlib.scrypt(_normalise(credential), salt=salt, n=params.n, r=params.r, p=params.p,
                          dklen=params.dklen, maxmem=params.maxmem)


def _parse_scrypt(stored: str) -> tuple[ScryptParams, bytes, bytes] | None:
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != _SCRYPT:
        return None
    try:
        salt, digest = _unb64(parts[4]), _unb64(parts[5])
        params = ScryptParams(
            n=int(parts[1]), r=int(parts[2]), p=int(parts[3]), dklen=len(digest), salt_bytes=len(salt)
        )
    except (ValueError, binascii.Error):
        return None
    if not digest or not salt:
        return None
    return params, salt, digest


def _parse_argon2(stored: str) -> Argon2Params | None:
    if not stored.startswith(_ARGON2ID):
        return None
    try:
        found = extract_parameters(stored)
        return Argon2Params(found.time_cost, found.memory_cost, found.parallelism, found.hash_len, found.salt_len)
    except (InvalidHashError, ValueError):
        return None


Params = Argon2Params | ScryptParams


@dataclass(frozen=True)
class CredentialPolicy:
    """What a credential must be, and how it is hashed."""

    min_length: int = 8
    # A cap keeps a pasted megabyte from costing hashing time at the desk.
    max_length: int = 256
    params: Params = field(default_factory=Argon2Params)

    def check(self, credential: str, *, staff_number: str | None = None) -> None:
        """Raise a VenueError naming the rule a new credential breaks (credential_rules)."""
        check_credential(credential, self.min_length, self.max_length, staff_number)

    def hash(self, credential: str, *, staff_number: str | None = None) -> str:
        """The stored form of a new credential; checks the policy first."""
        self.check(credential, staff_number=staff_number)
        return self.hash_without_checks(credential)

    def hash_without_checks(self, credential: str) -> str:
        """The stored form under today's parameters, without judging the credential: for re-hashing
        one that was accepted earlier, and for the demo's one shared credential."""
        if len(credential) > self.max_length:
            raise CredentialTooLong(self.max_length)
        p = self.params
        if isinstance(p, Argon2Params):
            return p.hasher().hash(_normalise(credential))
        salt = os.urandom(p.salt_bytes)
        return f"{_SCRYPT}${p.n}${p.r}${p.p}${_b64(salt)}${_b64(_scrypt(credential, salt, p))}"

    def verify(self, credential: str, stored: str) -> bool:
        """True when `credential` matches `stored`. An empty or malformed stored hash never matches."""
        if len(credential) > self.max_length:
            return False
        argon2 = _parse_argon2(stored)
        if argon2 is not None:
            try:
                return argon2.hasher().verify(stored, _normalise(credential))
            except (VerificationError, InvalidHashError):
                return False
        parsed = _parse_scrypt(stored)
        if parsed is None:
            return False
        params, salt, expected = parsed
        return hmac.compare_digest(_scrypt(credential, salt, params), expected)

    def needs_rehash(self, stored: str) -> bool:
        found: Params | None = _parse_argon2(stored)
        if found is None:
            scrypt = _parse_scrypt(stored)
            found = scrypt[0] if scrypt else None
        return found != self.params

    def dummy_hash(self) -> str:
        """A hash of nothing anyone knows, verified against when a staff number is unknown so that
        the refusal costs the same time as a wrong credential (no enumeration by timing)."""
        return self.hash_without_checks(_b64(os.urandom(24)))
