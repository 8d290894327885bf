"""Cutting a serial byte stream into codes (without a port)."""

from __future__ import annotations

from devices.scanner.framing import LineFramer, strip_controls


def test_crlf_split_across_reads_gives_one_code_and_no_empty_one() -> None:
    f = LineFramer()
    assert f.feed(b"123456\r", 0.0) == ["123456"]
    assert f.feed(b"\n", 0.001) == []


def test_control_characters_such_as_stx_etx_are_stripped() -> None:
    assert LineFramer().feed(b"\x02ABC\x03\r", 0.0) == ["ABC"]
    assert strip_controls("\x1b12\x7f3 ") == "123"


def test_partial_line_waits_for_silence() -> None:
    f = LineFramer(silence=0.1)
    assert f.feed(b"ABC", 1.0) == []
    assert f.flush_if_silent(1.05) == []
    assert f.flush_if_silent(1.1) == ["ABC"]


def test_without_silence_a_partial_line_waits_for_its_terminator() -> None:
    f = LineFramer(silence=None)
    f.feed(b"ABC", 1.0)
    assert f.flush_if_silent(100.0) == []
    assert f.feed(b"\n", 100.0) == ["ABC"]


def test_garbage_line_longer_than_max_line_is_dropped_whole_and_the_next_line_survives() -> None:
    f = LineFramer(max_line=12)
    assert f.feed(b"x" * 20 + b"\r" + b"1234567890\r", 0.0) == ["1234567890"]
    assert f.overflows == 1


def test_invalid_utf8_does_not_raise() -> None:
    assert LineFramer().feed(b"\xff12\r", 0.0) == ["\ufffd12"]


def test_discard_reports_lost_bytes() -> None:
    f = LineFramer()
    f.feed(b"1234", 0.0)
    assert f.discard() == 4 and f.pending == 0
