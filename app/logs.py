"""The technician's log: rotating files in the data folder, with personal data scrubbed out.

Art. 47–48: candidates' identity and contact data are confidential, and a log file is copied
around (mailed to support, left on a USB stick) far more casually than the database. So every
record passes through `PersonalDataFilter` before any handler writes it, and the file handler's
formatter scrubs the finished text again (tracebacks and `extra` fields included):

- 18-character ID numbers (resident ID, Hong Kong/Macao/Taiwan residence permit, 2023 foreign
  permanent residence card) → 110108********002X (the masked form screens also show);
- 15-character 2017 foreign permanent residence numbers (ABC123456789012) → ABC123*****9012;
- mainland mobile numbers (13812345678, +86 138-1234-5678) → 138****5678;
- long hex or base64 runs and bytes reprs (photos, keys, ciphertext) → <blob: N chars>.

Deliberate over-masking: an 18-digit ticket number is masked like an ID number. 64-character
hex (SHA-256 audit hashes) is kept; technicians need it to compare audit chains.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime
from logging.handlers import RotatingFileHandler
from pathlib import Path

from app.fsmodes import private_dir
from app.security.crypto import mask_document_number

LOG_FILE = "venue-ops.log"
FORMAT = "%(asctime)s %(levelname)-7s [%(threadName)s] %(name)s:%(lineno)d %(message)s"
_MARK = "_venue_ops_handler"

_BYTES_REPR = re.compile(r"(?:\\x[0-9a-fA-F]{2}|\\[ntr]){16,}")
_HEX = re.compile(r"(?<![0-9A-Za-z])[0-9a-fA-F]{65,}(?![0-9A-Za-z])")
# A run of base64 long enough to be data rather than a word. `_blob_or_path` tells it from a
# long file path, whose '/'-separated parts are short.
_BASE64 = re.compile(r"(?<![0-9A-Za-z+/])[A-Za-z0-9+/]{80,}={0,2}")
_ID18 = re.compile(r"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])")
_FOREIGN15 = re.compile(r"(?<![0-9A-Za-z])[A-Za-z]{3}[0-9]{12}(?![0-9])")
_MOBILE = re.compile(r"(?<![0-9])(?:\+?86[ -]?)?(1[3-9][0-9])[ -]?([0-9]{4})[ -]?([0-9]{4})(?![0-9])")


def _blob(m: re.Match[str]) -> str:
    return f"<blob: {len(m.group(0))} chars>"


def _blob_or_path(m: re.Match[str]) -> str:
    if max(len(part) for part in m.group(0).split("/")) < 40:
        return m.group(0)
    return _blob(m)


def _mask_mobile(m: re.Match[str]) -> str:
    return f"{m.group(1)}****{m.group(3)}"


def scrub(text: str) -> str:
    """`text` with personal data replaced by masked forms. Blobs first, so a number inside a
    photo's base64 is not half-masked and the rest left."""
    text = _BYTES_REPR.sub(_blob, text)
    text = _HEX.sub(_blob, text)
    text = _BASE64.sub(_blob_or_path, text)
    text = _ID18.sub(lambda m: mask_document_number(m.group(0)), text)
    text = _FOREIGN15.sub(lambda m: mask_document_number(m.group(0)), text)
    return _MOBILE.sub(_mask_mobile, text)


class PersonalDataFilter(logging.Filter):
    """Rewrites each record's message (and any traceback) in masked form; never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must still be logged, not lost
            message = f"{record.msg!r} {record.args!r}"
        record.msg = scrub(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        if record.stack_info:
            record.stack_info = scrub(record.stack_info)
        return True


class ScrubbingFormatter(logging.Formatter):
    """ISO timestamps with milliseconds and the UTC offset (venue PCs and the server compare logs
    across zones), and one more scrub of the finished line, which catches `extra` fields."""

    def __init__(self) -> None:
        super().__init__(FORMAT)

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        return datetime.fromtimestamp(record.created).astimezone().isoformat(timespec="milliseconds")

    def format(self, record: logging.LogRecord) -> str:
        return scrub(super().format(record))


@dataclass
class LoggingSetup:
    log_file: Path
    handlers: list[logging.Handler]
    previous_level: int = logging.WARNING

    def close(self) -> None:
        """Detach and close the handlers this setup added and restore the root level (tests; a
        clean shutdown)."""
        root = logging.getLogger()
        for handler in self.handlers:
            root.removeHandler(handler)
            handler.close()
        root.setLevel(self.previous_level)
        logging.captureWarnings(False)


def configure_logging(
    log_dir: Path,
    level: int | str = logging.INFO,
    *,
    max_bytes: int = 5 * 1024 * 1024,
    backup_count: int = 10,
    console: bool = False,
) -> LoggingSetup:
    """Send the program's logging to `log_dir/venue-ops.log` (5 MB × 10 files kept by default).

    Called once by the composition root. Calling it again replaces the handlers it added before
    (never duplicates lines) and leaves handlers that others (pytest) added alone.
    """
    private_dir(log_dir)
    root = logging.getLogger()
    previous_level = root.level
    for old in [h for h in root.handlers if getattr(h, _MARK, False)]:
        root.removeHandler(old)
        old.close()

    path = log_dir / LOG_FILE
    file_handler = RotatingFileHandler(path, maxBytes=max_bytes, backupCount=backup_count, encoding="utf-8")
    handlers: list[logging.Handler] = [file_handler]
    if console:
        stream = logging.StreamHandler()
        stream.setLevel(logging.WARNING)
        handlers.append(stream)
    for handler in handlers:
        setattr(handler, _MARK, True)
        # On the handler, not the logger: a logger's filters do not see records propagated from
        # child loggers, a handler's filters see every record it writes.
        handler.addFilter(PersonalDataFilter())
        handler.setFormatter(ScrubbingFormatter())
        root.addHandler(handler)
    root.setLevel(level)
    logging.captureWarnings(True)
    return LoggingSetup(path, handlers, previous_level)


def active_log_file() -> Path | None:
    """The file `configure_logging` sends the log to in this process, None before it ran."""
    for handler in logging.getLogger().handlers:
        if getattr(handler, _MARK, False) and isinstance(handler, RotatingFileHandler):
            return Path(handler.baseFilename)
    return None
