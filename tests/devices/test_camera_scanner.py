"""The camera ticket scanner: codes rendered into real frames and videos, decoded by pyzbar."""

from __future__ import annotations

import queue
from pathlib import Path

import pytest

from devices.base import DeviceState
from devices.camera.render import code128_values, render_code128, render_qr, textured_background, ticket_frame
from devices.camera.simulator import Episode, ListCapture, SyntheticCapture
from devices.camera.source import FileEnd, SourceConfig, SourceKind, SourceSpec, parse_source
from devices.camera.status import CameraProblem, CameraStatus
from devices.scanner.camera import (
    AppearanceTracker,
    CameraScanner,
    CameraScannerConfig,
    Sighting,
    decode_image,
)
from devices.scanner.scan import Scan, ScanSource
from tests.devices.video_fixtures import collect, scene, write_video

# A file runs faster than real time, so absence is counted in frames only.
FILE_RUN = CameraScannerConfig(
    source=SourceConfig(queue_size=1, realtime=False, drop_when_busy=False, file_end=FileEnd.STOP),
    absent_s=0.0,
)


@pytest.mark.parametrize("text", ["3201240500123", "320124050012", "ZK2024-000123", "a", "~ {}|"])
def test_our_code128_renders_what_pyzbar_reads_back(text: str) -> None:
    assert [(s.symbology, s.code) for s in decode_image(render_code128(text))] == [("CODE128", text)]


def test_code128_checksum_follows_iso_15417() -> None:
    # Start B (104) + Σ position × value: 104 + 48·1 + 42·2 + 42·3 + 17·4 + 18·5 + 19·6 + 35·7 = 879 ≡ 55 (mod 103).
    assert code128_values("PJJ123C")[-2] == 55


def test_qr_from_opencv_encoder_reads_back() -> None:
    assert [(s.symbology, s.code) for s in decode_image(render_qr("准考证 3201240500123"))] == [
        ("QRCODE", "准考证 3201240500123")
    ]


def test_tracker_reports_a_code_once_while_in_view_and_again_after_an_absence() -> None:
    tracker = AppearanceTracker(absent_frames=3, absent_s=0.0)
    ticket = Sighting("3201240500123", "CODE128", (0, 0, 1, 1))
    seen = [tracker.update([ticket], t) for t in range(5)]  # held in view for 5 frames
    seen += [tracker.update([], 5 + t) for t in range(2)]  # a hand passes: missing 2 frames
    seen += [tracker.update([ticket], 7)]
    seen += [tracker.update([], 8 + t) for t in range(3)]  # taken away
    seen += [tracker.update([ticket], 11)]  # shown again
    assert sum(len(s) for s in seen) == 2


def ticket_video(tmp_path: Path) -> Path:
    background = textured_background(640, 480, seed=3)
    frames = []
    for i in range(90):
        if 10 <= i < 30 or 60 <= i < 75:
            frames.append(ticket_frame(background, "3201240500123", "CODE128", 40, 60, 2))
        elif 40 <= i < 50:
            frames.append(ticket_frame(background, "ZK-QR-0001", "QRCODE", 300, 150, 4))
        else:
            frames.append(background)
    return write_video(tmp_path / "tickets.avi", frames)


def test_video_with_tickets_reports_each_appearance_once_as_camera_scans(tmp_path: Path) -> None:
    events: queue.Queue[object] = queue.Queue()
    scanner = CameraScanner("desk-1", parse_source(str(ticket_video(tmp_path))), events.put, FILE_RUN)
    scanner.start()
    seen = collect(
        events, lambda ev: any(getattr(e, "problem", None) is CameraProblem.SOURCE_ENDED for e in ev), 20
    )
    scanner.stop()
    scans = [e for e in seen if isinstance(e, Scan)]
    assert [(s.code, s.symbology) for s in scans] == [
        ("3201240500123", "CODE128"),
        ("ZK-QR-0001", "QRCODE"),
        ("3201240500123", "CODE128"),
    ]
    assert all(s.source is ScanSource.CAMERA and s.device == "desk-1" for s in scans)
    assert scanner.frames_decoded == 90


def test_camera_loss_is_reported_and_recovery_too() -> None:
    ticket = scene(10, Episode("ticket", 0, 9, "CODE128:3201240500123"), width=640, height=480)
    events: queue.Queue[object] = queue.Queue()
    config = CameraScannerConfig(source=SourceConfig(queue_size=1, realtime=False, backoff_s=(0.05,)))
    scanner = CameraScanner(
        "desk-2",
        SourceSpec(SourceKind.SIMULATOR, "t"),
        events.put,
        config,
        lambda _s: SyntheticCapture(ticket),
    )
    scanner.start()

    def recovered(ev: list[object]) -> bool:
        lost = [
            i
            for i, e in enumerate(ev)
            if isinstance(e, CameraStatus) and e.problem is CameraProblem.SIGNAL_LOST
        ]
        return bool(lost) and any(
            isinstance(e, CameraStatus) and e.state is DeviceState.CONNECTED for e in ev[lost[0] :]
        )

    seen = collect(events, recovered, 5)
    scanner.stop()
    assert recovered(seen)
    lost = next(e for e in seen if isinstance(e, CameraStatus) and e.problem is CameraProblem.SIGNAL_LOST)
    assert lost.state is DeviceState.DISCONNECTED and "simulator:t" in lost.detail


def test_still_frames_through_the_pipeline_decode_a_qr_ticket() -> None:
    background = textured_background(640, 480)
    stills = [ticket_frame(background, "3201240500456", "QRCODE", 100, 100, 4)] * 3
    events: queue.Queue[object] = queue.Queue()
    config = CameraScannerConfig(source=SourceConfig(queue_size=1, realtime=False, drop_when_busy=False))
    scanner = CameraScanner(
        "desk-3", SourceSpec(SourceKind.SIMULATOR, "s"), events.put, config, lambda _s: ListCapture(stills)
    )
    scanner.start()
    seen = collect(events, lambda ev: any(isinstance(e, Scan) for e in ev), 5)
    scanner.stop()
    assert [e.code for e in seen if isinstance(e, Scan)] == ["3201240500456"]
