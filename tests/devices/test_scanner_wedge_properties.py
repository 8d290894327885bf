"""Property tests: whatever the text, the pace decides (devices.md §2 thresholds)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from devices.scanner.scan import Scan
from devices.scanner.wedge import Typing, WedgeClassifier, WedgeConfig, WedgeResult

PRINTABLE = st.characters(min_codepoint=0x21, max_codepoint=0x7E)
CONFIG = WedgeConfig()


def run(text: str, gaps: list[float], terminator: str | None, terminator_gap: float) -> tuple[list[WedgeResult], str]:
    """Feed keys, then the terminator (if any), then poll long after; return results and the text
    of every key the classifier let through directly."""
    c = WedgeClassifier(CONFIG)
    out: list[WedgeResult] = []
    passed = ""
    t = 100.0
    for i, ch in enumerate(text):
        if i:
            t += gaps[i - 1]
        outcome = c.key(ch, t)
        out.extend(outcome.results)
        if outcome.action == "pass":
            passed += ch
    if terminator is not None:
        t += terminator_gap
        outcome = c.key(terminator, t)
        out.extend(outcome.results)
    out.extend(c.poll(t + 1.0))
    return out, passed


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(PRINTABLE, min_size=1, max_size=30),
    data=st.data(),
    terminator=st.sampled_from([None, "\r", "\n", "\t"]),
)
def test_human_paced_keys_are_never_a_scan_and_all_come_back_in_order(
    text: str, data: st.DataObject, terminator: str | None
) -> None:
    gaps = data.draw(st.lists(st.floats(0.100, 0.600), min_size=len(text), max_size=len(text)))
    out, passed = run(text, gaps, terminator, gaps[-1])
    assert not any(isinstance(r, Scan) for r in out)
    assert passed + "".join(r.text for r in out if isinstance(r, Typing)) == text


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(PRINTABLE, min_size=CONFIG.min_length, max_size=40),
    data=st.data(),
    terminator=st.sampled_from([None, "\r", "\n", "\t"]),
)
def test_scanner_paced_bursts_of_min_length_are_always_one_scan_of_the_whole_code(
    text: str, data: st.DataObject, terminator: str | None
) -> None:
    # Scanner pace: 1–16 ms typically; allow up to the median limit for every gap.
    gaps = data.draw(st.lists(st.floats(0.0005, 0.030), min_size=len(text), max_size=len(text)))
    out, passed = run(text, gaps, terminator, gaps[-1])
    assert passed == ""
    assert len(out) == 1
    assert isinstance(out[0], Scan) and out[0].code == text


@settings(max_examples=100, deadline=None)
@given(text=st.text(PRINTABLE, min_size=1, max_size=CONFIG.min_length - 1), gap=st.floats(0.0005, 0.030))
def test_bursts_shorter_than_min_length_are_typing_however_fast(text: str, gap: float) -> None:
    out, _ = run(text, [gap] * len(text), "\r", gap)
    assert [type(r) for r in out] == [Typing]
