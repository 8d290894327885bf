"""The hash `audit verify` recomputes for one stored event (art. 43), from the row's own columns,
never from a stored value: `row_hash` is the reference, the same text character for character as
`audit.event_hash(prev_hash, audit.fields(...))`, and two quicker ways to the same hash for a
million rows (issue 13, `python -m bench audit`):

- `hash_rows` (SQLite's raw rows, a batch at a time): the same text written with f-strings and
  memos of what repeats (staff ids, action, names, desk); any value it does not write exactly as
  `row_hash` does sends the row to `row_hash`, so both give the same hash, or the same
  exception, for every row;
- `POSTGRES_HASHED_TEXT` (PostgreSQL): the server writes the text (prev_hash, then the JSON) from
  the columns in the query; this process only hashes it. PostgreSQL's to_json quotes exactly as
  Python's encoder does (tests/security/test_audit_verify_fast.py holds both engines to it for
  every code point). Where the server could write differently (a time outside the years 1000 to
  9999, a retention class outside the enum), the text is NULL and the row is read raw for
  `row_hash`. Every function is schema-qualified, so one put earlier on the search path cannot
  stand in; the conditions only choose the way, the text always comes from the column itself.
  A text that does not hash to the stored value is read raw and judged by `row_hash` too, so a
  broken link is named as `row_hash` names it.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from app.domain import RetentionClass
from app.services.audit import CHAINED_COLUMNS, event_hash

COLUMNS = ("seq", *CHAINED_COLUMNS, "prev_hash", "hash")  # a raw row: row[0] seq ... row[16] prev, row[17] hash


def _uuid_text(value: Any) -> str | None:
    """str(uuid) of a stored UUID: SQLite keeps 32 hex digits, PostgreSQL hands back a UUID."""
    if value is None:
        return None
    if isinstance(value, str) and len(value) == 32:
        return f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"
    if isinstance(value, uuid.UUID):
        return str(value)
    return str(uuid.UUID(str(value)))


def _time_text(value: Any) -> str:
    """The ISO text the chain hashed: UTC, aware (SQLite keeps naive UTC text, microseconds always)."""
    if isinstance(value, str):
        if len(value) == 26 and value[10] == " " and value[19] == "." and value[:4].isdigit():
            return value[:10] + "T" + (value[11:19] if value.endswith(".000000") else value[11:]) + "+00:00"
        value = datetime.fromisoformat(value)
    if not isinstance(value, datetime):
        raise TypeError("at_utc is not a point in time")
    return (value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)).isoformat()


_RETENTION = frozenset(str(r) for r in RetentionClass)
# Written as they are, unquoted, into JSON and SQL: letters, digits and "_" only.
assert all(r.isascii() and r.replace("_", "").isalnum() for r in _RETENTION)


def _fields(row: Sequence[Any]) -> dict[str, Any]:
    """`audit.fields` of a raw row, without the ORM's conversions."""
    retention = row[15]
    if retention not in _RETENTION:
        raise ValueError("retention class outside the enum")
    return {"id": _uuid_text(row[1]), "at_utc": _time_text(row[2]), "venue_time": row[3], "desk": row[4],
            "actor_id": _uuid_text(row[5]), "actor_name": row[6], "cosigner_id": _uuid_text(row[7]),
            "cosigner_name": row[8], "action": row[9], "entity_type": row[10], "entity_id": row[11],
            "before": row[12], "after": row[13], "reason": row[14], "retention_class": retention}


# The chained fields in sorted key order, as the JSON encoder writes them (", " and ": ").
_ORDER = ("action", "actor_id", "actor_name", "after", "at_utc", "before", "cosigner_id", "cosigner_name", "desk",
          "entity_id", "entity_type", "id", "reason", "retention_class", "venue_time")
_TEMPLATE = "{" + ", ".join(f'"{k}": %s' for k in _ORDER) + "}"
_quote = json.encoder.encode_basestring  # the encoder's own quoting (C), as ensure_ascii=False uses


def row_hash(row: Sequence[Any]) -> str:
    """event_hash(prev_hash, fields) of a raw row, with the JSON written straight from the values
    in sorted key order (the same text, character for character, the encoder gives for the fields
    dict); a row with any value that is not text goes through the encoder itself. Raises for a
    damaged row."""
    if row[15] not in _RETENTION:
        raise ValueError("retention class outside the enum")
    values = (row[9], _uuid_text(row[5]), row[6], row[13], _time_text(row[2]), row[12], _uuid_text(row[7]), row[8],
              row[4], row[11], row[10], _uuid_text(row[1]), row[14], row[15], row[3])
    try:
        body = _TEMPLATE % tuple(["null" if v is None else _quote(v) for v in values])
    except TypeError:
        return event_hash(str(row[16]), _fields(row))
    return hashlib.sha256((str(row[16]) + body).encode("utf-8")).hexdigest()


# Memos for what repeats from row to row: the quoted ids of the few staff who sign a whole
# season, and the stretches of text around them ("action" to "after", "cosigner_id" to
# "entity_id"), which hold only the action, the names, ids and the desk. Only text and None are
# ever keys (an id of another type is never remembered), so no other value can stand for one.
# Bounded: emptied when full.
_IDS: dict[str | None, str] = {None: "null"}
_STRETCHES: dict[tuple[Any, ...], str] = {}
_KEPT = 4096


def _quoted_id(value: Any) -> str:
    text = _uuid_text(value)
    quoted = "null" if text is None else _quote(text)
    if value.__class__ is str:
        if len(_IDS) > _KEPT:
            _IDS.clear()
            _IDS[None] = "null"
        _IDS[value] = quoted
    return quoted


def _stretch(key: tuple[Any, ...], text: str, *ids: Any) -> str:
    if all(i is None or i.__class__ is str for i in ids):
        if len(_STRETCHES) > _KEPT:
            _STRETCHES.clear()
        _STRETCHES[key] = text
    return text


def hash_rows(rows: Sequence[Sequence[Any]]) -> list[str | Exception]:
    """`row_hash` of each raw row, or the exception it raises, quicker for the rows the desks
    write (text where text belongs, ids of 32 characters, times as SQLite keeps them); any other
    row, and any surprise on the way, is `row_hash`'s to answer."""
    hashes: list[str | Exception] = []
    keep, q, ids, stretches, sha256 = hashes.append, _quote, _IDS, _STRETCHES, hashlib.sha256
    for row in rows:
        try:
            (_, id_, at, venue_time, desk, actor_id, actor_name, cosigner_id, cosigner_name, action, entity_type,
             entity_id, before, after, reason, retention, prev, _) = row
            if (retention in _RETENTION and prev.__class__ is str and id_.__class__ is str and len(id_) == 32
                    and len(at) == 26 and at[10] == " " and at[19] == "." and at[:4].isdigit()):
                first = stretches.get(key := (action, actor_id, actor_name)) or _stretch(
                    key, f'{{"action": {q(action)}, "actor_id": {ids.get(actor_id) or _quoted_id(actor_id)}, '
                         f'"actor_name": {q(actor_name)}, "after": ', actor_id)
                second = stretches.get(key := (cosigner_id, cosigner_name, desk)) or _stretch(
                    key, f', "cosigner_id": {ids.get(cosigner_id) or _quoted_id(cosigner_id)}, '
                         f'"cosigner_name": {"null" if cosigner_name is None else q(cosigner_name)}, '
                         f'"desk": {q(desk)}, "entity_id": ', cosigner_id)
                text = (f'{prev}{first}{"null" if after is None else q(after)}, '
                        f'"at_utc": {q(at[:10] + "T" + (at[11:19] if at.endswith(".000000") else at[11:]) + "+00:00")}, '
                        f'"before": {"null" if before is None else q(before)}{second}{q(entity_id)}, '
                        f'"entity_type": {q(entity_type)}, '
                        f'"id": {q(f"{id_[:8]}-{id_[8:12]}-{id_[12:16]}-{id_[16:20]}-{id_[20:]}")}, '
                        f'"reason": {q(reason)}, "retention_class": "{retention}", "venue_time": {q(venue_time)}}}')
                keep(sha256(text.encode("utf-8")).hexdigest())
                continue
        except Exception:  # `row_hash` below gives this row its answer
            pass
        try:
            keep(row_hash(row))
        except Exception as exc:  # any damage to a row is a broken link, never a crash
            keep(exc)
    return hashes


# PostgreSQL writes the hashed text itself.
_CAT = " OPERATOR(pg_catalog.||) "
_NULL = "'null'"
_RETENTION_SQL = ", ".join(f"'{r}'" for r in sorted(_RETENTION))


def _pg_quoted(expression: str) -> str:
    return _CAT.join(["'\"'", expression, "'\"'"])


def _pg_text(column: str) -> str:
    return f"COALESCE(CAST(pg_catalog.to_json({column}) AS pg_catalog.text), {_NULL})"


def _pg_uuid(column: str) -> str:
    return f"CASE WHEN {column} IS NULL THEN {_NULL} ELSE {_pg_quoted(f'CAST({column} AS pg_catalog.text)')} END"


def _pg_values() -> dict[str, str]:
    utc = "pg_catalog.timezone('UTC', at_utc)"
    time = _pg_quoted(_CAT.join([
        f"pg_catalog.to_char({utc}, 'YYYY-MM-DD\"T\"HH24:MI:SS')",
        f"pg_catalog.replace(pg_catalog.to_char({utc}, '.US'), '.000000', '')", "'+00:00'"]))
    values = {"venue_time": "venue_time", "desk": "desk", "actor_name": "actor_name", "cosigner_name": "cosigner_name",
              "action": "action", "entity_type": "entity_type", "entity_id": "entity_id", "before": "before_json",
              "after": "after_json", "reason": "reason"}
    return {k: _pg_text(c) for k, c in values.items()} | {
        "id": _pg_uuid("id"), "actor_id": _pg_uuid("actor_id"), "cosigner_id": _pg_uuid("cosigner_id"),
        "at_utc": f"CASE WHEN at_utc >= '1000-01-01 00:00:00+00' AND at_utc < '9999-12-31 00:00:00+00' "
                  f"THEN {time} END",
        "retention_class": f"CASE WHEN retention_class IN ({_RETENTION_SQL}) THEN {_pg_quoted('retention_class')} END"}


def _pg_hashed_text() -> str:
    values = _pg_values()
    parts = ["prev_hash", "'{'"]
    for i, key in enumerate(_ORDER):
        parts += [f"'{', ' if i else ''}\"{key}\": '", f"({values[key]})"]
    return f"pg_catalog.convert_to({_CAT.join([*parts, chr(39) + '}' + chr(39)])}, 'UTF8')"


POSTGRES_HASHED_TEXT = _pg_hashed_text()  # bytea: the UTF-8 text `row_hash` hashes, or NULL
