"""`python -m devices camera …` and `scanner decode|camera-listen`, run in-process."""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import pytest

from devices.__main__ import main
from devices.camera.render import textured_background, ticket_frame
from devices.camera.simulator import Episode
from tests.devices.video_fixtures import frames_of, scene, write_video


def test_scanner_decode_prints_codes_as_json_and_exit_codes_say_what_happened(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    background = textured_background(480, 320)
    ticket = tmp_path / "ticket.png"
    empty = tmp_path / "empty.png"
    cv2.imwrite(str(ticket), ticket_frame(background, "3201240500123", "CODE128", 20, 20, 2))
    cv2.imwrite(str(empty), background)
    assert main(["scanner", "decode", str(ticket), "--json"]) == 0
    row = json.loads(capsys.readouterr().out.strip())
    assert (row["code"], row["symbology"], row["image"]) == ("3201240500123", "CODE128", str(ticket))
    assert main(["scanner", "decode", str(empty)]) == 1
    assert main(["scanner", "decode", str(tmp_path / "missing.png")]) == 3
    assert "missing.png" in capsys.readouterr().err


def test_camera_watch_over_a_file_prints_motion_and_covered_as_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    video = write_video(
        tmp_path / "room.avi", frames_of(scene(220, Episode("object", 60, 100), Episode("black", 140, 200)))
    )
    assert main(["camera", "watch", "--source", str(video), "--json"]) == 0
    events = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    names = [(e["event"], e.get("kind")) for e in events]
    assert ("MotionEvent", None) in names and ("TamperEvent", "covered") in names


def test_camera_record_writes_segments_and_prints_their_sha256(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    video = write_video(tmp_path / "room.avi", frames_of(scene(30)))
    out = tmp_path / "rec"
    assert (
        main(["camera", "record", "--source", str(video), "--minutes", "1", "--out", str(out), "--json"]) == 0
    )
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    closed = [r for r in rows if r["event"] == "SegmentClosed"]
    assert closed and sum(r["frames"] for r in closed) == 30
    assert all(Path(r["path"]).is_file() and len(r["sha256"]) == 64 for r in closed)


def test_bad_sources_are_usage_or_source_errors_naming_the_source(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["camera", "watch", "--source", str(tmp_path / "nope.mp4")]) == 2
    assert "nope.mp4" in capsys.readouterr().err
    bogus = tmp_path / "bogus.mp4"
    bogus.write_bytes(b"not video")
    assert main(["scanner", "camera-listen", "--source", str(bogus)]) == 3
    assert "bogus.mp4" in capsys.readouterr().err
