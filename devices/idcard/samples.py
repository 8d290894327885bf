"""Sample documents of each card type, for the simulator, the tests and demos. All invented; the
numbers carry valid GB 11643 check characters (devices.md §1 examples)."""

from __future__ import annotations

import hashlib
from datetime import date

from devices.idcard.document import CardType, Gender, IdDocument
from devices.idcard.replies import PHOTO_SIZE


def sample_photo(seed: str) -> bytes:
    """1024 stand-in bytes where the WLT photo goes (deterministic, so round-trips can compare)."""
    blocks = (hashlib.sha256(f"{seed}:{i}".encode()).digest() for i in range(PHOTO_SIZE // 32))
    return b"".join(blocks)


def sample_fingerprint(seed: str) -> bytes:
    """Two 512-byte fingerprint templates' worth of stand-in bytes."""
    return sample_photo("fingerprint:" + seed)


SAMPLES: dict[CardType, IdDocument] = {
    CardType.RESIDENT: IdDocument(
        card_type=CardType.RESIDENT,
        name="张三",
        gender=Gender.FEMALE,
        nation_code="01",
        birth_date=date(1978, 10, 27),
        address="北京市西城区某某街道某某胡同1号",
        number="11010219781027232X",
        authority="北京市公安局西城分局",
        valid_from=date(2015, 3, 1),
        valid_until=None,
        photo_wlt=sample_photo("resident"),
    ),
    CardType.HKMT_RESIDENCE_PERMIT: IdDocument(
        card_type=CardType.HKMT_RESIDENCE_PERMIT,
        name="陈小明",
        gender=Gender.FEMALE,
        birth_date=date(1978, 10, 27),
        address="广东省深圳市福田区某某路8号",
        number="810000197810272327",
        authority="深圳市公安局",
        valid_from=date(2019, 6, 1),
        valid_until=date(2024, 6, 1),
        pass_number="H01234567",
        issue_count=1,
        photo_wlt=sample_photo("hkmt"),
    ),
    CardType.FOREIGN_PERMANENT_2017: IdDocument(
        card_type=CardType.FOREIGN_PERMANENT_2017,
        name="史密斯",
        english_name="SMITH, JOHN",
        gender=Gender.MALE,
        birth_date=date(1980, 1, 15),
        number="USA110080011501",
        nationality="USA",
        authority="1500",
        card_version="01",
        valid_from=date(2018, 5, 2),
        valid_until=date(2028, 5, 1),
        photo_wlt=sample_photo("foreign2017"),
    ),
    CardType.FOREIGN_PERMANENT_2023: IdDocument(
        card_type=CardType.FOREIGN_PERMANENT_2023,
        name="玛丽亚",
        english_name="GARCIA LOPEZ, MARIA DE LOS ANGELES FERNANDA",
        gender=Gender.FEMALE,
        birth_date=date(1985, 7, 9),
        number="930000198507099340",
        nationality="ESP",
        issue_count=0,
        valid_from=date(2023, 12, 1),
        valid_until=date(2033, 11, 30),
        old_number_link="",
        photo_wlt=sample_photo("foreign2023"),
    ),
}
