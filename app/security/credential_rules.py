"""What a new staff credential must be (art. 51): long enough, not the staff number, not one
character repeated, and not a common credential (the shipped list, `common_credentials`, and
birthdays written as eight digits). Each refusal names its rule."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import lru_cache

from app.errors import VenueError
from app.security.common_credentials import list_path

_EIGHT_DIGITS = re.compile(r"\d{8}")


class CredentialTooShort(VenueError):
    def __init__(self, min_length: int) -> None:
        super().__init__(
            "credential.too_short",
            "A credential must have at least {min_length} characters.",
            min_length=min_length,
        )


class CredentialTooLong(VenueError):
    def __init__(self, max_length: int) -> None:
        super().__init__(
            "credential.too_long",
            "A credential may have at most {max_length} characters.",
            max_length=max_length,
        )


class CredentialIsStaffNumber(VenueError):
    def __init__(self) -> None:
        super().__init__("credential.is_staff_number", "A credential may not be the staff number itself.")


class CredentialOneCharacter(VenueError):
    def __init__(self) -> None:
        super().__init__("credential.one_character", "A credential may not be one character repeated.")


class CredentialCommon(VenueError):
    def __init__(self) -> None:
        super().__init__(
            "credential.common",
            "This credential is one of the most common ones and is guessed first; choose another.",
        )


@lru_cache(maxsize=1)
def common_credentials() -> frozenset[str]:
    return frozenset(line.strip() for line in list_path().read_text(encoding="utf-8").splitlines() if line.strip())


def _is_date(digits: str) -> bool:
    try:
        return 1900 <= int(digits[:4]) <= 2099 and bool(date(int(digits[:4]), int(digits[4:6]), int(digits[6:])))
    except ValueError:
        return False


def is_common(credential: str) -> bool:
    folded = unicodedata.normalize("NFKC", credential).casefold()
    if _EIGHT_DIGITS.fullmatch(folded) and _is_date(folded):  # a birthday: 19880808
        return True
    return folded in common_credentials()


def check_credential(credential: str, min_length: int, max_length: int, staff_number: str | None = None) -> None:
    """Raise the VenueError of the first rule `credential` breaks."""
    normal = unicodedata.normalize("NFKC", credential)
    if len(normal) < min_length:
        raise CredentialTooShort(min_length)
    if len(normal) > max_length:
        raise CredentialTooLong(max_length)
    if len(set(normal)) == 1:
        raise CredentialOneCharacter()
    if staff_number is not None:
        number = unicodedata.normalize("NFKC", staff_number).strip().casefold()
        if number and normal.strip().casefold() == number:
            raise CredentialIsStaffNumber()
    if is_common(normal):
        raise CredentialCommon()
