"""Alerts for the chief's control room (custody gaps, the secure paper room, its cameras)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class Alert:
    """Something the chief examiner must see. Like a `VenueError`: a stable `code`, an English
    sentence (translated in the GUI, context "Errors") and its `params`. `severity` is "warning"
    or "critical"; `key` identifies the situation (the same gap is one alert however often asked)."""

    code: str
    english: str
    at: datetime
    severity: str = "warning"
    key: str = ""
    params: Mapping[str, Any] = field(default_factory=dict)

    def english_text(self) -> str:
        try:
            return self.english.format(**self.params)
        except (KeyError, IndexError, ValueError):
            return f"{self.english} {dict(self.params)}"


def alert(code: str, english: str, *, at: datetime, severity: str = "warning", key: str = "",
          **params: Any) -> Alert:
    return Alert(code, english, at, severity, key or code, params)
