"""Camera health: `DeviceStatus` plus a stable problem code the GUI translates."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from devices.base import DeviceStatus


class CameraProblem(enum.StrEnum):
    """Stable codes: the GUI maps these to translated text; `detail` stays English for technicians."""

    SOURCE_OPEN_FAILED = "source_open_failed"  # the camera, stream or file gives no frame
    SIGNAL_LOST = "signal_lost"  # frames stopped or froze; reopening with backoff
    SOURCE_ENDED = "source_ended"  # a video file reached its end
    ANALYSIS_FAILED = "analysis_failed"  # a bug or a broken library: the device gave up
    RECORDING_FAILED = "recording_failed"  # watching continues, recording does not


@dataclass(frozen=True)
class CameraStatus(DeviceStatus):
    """A `DeviceStatus` (so anything that accepts one accepts this) with a machine-readable problem."""

    problem: CameraProblem | None = None
