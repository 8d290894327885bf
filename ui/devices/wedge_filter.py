"""The keyboard-wedge scanner in the GUI: an application-wide key filter (扫码枪键盘输入过滤).

Installed on the QApplication, it sees every key press before any widget. It feeds the Qt-free
`WedgeClassifier`, holds back keys while they may be a scan, emits `scanned(str)` when a burst
turns out to be one, and otherwise hands the held keys back, in order, to the widget they were
going to, so a person typing in a field loses nothing (their keys arrive at most ~0.1 s late).

Replayed keys go through `sendEvent` synchronously while `_replaying` is set, so the filter lets
them pass instead of holding them again (no loop, and no need to mark the events themselves).

Credentials are never scans: keys going to a password field (any QLineEdit not echoing normally)
or into a widget marked `wedge_exempt` (the lock screen) are not judged, so a fast typist's or a
badge reader's credential reaches its field whole and never reaches the desk as a ticket.

Time: a key's own timestamp is used when the platform sets one, because after the GUI thread was
busy, queued keys arrive together and only their timestamps still show a person's pace.
Offscreen and in QTest the timestamp is 0; then the injected clock is read on arrival.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from devices.scanner.scan import Scan
from devices.scanner.wedge import KeyOutcome, Typing, WedgeClassifier, WedgeConfig, WedgeResult

# Plain ints: a key event may carry a code that is no member of Qt.Key (0 from an input method).
_TERMINATOR_KEYS = {int(Qt.Key.Key_Return): "\r", int(Qt.Key.Key_Enter): "\r", int(Qt.Key.Key_Tab): "\t"}
_MODIFIER_KEYS = {int(k) for k in (Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta,
                                   Qt.Key.Key_AltGr, Qt.Key.Key_CapsLock, Qt.Key.Key_NumLock)}
# A scanner types characters, Shift for capitals at most; a chord with these is a person.
_CHORD = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier


def exempt(widget: QWidget) -> bool:
    """A credential's field, or inside a widget that asks not to be judged (`wedge_exempt`)."""
    w: QWidget | None = widget
    while w is not None:
        if isinstance(w, QLineEdit) and w.echoMode() is not QLineEdit.EchoMode.Normal:
            return True
        if w.property("wedge_exempt") is True:
            return True
        w = w.parentWidget()
    return False


@dataclass
class _Held:
    receiver: QObject
    event: QKeyEvent


class WedgeFilter(QObject):
    scanned = Signal(str)
    scan_received = Signal(object)
    """The same scan as a `devices.scanner.Scan` (source "wedge"), for code that handles all scanners alike."""

    def __init__(self, config: WedgeConfig | None = None, *, device: str = "wedge",
                 clock: Callable[[], float] = time.monotonic, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._classifier = WedgeClassifier(config or WedgeConfig(), device=device)
        self._clock = clock
        self._held: list[_Held] = []
        self._swallowed: dict[int, str] = {}  # key code → "held" | "dropped", until its release arrives
        self._replaying = False
        # The classifier's time of the last key and the clock at that moment, so silence can be
        # measured in the classifier's time base even when that base is the events' timestamps.
        self._anchor: tuple[float, float] = (0.0, 0.0)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.check_silence)

    @property
    def classifier(self) -> WedgeClassifier:
        return self._classifier

    def configure(self, config: WedgeConfig | None, *, device: str | None = None) -> None:
        """Judge from now on with `config` (the devices screen saved new options); a burst held under
        the old one goes back to its widget first, so no key is lost in the change."""
        self._interrupt()
        self._classifier = WedgeClassifier(config or WedgeConfig(), device=device or self._classifier.device)

    def install(self, app: QCoreApplication) -> None:
        app.installEventFilter(self)

    def uninstall(self, app: QCoreApplication) -> None:
        app.removeEventFilter(self)
        self._timer.stop()
        typing = self._classifier.interrupt()
        if typing is not None:
            self._replay_held()  # never lose a person's keys because the filter went away

    def check_silence(self) -> None:
        """Let silence end a held burst (the timer calls this; tests with a fake clock may too)."""
        self._settle(self._classifier.poll(self._now()))
        self._arm_timer()

    # -- the filter ------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease) or self._replaying:
            return False
        if not isinstance(watched, QWidget) or not isinstance(event, QKeyEvent):
            return False  # a QWindow sees the key first and forwards it to a widget: judge it there
        # A key the widget ignores is offered to its parents and comes through here again. Only
        # keys that were let through propagate, and judging such a key again changes nothing.
        if kind == QEvent.Type.KeyRelease:
            return self._release(watched, event)
        if exempt(watched):
            self._interrupt()  # a burst held for another widget goes back to it first
            return False
        return self._press(watched, event)

    def _press(self, watched: QWidget, event: QKeyEvent) -> bool:
        key = int(event.key())
        if key in _MODIFIER_KEYS:
            return False
        text = _TERMINATOR_KEYS.get(key, event.text())
        terminator = text in self._classifier.config.terminators
        if (event.isAutoRepeat() or len(text) != 1 or (not text.isprintable() and not terminator)
                or (event.modifiers() & _CHORD and not terminator)):
            self._interrupt()
            return False
        at = self._event_time(event)
        outcome: KeyOutcome = self._classifier.key(text, at)
        self._settle(outcome.results)
        if outcome.action == "hold":
            self._held.append(_Held(watched, event.clone()))
            self._swallowed[key] = "held"
        elif outcome.action == "drop":
            self._swallowed[key] = "dropped"
        self._arm_timer()
        return outcome.action != "pass"

    def _release(self, watched: QWidget, event: QKeyEvent) -> bool:
        state = self._swallowed.pop(event.key(), None)
        if state == "held" and self._held:
            self._held.append(_Held(watched, event.clone()))
            return True
        return state == "dropped"

    def _interrupt(self) -> None:
        if self._classifier.interrupt() is not None:
            self._replay_held()
        self._timer.stop()

    # -- settling held keys ----------------------------------------------------------------

    def _settle(self, results: tuple[WedgeResult, ...]) -> None:
        for result in results:
            if isinstance(result, Typing):
                self._replay_held()
            elif isinstance(result, Scan):
                self._drop_held()
                self._announce(result)

    def _announce(self, scan: Scan) -> None:
        # Emitted from the next event-loop turn, not from inside the filter: a slot that opens a
        # dialog must not run a nested event loop while this key is still being filtered.
        def emit() -> None:
            self.scanned.emit(scan.code)
            self.scan_received.emit(scan)

        QTimer.singleShot(0, self, emit)

    def _drop_held(self) -> None:
        for held in self._held:
            if held.event.type() == QEvent.Type.KeyPress and self._swallowed.get(held.event.key()) == "held":
                self._swallowed[held.event.key()] = "dropped"
        self._held.clear()

    def _replay_held(self) -> None:
        held, self._held = self._held, []
        self._replaying = True
        try:
            for item in held:
                if item.event.type() == QEvent.Type.KeyPress and self._swallowed.get(item.event.key()) == "held":
                    del self._swallowed[item.event.key()]  # its release, still to come, may pass
                target: QObject | None = item.receiver if shiboken6.isValid(item.receiver) else None
                if target is None:
                    target = QApplication.focusWidget()
                if target is not None:
                    QCoreApplication.sendEvent(target, item.event)
        finally:
            self._replaying = False

    # -- time ------------------------------------------------------------------------------

    def _event_time(self, event: QKeyEvent) -> float:
        stamp = event.timestamp()
        at = stamp / 1000.0 if stamp else self._clock()
        self._anchor = (at, self._clock())
        return at

    def _now(self) -> float:
        at, clock_then = self._anchor
        return at + (self._clock() - clock_then)

    def _arm_timer(self) -> None:
        deadline = self._classifier.deadline()
        if deadline is None:
            self._timer.stop()
            return
        self._timer.start(max(0, math.ceil((deadline - self._now()) * 1000)) + 1)
