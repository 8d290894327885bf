"""Running `app.__main__.main` in the test process: its sentences go through the GUI's catalogue,
so the one QApplication (pytest-qt's `qapp`) must exist first, and the language main() installs
is taken off again afterwards so GUI tests run later in the session see English."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture
def cli_app(qapp: object) -> Iterator[object]:
    yield qapp
    translations = getattr(qapp, "_venue_translations", None)
    if translations is not None:
        translations.apply("en")
