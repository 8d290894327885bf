"""The reader's photo_decoder option: a real shared library (compiled here with cc, exporting the
vendor `unpack` entry point) loaded and called on the reader's own I/O thread; the card event
carries its result. The bytes travel over a pseudo-terminal from the reader simulator."""

from __future__ import annotations

import shutil
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from app.device_settings import parse_device
from app.rules.checkin import CardPhoto
from devices.base import DeviceState
from devices.device_config import DeviceConfig
from devices.factories import default_factories
from devices.idcard.document import CardType
from devices.idcard.driver import IdCardReader
from devices.idcard.events import CardRead
from devices.idcard.photo import BMP_SIZE, NoPhotoDecoder, PhotoResult, PhotoStatus
from devices.idcard.samples import SAMPLES
from devices.idcard.simulator import ReaderSimulator
from devices.registry import DeviceRegistry
from tests.devices.idcard_events import EventLog
from ui.checkin.convert import from_card

# A stand-in vendor library: "decodes" by writing a BMP header and the WLT's first byte as the
# colour; fails (returns 0) on a photo whose first byte is 0xFF, as a vendor library does on
# a damaged chip photo.
SOURCE = f"#define BMP_SIZE {BMP_SIZE}\n" + r"""
#include <string.h>
int unpack(char *wlt, char *bmp, int save) {
    (void)save;
    if ((unsigned char)wlt[0] == 0xFF) return 0;
    memset(bmp, (unsigned char)wlt[0], BMP_SIZE);
    bmp[0] = 'B'; bmp[1] = 'M';
    return 1;
}
"""

OPTIONS = {"find_interval": 0.02, "status_interval": 0.5, "command_timeout": 0.5, "connect_timeout": 0.5}


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    cc = shutil.which("cc")
    if cc is None:
        pytest.skip("no C compiler to build the stand-in vendor library")
    folder = tmp_path_factory.mktemp("wlt")
    (folder / "wlt.c").write_text(SOURCE)
    out = folder / "libwlt2bmp.so"
    subprocess.run([cc, "-shared", "-fPIC", "-o", str(out), str(folder / "wlt.c")], check=True)
    return out


@pytest.fixture
def simulator() -> Iterator[ReaderSimulator]:
    with ReaderSimulator() as sim:
        yield sim


def read_one(sim: ReaderSimulator, photo_decoder: dict[str, str] | None, photo: bytes | None = None) -> CardRead:
    """One card through the real registry, from typed settings with the photo_decoder option."""
    options: dict[str, object] = dict(OPTIONS)
    if photo_decoder is not None:
        options["photo_decoder"] = photo_decoder
    typed = parse_device({"name": "reader", "kind": "idcard", "port": sim.path, "options": options})
    log = EventLog()
    registry = DeviceRegistry(default_factories(), on_event=log)
    registry.subscribe(log)
    registry.start([DeviceConfig.of(*typed.registry_entry())])
    try:
        log.wait_state(DeviceState.CONNECTED)
        card = SAMPLES[CardType.RESIDENT]
        sim.present(card if photo is None else replace(card, photo_wlt=photo))
        _, event = log.wait_for(CardRead)
        return event
    finally:
        registry.stop()


def test_art30_1_a_configured_vendor_library_decodes_the_chip_photo_into_the_card_event(
        simulator: ReaderSimulator, library: Path) -> None:
    event = read_one(simulator, {"library": str(library), "flavour": "unpack"}, photo=b"\x42" * 1024)
    assert event.photo is not None and event.photo.status is PhotoStatus.DECODED
    assert event.photo.bmp is not None and len(event.photo.bmp) == BMP_SIZE and event.photo.bmp[:2] == b"BM"
    card = from_card(event)
    assert card.document.card_photo is CardPhoto.DECODED and card.photo == event.photo.bmp


def test_a_configured_library_that_fails_on_this_card_marks_the_photo_failed(
        simulator: ReaderSimulator, library: Path) -> None:
    event = read_one(simulator, {"library": str(library)}, photo=b"\xff" * 1024)
    assert event.photo is not None and event.photo.status is PhotoStatus.FAILED
    assert from_card(event).document.card_photo is CardPhoto.FAILED


def test_a_configured_library_that_cannot_be_loaded_fails_every_photo_instead_of_hiding(
        simulator: ReaderSimulator, tmp_path: Path) -> None:
    event = read_one(simulator, {"library": str(tmp_path / "missing.so")})
    assert event.photo is not None and event.photo.status is PhotoStatus.FAILED
    assert "missing.so" in event.photo.detail
    assert from_card(event).document.card_photo is CardPhoto.FAILED


def test_without_a_decoder_the_card_event_has_no_photo_and_the_desk_compares_with_the_registration(
        simulator: ReaderSimulator) -> None:
    event = read_one(simulator, None)
    assert event.photo is None
    card = from_card(event)
    assert card.document.card_photo is CardPhoto.NOT_HERE and card.photo is None


def test_the_decoder_is_built_and_called_on_the_readers_own_io_thread(simulator: ReaderSimulator) -> None:
    threads: list[str] = []

    class Recording(NoPhotoDecoder):
        def decode(self, wlt: bytes) -> PhotoResult:
            threads.append(threading.current_thread().name)
            return PhotoResult(PhotoStatus.DECODED, b"BM")

    def build() -> Recording:
        threads.append(threading.current_thread().name)
        return Recording()

    log = EventLog()
    reader = IdCardReader(log, simulator.path, name="gate", photo_decoder=build)
    reader.start()
    try:
        log.wait_state(DeviceState.CONNECTED)
        simulator.present(CardType.RESIDENT)
        log.wait_for(CardRead)
    finally:
        reader.stop()
    assert threads == ["gate-io", "gate-io"]
