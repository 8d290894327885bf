"""Strategies shared by the property tests: JSON values (sometimes deep, sometimes with huge
numbers), and the time bound each example must meet."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st


def bounded(examples: int = 100) -> settings:
    """Each example is one refusal or one success within two seconds: the bound this shared machine
    holds without flakes, far above what a refusal takes (benchmarks measure speed)."""
    return settings(max_examples=examples, deadline=timedelta(seconds=2),
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40)
json_values: st.SearchStrategy[Any] = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=12), inner, max_size=5),
    max_leaves=30)


@st.composite
def hostile_json(draw: st.DrawFn) -> bytes:
    """JSON text a hostile writer might send: ordinary, nested very deep, a huge number, or junk."""
    kind = draw(st.sampled_from(["value", "deep", "digits", "junk", "truncated"]))
    if kind == "deep":
        depth = draw(st.integers(1, 50_000))
        opener = draw(st.sampled_from([b"[", b'{"a":']))
        return opener * depth + b"1" + (b"]" if opener == b"[" else b"}") * depth
    if kind == "digits":
        return b'{"n": ' + b"9" * draw(st.integers(1, 6_000)) + b"}"
    if kind == "junk":
        return draw(st.binary(max_size=300))
    text = json.dumps(draw(json_values)).encode()
    return text[: draw(st.integers(0, len(text)))] if kind == "truncated" else text
