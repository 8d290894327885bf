"""Identity-document numbers (art. 30(一)): is a number well-formed for its document type?

Pure functions; the card reader's copy of this checksum lives in `devices/`, which the core may not
import, so the rule is written here once more (it is ten lines and fixed by a national standard).

GB 11643-1999 (ISO 7064 MOD 11-2): weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 over the first 17
digits; the check character is "10X98765432"[sum % 11]. It applies to:

- resident ID cards (居民身份证) and social-security cards (社会保障卡, whose number is the holder's
  resident ID number): region code (6) + birth date YYYYMMDD (8) + sequence (3) + check;
- Hong Kong / Macao / Taiwan residence permits (港澳台居民居住证): the same layout with the region
  code 810000 (HK), 820000 (Macao) or 830000 (Taiwan);
- foreigner's permanent residence ID cards of 2023 (外国人永久居留身份证, 2023 版): "9" + province of
  acceptance (2) + nationality code (3) + birth date (8) + sequence (3) + check, 18 characters.

Foreigner's permanent residence cards of 2017 carry 15 characters: a three-letter nationality
code then 12 digits. No public source gives their check-digit rule, so only the format is checked.
"""

from __future__ import annotations

import re
from datetime import date

from app.domain import DocumentType, Gender

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
_EIGHTEEN = re.compile(r"^\d{17}[\dX]$")
_FOREIGN_2017 = re.compile(r"^[A-Z]{3}\d{12}$")
HKMT_PREFIXES = frozenset({"810000", "820000", "830000"})


def check_character(first17: str) -> str:
    """The GB 11643 check character of 17 digits."""
    if len(first17) != 17 or not first17.isdigit():
        raise ValueError("the check character is computed over exactly 17 digits")
    return _CHECK_CHARS[sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def has_valid_checksum(number: str) -> bool:
    """True when an 18-character number's last character is its GB 11643 check character."""
    n = number.strip().upper()
    return bool(_EIGHTEEN.match(n)) and check_character(n[:17]) == n[17]


def _valid_birth_date(yyyymmdd: str) -> bool:
    try:
        born = date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        return False
    return 1900 <= born.year


def document_number_problem(document_type: DocumentType, number: str) -> str | None:
    """Why `number` cannot be a number of this document type, or None when it can.

    The answer is a short stable word (length, format, prefix, birth_date, checksum) so a caller
    can name the fault without repeating the number itself (it is personal data).
    """
    n = number.strip().upper()
    if document_type is DocumentType.FOREIGN_PERMANENT_2017:
        if len(n) != 15:
            return "length"
        return None if _FOREIGN_2017.match(n) else "format"
    if len(n) != 18:
        return "length"
    if not _EIGHTEEN.match(n):
        return "format"
    if document_type is DocumentType.HKMT_PERMIT and n[:6] not in HKMT_PREFIXES:
        return "prefix"
    if document_type is DocumentType.FOREIGN_PERMANENT_2023 and n[0] != "9":
        return "prefix"
    # Every 18-character layout above puts the birth date at characters 7–14.
    if not _valid_birth_date(n[6:14]):
        return "birth_date"
    if check_character(n[:17]) != n[17]:
        return "checksum"
    return None


def is_valid_document_number(document_type: DocumentType, number: str) -> bool:
    return document_number_problem(document_type, number) is None


def gender_of(document_type: DocumentType, number: str) -> Gender | None:
    """The gender an 18-character number encodes (digit 17: odd male, even female), if any."""
    if document_type is DocumentType.FOREIGN_PERMANENT_2017 or document_number_problem(document_type, number):
        return None
    return Gender.MALE if int(number.strip()[16]) % 2 else Gender.FEMALE
