"""The per-venue sync credential: a random secret the province issues to each venue.

The venue keeps it in the operating system's keyring (never in the database or a settings
file). Two keys are derived from it, so the server never needs the secret itself:

- the *verifier*, which the server stores to check the `Authorization: Bearer` credential;
- the *export key*, which signs and encrypts the USB export file (AES-256-GCM)."""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
from collections.abc import Callable
from pathlib import Path

import keyring
import keyring.errors
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail

from app.errors import VenueError

log = logging.getLogger(__name__)
_UNUSABLE = {"keyrings.alt.file.PlaintextKeyring", "keyring.backends.null.Keyring"}


def new_credential() -> str:
    return "vo1-" + secrets.token_hex(32)


def verifier(credential: str) -> str:
    return hashlib.sha256(b"venue-ops sync verifier v1\x00" + credential.strip().encode()).hexdigest()


def export_key(credential: str) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=b"venue-ops usb export v1",
                info=b"aes-256-gcm").derive(credential.strip().encode())


def _usable(ring: KeyringBackend) -> bool:
    name = f"{type(ring).__module__}.{type(ring).__qualname__}"
    if isinstance(ring, fail.Keyring) or name in _UNUSABLE:
        return False
    if isinstance(ring, chainer.ChainerBackend):
        return any(_usable(b) for b in ring.backends)
    return True


class CredentialStore:
    """The venue's sync credential in the keyring under (service, "sync-credential-<venue>")."""

    def __init__(self, service: str = "venue-ops", backend: Callable[[], KeyringBackend] | None = None,
                 plaintext_dir: Path | None = None) -> None:
        """`plaintext_dir`: where the credential goes when there is no keyring and the administrator
        allowed plaintext keys (`allow_plaintext_keys`, as for the data keys): a 0600 file."""
        self._service = service
        self._backend = backend or keyring.get_keyring
        self._plaintext_dir = plaintext_dir

    def _file(self, venue_code: str) -> Path | None:
        if self._plaintext_dir is None or _usable(self._backend()):
            return None
        log.warning("NO SECURE KEYRING: the sync credential is kept in a plaintext file in %s, as the "
                    "administrator allowed.", self._plaintext_dir)
        safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in venue_code)
        return self._plaintext_dir / f"{self._service}.sync-credential-{safe}.key"

    def _ring(self) -> KeyringBackend:
        ring = self._backend()
        if not _usable(ring):
            raise VenueError("sync.no_keyring",
                             "No secure keyring is available on this computer, so the sync credential "
                             "cannot be kept. Use a computer with a keyring (Windows Credential Locker).")
        return ring

    @staticmethod
    def entry(venue_code: str) -> str:
        return f"sync-credential-{venue_code}"

    def load(self, venue_code: str) -> str:
        path = self._file(venue_code)
        if path is not None:
            if not path.exists():
                raise VenueError("sync.no_credential",
                                 "This computer holds no sync credential for venue {venue}; enter the credential "
                                 "the provincial agency issued.", venue=venue_code)
            return path.read_text(encoding="ascii").strip()
        try:
            value = self._ring().get_password(self._service, self.entry(venue_code))
        except keyring.errors.KeyringError as exc:
            raise VenueError("sync.keyring_failed", "The keyring refused to read the sync credential: {problem}",
                             problem=str(exc)) from exc
        if not value:
            raise VenueError("sync.no_credential",
                             "This computer holds no sync credential for venue {venue}; enter the credential "
                             "the provincial agency issued.", venue=venue_code)
        return value

    def store(self, venue_code: str, credential: str) -> None:
        credential = credential.strip()
        if len(credential) < 16:
            raise VenueError("sync.bad_credential_text", "This is not a sync credential issued by the province.")
        path = self._file(venue_code)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.unlink(missing_ok=True)
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="ascii") as f:
                f.write(credential)
            os.replace(tmp, path)
            return
        try:
            self._ring().set_password(self._service, self.entry(venue_code), credential)
        except keyring.errors.KeyringError as exc:
            raise VenueError("sync.keyring_failed", "The keyring refused to read the sync credential: {problem}",
                             problem=str(exc)) from exc
