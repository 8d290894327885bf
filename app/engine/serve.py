"""`venue-ops serve`: the exam-day engine with no window, as an OS service (systemd on Linux, a
Windows service through NSSM; docs/install.md). The paper-room PC records 24 h with nobody signed
in; the check-in PCs' engines close entry for every room even when no desk window is open.

It runs until SIGTERM or SIGINT (Ctrl+C; on Windows also Ctrl+Break, which is what NSSM sends a
console program), then stops the engine (the open video segments are closed, hashed and indexed)
and returns 0. Everything it does goes to the log folder.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable
from types import FrameType
from typing import Any

from app.engine.engine import VenueEngine

log = logging.getLogger(__name__)
STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGBREAK", "SIGHUP")
                     if hasattr(signal, name))


def serve(engine: VenueEngine, *, stop: threading.Event | None = None,
          on_started: Callable[[], None] | None = None) -> int:
    """Run `engine` until a stop signal (or `stop` is set); returns the exit code, 0 on a clean stop."""
    stop = stop or threading.Event()
    previous: dict[int, Any] = {}

    def handler(signum: int, _frame: FrameType | None) -> None:
        log.info("signal %s received: stopping", signal.Signals(signum).name)
        stop.set()

    if threading.current_thread() is threading.main_thread():
        for sig in STOP_SIGNALS:
            previous[sig] = signal.signal(sig, handler)
    try:
        engine.start()
        log.info("serving headless (paper-room recording %s)", "on" if engine.recording is not None
                 else "off: no camera configured on this PC")
        if on_started is not None:
            on_started()
        while not stop.wait(0.5):  # a short wait: signal handlers run between waits on every OS
            pass
    finally:
        engine.stop()
        for sig, old in previous.items():
            signal.signal(sig, old)
    log.info("headless engine stopped cleanly")
    return 0
