"""Personal data at rest (art. 47–48): AES-GCM for document numbers, phone numbers and photos;
a keyed hash (HMAC-SHA256) to find a document number without decrypting every row.

The two keys are independent 256-bit keys held in the OS keyring (see `keystore.py`). Each
ciphertext carries a version byte and its random nonce, and is bound to a purpose string
(`context`) so that a ciphertext copied from one column into another fails to decrypt.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.errors import VenueError

_VERSION = b"\x01"
_NONCE = 12


class DecryptionFailed(VenueError):
    def __init__(self, context: str) -> None:
        super().__init__(
            "crypto.decrypt_failed",
            "Stored personal data ({context}) cannot be decrypted with this venue's key.",
            context=context,
        )


@dataclass(frozen=True, repr=False)
class DataKeys:
    encryption_key: bytes
    index_key: bytes

    def __post_init__(self) -> None:
        if len(self.encryption_key) != 32 or len(self.index_key) != 32:
            raise ValueError("data keys are 32 bytes each")

    @classmethod
    def generate(cls) -> DataKeys:
        return cls(os.urandom(32), os.urandom(32))

    def to_text(self) -> str:
        return (self.encryption_key + self.index_key).hex()

    @classmethod
    def from_text(cls, text: str) -> DataKeys:
        raw = bytes.fromhex(text.strip())
        if len(raw) != 64:
            raise ValueError(f"a data-key text is 64 bytes in hex, not {len(raw)}")
        return cls(raw[:32], raw[32:])


class PersonalDataCipher:
    def __init__(self, keys: DataKeys) -> None:
        self._aead = AESGCM(keys.encryption_key)
        self._index_key = keys.index_key

    def encrypt(self, plaintext: bytes, context: str) -> bytes:
        nonce = os.urandom(_NONCE)
        return _VERSION + nonce + self._aead.encrypt(nonce, plaintext, context.encode())

    def decrypt(self, blob: bytes, context: str) -> bytes:
        if blob[:1] != _VERSION or len(blob) < 1 + _NONCE + 16:
            raise DecryptionFailed(context)
        try:
            return self._aead.decrypt(blob[1 : 1 + _NONCE], blob[1 + _NONCE :], context.encode())
        except InvalidTag as exc:
            raise DecryptionFailed(context) from exc

    def encrypt_text(self, text: str, context: str) -> bytes:
        return self.encrypt(text.encode("utf-8"), context)

    def decrypt_text(self, blob: bytes, context: str) -> str:
        return self.decrypt(blob, context).decode("utf-8")

    def blind_index(self, document_number: str) -> str:
        """The keyed hash by which a document number is looked up (normalised: trimmed, upper case)."""
        normalised = document_number.strip().upper().encode("utf-8")
        return hmac.new(self._index_key, normalised, hashlib.sha256).hexdigest()


def mask_document_number(number: str) -> str:
    """What screens and logs may show: the first 6 and last 4 characters (110108********002X)."""
    n = number.strip().upper()
    if len(n) <= 10:
        return n[:2] + "*" * max(0, len(n) - 4) + n[-2:]
    return n[:6] + "*" * (len(n) - 10) + n[-4:]
