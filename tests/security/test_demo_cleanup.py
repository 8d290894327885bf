"""Art. 47-48: a --demo run's temporary folder holds a database and plaintext keys. It goes when
the run ends, and folders left by earlier runs whose process is gone go at the next demo start;
a folder whose process still runs is left alone."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from app import demo_folder
from app.bootstrap import demo_settings
from app.config import Settings

MAKE = "import sys; from pathlib import Path; from app import demo_folder; print(demo_folder.make(Path(sys.argv[1])))"


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _folder(root: Path, name: str, owner: int | None, age_seconds: float = 0.0) -> Path:
    folder = root / f"{demo_folder.PREFIX}{name}"
    folder.mkdir()
    (folder / "venue.sqlite").write_bytes(b"demo database")
    (folder / "keys").mkdir()
    (folder / "keys" / "data.key").write_text("00" * 64)
    if owner is not None:
        (folder / demo_folder.OWNER).write_text(f"{owner}\n")
    if age_seconds:
        then = time.time() - age_seconds
        os.utime(folder, (then, then))
    return folder


def test_art47_the_demo_folder_is_removed_when_the_run_ends(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", MAKE, str(tmp_path)], capture_output=True, text=True, timeout=60,
                          check=True)
    made = Path(done.stdout.strip())
    assert made.name.startswith(demo_folder.PREFIX)
    assert not made.exists()
    assert list(tmp_path.iterdir()) == []


def test_art47_stale_demo_folders_go_and_live_ones_stay_at_the_next_start(tmp_path: Path) -> None:
    crashed = _folder(tmp_path, "crashed", _dead_pid())
    old_version = _folder(tmp_path, "old", None, age_seconds=3600)
    running = _folder(tmp_path, "running", os.getpid())
    just_made = _folder(tmp_path, "fresh", None)
    other = tmp_path / "someone-elses-folder"
    other.mkdir()
    subprocess.run([sys.executable, "-c", MAKE, str(tmp_path)], capture_output=True, text=True, timeout=60, check=True)
    assert not crashed.exists() and not old_version.exists()
    assert running.exists() and just_made.exists() and other.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([running.name, just_made.name, other.name])


def test_demo_settings_use_an_owned_folder(tmp_path: Path) -> None:
    settings = demo_settings(Settings(data_dir=tmp_path))
    try:
        assert settings.data_dir.name.startswith(demo_folder.PREFIX)
        assert (settings.data_dir / demo_folder.OWNER).read_text().strip() == str(os.getpid())
    finally:
        demo_folder.remove(settings.data_dir)
