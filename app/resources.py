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
