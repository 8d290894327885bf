"""Durations read as durations ("22 分 56 秒"), never as a time of day ("22:56"): the desk's
countdown and lateness, the timer screen's time to the start and time left."""

from __future__ import annotations

import math
from datetime import timedelta

from PySide6.QtCore import QCoreApplication


def duration(span: timedelta | float, *, round_up: bool = False) -> str:
    """`span` (a timedelta or seconds) as hours, minutes and seconds in the user's language; never
    negative. `round_up` for a countdown, so it reaches "0 s" only when the moment has come."""
    raw = span.total_seconds() if isinstance(span, timedelta) else float(span)
    seconds = max(0, math.ceil(raw) if round_up else int(raw))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return QCoreApplication.translate("Duration", "{h} h {m} min {s} s").format(h=hours, m=minutes, s=secs)
    if minutes:
        return QCoreApplication.translate("Duration", "{m} min {s} s").format(m=minutes, s=secs)
    return QCoreApplication.translate("Duration", "{s} s").format(s=secs)
