"""The provincial signing keys a venue trusts, and the demo key pair.

Trusted keys are passed in by the caller as a mapping key id → Ed25519 public key, given as the
raw 32 bytes in hex or as a PEM "PUBLIC KEY" block (or already loaded). There is no global list:
the application reads its configured keys and hands them to the import, and only `--demo` mode
adds the demo key, so a demo package is never accepted by a venue in production.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from app.resources import resources_dir

PublicKeyText = str | bytes | Ed25519PublicKey
TrustedKeys = Mapping[str, PublicKeyText]

# resources/demo/ at the root of the source tree (and of the PyInstaller bundle).
DEMO_DIR = resources_dir() / "demo"
DEMO_KEY_ID = "demo-2026"
DEMO_PRIVATE_KEY = DEMO_DIR / "exam-package-demo.key"
DEMO_PUBLIC_KEY = DEMO_DIR / "exam-package-demo.pub"


def load_public_key(value: PublicKeyText) -> Ed25519PublicKey:
    """An Ed25519 public key from raw-hex text, raw bytes or PEM."""
    if isinstance(value, Ed25519PublicKey):
        return value
    raw = value.encode("ascii") if isinstance(value, str) else value
    stripped = raw.strip()
    if stripped.startswith(b"-----BEGIN"):
        key = serialization.load_pem_public_key(stripped)
        if not isinstance(key, Ed25519PublicKey):
            raise ValueError("the PEM key is not an Ed25519 public key")
        return key
    if len(stripped) == 64:
        return Ed25519PublicKey.from_public_bytes(bytes.fromhex(stripped.decode("ascii")))
    if len(raw) == 32:
        return Ed25519PublicKey.from_public_bytes(raw)
    raise ValueError("an Ed25519 public key is 32 bytes (64 hex digits) or a PEM block")


def load_trusted_keys(keys: TrustedKeys) -> dict[str, Ed25519PublicKey]:
    return {key_id: load_public_key(value) for key_id, value in keys.items()}


def public_key_hex(key: Ed25519PublicKey) -> str:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()


def load_private_key(path: Path) -> Ed25519PrivateKey:
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError(f"{path.name} is not an Ed25519 private key")
    return key


def demo_private_key() -> Ed25519PrivateKey:
    """The committed demo signing key. Demo only: anyone can sign with it."""
    return load_private_key(DEMO_PRIVATE_KEY)


def demo_trusted_keys() -> dict[str, str]:
    """The mapping to pass as `trusted_keys` in --demo mode (and in tests)."""
    return {DEMO_KEY_ID: DEMO_PUBLIC_KEY.read_text(encoding="ascii")}
