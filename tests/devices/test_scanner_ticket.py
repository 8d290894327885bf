"""Ticket numbers (准考证号): normalisation and the per-exam pattern."""

from __future__ import annotations

import pytest

from devices.scanner.ticket import TicketPattern, TicketProblem, normalise_ticket


def test_default_pattern_accepts_10_to_20_digits() -> None:
    pattern = TicketPattern()
    assert pattern.matches("1" * 10) and pattern.matches("1" * 20)
    assert not pattern.matches("1" * 9) and not pattern.matches("1" * 21)


def test_surrounding_and_inner_whitespace_is_ignored() -> None:
    assert TicketPattern().check(" 1234 5678 90\n").number == "1234567890"


def test_full_width_digits_and_ideographic_space_from_a_chinese_ime_are_normalised() -> None:
    assert normalise_ticket("１２３４\u3000５６７８９０") == "1234567890"


def test_letters_are_upper_cased_before_matching() -> None:
    pattern = TicketPattern(r"ZK\d{8}")
    check = pattern.check("zk20240001")
    assert check.ok and check.number == "ZK20240001"


def test_mismatch_reports_the_normalised_number_and_a_stable_code() -> None:
    check = TicketPattern().check("12ab")
    assert check.problem is TicketProblem.PATTERN_MISMATCH and check.number == "12AB" and not check.ok


def test_blank_input_is_reported_as_empty_not_as_mismatch() -> None:
    assert TicketPattern().check(" \t").problem is TicketProblem.EMPTY


def test_pattern_must_match_the_whole_number() -> None:
    assert not TicketPattern(r"\d{10}").matches("12345678901")


def test_invalid_pattern_is_refused_with_the_pattern_in_the_message() -> None:
    with pytest.raises(ValueError, match=r"\[0-9"):
        TicketPattern("[0-9")
