"""The desk's three sound cues (admit, refuse, attention) load through QtMultimedia. QtMultimedia
comes with PySide6-Addons; without it the desk was silent everywhere. This machine has no sound
card, so the files are decoded by the same multimedia backend (FFmpeg) instead of played."""

from __future__ import annotations

import time

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication

from app.resources import resources_dir
from ui.checkin.cues import CUES, Cues


def _decoded_seconds(path: str) -> float:
    from PySide6.QtMultimedia import QAudioDecoder

    decoder = QAudioDecoder()
    decoder.setSource(QUrl.fromLocalFile(path))
    frames, rate, errors, finished = [0], [0], [], []

    def take() -> None:
        buffer = decoder.read()
        frames[0] += buffer.frameCount()
        rate[0] = buffer.format().sampleRate()

    decoder.bufferReady.connect(take)
    decoder.finished.connect(lambda: finished.append(True))
    decoder.error.connect(lambda _e: errors.append(decoder.errorString()))
    decoder.start()
    deadline = time.monotonic() + 10
    while not finished and not errors and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.005)
    assert not errors, f"{path}: {errors}"
    assert finished, f"{path}: not decoded within 10 s"
    return frames[0] / rate[0]


def test_every_cue_file_decodes_to_a_short_distinct_sound(qapp: QApplication) -> None:
    lengths = {cue: _decoded_seconds(str(resources_dir() / "sounds" / f"{cue}.wav")) for cue in CUES}
    assert all(0.1 <= s <= 2.0 for s in lengths.values()), lengths
    assert len({round(s, 2) for s in lengths.values()}) == len(CUES), f"cues must differ: {lengths}"


def test_cues_are_built_with_qtmultimedia(qapp: QApplication) -> None:
    cues = Cues()
    assert set(cues.sources()) == set(CUES), "QtMultimedia is missing: the desk would be silent"
    cues.play("admit")  # no sound card here: plays nothing, never raises
    assert cues.played == ["admit"]


def test_disabled_cues_stay_silent_and_still_record_what_was_asked(qapp: QApplication) -> None:
    cues = Cues(enabled=False)
    assert not cues.audible and cues.sources() == {}
    cues.play("refuse")
    assert cues.played == ["refuse"]
