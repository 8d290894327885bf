"""Distinct sounds for admit, refuse and attention. Audio is optional: without a sound device
(or without the multimedia libraries) the desk stays silent and the coloured panel is the cue."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QUrl

from app.resources import resources_dir

log = logging.getLogger(__name__)

CUES = ("admit", "refuse", "attention")
PLAYED_KEPT = 100


class Cues(QObject):
    def __init__(self, parent: QObject | None = None, *, enabled: bool = True) -> None:
        super().__init__(parent)
        self._effects: dict[str, Any] = {}
        self.played: list[str] = []  # what was asked for lately (the last PLAYED_KEPT), for tests
        if not enabled:
            return
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError as exc:  # e.g. no libpulse on a Linux desk
            log.warning("sound cues unavailable: %s", exc)
            return
        for cue in CUES:
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(resources_dir() / "sounds" / f"{cue}.wav")))
            effect.setVolume(0.9)
            self._effects[cue] = effect

    @property
    def audible(self) -> bool:
        """Effects are built and the PC has a sound output to play them on."""
        if not self._effects:
            return False
        from PySide6.QtMultimedia import QMediaDevices

        return not QMediaDevices.defaultAudioOutput().isNull()

    def sources(self) -> dict[str, str]:
        """Each cue's sound file, as the effects were given it."""
        return {cue: effect.source().toLocalFile() for cue, effect in self._effects.items()}

    def play(self, cue: str) -> None:
        self.played.append(cue)
        if len(self.played) > 2 * PLAYED_KEPT:  # a desk runs all day: keep the recent ones only
            del self.played[:-PLAYED_KEPT]
        effect = self._effects.get(cue)
        if effect is not None:
            effect.play()
