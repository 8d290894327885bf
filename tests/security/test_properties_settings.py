"""Property: whatever settings.json holds — any bytes, any JSON, any value under any real key —
loading it gives Settings or a `VenueError` that names the problem, never another exception."""

from __future__ import annotations

import dataclasses
import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from app import config
from app.errors import VenueError
from tests.security.fuzz_support import bounded, hostile_json, json_values

KEYS = st.sampled_from([f.name for f in dataclasses.fields(config.Settings)] + ["lockout_atempts", ""])


def _load(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "settings.json"
        path.write_bytes(raw)
        try:
            settings = config.load(path)
        except VenueError as exc:
            assert exc.code.startswith("settings."), exc.code
            assert exc.english_text()
            return
        # What is accepted is within its declared bounds.
        assert 1 <= settings.idle_lock_minutes <= 120 and 3 <= settings.lockout_attempts <= 20
        assert settings.data_dir.is_absolute()


@bounded(100)
@given(hostile_json())
def test_any_bytes_give_settings_or_a_refusal(raw: bytes) -> None:
    _load(raw)


@bounded(100)
@given(st.dictionaries(KEYS, json_values | st.integers(-10**30, 10**30), max_size=6))
def test_any_value_under_any_key_gives_settings_or_a_refusal(values: dict[str, Any]) -> None:
    _load(json.dumps(values).encode())
