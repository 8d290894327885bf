"""Staff credentials (art. 51): stored only as a salted scrypt hash, checked in constant time.

The stored form carries its own parameters, `scrypt$n$r$p$salt$hash` (salt and hash in
unpadded URL-safe base64), so a hash made with older parameters still verifies after the
policy is raised, and is re-hashed at the next successful login (`needs_rehash`).

Production parameters n=2**14, r=8, p=1 (16 MiB) take ~0.05 s on the 2-core development
machine: slow enough to make guessing an offline copy of the staff table expensive, fast
enough that a login at a check-in desk stays well under 0.2 s. Tests pass cheaper
parameters through the policy object.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import unicodedata
from dataclasses import dataclass, field

from app.errors import VenueError

_SCHEME = "scrypt"
# A stored string could be edited to ask for absurd parameters; refuse rather than hang the desk.
_MAX_N = 2**20
_MAX_R = 32
_MAX_P = 16


@dataclass(frozen=True)
class ScryptParams:
    n: int = 2**14
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
        # hashlib's default ceiling (32 MiB) is just below what n=2**15, r=8 needs; give the
        # exact requirement plus slack so raising the policy later does not fail at login.
        return 128 * self.r * (self.n + self.p + 2) + 1024 * 1024


class CredentialTooShort(VenueError):
    def __init__(self, min_length: int) -> None:
        super().__init__(
            "credential.too_short",
            "A credential must have at least {min_length} characters.",
            min_length=min_length,
        )


class CredentialTooLong(VenueError):
    def __init__(self, max_length: int) -> None:
        super().__init__(
            "credential.too_long",
            "A credential may have at most {max_length} characters.",
            max_length=max_length,
        )


def _normalise(credential: str) -> bytes:
    # The same credential typed through different input methods (full-width digits from a
    # Chinese IME) must give the same bytes.
    return unicodedata.normalize("NFKC", credential).encode("utf-8")


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _derive(credential: str, salt: bytes, params: ScryptParams) -> bytes:
    return hashlib.scrypt(
        _normalise(credential),
        salt=salt,
        n=params.n,
        r=params.r,
        p=params.p,
        dklen=params.dklen,
        maxmem=params.maxmem,
    )


def _parse(stored: str) -> tuple[ScryptParams, bytes, bytes] | None:
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != _SCHEME:
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


@dataclass(frozen=True)
class CredentialPolicy:
    """What a credential must be, and how it is hashed."""

    min_length: int = 8
    # A cap keeps a pasted megabyte from costing scrypt time at the desk.
    max_length: int = 256
    scrypt: ScryptParams = field(default_factory=ScryptParams)

    def check(self, credential: str) -> None:
        """Raise a VenueError naming the rule a new credential breaks."""
        length = len(unicodedata.normalize("NFKC", credential))
        if length < self.min_length:
            raise CredentialTooShort(self.min_length)
        if length > self.max_length:
            raise CredentialTooLong(self.max_length)

    def hash(self, credential: str) -> str:
        """The stored form of a new credential; checks the policy first."""
        self.check(credential)
        salt = os.urandom(self.scrypt.salt_bytes)
        digest = _derive(credential, salt, self.scrypt)
        p = self.scrypt
        return f"{_SCHEME}${p.n}${p.r}${p.p}${_b64(salt)}${_b64(digest)}"

    def verify(self, credential: str, stored: str) -> bool:
        """True when `credential` matches `stored`. An empty or malformed stored hash never matches."""
        parsed = _parse(stored)
        if parsed is None or len(credential) > self.max_length:
            return False
        params, salt, expected = parsed
        return hmac.compare_digest(_derive(credential, salt, params), expected)

    def needs_rehash(self, stored: str) -> bool:
        parsed = _parse(stored)
        if parsed is None:
            return True
        params = parsed[0]
        want = self.scrypt
        return (params.n, params.r, params.p, params.dklen) != (want.n, want.r, want.p, want.dklen)

    def dummy_hash(self) -> str:
        """A hash of nothing anyone knows, verified against when a staff number is unknown so that
        the refusal costs the same time as a wrong credential (no enumeration by timing)."""
        salt = os.urandom(self.scrypt.salt_bytes)
        p = self.scrypt
        digest = _derive(_b64(os.urandom(24)), salt, p)
        return f"{_SCHEME}${p.n}${p.r}${p.p}${_b64(salt)}${_b64(digest)}"
