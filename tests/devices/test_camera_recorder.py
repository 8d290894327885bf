"""Segment recording through OpenCV's writers into tmp_path."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import cv2
import pytest

from devices.camera.frames import Frame
from devices.camera.recorder import (
    RecorderError,
    RecordingFailed,
    SegmentClosed,
    SegmentRecorder,
    probe_codecs,
    segment_bounds,
)
from tests.devices.video_fixtures import frames_of, scene

T0 = segment_bounds(1_700_000_000.0, 1)[0]  # the start of a wall-clock minute


def record(tmp_path: Path, walls: list[float], codec: str = "mp4v", minutes: int = 1) -> list[object]:
    closed: list[SegmentClosed | RecordingFailed] = []
    recorder = SegmentRecorder("Paper room/1", tmp_path, closed.append, 15.0, minutes, codec)
    images = frames_of(scene(len(walls)))
    for i, (image, wall) in enumerate(zip(images, walls, strict=True)):
        recorder.write(Frame(image, i, float(i), wall))
    recorder.close()
    return list(closed)


def test_mp4v_and_mjpg_work_in_this_opencv_build_and_h264_is_not_needed() -> None:
    works = probe_codecs()
    assert works["mp4v"] and works["MJPG"]


@pytest.mark.parametrize("codec,ext", [("mp4v", ".mp4"), ("MJPG", ".avi")])
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
        cap = cv2.VideoCapture(str(seg.path))
        assert cap.read()[0]
        cap.release()
    assert not list(tmp_path.glob("*.partial*"))  # every segment was renamed when closed


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
