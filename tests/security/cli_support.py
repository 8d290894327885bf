"""Running `app.__main__.main` in the test process: its sentences go through the GUI's catalogue,
so the one QApplication (pytest-qt's `qapp`) must exist first, and the language main() installs
is taken off again afterwards so GUI tests run later in the session see English; the log file
main() opens is closed again."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from app.logs import _MARK


@pytest.fixture
def cli_app(qapp: object) -> Iterator[object]:
    yield qapp
    translations = getattr(qapp, "_venue_translations", None)
    if translations is not None:
        translations.apply("en")
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, _MARK, False)]:  # main()'s log file
        root.removeHandler(handler)
        handler.close()
