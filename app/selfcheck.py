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
from collections.abc import Callable
from typing import Any

from app.config import Settings


def run_self_check(settings: Settings) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    state: dict[str, Any] = {}
    steps: list[tuple[str, Callable[[], str]]] = [
        ("database, demo package, keys", lambda: _open(settings, state)),
        ("audit chain", lambda: _audit(state)),
        ("main window and sign-in", lambda: _window(state)),
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
    from app.services.overview import overview

    core = open_demo(settings)
    state["core"] = core
    with core.sessions() as s:
        o = overview(s)
    if not o.has_package or o.candidates == 0:
        raise RuntimeError("the demo package left no candidates")
    return f"{o.candidates} candidates, {o.rooms} rooms, {len(o.sittings)} sittings"


def _audit(state: dict[str, Any]) -> str:
    from app.services import audit

    with state["core"].sessions() as s:
        report = audit.verify(s)
    if not report.intact:
        raise RuntimeError(f"broken at {report.broken_at_seq}: {report.problem}")
    return f"{report.events} events intact"


def _window(state: dict[str, Any]) -> str:
    from PySide6.QtWidgets import QApplication

    from app.bootstrap import DEMO_CREDENTIAL, enable_demo_accounts
    from ui.app import make_application
    from ui.compose import build_main_window
    from ui.runner import OpRunner

    core = state["core"]
    number = enable_demo_accounts(core)[0]
    app, _ = make_application(core.settings.language)
    runner = OpRunner()
    window = build_main_window(core, runner, core.settings.language)
    window.show()
    window.login.staff_number.setText(number)
    window.login.credential.setText(DEMO_CREDENTIAL)
    window.login.attempt()
    deadline = time.monotonic() + 20
    while window.workspace is None:
        if time.monotonic() > deadline:
            raise RuntimeError("sign-in did not complete: " + window.login.error.text())
        QApplication.processEvents()
        time.sleep(0.01)
    screens = len(window.workspace.specs)
    runner.wait()
    window.close()
    app.processEvents()
    return f"signed in as {window.workspace.user.name}; {screens} screens"
