"""The exam's ticket pattern, limited to a subset that cannot backtrack badly.

A package's `ticket_pattern` is matched against every ticket at import and every scan at the desk,
so a pattern such as `^(\\d+)+$` would let a signed package stall both. Accepted: optional `^` and
`$` at the ends; between them a sequence of single-character atoms — a letter, digit or `-`, `\\d`,
`.`, or a class like `[A-Z0-9]` — each with at most one repeat (`?`, `*`, `+`, `{n}`, `{n,}`,
`{n,m}`). No groups, alternation, back-references or look-arounds. The work a match can take is
bounded by the product of the repeats' spans (an unbounded repeat spans a whole ticket), which must
stay under `MAX_COST`. The same subset means the same thing in ECMA-262 and Python `re`.
"""

from __future__ import annotations

import re

from app.package import errors

MAX_TICKET = 32  # the schema's ticket: ^[A-Za-z0-9-]{1,32}$
MAX_COST = 4096
_PLAIN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-")
_CLASS = re.compile(r"\[\^?(?:[A-Za-z0-9](?:-[A-Za-z0-9])?|\\d|-)+\]")
_BRACES = re.compile(r"\{(\d{1,2})(,(\d{0,2}))?\}")


def _atom(text: str, i: int) -> int:
    """The index after the atom starting at i, or -1 when there is none there."""
    ch = text[i]
    if ch in _PLAIN or ch == ".":
        return i + 1
    if text.startswith("\\d", i):
        return i + 2
    if ch == "[":
        m = _CLASS.match(text, i)
        return m.end() if m else -1
    return -1


def _repeat(text: str, i: int) -> tuple[int, int, int]:
    """(index after the repeat, least, most) for the repeat at i; (i, 1, 1) when there is none."""
    if i >= len(text):
        return i, 1, 1
    ch = text[i]
    if ch == "?":
        return i + 1, 0, 1
    if ch == "*":
        return i + 1, 0, MAX_TICKET
    if ch == "+":
        return i + 1, 1, MAX_TICKET
    if ch == "{":
        m = _BRACES.match(text, i)
        if m is None:
            return -1, 0, 0
        least = int(m.group(1))
        most = least if m.group(2) is None else (int(m.group(3)) if m.group(3) else MAX_TICKET)
        if most < least:
            return -1, 0, 0
        return m.end(), least, min(most, MAX_TICKET)
    return i, 1, 1


def compile_ticket_pattern(pattern: str) -> re.Pattern[str]:
    """The compiled pattern, or `PackageRefused` (package.unsafe_ticket_pattern) saying what is outside
    the subset."""
    body = pattern.removeprefix("^")
    if body.endswith("$") and not body.endswith("\\$"):
        body = body[:-1]
    cost, i = 1, 0
    while i < len(body):
        end = _atom(body, i)
        if end < 0:
            raise errors.unsafe_ticket_pattern(pattern, f"{body[i]!r} at position {i + 1} is outside the subset")
        after, least, most = _repeat(body, end)
        if after < 0:
            raise errors.unsafe_ticket_pattern(pattern, f"the repeat at position {end + 1} is not of the form {{n,m}}")
        if after < len(body) and body[after] in "?*+{":
            raise errors.unsafe_ticket_pattern(pattern, f"a repeat of a repeat at position {after + 1}")
        cost *= most - least + 1
        if cost > MAX_COST:
            raise errors.unsafe_ticket_pattern(pattern, "too many open-ended repeats in a row")
        i = after
    try:
        return re.compile(pattern)
    except re.error as exc:  # not reached for the subset; kept so no text can crash the import
        raise errors.unsafe_ticket_pattern(pattern, "not a regular expression") from exc
