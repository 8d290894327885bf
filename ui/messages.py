"""The one place where the core's errors become words in the user's language.

The core raises `VenueError(code, english, **params)`. Its English sentence is the Qt Linguist
source text (context "Errors", collected into `ui/error_texts.py` by `ui/error_catalog.py`), so
each sentence exists once. Placeholders such as `{field}` are filled after translation, so
translators can move them.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from app.errors import VenueError
from app.failures import explain

log = logging.getLogger(__name__)


def describe(exc: BaseException) -> str:
    """A sentence for the user. Unknown failures get a plain apology and go to the technician's log."""
    exc = explain(exc) or exc  # a full disk, a folder this user may not use: said as such
    if isinstance(exc, VenueError):
        from ui.names import readable_params

        text = QCoreApplication.translate("Errors", exc.english)
        try:
            return text.format(**readable_params(exc.params))
        except (KeyError, IndexError, ValueError):
            return exc.english_text()
    log.error("unexpected failure shown to the user", exc_info=exc)
    return QCoreApplication.translate(
        "Errors", "Something went wrong that the program did not expect. The technician's log has the details."
    )
