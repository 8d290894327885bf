"""`venue-ops --self-check`: a headless end-to-end smoke test of this installation.

Migrates a temporary database, imports the demo package, verifies the audit chain, opens the
main window offscreen and signs in. Prints one line per step; exit 0 only when every step holds.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

from app.config import Settings


def run_self_check(settings: Settings, window_check: Callable[[Any], str],
                   extra_steps: Sequence[tuple[str, Callable[[], str]]] = ()) -> int:
    """`window_check(core)` opens the main window offscreen and signs in; `extra_steps` check what
    the core cannot see (the device libraries in a bundle). Both are given by the composition root."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    state: dict[str, Any] = {}
    steps: list[tuple[str, Callable[[], str]]] = [
        ("database, demo package, keys", lambda: _open(settings, state)),
        ("audit chain", lambda: _audit(state)),
        ("main window and sign-in", lambda: window_check(state["core"])),
        *extra_steps,
    ]
    ok = True
    for name, step in steps:
        started = time.perf_counter()
        try:
            detail = step()
            status = "ok"
        except Exception as exc:  # the point of a self-check is to report any failure
            detail, status, ok = f"{type(exc).__name__}: {exc}", "FAILED", False
        print(json.dumps({"step": name, "status": status, "detail": detail,
                          "seconds": round(time.perf_counter() - started, 3)}, ensure_ascii=False), flush=True)
        if not ok:
            break
    core = state.get("core")
    if core is not None:
        core.close()
        shutil.rmtree(core.settings.data_dir, ignore_errors=True)
    print("self-check: " + ("passed" if ok else "FAILED"), file=sys.stderr if not ok else sys.stdout)
    return 0 if ok else 1


def _open(settings: Settings, state: dict[str, Any]) -> str:
    from app.bootstrap import open_demo
    from app.services.overview import OverviewService

    core = open_demo(settings)
    state["core"] = core
    o = OverviewService(core.sessions).overview()
    if not o.has_package or o.candidates == 0:
        raise RuntimeError("the demo package left no candidates")
    return f"{o.candidates} candidates, {o.rooms} rooms, {len(o.sittings)} sittings"


def _audit(state: dict[str, Any]) -> str:
    from app.services.audit_verify import TrailVerifier

    report = TrailVerifier(state["core"].sessions).verify()
    if not report.intact:
        raise RuntimeError(f"broken at {report.broken_at_seq}: {report.problem}")
    return f"{report.events} events intact"
