"""Art. 22(五): the secure paper room is monitored throughout. `venue-ops serve` runs the engine
with no window and nobody signed in, as an OS service would: a real settings file naming a
simulated camera (`sim:motion`), the package imported with the `package import` command, then
`serve` in its own process until SIGTERM. The camera records from start to end, the segment is
indexed with the hash of the file on disk, and the process exits 0 with its log in the log folder."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from app import config
from app.db.engine import make_engine, make_session_factory
from app.db.models_custody import VideoSegment
from app.package import make_demo
from tests.venue_day.conftest import DAY_PACKAGE, FIRST_START, venue_settings

ROOT = Path(__file__).resolve().parents[2]


def _settings_file(tmp_path: Path) -> tuple[Path, config.Settings]:
    base = venue_settings(tmp_path, None, desk="paper-room-pc")
    raw = {"data_dir": str(base.data_dir), "desk_name": base.desk_name, "provincial_keys": base.provincial_keys,
           "allow_plaintext_keys": True,
           "devices": [{"name": "保密室-1", "kind": "camera", "source": "sim:motion"}]}
    settings = config.from_mapping(raw)
    return config.save(settings, tmp_path / "settings.json"), settings


def _venue_ops(settings_file: Path, *args: str, **kw: object) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, "-m", "app", "--settings", str(settings_file), *args], cwd=ROOT,
                            env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)  # type: ignore[call-overload]


def _wait_for(path: Path, text: str, proc: subprocess.Popen[str], seconds: float = 60) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if path.is_file() and text in path.read_text(encoding="utf-8", errors="replace"):
            return
        if proc.poll() is not None:
            pytest.fail(f"serve ended early ({proc.returncode}): {proc.stderr.read() if proc.stderr else ''}")
        time.sleep(0.2)
    pytest.fail(f"{text!r} never reached {path}")


@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or sys.platform == "win32", reason="POSIX signals")
def test_art22_5_serve_records_with_nobody_signed_in_until_sigterm_then_exits_0(tmp_path: Path) -> None:
    settings_file, settings = _settings_file(tmp_path)
    package = make_demo(tmp_path / "venue.vopkg", first_start=FIRST_START, **DAY_PACKAGE)  # type: ignore[arg-type]
    imported = _venue_ops(settings_file, "package", "import", str(package))
    _out, err = imported.communicate(timeout=120)
    assert imported.returncode == 0, err
    log = settings.log_dir / "venue-ops.log"
    serving = _venue_ops(settings_file, "serve")
    try:
        _wait_for(log, "serving headless (paper-room recording on)", serving)
        started = time.time()
        time.sleep(4)  # nobody signs in; nothing but the engine runs
        serving.send_signal(signal.SIGTERM)
        stopped = time.time()
        assert serving.wait(timeout=60) == 0, serving.stderr.read() if serving.stderr else ""
    finally:
        if serving.poll() is None:
            serving.kill()
    text = log.read_text(encoding="utf-8")
    assert "signal SIGTERM received: stopping" in text and "headless engine stopped cleanly" in text
    engine = make_engine(settings.database_url)
    try:
        with make_session_factory(engine)() as s:
            segments = list(s.scalars(select(VideoSegment)))
    finally:
        engine.dispose()
    assert segments and {seg.camera for seg in segments} == {"保密室-1"}  # two if a 5-minute mark fell inside
    for segment in segments:
        assert hashlib.sha256(Path(segment.path).read_bytes()).hexdigest() == segment.sha256
    first, last = min(seg.start_at for seg in segments), max(seg.end_at for seg in segments)
    # From (about) the start to the stop: at least three of the four seconds served are on video.
    assert last.timestamp() - first.timestamp() >= 3
    assert first.timestamp() <= started + 1 and last.timestamp() >= stopped - 2
    assert sum(seg.frames for seg in segments) >= 10
