"""An in-memory keyring backend for tests and the demo mode (`--demo`), where no OS keyring exists.

It is never chosen automatically: its `priority` raises, which keyring reads as "not viable", so
importing this module cannot make a real installation keep its keys in memory. Use it explicitly:

    keyring.set_keyring(MemoryKeyring())      # or KeyStore(backend=lambda: ring)
"""

from __future__ import annotations

from jaraco.classes import properties
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    @properties.classproperty
    def priority(cls) -> float:  # type: ignore[override]
        raise RuntimeError("MemoryKeyring is for tests and demos; it is only used when set explicitly")

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError(username)
