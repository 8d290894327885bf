"""The PyInstaller bundle (build.spec), checked from outside: CI builds it and runs these with
VENUE_BUNDLE=dist/venue-ops/venue-ops. Without VENUE_BUNDLE they are skipped (building takes a
minute and belongs to its own CI step, not to every test run)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

BUNDLE = os.environ.get("VENUE_BUNDLE", "")
pytestmark = pytest.mark.skipif(not BUNDLE, reason="no bundle to check (set VENUE_BUNDLE=dist/venue-ops/venue-ops)")
ROOT = Path(__file__).resolve().parents[2]


def _exe() -> Path:
    return Path(BUNDLE).resolve()


def _contents() -> Path:
    internal = _exe().parent / "_internal"
    return internal if internal.is_dir() else _exe().parent


def _run(*args: str, tmp: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp), XDG_CONFIG_HOME=str(tmp / "config"),
               XDG_DATA_HOME=str(tmp / "data"))
    env.pop("VENUE_OPS_RESOURCES", None)
    return subprocess.run([str(_exe()), *args], env=env, cwd=tmp, capture_output=True, text=True, timeout=timeout)


def test_bundle_passes_its_self_check(tmp_path: Path) -> None:
    done = _run("--self-check", tmp=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "self-check: passed" in done.stdout
    assert '"barcode decoding (zxing-cpp, zbar, OpenCV)", "status": "ok"' in done.stdout  # the decoders and OpenCV load in the bundle


def test_bundle_answers_commands_in_chinese(tmp_path: Path) -> None:
    done = _run("package", "make-demo", str(tmp_path / "demo.vopkg"), tmp=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "demo.vopkg").stat().st_size > 0
    refused = _run("--db", "postgresql+psycopg://nobody@127.0.0.1:1/venue", "audit", "verify", tmp=tmp_path)
    assert refused.returncode == 1
    assert any("\u4e00" <= ch <= "\u9fff" for ch in refused.stderr), refused.stderr  # translated, not a traceback
    assert "Traceback" not in refused.stderr


def test_bundle_renders_the_demo_window(tmp_path: Path) -> None:
    shot = tmp_path / "overview.png"
    done = _run("--demo", "--screenshot", str(shot), "--screen", "overview", tmp=tmp_path)
    assert done.returncode == 0, done.stderr
    assert shot.stat().st_size > 10_000


def test_bundle_carries_resources_translations_plugins_and_zbar() -> None:
    inside = _contents()
    names = {p.relative_to(inside).as_posix() for p in inside.rglob("*")}
    wanted = [
        "resources/translations/venue_ops_zh_CN.qm", "resources/translations/venue_ops_en.qm",
        "resources/style.qss", "resources/demo/exam-package-demo.pub",
        "app/db/migrations/env.py", "app/db/migrations/versions/0001_initial_schema.py",
        "app/package/schema/exam-package-manifest-v1.json",
    ]
    wanted += [f"resources/sounds/{p.name}" for p in (ROOT / "resources" / "sounds").glob("*.wav")]
    assert [w for w in wanted if w not in names] == []
    suffixes = ("qtbase_zh_CN.qm", "platforms/libqoffscreen.so", "platforms/libqxcb.so", "imageformats/libqjpeg.so",
                "multimedia/libffmpegmediaplugin.so")
    assert [s for s in suffixes if not any(n.endswith(s) for n in names)] == []
    assert any(Path(n).name.startswith("libzbar.so") for n in names)
    assert any(n.startswith("cv2/") for n in names)
    assert any(n.startswith("av/") for n in names)  # the recorder's encoder (PyAV and its FFmpeg)
    assert any(n.startswith("av.libs/libavcodec") for n in names)
    unused = ("WebEngine", "Qt63D", "Quick3D", "Charts", "DataVisualization", "VirtualKeyboard", "Designer")
    assert [n for n in names if any(u in Path(n).name for u in unused)] == []
    # Qt's own translations: only the languages the program speaks
    assert not any(n.endswith("qtbase_de.qm") for n in names)
