"""Property: whatever a server answers — any bytes, any JSON, a batch answer with any acks — the
venue's answer parser returns the protocol's model or `MalformedAnswer`, never another exception;
and what it accepts is a well-typed answer."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from sync.protocol import AuditVerdict, BatchAnswer, FileState, Status
from sync.transport import MalformedAnswer, parse_answer
from sync.upload import ChunkAnswer
from tests.security.fuzz_support import bounded, hostile_json, json_values

MODELS = st.sampled_from([BatchAnswer, FileState, AuditVerdict, Status, ChunkAnswer])
ack = st.fixed_dictionaries({"key": st.text(max_size=20) | st.integers(),
                             "status": st.sampled_from(["stored", "duplicate", "file_missing", "rejected", "ok", 3]),
                             "detail": st.text(max_size=10) | st.none()})
batch = st.fixed_dictionaries({"server_time": st.text(max_size=30) | st.integers(), "batch_key": st.text(max_size=20),
                               "replayed": st.booleans() | st.text(max_size=3),
                               "acks": st.lists(ack, max_size=20) | json_values})


@bounded(100)
@given(hostile_json(), MODELS)
def test_any_bytes_are_an_answer_or_malformed(raw: bytes, model: Any) -> None:
    try:
        value = parse_answer(raw, model)
    except MalformedAnswer:
        return
    assert isinstance(value, model)


@bounded(100)
@given(batch, st.integers(0, 10))
def test_any_batch_answer_is_typed_or_malformed(answer: dict[str, Any], records: int) -> None:
    try:
        value = parse_answer(json.dumps(answer).encode(), BatchAnswer, lambda a: len(a.acks) <= 2 * records)
    except MalformedAnswer:
        return
    assert len(value.acks) <= 2 * records
    assert all(isinstance(a.key, str) and a.status in {"stored", "duplicate", "file_missing", "rejected"}
               for a in value.acks)
