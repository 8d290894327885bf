"""`python -m bench startup [--bundle PATH]`: seconds from launching the program to an interactive
login window, on an already-migrated database (the venue PC's normal morning start). `--bundle`
takes the PyInstaller folder (dist/venue-ops) or its executable; target 3 s, 1.5 s from source."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import Figure, note


def _prepare(data: Path) -> str:
    from app.bootstrap import open_core
    from app.config import Settings

    settings = Settings(data_dir=data, allow_plaintext_keys=True)
    core = open_core(settings, demo=True)
    core.close()
    return settings.database_url


def _executable(path: str) -> str:
    """`--bundle` takes the bundle's folder (dist/venue-ops) or its executable."""
    folder = Path(path)
    if folder.is_dir():
        for name in ("venue-ops", "venue-ops-cli.exe", "venue-ops.exe"):
            if (folder / name).is_file():
                return str(folder / name)
        raise SystemExit(f"no venue-ops executable in {folder}")
    return path


def _until_ready(command: list[str], env: dict[str, str]) -> float:
    """Seconds from launching the process to its window reporting ready (the `ready_seconds` line on
    stdout); the shutdown that follows is not part of the figure."""
    started = time.perf_counter()
    with subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            if "ready_seconds" in line:
                ready = time.perf_counter() - started
                note(f"startup: {ready:.3f} s ({line.strip()})")
                break
        else:
            raise SystemExit(f"startup: the program exited with {proc.wait()} before its window was ready")
        if proc.wait(timeout=60) != 0:
            raise SystemExit(f"startup: the program exited with {proc.returncode}")
    return ready


def run(argv: list[str]) -> list[Figure]:
    bundle = _executable(argv[argv.index("--bundle") + 1]) if "--bundle" in argv else None
    with tempfile.TemporaryDirectory() as tmp:
        url = _prepare(Path(tmp))
        command = [bundle] if bundle else [sys.executable, "-m", "app"]
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        settings = Path(tmp) / "settings.json"
        settings.write_text(json.dumps({"data_dir": tmp, "allow_plaintext_keys": True}))
        times = []
        for _ in range(5):
            times.append(_until_ready([*command, "--db", url, "--settings", str(settings), "--exit-when-ready"], env))
    target = "<= 3.0" if bundle else "<= 1.5"
    return [Figure("startup", "seconds", round(statistics.median(times), 3), "s", target)]
