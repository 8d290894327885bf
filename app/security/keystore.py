"""Where the venue's data keys live (art. 47–48): in the operating system's keyring (Windows
Credential Locker on venue PCs), one entry per database, never in the database they protect.

A database that holds encrypted data records the fingerprint of its keys in `venue_setting`
(`data_keys.fingerprint`). `get_or_create` compares against it, so:

- first run (no fingerprint, no key): new keys are made, stored in the keyring, fingerprinted;
- later runs: the keys are loaded and must match the fingerprint;
- a database with a fingerprint but no key in this PC's keyring (a second desk on a shared
  PostgreSQL database, a reinstalled PC) is a clear error: making new keys silently would leave
  every encrypted number unreadable. The administrator installs the venue's keys (`install`).

Headless Linux has no keyring backend. Then this refuses with "keystore.no_backend", unless the
administrator opts in to a plaintext key file (`allow_plaintext=True`, a 0600 file in a folder
they choose), which is logged as a warning every time it is used.
"""

from __future__ import annotations

import hashlib
import logging
import os
import stat
from collections.abc import Callable
from pathlib import Path

import keyring
import keyring.errors
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.db.models import KeyValue
from app.errors import VenueError
from app.security.crypto import DataKeys

log = logging.getLogger(__name__)

FINGERPRINT_SETTING = "data_keys.fingerprint"
ENTRY_SETTING = "data_keys.keyring_entry"
DEFAULT_SERVICE = "venue-ops"
# Backends that store secrets in a readable file or not at all are no keyring for our purpose.
_UNUSABLE = {"keyrings.alt.file.PlaintextKeyring", "keyring.backends.null.Keyring"}


def fingerprint(keys: DataKeys) -> str:
    """Identifies a key pair without revealing it (a one-way hash of both keys)."""
    h = hashlib.sha256(b"venue-ops data keys fingerprint v1\x00")
    h.update(keys.encryption_key + keys.index_key)
    return h.hexdigest()[:32]


def secure_keyring_available(backend: Callable[[], KeyringBackend] | None = None) -> bool:
    """This PC has a keyring that keeps secrets safe (the set-up wizard offers the key file only
    where it has none)."""
    return _is_usable((backend or keyring.get_keyring)())


class NoKeyringBackend(VenueError):
    def __init__(self, backend: str) -> None:
        super().__init__(
            "keystore.no_backend",
            "No secure keyring is available on this computer ({backend}), so the venue's data keys "
            "cannot be stored safely. Use a desktop session with a keyring (Windows Credential Locker, "
            "GNOME Keyring, KWallet), or let the administrator choose a plaintext key file explicitly.",
            backend=backend,
        )


class KeyringFailed(VenueError):
    def __init__(self, entry: str, problem: str) -> None:
        super().__init__(
            "keystore.backend_failed",
            "The keyring refused to read or store the data keys ({entry}): {problem}",
            entry=entry,
            problem=problem,
        )


class KeysMissing(VenueError):
    def __init__(self, entry: str, fingerprint: str) -> None:
        super().__init__(
            "keystore.keys_missing",
            "This database holds encrypted personal data, but this computer has no data keys for it "
            "(keyring entry {entry}, fingerprint {fingerprint}). Install the venue's keys from the "
            "key backup; new keys are not made because they could not read the existing data.",
            entry=entry,
            fingerprint=fingerprint,
        )


class KeysMismatch(VenueError):
    def __init__(self, entry: str, expected: str, found: str) -> None:
        super().__init__(
            "keystore.keys_mismatch",
            "The data keys in this computer's keyring (entry {entry}, fingerprint {found}) are not the "
            "keys this database was encrypted with (fingerprint {expected}).",
            entry=entry,
            expected=expected,
            found=found,
        )


class KeyStore:
    """Data keys in the keyring under (`service`, entry). `backend` defaults to whatever
    `keyring.get_keyring()` gives at the time of each call (tests set one with keyring.set_keyring)."""

    def __init__(
        self,
        *,
        service: str = DEFAULT_SERVICE,
        backend: Callable[[], KeyringBackend] | None = None,
        allow_plaintext: bool = False,
        plaintext_dir: Path | None = None,
    ) -> None:
        if allow_plaintext and plaintext_dir is None:
            raise ValueError("allow_plaintext needs the folder for the key file")
        self._service = service
        self._backend = backend or keyring.get_keyring
        self._allow_plaintext = allow_plaintext
        self._plaintext_dir = plaintext_dir

    # -- raw storage ---------------------------------------------------------------------------

    def load(self, entry: str) -> DataKeys | None:
        ring = self._usable_backend()
        if ring is None:
            return self._load_file(entry)
        try:
            text_value = ring.get_password(self._service, entry)
        except keyring.errors.KeyringError as exc:
            raise KeyringFailed(entry, str(exc)) from exc
        return DataKeys.from_text(text_value) if text_value else None

    def store(self, entry: str, keys: DataKeys) -> None:
        ring = self._usable_backend()
        if ring is None:
            self._store_file(entry, keys)
            return
        try:
            ring.set_password(self._service, entry, keys.to_text())
        except keyring.errors.KeyringError as exc:
            raise KeyringFailed(entry, str(exc)) from exc

    def delete(self, entry: str) -> None:
        ring = self._usable_backend()
        if ring is None:
            self._file(entry).unlink(missing_ok=True)
            return
        try:
            ring.delete_password(self._service, entry)
        except keyring.errors.PasswordDeleteError:
            pass
        except keyring.errors.KeyringError as exc:
            raise KeyringFailed(entry, str(exc)) from exc

    # -- tied to a database --------------------------------------------------------------------

    def get_or_create(self, session_factory: Callable[[], Session], entry: str) -> DataKeys:
        """The keys for the database behind `session_factory`; see the module docstring."""
        with session_factory() as s:
            expected = _setting(s, FINGERPRINT_SETTING)
        keys = self.load(entry)
        if keys is not None:
            found = fingerprint(keys)
            if expected is None:
                # Keys restored before the database was first used with them: adopt them.
                self._claim(session_factory, entry, keys)
            elif found != expected:
                raise KeysMismatch(entry, expected, found)
            return keys
        if expected is not None:
            raise KeysMissing(entry, expected)
        keys = DataKeys.generate()
        # Keyring first: if the database write then fails, the next run finds the keys and
        # adopts them; the reverse order could leave a fingerprint with no key anywhere.
        self.store(entry, keys)
        try:
            self._claim(session_factory, entry, keys)
        except KeysMismatch:
            # Another desk initialised this database a moment earlier with its own keys.
            self.delete(entry)
            raise
        log.info("created new data keys for %s (fingerprint %s)", entry, fingerprint(keys))
        return keys

    def install(self, session_factory: Callable[[], Session], entry: str, keys_text: str) -> DataKeys:
        """Put the venue's keys (from the key backup) into this computer's keyring, after checking
        they are the ones the database expects."""
        try:
            keys = DataKeys.from_text(keys_text)
        except ValueError as exc:
            raise VenueError("keystore.bad_key_text", "This is not a venue data-key text.") from exc
        with session_factory() as s:
            expected = _setting(s, FINGERPRINT_SETTING)
        found = fingerprint(keys)
        if expected is not None and expected != found:
            raise KeysMismatch(entry, expected, found)
        self.store(entry, keys)
        if expected is None:
            self._claim(session_factory, entry, keys)
        return keys

    def _claim(self, session_factory: Callable[[], Session], entry: str, keys: DataKeys) -> None:
        found = fingerprint(keys)
        try:
            with session_factory() as s, s.begin():
                s.add(KeyValue(key=FINGERPRINT_SETTING, value=found))
                s.merge(KeyValue(key=ENTRY_SETTING, value=entry))
        except IntegrityError:
            with session_factory() as s:
                expected = _setting(s, FINGERPRINT_SETTING)
            if expected != found:
                raise KeysMismatch(entry, expected or "", found) from None

    # -- backend selection ---------------------------------------------------------------------

    def _usable_backend(self) -> KeyringBackend | None:
        """The keyring, or None when the administrator chose the plaintext file instead."""
        ring = self._backend()
        if _is_usable(ring):
            return ring
        if not self._allow_plaintext:
            raise NoKeyringBackend(_describe(ring))
        log.warning(
            "NO SECURE KEYRING (%s): the venue's data keys are kept in a PLAINTEXT file in %s, "
            "as the administrator allowed. Anyone who can read that file can read candidates' "
            "personal data. Move to a computer with a keyring before exam day.",
            _describe(ring), self._plaintext_dir,
        )
        return None

    def _file(self, entry: str) -> Path:
        assert self._plaintext_dir is not None
        safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in entry)
        return self._plaintext_dir / f"{self._service}.{safe}.key"

    def _load_file(self, entry: str) -> DataKeys | None:
        path = self._file(entry)
        if not path.exists():
            return None
        if os.name == "posix" and stat.S_IMODE(path.stat().st_mode) & 0o077:
            raise VenueError(
                "keystore.key_file_exposed",
                "The key file {path} can be read by other users; it must have permissions 0600.",
                path=str(path),
            )
        try:
            return DataKeys.from_text(path.read_text(encoding="ascii"))
        except ValueError as exc:  # UnicodeDecodeError included: not a key text at all
            raise VenueError(
                "keystore.bad_key_file",
                "The key file {path} is damaged: it does not hold a venue data key. Put back the key file "
                "from the venue's key backup; nothing was changed.",
                path=str(path),
            ) from exc

    def _store_file(self, entry: str, keys: DataKeys) -> None:
        path = self._file(entry)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.unlink(missing_ok=True)
        # Created 0600 from the start (never world-readable for an instant), then renamed into place.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as f:
            f.write(keys.to_text())
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)


def _setting(s: Session, key: str) -> str | None:
    return s.scalars(select(KeyValue.value).where(KeyValue.key == key)).one_or_none()


def _describe(ring: KeyringBackend) -> str:
    return f"{type(ring).__module__}.{type(ring).__qualname__}"


def _is_usable(ring: KeyringBackend) -> bool:
    if isinstance(ring, fail.Keyring) or _describe(ring) in _UNUSABLE:
        return False
    if isinstance(ring, chainer.ChainerBackend):
        return any(_is_usable(b) for b in ring.backends)
    return True
