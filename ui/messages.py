"""The one place where the core's error codes become words, in the user's language.

The core raises `VenueError(code, …, **params)`; here each code has its sentence, written in
English and translated through Qt Linguist (context "Errors"). Placeholders such as `{field}`
are filled after translation, so translators can move them.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from app.errors import VenueError

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Errors", text)


def _texts() -> dict[str, str]:
    # Built on each call so a language switch takes effect at once. The literal
    # QCoreApplication.translate calls are what pyside6-lupdate extracts.
    return {
        "security.permission_denied": QCoreApplication.translate("Errors", "Your role ({role}) may not do this: {action}."),
        "crypto.decrypt_failed": QCoreApplication.translate("Errors", "Stored personal data ({context}) cannot be decrypted with this venue's key."),
        "settings.unreadable": QCoreApplication.translate("Errors", "The settings file {path} cannot be read."),
        "settings.unknown_key": QCoreApplication.translate("Errors", "Unknown setting {key} in {source}."),
        "settings.bad_type": QCoreApplication.translate("Errors", "Setting {key} in {source} must be {expected}, not {value}."),
        "backup.pg_dump_missing": QCoreApplication.translate("Errors", "pg_dump was not found on this computer: install the PostgreSQL client tools."),
        "backup.pg_dump_failed": QCoreApplication.translate("Errors", "The PostgreSQL backup failed: {detail}"),
        "backup.corrupt": QCoreApplication.translate("Errors", "The backup {path} is damaged (it fails the integrity check) and was not restored."),
    }


def known_codes() -> frozenset[str]:
    return frozenset(_texts())


def describe(exc: BaseException) -> str:
    """A sentence for the user. Unknown failures get a plain apology and go to the technician's log."""
    if isinstance(exc, VenueError):
        text = _texts().get(exc.code)
        if text is None:
            log.warning("no translated message for error code %s", exc.code)
            return exc.english_text()
        try:
            return text.format(**exc.params)
        except (KeyError, IndexError, ValueError):
            return text
    log.error("unexpected failure shown to the user", exc_info=exc)
    return _tr("Something went wrong that the program did not expect. The technician's log has the details.")
