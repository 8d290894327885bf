"""The frame source and its watchdog, over real video files and the simulator."""

from __future__ import annotations

import itertools
import time
from pathlib import Path

import pytest

from devices.camera.frames import Frame, FrameQueue, SourceNotice, SourceNoticeKind
from devices.camera.simulator import Episode, SyntheticCapture
from devices.camera.source import FileEnd, FrameSource, SourceConfig, SourceKind, SourceSpec, parse_source
from tests.devices.video_fixtures import frames_of, scene, write_video

FAST = SourceConfig(realtime=False, drop_when_busy=False, backoff_s=(0.05, 0.1), stall_after_s=0.5)


def drain(
    q: FrameQueue, until: SourceNoticeKind | None, timeout: float
) -> tuple[list[Frame], list[SourceNotice]]:
    frames: list[Frame] = []
    notices: list[SourceNotice] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        item = q.get(0.05)
        if isinstance(item, Frame):
            frames.append(item)
        elif isinstance(item, SourceNotice):
            notices.append(item)
            if item.kind is until:
                break
    return frames, notices


def test_parse_source_tells_usb_stream_simulator_and_file(tmp_path: Path) -> None:
    video = write_video(tmp_path / "v.avi", frames_of(scene(3)))
    assert parse_source("0").kind is SourceKind.USB
    assert parse_source("rtsp://10.0.0.5/stream1").kind is SourceKind.STREAM
    assert parse_source("sim:tamper") == SourceSpec(SourceKind.SIMULATOR, "tamper")
    assert parse_source(str(video)).kind is SourceKind.FILE
    with pytest.raises(ValueError, match="neither"):
        parse_source(str(tmp_path / "missing.mp4"))


def test_file_frames_carry_increasing_seq_and_monotonic_time_then_end(tmp_path: Path) -> None:
    video = write_video(tmp_path / "v.avi", frames_of(scene(30)))
    q = FrameQueue(4)
    source = FrameSource(
        parse_source(str(video)), q, SourceConfig(**{**FAST.__dict__, "file_end": FileEnd.STOP})
    )
    source.start()
    frames, notices = drain(q, SourceNoticeKind.ENDED, 10)
    source.stop()
    assert [n.kind for n in notices] == [SourceNoticeKind.OPENED, SourceNoticeKind.ENDED]
    assert [f.seq for f in frames] == list(range(1, 31))
    assert all(a.t_mono <= b.t_mono for a, b in itertools.pairwise(frames))
    assert not frames[0].image.flags.writeable  # consumers share frames: nobody may draw on them


def test_file_that_stops_is_signal_lost_then_reopened_with_backoff(tmp_path: Path) -> None:
    video = write_video(tmp_path / "v.avi", frames_of(scene(10)))
    q = FrameQueue(4)
    source = FrameSource(
        parse_source(str(video)), q, SourceConfig(**{**FAST.__dict__, "file_end": FileEnd.LOST})
    )
    source.start()
    _, notices = drain(q, SourceNoticeKind.RECOVERED, 10)
    source.stop()
    kinds = [n.kind for n in notices]
    assert kinds == [SourceNoticeKind.OPENED, SourceNoticeKind.LOST, SourceNoticeKind.RECOVERED]
    assert "end of file" in notices[1].detail and str(video) in notices[1].detail
    assert source.reopen_attempts >= 1


def test_looping_file_never_reports_loss(tmp_path: Path) -> None:
    video = write_video(tmp_path / "v.avi", frames_of(scene(5)))
    q = FrameQueue(4)
    source = FrameSource(parse_source(str(video)), q, FAST)
    source.start()
    frames, notices = drain(q, None, 0.5)
    source.stop()
    assert [n.kind for n in notices] == [SourceNoticeKind.OPENED]
    assert len(frames) > 10


def test_frozen_feed_that_keeps_reading_successfully_is_signal_lost() -> None:
    # read() succeeds forever with the same picture: what an unplugged camera often does.
    frozen = scene(10_000, Episode("freeze", 10, 10_000))
    q = FrameQueue(2)
    config = SourceConfig(realtime=True, frozen_after_s=0.4, backoff_s=(0.05,))
    source = FrameSource(
        SourceSpec(SourceKind.SIMULATOR, "frozen"), q, config, lambda _s: SyntheticCapture(frozen)
    )
    source.start()
    _, notices = drain(q, SourceNoticeKind.LOST, 5)
    source.stop()
    assert notices[-1].kind is SourceNoticeKind.LOST
    assert "identical frames" in notices[-1].detail


def test_read_that_blocks_is_signal_lost_and_the_source_reopens() -> None:
    # The first opening stalls inside read(); the watchdog abandons it and the next opening works.
    stalled = scene(10_000, Episode("stall", 5, 5))
    healthy = scene(10_000)
    openings = iter([SyntheticCapture(stalled, stall_s=3.0)])
    config = SourceConfig(realtime=False, drop_when_busy=True, stall_after_s=0.3, backoff_s=(0.05,))
    q = FrameQueue(2)
    source = FrameSource(
        SourceSpec(SourceKind.SIMULATOR, "stall"),
        q,
        config,
        lambda _s: next(openings, SyntheticCapture(healthy)),
    )
    started = time.monotonic()
    source.start()
    _, notices = drain(q, SourceNoticeKind.RECOVERED, 5)
    source.stop()
    assert [n.kind for n in notices] == [
        SourceNoticeKind.OPENED,
        SourceNoticeKind.LOST,
        SourceNoticeKind.RECOVERED,
    ]
    assert "no new frame" in notices[1].detail
    assert time.monotonic() - started < 2.5  # did not wait for the stuck read to return


def test_source_that_never_opens_reports_open_failed_and_keeps_trying(tmp_path: Path) -> None:
    bogus = tmp_path / "not-a-video.mp4"
    bogus.write_bytes(b"this is not a video")
    q = FrameQueue(2)
    source = FrameSource(parse_source(str(bogus)), q, FAST)
    source.start()
    time.sleep(0.5)
    source.stop()
    _, notices = drain(q, None, 0.1)
    assert notices and all(n.kind is SourceNoticeKind.OPEN_FAILED for n in notices)
    assert source.reopen_attempts >= 2


def test_full_live_queue_drops_the_oldest_frame_not_the_newest() -> None:
    q = FrameQueue(2)
    images = frames_of(scene(3))
    for i, image in enumerate(images):
        q.put_frame(Frame(image, i, float(i), float(i)), block=False)
    first = q.get(0.1)
    assert isinstance(first, Frame) and first.seq == 1 and q.dropped == 1
