"""Segment recording through PyAV's FFmpeg into tmp_path (and into a real, small, full disk)."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import cv2
import numpy as np
import pytest

from devices.camera.frames import Frame, Image
from devices.camera.recorder import (
    RecorderError,
    RecordingFailed,
    SegmentClosed,
    SegmentRecorder,
    probe_codecs,
    segment_bounds,
)
from devices.camera.simulator import Episode
from tests.devices.video_fixtures import frames_of, scene
from tests.disk_support import fill, tmpfs

T0 = segment_bounds(1_700_000_000.0, 1)[0]  # the start of a wall-clock minute


def record(tmp_path: Path, walls: list[float], codec: str = "mp4v", minutes: int = 1,
           images: list[Image] | None = None) -> list[object]:
    closed: list[SegmentClosed | RecordingFailed] = []
    recorder = SegmentRecorder("Paper room/1", tmp_path, closed.append, 15.0, minutes, codec)
    for i, (image, wall) in enumerate(zip(images or frames_of(scene(len(walls))), walls, strict=True)):
        recorder.write(Frame(image, i, float(i), wall))
    recorder.close()
    return list(closed)


def decoded(path: Path) -> list[Image]:
    capture = cv2.VideoCapture(str(path))
    frames = []
    while (got := capture.read())[0]:
        frames.append(got[1])
    capture.release()
    return frames


def test_mp4v_mjpg_and_xvid_work_in_this_pyav_build_and_h264_is_not_needed() -> None:
    assert probe_codecs() == {"mp4v": True, "XVID": True, "MJPG": True}


@pytest.mark.parametrize("codec,ext", [("mp4v", ".mp4"), ("MJPG", ".avi"), ("XVID", ".avi")])
def test_segments_split_on_the_wall_clock_minute_with_sha256_of_each_file(
    tmp_path: Path, codec: str, ext: str
) -> None:
    # 20 frames in the last 2 s of one minute, 10 in the first second of the next.
    walls = [T0 + 58 + i * 0.1 for i in range(20)] + [T0 + 60 + i * 0.1 for i in range(10)]
    closed = record(tmp_path, walls, codec)
    assert [type(e) for e in closed] == [SegmentClosed, SegmentClosed]
    first, second = closed
    assert isinstance(first, SegmentClosed) and isinstance(second, SegmentClosed)
    assert (first.frames, second.frames) == (20, 10)
    assert first.start_wall == walls[0] and second.end_wall == walls[-1]
    for seg in (first, second):
        assert seg.path.suffix == ext and seg.path.name.startswith("Paper_room_1_")
        assert seg.sha256 == hashlib.sha256(seg.path.read_bytes()).hexdigest()
        assert seg.bytes == seg.path.stat().st_size
    assert [len(decoded(seg.path)) for seg in (first, second)] == [20, 10]  # read back through OpenCV
    assert not list(tmp_path.glob("*.partial*"))  # every segment was renamed when closed


def psnr(shown: list[Image], path: Path) -> float:
    """Mean PSNR of a file as OpenCV reads it back against what OpenCV showed of the camera."""
    back = decoded(path)
    assert len(back) == len(shown)
    grey = shown[0].ndim == 2
    return float(np.mean([cv2.PSNR(a, cv2.cvtColor(b, cv2.COLOR_BGR2GRAY) if grey else b)
                          for a, b in zip(shown, back, strict=True)]))


@pytest.mark.parametrize("layout", ["yuyv", "bgr", "gray"])
def test_frames_are_recorded_at_least_as_faithfully_as_opencvs_writer_recorded_them(
        tmp_path: Path, layout: str) -> None:
    """What a V4L2 camera sends (YUYV: encoded without a BGR round trip), a file's decoded BGR and a
    grey camera: each segment, read back through OpenCV, is as close to what OpenCV shows of the
    camera as a file cv2.VideoWriter wrote from the shown frames (the recorder before PyAV)."""
    bgr = frames_of(scene(12, Episode("object", 2, 10)))
    images = {"yuyv": [cv2.cvtColor(b, cv2.COLOR_BGR2YUV_YUYV) for b in bgr], "bgr": bgr,
              "gray": [cv2.cvtColor(b, cv2.COLOR_BGR2GRAY) for b in bgr]}[layout]
    [closed] = record(tmp_path, [T0 + 1 + i / 15 for i in range(12)], images=images)
    assert isinstance(closed, SegmentClosed) and closed.frames == 12
    shown = [Frame(image, i, 0.0, 0.0).image for i, image in enumerate(images)]
    writer = cv2.VideoWriter(str(tmp_path / "opencv.mp4"), cv2.VideoWriter.fourcc(*"mp4v"), 15.0,
                             (shown[0].shape[1], shown[0].shape[0]), layout != "gray")
    for image in shown:
        writer.write(image)
    writer.release()
    assert psnr(shown, closed.path) >= psnr(shown, tmp_path / "opencv.mp4") - 0.3


def test_five_minute_segments_start_on_multiples_of_five_minutes_of_the_local_clock() -> None:
    moment = T0 + 7 * 60 + 13
    start, end = segment_bounds(moment, 5)
    assert end - start == 300 and start <= moment < end
    local = dt.datetime.fromtimestamp(start)
    assert local.minute % 5 == 0 and local.second == 0


def test_restart_inside_the_same_minute_never_overwrites_a_segment(tmp_path: Path) -> None:
    a = record(tmp_path, [T0 + 1 + i * 0.1 for i in range(5)])
    b = record(tmp_path, [T0 + 30 + i * 0.1 for i in range(5)])
    paths = {e.path for e in a + b if isinstance(e, SegmentClosed)}
    assert len(paths) == 2


def test_clock_set_backwards_closes_the_segment(tmp_path: Path) -> None:
    closed = record(tmp_path, [T0 + 30, T0 + 30.1, T0 + 10, T0 + 10.1])
    assert [e.frames for e in closed if isinstance(e, SegmentClosed)] == [2, 2]


def test_unknown_codec_is_refused_with_a_stable_code(tmp_path: Path) -> None:
    with pytest.raises(RecorderError) as caught:
        SegmentRecorder("cam", tmp_path, lambda _e: None, codec="H264")
    assert caught.value.code == "unknown_codec"


def test_unwritable_output_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    recorder = SegmentRecorder("cam", blocker / "sub", lambda _e: None)
    with pytest.raises(RecorderError) as caught:
        recorder.write(Frame(frames_of(scene(1))[0], 0, 0.0, T0))
    assert caught.value.code == "out_dir_unwritable" and str(blocker) in caught.value.detail


def test_a_codec_that_will_not_open_at_this_size_is_a_clear_error_and_no_file(tmp_path: Path) -> None:
    recorder = SegmentRecorder("cam", tmp_path, lambda _e: None)
    with pytest.raises(RecorderError) as caught:
        recorder.write(Frame(np.zeros((16, 100_000), np.uint8), 0, 0.0, T0))  # MPEG-4 stops at 8191 wide
    assert caught.value.code == "codec_unavailable" and "100000x16" in caught.value.detail
    assert "codecs that work here: mp4v, XVID, MJPG" in caught.value.detail
    assert [p.name for p in tmp_path.iterdir() if not p.name.endswith(".partial.mp4")] == []


def test_a_disk_that_fills_up_while_recording_is_a_clear_error_and_no_segment(tmp_path: Path) -> None:
    """A real 1 MB disk, nearly full: the write that finds no space raises write_failed naming the
    file and the reason; no segment is reported or renamed (the partial file stays for inspection)."""
    closed: list[SegmentClosed | RecordingFailed] = []
    images = frames_of(scene(30, width=640, height=360, noise=40))
    with tmpfs(tmp_path / "disk", "1m") as disk:
        fill(disk)
        (disk / "filler").write_bytes(b"\0" * (1024 * 1024 - 200 * 1024))  # 200 KB free
        recorder = SegmentRecorder("cam", disk / "rec", closed.append)
        with pytest.raises(RecorderError) as caught:
            for i in range(300):
                recorder.write(Frame(images[i % 30], i, float(i), T0 + 1 + i / 100))
        recorder.close()
        files = sorted(p.name for p in (disk / "rec").iterdir())
    assert caught.value.code == "write_failed" and "No space left on device" in caught.value.detail
    assert closed == []
    assert len(files) == 1 and files[0].endswith(".partial.mp4")
