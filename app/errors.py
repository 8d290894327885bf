"""Errors the core raises for a person to read.

The core never formats a sentence for the user: it raises a `VenueError` with a stable
`code` and the facts as `params`. The one place that turns codes into words, in the
user's language through Qt's `tr()`, is `ui/messages.py`. `str()` of an error is the
English technician form, for logs and tests.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.exc import OperationalError


class VenueError(Exception):
    """A refusal the user must understand: what went wrong, with the facts that say where."""

    def __init__(self, code: str, english: str, **params: Any) -> None:
        self.code = code
        self.params = params
        self.english = english
        super().__init__(self.english_text())

    def english_text(self) -> str:
        try:
            return self.english.format(**self.params)
        except (KeyError, IndexError, ValueError):
            return f"{self.english} {self.params}"


class PermissionDenied(VenueError):
    def __init__(self, action: str, role: str) -> None:
        super().__init__(
            "security.permission_denied",
            "Your role ({role}) may not do this: {action}.",
            action=action,
            role=role,
        )


class DatabaseUnreachable(VenueError):
    def __init__(self, detail: str) -> None:
        super().__init__("db.unreachable", "The database cannot be opened or reached: {detail}", detail=detail)


def database_unreachable(exc: BaseException) -> bool:
    """The database could not be reached (a server down, a file gone), as opposed to a refusal:
    a desk shows it as its database health."""
    return isinstance(exc, OperationalError | DatabaseUnreachable)
