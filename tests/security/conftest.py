"""The loopback reference server and venue fixtures of tests/sync, for the security tests that
attack the province's checks."""

from tests.sync.conftest import (  # noqa: F401
    faults,
    keyring_backend,
    pki,
    server,
    server_store,
    service,
    sessions,
    venue_code,
)
