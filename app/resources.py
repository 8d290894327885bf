"""Where the shipped resources (translations, style, sounds, demo keys) are: beside the code in
a checkout, inside the bundle when packaged (PyInstaller's `_MEIPASS`)."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_dir() -> Path:
    override = os.environ.get("VENUE_OPS_RESOURCES")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def languages() -> tuple[str, ...]:
    """The languages a translation catalogue is shipped for (English, the source, always)."""
    found = {"en"}
    folder = resources_dir() / "translations"
    for pattern in ("venue_ops_*.qm", "venue_ops_*.ts"):
        found.update(p.stem.removeprefix("venue_ops_") for p in folder.glob(pattern))
    return tuple(sorted(found, key=lambda lang: (lang != "zh_CN", lang)))
