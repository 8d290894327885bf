"""The venue's audit signing key (art. 43): Ed25519, derived from the venue's data keys, so it is
kept where they are (the OS keyring, see `keystore.py`), installed with them on a second desk, and
never stored in the database whose audit trail it signs.

A checkpoint signature says "this venue's audit trail had `hash` at event `seq`". Whoever can edit
the database but not read the keyring cannot make one, so a rewritten or shortened trail cannot
be given checkpoints that match it."""

from __future__ import annotations

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.security.crypto import DataKeys

_INFO = b"venue-ops audit checkpoint signing key v1"
_DOMAIN = b"venue-ops audit checkpoint v1\x00"


def checkpoint_message(seq: int, head_hash: str) -> bytes:
    """The exact bytes signed (the province verifies the same bytes; see docs/sync.md)."""
    return _DOMAIN + f"{seq}:{head_hash}".encode("ascii")


class CheckpointSigner:
    def __init__(self, private: Ed25519PrivateKey) -> None:
        self._private = private
        self.public_key_hex = private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()

    @classmethod
    def from_keys(cls, keys: DataKeys) -> CheckpointSigner:
        seed = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(
            keys.encryption_key + keys.index_key)
        return cls(Ed25519PrivateKey.from_private_bytes(seed))

    def sign(self, seq: int, head_hash: str) -> str:
        return self._private.sign(checkpoint_message(seq, head_hash)).hex()

    def verify(self, seq: int, head_hash: str, signature: str) -> bool:
        return verify_signature(self.public_key_hex, seq, head_hash, signature)


def verify_signature(public_key_hex: str, seq: int, head_hash: str, signature: str) -> bool:
    try:
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_key_hex))
        key.verify(bytes.fromhex(signature), checkpoint_message(seq, head_hash))
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True
