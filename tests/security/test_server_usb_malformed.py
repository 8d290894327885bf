"""The reference provincial server given a USB results file that is not one: a header that is a
JSON list, nested deep, or not JSON. `import-usb` says one sentence and exits 1; the HTTP endpoint
answers 400; nothing is stored."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from sync.protocol import VENUE_HEADER
from sync.server.runner import ReferenceServer
from sync.server.store import ServerStore
from sync.usb import MAGIC

VENUE, SECRET = "320107", "s3cret-credential"
HEADERS = {
    "a_list": b"[1, 2, 3]\n",
    "nested_deep": b"[" * 2000 + b"]" * 2000 + b"\n",
    "not_json": b"venue=320107\n",
    "venue_a_number": b'{"venue": 320107, "nonce": "00"}\n',
    "no_nonce": b'{"venue": "320107"}\n',
    "bad_nonce": b'{"venue": "320107", "nonce": "zz", "created_at": "x"}\n',
    "no_newline": b'{"venue": "320107", "nonce": "' + b"0" * 10_000,
}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ServerStore]:
    s = ServerStore(f"sqlite:///{tmp_path / 'server.sqlite'}", tmp_path)
    s.add_venue(VENUE, SECRET)
    yield s
    s.close()


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_http_usb_import_of_a_malformed_file_is_400_and_stores_nothing(store: ServerStore, name: str) -> None:
    blob = MAGIC + HEADERS[name] + b"\x00" * 64
    with ReferenceServer(store) as server:
        answer = httpx.post(f"{server.url}/v1/usb-imports", content=blob, timeout=30,
                            headers={VENUE_HEADER: VENUE, "Authorization": f"Bearer {SECRET}"})
    assert answer.status_code == 400, answer.text
    assert answer.json()["error"] == "bad_request"
    assert store.records(VENUE) == []


def test_http_usb_import_needs_the_venue_credential(store: ServerStore) -> None:
    with ReferenceServer(store) as server:
        answer = httpx.post(f"{server.url}/v1/usb-imports", content=MAGIC + b"[]\n", timeout=30)
    assert answer.status_code == 401


@pytest.mark.parametrize("name", ["a_list", "nested_deep"])
def test_import_usb_command_says_one_sentence(tmp_path: Path, store: ServerStore, name: str) -> None:
    bad = tmp_path / "results.vor"
    bad.write_bytes(MAGIC + HEADERS[name] + b"\x00" * 64)
    done = subprocess.run([sys.executable, "-m", "sync.server", "--data", str(tmp_path), "import-usb", str(bad)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "not a Venue Ops results export" in done.stderr and "Traceback" not in done.stderr
    assert store.records(VENUE) == []
