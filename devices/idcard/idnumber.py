"""The GB 11643-1999 citizen ID number checksum (ISO 7064 MOD 11-2), and masking for display.

Pure and dependency-free on purpose: the app layer (identity checks at the desk) uses the same
functions, and `app` may not import anything heavier from `devices`.
"""

from __future__ import annotations

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"


def check_char(first17: str) -> str:
    """The 18th character for the 17 leading digits. Raises ValueError if they are not 17 ASCII digits."""
    if len(first17) != 17 or not (first17.isascii() and first17.isdigit()):
        raise ValueError("an ID number checksum needs exactly 17 leading digits")
    total = sum(int(digit) * weight for digit, weight in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def is_valid(number: str) -> bool:
    """True when `number` is 17 digits and the right check character (an 'x' is accepted as 'X')."""
    if len(number) != 18 or not (number[:17].isascii() and number[:17].isdigit()):
        return False
    return check_char(number[:17]) == number[17].upper()


def with_check_char(first17: str) -> str:
    """The full 18-character number for 17 leading digits (used by simulators and demo data)."""
    return first17 + check_char(first17)


def gender_digit_is_male(number: str) -> bool | None:
    """Digit 17 odd means male, even female; None when the number is too short or not a digit there."""
    if len(number) < 17 or not number[16].isdigit():
        return None
    return int(number[16]) % 2 == 1


def mask(number: str) -> str:
    """The form technicians may see on screen and in logs-free output: 110102********232X.

    Keeps the region code (6) and the last 4; everything between becomes '*'. Numbers too short to
    keep anything hidden are masked entirely."""
    if len(number) <= 10:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]
