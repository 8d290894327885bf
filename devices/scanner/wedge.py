"""Telling a keyboard-wedge scanner from a person typing (键盘模拟扫码枪识别), without Qt.

A wedge scanner "types" the code: key presses usually 1–16 ms apart, sometimes ended by Enter,
CRLF or Tab, sometimes by nothing. People type ≥ 100 ms apart. So every key is held back while it
might still be the start of a scan, and the classifier decides later:

- a burst of ≥ `min_length` characters whose median gap is ≤ `max_median_gap` and whose largest
  gap is ≤ `max_gap`, ended by a terminator or by `silence`, is a `Scan`;
- anything else is `Typing`: the held keys are handed back so the UI can deliver them to the
  widget that had focus, in their original order.

A person's key is therefore delayed by at most `max_gap` (a lone key can never become a scan, so
it is released as soon as no continuation could save it), and by `silence` while a long fast run
is still undecided.

With a configured `prefix` (a character the scanner is set to send first) the decision is certain:
only keys after the prefix are held, and everything else passes straight through with no delay.

The caller supplies timestamps (seconds, any monotonic clock) and must call `poll(now)` once
`deadline()` has passed, because silence can only be noticed by looking at the clock.
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from devices.scanner.scan import Scan, ScanSource

_TOLERANCE = 1e-6
"""Differences of float timestamps are inexact; a gap of exactly a threshold must count as within it."""

KeyAction = Literal["pass", "hold", "drop"]
"""What the UI does with the key just fed: let it through now, hold it back (it may be part of a
scan; it will come back in a `Typing` if not), or swallow it for good (a scan's terminator)."""


@dataclass(frozen=True)
class WedgeConfig:
    """Thresholds from devices.md §2; configurable because scanners can be set to pace their keys
    (Honeywell adds 1–30 ms, Datalogic up to 990 ms)."""

    min_length: int = 6
    max_median_gap: float = 0.030
    max_gap: float = 0.080
    silence: float = 0.100
    terminators: frozenset[str] = frozenset({"\r", "\n", "\t"})
    prefix: str | None = None
    suffix: str | None = None
    max_length: int = 512
    """A guard, not a scanner limit: a key held down with auto-repeat must not be held forever."""

    def __post_init__(self) -> None:
        if self.min_length < 2:
            raise ValueError("min_length must be at least 2: one key has no pace to judge")
        if not 0 < self.max_median_gap <= self.max_gap:
            raise ValueError("need 0 < max_median_gap <= max_gap")
        if self.silence < self.max_gap:
            raise ValueError("silence must be at least max_gap, or a scan could end before its next key")
        for name, char in (("prefix", self.prefix), ("suffix", self.suffix)):
            if char is not None and len(char) != 1:
                raise ValueError(f"{name} must be a single character")
        if self.max_length < self.min_length:
            raise ValueError("max_length must be at least min_length")


@dataclass(frozen=True)
class WedgeKey:
    text: str
    at: float


@dataclass(frozen=True)
class Typing:
    """Keys that turned out to be a person typing; deliver them, in order, where they were going."""

    keys: tuple[WedgeKey, ...]

    @property
    def text(self) -> str:
        return "".join(key.text for key in self.keys)


WedgeResult = Scan | Typing


@dataclass(frozen=True)
class KeyOutcome:
    """`results` settle the keys held *before* this one and must be handled first (replay a
    `Typing` before letting this key pass, so the widget sees keys in the order they were typed)."""

    action: KeyAction
    results: tuple[WedgeResult, ...] = ()


@dataclass
class WedgeClassifier:
    config: WedgeConfig = field(default_factory=WedgeConfig)
    device: str = ""
    _held: list[WedgeKey] = field(default_factory=list, init=False)
    _scan_ended_at: float | None = field(default=None, init=False)

    @property
    def holding(self) -> bool:
        return bool(self._held)

    def key(self, text: str, at: float) -> KeyOutcome:
        """Feed one key press: its text (Enter as "\\r", Tab as "\\t") and when it happened."""
        results: list[WedgeResult] = []
        if self._held:
            last = self._held[-1].at
            if at - last > self._continuation_limit() + _TOLERANCE:
                results.extend(self._end_burst(at, by_silence=at >= last + self.config.silence))
        if self._is_terminator(text):
            return self._terminator(text, at, results)
        if not self._held:
            if self.config.prefix is not None and text != self.config.prefix:
                return KeyOutcome("pass", tuple(results))
            self._scan_ended_at = None
        if len(self._held) >= self.config.max_length:
            results.append(Typing(tuple(self._held)))
            self._held.clear()
        self._held.append(WedgeKey(text, at))
        return KeyOutcome("hold", tuple(results))

    def interrupt(self) -> Typing | None:
        """A key that no scanner sends (an arrow, Ctrl+…, auto-repeat) arrived: whatever is held is typing."""
        if not self._held:
            return None
        typing = Typing(tuple(self._held))
        self._held.clear()
        return typing

    def deadline(self) -> float | None:
        """When `poll` should next be called, or None when nothing is held."""
        if not self._held:
            return None
        last = self._held[-1].at
        if self._could_be_scan(self._held, terminator_at=None):
            return last + self.config.silence
        # Nothing after a gap longer than max_gap can rescue this burst: release it then.
        return last + self.config.max_gap

    def poll(self, now: float) -> tuple[WedgeResult, ...]:
        """Let silence end a burst: call at (or after) `deadline()`."""
        if not self._held:
            return ()
        # Compared as `last + limit` (the same sum deadline() returns) so a poll exactly at the
        # deadline is not lost to floating-point rounding.
        last = self._held[-1].at
        if now >= last + self.config.silence:
            return self._end_burst(now, by_silence=True)
        if now >= last + self.config.max_gap and not self._could_be_scan(self._held, terminator_at=None):
            return self._end_burst(now, by_silence=False)
        return ()

    # -- internals -------------------------------------------------------------------------

    def _is_terminator(self, text: str) -> bool:
        return text in self.config.terminators or (self.config.suffix is not None and text == self.config.suffix)

    def _continuation_limit(self) -> float:
        # After a prefix the scanner is certain; only silence ends it, not a slow key.
        return self.config.silence if self._prefixed() else self.config.max_gap

    def _prefixed(self) -> bool:
        return self.config.prefix is not None and bool(self._held) and self._held[0].text == self.config.prefix

    def _terminator(self, text: str, at: float, results: list[WedgeResult]) -> KeyOutcome:
        if not self._held:
            # The LF of a CRLF (or a Tab after Enter) that follows a scan belongs to that scan.
            ended = self._scan_ended_at
            if ended is not None and at - ended <= self.config.max_gap:
                return KeyOutcome("drop", tuple(results))
            return KeyOutcome("pass", tuple(results))
        scan = self._as_scan(self._held, terminator_at=at)
        if scan is None:
            results.append(Typing(tuple(self._held)))
            self._held.clear()
            return KeyOutcome("pass", tuple(results))
        results.append(scan)
        self._held.clear()
        self._scan_ended_at = at
        return KeyOutcome("drop", tuple(results))

    def _end_burst(self, now: float, *, by_silence: bool) -> tuple[WedgeResult, ...]:
        held = tuple(self._held)
        self._held.clear()
        scan = self._as_scan(held, terminator_at=None) if by_silence else None
        if scan is None:
            return (Typing(held),)
        self._scan_ended_at = held[-1].at
        return (scan,)

    def _as_scan(self, keys: Sequence[WedgeKey], terminator_at: float | None) -> Scan | None:
        if not self._could_be_scan(keys, terminator_at):
            return None
        texts = [key.text for key in keys]
        if self.config.prefix is not None:
            texts = texts[1:]
        if self.config.suffix is not None and texts and texts[-1] == self.config.suffix:
            texts = texts[:-1]
        code = "".join(texts)
        if not code:
            return None
        return Scan(code=code, source=ScanSource.WEDGE, device=self.device, at=keys[-1].at if terminator_at is None else terminator_at)

    def _could_be_scan(self, keys: Sequence[WedgeKey], terminator_at: float | None) -> bool:
        if self.config.prefix is not None:
            # Certain by prefix: timing no longer matters, only that something followed it.
            return len(keys) >= 2 and keys[0].text == self.config.prefix
        if len(keys) < self.config.min_length:
            return False
        times = [key.at for key in keys]
        if terminator_at is not None:
            times.append(terminator_at)
        gaps = [b - a for a, b in itertools.pairwise(times)]
        return (max(gaps) <= self.config.max_gap + _TOLERANCE
                and statistics.median(gaps) <= self.config.max_median_gap + _TOLERANCE)
