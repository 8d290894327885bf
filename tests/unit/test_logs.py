"""The technician's log keeps no personal data (art. 47–48): proven on the file actually written."""

from __future__ import annotations

import base64
import logging
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.logs import LOG_FILE, LoggingSetup, configure_logging, scrub

ID_NUMBER = "11010219781027232X"
MOBILE = "13812345678"


@pytest.fixture
def logs(tmp_path: Path) -> Iterator[LoggingSetup]:
    setup = configure_logging(tmp_path / "logs", logging.DEBUG)
    yield setup
    setup.close()


def _written(setup: LoggingSetup) -> str:
    for handler in setup.handlers:
        handler.flush()
    return setup.log_file.read_text(encoding="utf-8")


def test_art47_id_number_and_mobile_number_are_written_masked_to_the_file(logs: LoggingSetup) -> None:
    logging.getLogger("app.services.checkin").info("candidate %s phone %s admitted", ID_NUMBER, MOBILE)
    text = _written(logs)
    assert ID_NUMBER not in text and MOBILE not in text
    assert "110102********232X" in text and "138****5678" in text


def test_art47_personal_data_in_a_traceback_is_masked(logs: LoggingSetup) -> None:
    try:
        raise ValueError(f"no candidate with document {ID_NUMBER}")
    except ValueError:
        logging.getLogger("app.x").exception("lookup failed")
    text = _written(logs)
    assert "Traceback" in text and "ValueError" in text
    assert ID_NUMBER not in text


def test_art47_photos_keys_and_ciphertext_become_blob_markers(logs: LoggingSetup) -> None:
    photo = base64.b64encode(os.urandom(600)).decode()
    key = os.urandom(64).hex()
    raw = bytes(range(200, 240))
    logging.getLogger("devices.idcard").debug("photo=%s key=%s raw=%r", photo, key, raw)
    text = _written(logs)
    assert photo not in text and key not in text and repr(raw)[2:40] not in text
    assert text.count("<blob:") == 3


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        ("810000199001011234", "810000********1234"),  # Hong Kong resident's residence permit
        ("ABC123456789012", "ABC123*****9012"),  # foreign permanent residence card (2017)
        ("933156199001011234", "933156********1234"),  # foreign permanent residence card (2023)
        ("+86 138-1234-5678", "138****5678"),
        ("id=11010219781027232x;", "id=110102********232X;"),
    ],
)
def test_art47_each_document_and_phone_format_is_masked(raw: str, masked: str) -> None:
    assert scrub(f"value {raw} end") == f"value {masked} end"


def test_what_a_technician_needs_is_left_alone() -> None:
    line = (
        "ticket 2605160107 seat 12 at 09:05:00 audit head "
        + "ab" * 32
        + " file /var/lib/venue-ops/backups/2026-05-16/venue.sqlite port /dev/ttyUSB0 baud 115200"
    )
    assert scrub(line) == line


def test_log_line_has_time_level_thread_and_module(logs: LoggingSetup) -> None:
    worker = threading.Thread(target=lambda: logging.getLogger("devices.scanner").warning("port lost"), name="scanner-io")
    worker.start()
    worker.join()
    [line] = _written(logs).splitlines()
    assert "WARNING" in line and "[scanner-io]" in line and "devices.scanner:" in line and line.endswith("port lost")
    assert line[:4].isdigit() and "T" in line[:11]


def test_configuring_again_does_not_duplicate_lines(logs: LoggingSetup, tmp_path: Path) -> None:
    again = configure_logging(logs.log_file.parent, logging.INFO)
    try:
        logging.getLogger("app").info("once")
        assert _written(again).count("once") == 1
    finally:
        again.close()


def test_files_rotate_at_the_size_limit(tmp_path: Path) -> None:
    setup = configure_logging(tmp_path, logging.INFO, max_bytes=2000, backup_count=2)
    try:
        for i in range(100):
            logging.getLogger("app").info("line %d %s", i, "x" * 50)
    finally:
        setup.close()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [LOG_FILE, f"{LOG_FILE}.1", f"{LOG_FILE}.2"]
