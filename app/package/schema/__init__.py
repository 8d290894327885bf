"""The JSON Schemas (draft 2020-12) of exam package v1, and validation that names the faulty
field by its JSON path and the record it sits in (a candidate by ticket number, not by index)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

from app.package import errors

MANIFEST_SCHEMA = "exam-package-manifest-v1.json"
DATA_SCHEMA = "exam-package-data-v1.json"

# For each list in data.json, the field that names one of its records to a person.
_RECORD_KEYS: dict[str, tuple[str, ...]] = {
    "sittings": ("code",),
    "rooms": ("code",),
    "candidates": ("ticket_number",),
    "seat_assignments": ("ticket_number", "sitting"),
    "staff": ("staff_number",),
    "staff_relations": ("staff_number", "ticket_number"),
    "custody_items": ("barcode",),
    "files": ("path",),
}


def load_schema(name: str) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(resources.files(__package__).joinpath(name).read_text("utf-8"))
    return schema


@cache
def _validator(name: str) -> Draft202012Validator:
    schema = load_schema(name)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def json_path(path: Sequence[str | int]) -> str:
    """["candidates", 12, "phone"] → "candidates[12].phone"."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "(top level)"


def _record(document: Any, path: Sequence[str | int]) -> str:
    if len(path) >= 2 and isinstance(path[0], str) and isinstance(path[1], int):
        item = document[path[0]][path[1]]
        keys = _RECORD_KEYS.get(path[0], ())
        if isinstance(item, dict):
            named = [f"{k} {item[k]}" for k in keys if isinstance(item.get(k), str | int)]
            if named:
                return f"{path[0]} record with " + ", ".join(named)
        return f"{path[0]} record #{path[1] + 1}"
    return "the top level" if not path else str(path[0])


def _expected(error: ValidationError) -> tuple[str, list[str | int]]:
    """What the rule wanted, without echoing the offending value (it may be personal data)."""
    path = list(error.absolute_path)
    if error.validator == "required" and isinstance(error.instance, dict):
        required: Any = error.validator_value
        missing = [k for k in required if k not in error.instance]
        return f"missing field {', '.join(missing)}", [*path, *missing[:1]]
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        schema: Any = error.schema
        allowed = schema.get("properties", {}) if isinstance(schema, dict) else {}
        extra = sorted(k for k in error.instance if k not in allowed)
        return f"unknown field {', '.join(extra)}", [*path, *extra[:1]]
    value = error.validator_value
    if isinstance(value, dict | list) and error.validator not in {"enum", "type"}:
        return str(error.validator), path
    return f"{error.validator} {value}", path


def validate(document: Any, schema_name: str, member: str) -> None:
    error = best_match(_validator(schema_name).iter_errors(document))
    if error is None:
        return
    expected, path = _expected(error)
    raise errors.schema_violation(member, json_path(path), str(error.validator), expected, _record(document, path))


def validate_manifest(manifest: Any) -> None:
    validate(manifest, MANIFEST_SCHEMA, "manifest.json")


def validate_data(data: Any) -> None:
    validate(data, DATA_SCHEMA, "data.json")
