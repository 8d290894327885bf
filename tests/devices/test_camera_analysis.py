"""Motion and tamper detection over real frames through OpenCV (no threads), as a file or stream
gives them (BGR) and as a USB camera on Linux sends them (YUYV, analysed from its I420 planes)."""

from __future__ import annotations

from collections.abc import Callable

import cv2
import pytest

from devices.camera.analysis import downscale
from devices.camera.frames import Image
from devices.camera.motion import MotionConfig, MotionDetector, MotionEvent, MotionStarted
from devices.camera.simulator import Episode, object_box
from devices.camera.tamper import TamperConfig, TamperDetector, TamperEvent, TamperKind
from tests.devices.video_fixtures import as_frames, frames_of, scene

Camera = Callable[[list[Image]], list[Image]]


@pytest.fixture(params=["bgr", "yuyv"])
def camera(request: pytest.FixtureRequest) -> Camera:
    """The rendered frames as a file gives them, or as a V4L2 camera sends them."""
    if request.param == "bgr":
        return lambda images: images
    return lambda images: [cv2.cvtColor(image, cv2.COLOR_BGR2YUV_YUYV) for image in images]


def run_motion(images: list[Image], config: MotionConfig | None = None) -> list[object]:
    detector = MotionDetector("room", config or MotionConfig())
    events: list[object] = []
    for frame in as_frames(images):
        events += detector.feed(downscale(frame, 160))
    return events


def run_tamper(images: list[Image], config: TamperConfig | None = None) -> list[TamperEvent]:
    detector = TamperDetector("room", config or TamperConfig(cooldown_s=1.0))
    events: list[TamperEvent] = []
    for frame in as_frames(images):
        events += detector.feed(downscale(frame, 160))
    return events


def test_object_crossing_frames_100_to_150_is_exactly_one_motion_episode_with_its_bounds(camera: Camera) -> None:
    crossing = Episode("object", 100, 150)
    s = scene(200, crossing)
    events = run_motion(camera(frames_of(s)))
    episodes = [e for e in events if isinstance(e, MotionEvent)]
    assert len(episodes) == 1
    assert len([e for e in events if isinstance(e, MotionStarted)]) == 1
    ep = episodes[0]
    assert abs(ep.start_seq - 100) <= 3 and abs(ep.end_seq - 150) <= 3
    # Bounds are in full-frame pixels although analysis ran 160 pixels wide.
    first, last = object_box(s, crossing, 100), object_box(s, crossing, 150)
    x, y, w, h = ep.bounds
    tolerance = 6
    assert abs(x - first[0]) <= tolerance and abs(y - first[1]) <= tolerance
    assert abs(x + w - (last[0] + last[2])) <= tolerance and abs(y + h - (first[1] + first[3])) <= tolerance


def test_static_noisy_scene_gives_no_motion(camera: Camera) -> None:
    assert run_motion(camera(frames_of(scene(150)))) == []


def test_motion_shorter_than_persistence_is_ignored() -> None:
    blip = Episode("object", 60, 61)
    assert run_motion(frames_of(scene(100, blip))) == []


def test_second_crossing_within_cooldown_is_not_a_new_episode_but_after_it_is() -> None:
    images = frames_of(
        scene(260, Episode("object", 40, 60), Episode("object", 75, 95), Episode("object", 200, 220))
    )
    events = run_motion(images, MotionConfig(cooldown_s=3.0))  # 15 fps: cooldown = 45 frames
    episodes = [e for e in events if isinstance(e, MotionEvent)]
    assert [abs(e.start_seq - s) <= 3 for e, s in zip(episodes, (40, 200), strict=True)] == [True, True]


def test_black_frames_are_reported_covered_once_then_recovered(camera: Camera) -> None:
    events = run_tamper(camera(frames_of(scene(160, Episode("black", 60, 110)))))
    assert [(e.kind, e.ended) for e in events] == [
        (TamperKind.COVERED, None),
        (TamperKind.RECOVERED, TamperKind.COVERED),
    ]


def test_blurred_frames_are_reported_defocused(camera: Camera) -> None:
    events = run_tamper(camera(frames_of(scene(160, Episode("blur", 60, 159)))))
    assert [e.kind for e in events] == [TamperKind.DEFOCUSED]


def test_shifted_view_is_reported_moved(camera: Camera) -> None:
    events = run_tamper(camera(frames_of(scene(160, Episode("shift", 60, 159)))))
    assert [e.kind for e in events] == [TamperKind.MOVED]
    assert "shifted" in events[0].detail


def test_object_crossing_is_not_tampering(camera: Camera) -> None:
    assert run_tamper(camera(frames_of(scene(200, Episode("object", 60, 150))))) == []


def test_accepting_a_new_view_clears_moved() -> None:
    detector = TamperDetector("room", TamperConfig())
    frames = as_frames(frames_of(scene(200, Episode("shift", 40, 199))))
    kinds = [e.kind for f in frames[:100] for e in detector.feed(downscale(f, 160))]
    assert kinds == [TamperKind.MOVED]
    detector.reset_reference()
    assert [e for f in frames[100:] for e in detector.feed(downscale(f, 160))] == []
