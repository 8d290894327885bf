"""The keyboard-wedge classifier: scanner bursts versus people typing (devices.md §2)."""

from __future__ import annotations

import pytest

from devices.scanner.scan import Scan, ScanSource
from devices.scanner.wedge import KeyOutcome, Typing, WedgeClassifier, WedgeConfig, WedgeResult

MS = 0.001


def feed(classifier: WedgeClassifier, text: str, *, start: float = 10.0, gap: float = 5 * MS) -> list[KeyOutcome]:
    return [classifier.key(ch, start + i * gap) for i, ch in enumerate(text)]


def results(outcomes: list[KeyOutcome]) -> list[WedgeResult]:
    return [r for o in outcomes for r in o.results]


def test_fast_burst_ended_by_enter_is_a_scan_and_enter_is_swallowed() -> None:
    c = WedgeClassifier(device="desk-1")
    outcomes = feed(c, "1234567890\r")
    assert [o.action for o in outcomes[:-1]] == ["hold"] * 10
    assert outcomes[-1].action == "drop"
    (scan,) = results(outcomes)
    assert scan == Scan("1234567890", ScanSource.WEDGE, "desk-1", at=10.0 + 10 * 5 * MS)
    assert not c.holding


@pytest.mark.parametrize("terminator", ["\r", "\n", "\t"])
def test_each_terminator_ends_a_scan(terminator: str) -> None:
    c = WedgeClassifier()
    (scan,) = results(feed(c, "ABC123" + terminator))
    assert isinstance(scan, Scan) and scan.code == "ABC123"


def test_lf_of_crlf_right_after_a_scan_is_swallowed_not_passed_to_the_widget() -> None:
    c = WedgeClassifier()
    outcomes = feed(c, "1234567890\r\n")
    assert outcomes[-1] == KeyOutcome("drop")


def test_enter_long_after_a_scan_is_the_persons_and_passes() -> None:
    c = WedgeClassifier()
    feed(c, "1234567890\r")
    assert c.key("\r", 20.0) == KeyOutcome("pass")


def test_burst_without_terminator_is_a_scan_only_once_silence_ends_it() -> None:
    c = WedgeClassifier()
    outcomes = feed(c, "1234567890")
    assert results(outcomes) == []
    last = 10.0 + 9 * 5 * MS
    assert c.deadline() == pytest.approx(last + 0.100)
    assert c.poll(last + 0.050) == ()
    (scan,) = c.poll(last + 0.100)
    assert isinstance(scan, Scan) and scan.code == "1234567890"


def test_silence_noticed_only_when_the_next_key_arrives_still_ends_the_scan() -> None:
    c = WedgeClassifier()
    feed(c, "1234567890")
    outcome = c.key("x", 11.0)
    assert outcome.action == "hold"
    (scan,) = outcome.results
    assert isinstance(scan, Scan) and scan.code == "1234567890"


def test_short_fast_burst_is_typing_and_its_keys_come_back_in_order() -> None:
    c = WedgeClassifier()
    outcomes = feed(c, "abcde\r")
    assert outcomes[-1].action == "pass"
    (typing,) = outcomes[-1].results
    assert isinstance(typing, Typing) and typing.text == "abcde"


def test_human_pace_releases_each_key_when_the_next_arrives() -> None:
    c = WedgeClassifier()
    outcomes = feed(c, "hello", gap=150 * MS)
    assert [o.action for o in outcomes] == ["hold"] * 5
    released = "".join(r.text for r in results(outcomes) if isinstance(r, Typing))
    assert released == "hell"
    assert c.deadline() == pytest.approx(10.0 + 4 * 0.150 + 0.080)


def test_lone_key_is_released_after_max_gap_not_after_silence() -> None:
    c = WedgeClassifier()
    c.key("a", 10.0)
    assert c.deadline() == pytest.approx(10.080)
    (typing,) = c.poll(10.080)
    assert isinstance(typing, Typing) and typing.text == "a"


def test_one_gap_over_80_ms_disqualifies_a_burst_even_with_a_fast_median() -> None:
    c = WedgeClassifier()
    feed(c, "123")
    outcome = c.key("4", 10.010 + 0.090)  # 90 ms after "3"
    (typing,) = outcome.results
    assert isinstance(typing, Typing) and typing.text == "123"


def test_median_gap_over_30_ms_is_typing() -> None:
    c = WedgeClassifier()
    (typing,) = results(feed(c, "1234567\r", gap=40 * MS))
    assert isinstance(typing, Typing) and typing.text == "1234567"


def test_slow_terminator_after_a_fast_burst_disqualifies_it() -> None:
    c = WedgeClassifier()
    feed(c, "1234567")
    outcome = c.key("\r", 10.030 + 0.085)
    assert outcome.action == "pass"
    assert isinstance(outcome.results[0], Typing)


def test_terminator_alone_passes_through() -> None:
    assert WedgeClassifier().key("\r", 1.0) == KeyOutcome("pass")


def test_thresholds_are_configurable_for_a_paced_scanner() -> None:
    paced = WedgeConfig(max_median_gap=0.060, max_gap=0.100, silence=0.150, min_length=4)
    c = WedgeClassifier(paced)
    (scan,) = results(feed(c, "9876\r", gap=50 * MS))
    assert isinstance(scan, Scan) and scan.code == "9876"


def test_prefix_makes_a_slow_burst_certain_and_is_not_part_of_the_code() -> None:
    c = WedgeClassifier(WedgeConfig(prefix="\x02"))
    (scan,) = results(feed(c, "\x02AB\r", gap=60 * MS))
    assert isinstance(scan, Scan) and scan.code == "AB"


def test_with_a_prefix_other_keys_pass_straight_through() -> None:
    c = WedgeClassifier(WedgeConfig(prefix="\x02"))
    outcomes = feed(c, "1234567890\r")
    assert all(o == KeyOutcome("pass") for o in outcomes)


def test_prefix_alone_is_given_back() -> None:
    c = WedgeClassifier(WedgeConfig(prefix="§"))
    c.key("§", 1.0)
    (typing,) = c.poll(1.2)
    assert isinstance(typing, Typing) and typing.text == "§"


def test_suffix_ends_the_scan_and_is_stripped() -> None:
    c = WedgeClassifier(WedgeConfig(suffix="#"))
    outcomes = feed(c, "1234567#")
    assert outcomes[-1].action == "drop"
    (scan,) = results(outcomes)
    assert isinstance(scan, Scan) and scan.code == "1234567"


def test_interrupt_hands_back_held_keys() -> None:
    c = WedgeClassifier()
    feed(c, "ab")
    typing = c.interrupt()
    assert typing is not None and typing.text == "ab"
    assert c.interrupt() is None and c.deadline() is None


def test_auto_repeat_run_is_released_at_max_length_not_held_forever() -> None:
    c = WedgeClassifier(WedgeConfig(max_length=8))
    outcomes = feed(c, "a" * 9, gap=35 * MS)
    (typing,) = results(outcomes)
    assert isinstance(typing, Typing) and typing.text == "a" * 8


@pytest.mark.parametrize(
    "kwargs",
    [{"min_length": 1}, {"max_median_gap": 0.1, "max_gap": 0.05}, {"silence": 0.05}, {"prefix": "ab"},
     {"suffix": ""}, {"max_length": 3}],
)
def test_nonsensical_thresholds_are_refused(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        WedgeConfig(**kwargs)  # type: ignore[arg-type]
