"""The document read from a card: one frozen dataclass for all four card layouts."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date

from devices.idcard import idnumber
from devices.idcard.nations import nation_name


class CardType(enum.Enum):
    """The character at byte 248 of the text block."""

    RESIDENT = " "
    """居民身份证"""
    HKMT_RESIDENCE_PERMIT = "J"
    """港澳台居民居住证"""
    FOREIGN_PERMANENT_2017 = "I"
    """外国人永久居留证 (2017)"""
    FOREIGN_PERMANENT_2023 = "Y"
    """外国人永久居留身份证 (2023)"""

    @property
    def short_name(self) -> str:
        """The stable name used on the command line and in JSON."""
        return _SHORT_NAMES[self]

    @classmethod
    def from_short_name(cls, name: str) -> CardType:
        for card_type, short in _SHORT_NAMES.items():
            if short == name:
                return card_type
        raise ValueError(f"unknown card type {name!r}")


_SHORT_NAMES = {
    CardType.RESIDENT: "resident",
    CardType.HKMT_RESIDENCE_PERMIT: "hkmt",
    CardType.FOREIGN_PERMANENT_2017: "foreign2017",
    CardType.FOREIGN_PERMANENT_2023: "foreign2023",
}
CARD_TYPE_NAMES = tuple(_SHORT_NAMES.values())


class Gender(enum.Enum):
    """GB/T 2261.1 codes as the card carries them."""

    UNKNOWN = "0"
    MALE = "1"
    FEMALE = "2"
    UNSTATED = "9"


@dataclass(frozen=True)
class IdDocument:
    """A card's contents. Fields a layout does not carry are empty ("" / None).

    `valid_until` None means 长期 (no expiry). `issue_count` is the permit's 签发次数 (type J) or the
    2023 card's 换证次数 (type Y). `authority` is the issuing authority's name, or on a 2017 foreign
    card its authority code. `nationality` is the ISO 3166-1 alpha-3 code of a foreign card.
    """

    card_type: CardType
    name: str
    gender: Gender
    birth_date: date | None
    number: str
    valid_from: date | None
    valid_until: date | None
    english_name: str = ""
    nation_code: str = ""
    address: str = ""
    authority: str = ""
    pass_number: str = ""
    issue_count: int | None = None
    nationality: str = ""
    card_version: str = ""
    old_number_link: str = ""
    photo_wlt: bytes = field(default=b"", repr=False)
    """The WLT-compressed photo as read: opaque, decodable only by a vendor library."""
    fingerprint: bytes | None = field(default=None, repr=False)

    @property
    def nation_name(self) -> str | None:
        return nation_name(self.nation_code) if self.nation_code else None

    @property
    def number_checksum_ok(self) -> bool | None:
        """The GB 11643 check for 18-character numbers (resident, HKMT, 2023 foreign); None for the
        15-character 2017 foreign card number, which has no such checksum."""
        if self.card_type is CardType.FOREIGN_PERMANENT_2017:
            return None
        return idnumber.is_valid(self.number)

    @property
    def masked_number(self) -> str:
        return idnumber.mask(self.number)

    def __repr__(self) -> str:
        # Personal data must not reach logs through an accidental repr().
        return f"IdDocument(card_type={self.card_type.name}, number={self.masked_number})"
