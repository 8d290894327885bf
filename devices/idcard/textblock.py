"""The 256-byte text block: UCS-2 little-endian, space padded; card type at byte 248.

Offsets and sizes (in bytes) are devices.md §1, "The 256-byte text block", one table per layout.
Decoding never checks the ID number checksum: that is for the identity check to judge
(`IdDocument.number_checksum_ok`), and a card must still be shown when it fails.
"""

from __future__ import annotations

from datetime import date

from devices.idcard.document import CardType, Gender, IdDocument
from devices.idcard.errors import Fault, IdCardDecodeError

TEXT_BLOCK_SIZE = 256
CARD_TYPE_OFFSET = 248
LONG_TERM = "长期"

Layout = dict[str, tuple[int, int]]
"""field → (offset, size in bytes)"""

_RESIDENT_COMMON: Layout = {
    "name": (0, 30),
    "gender": (30, 2),
    "nation": (32, 4),
    "birth": (36, 16),
    "address": (52, 70),
    "number": (122, 36),
    "authority": (158, 30),
    "valid_from": (188, 16),
    "valid_until": (204, 16),
}
LAYOUTS: dict[CardType, Layout] = {
    CardType.RESIDENT: dict(_RESIDENT_COMMON),
    CardType.HKMT_RESIDENCE_PERMIT: {**_RESIDENT_COMMON, "pass_number": (220, 18), "issue_count": (238, 4)},
    CardType.FOREIGN_PERMANENT_2017: {
        "english_name": (0, 120),
        "gender": (120, 2),
        "number": (122, 30),
        "nationality": (152, 6),
        "name": (158, 30),
        "valid_from": (188, 16),
        "valid_until": (204, 16),
        "birth": (220, 16),
        "card_version": (236, 4),
        "authority": (240, 8),
    },
    CardType.FOREIGN_PERMANENT_2023: {
        "name": (0, 30),
        "gender": (30, 2),
        "issue_count": (32, 4),
        "birth": (36, 16),
        "english_name": (52, 70),
        "number": (122, 36),
        "valid_from": (188, 16),
        "valid_until": (204, 16),
        "english_name_2": (220, 22),
        "nationality": (242, 6),
        "old_number_link": (250, 6),
    },
}


def _field(block: bytes, layout: Layout, key: str, strip: bool = True) -> str:
    offset, size = layout[key]
    try:
        text = block[offset : offset + size].decode("utf-16-le")
    except UnicodeDecodeError:
        raise IdCardDecodeError(Fault.BAD_TEXT, f"field {key} is not valid UCS-2") from None
    # Readers pad with spaces; some firmware leaves NULs instead.
    return text.rstrip(" \x00") if strip else text


def _date(value: str, key: str) -> date | None:
    if not value:
        return None
    if len(value) != 8 or not (value.isascii() and value.isdigit()):
        raise IdCardDecodeError(Fault.BAD_TEXT, f"field {key} is not a YYYYMMDD date")
    try:
        return date(int(value[:4]), int(value[4:6]), int(value[6:]))
    except ValueError:
        raise IdCardDecodeError(Fault.BAD_TEXT, f"field {key} is not a calendar date") from None


def _count(value: str, key: str) -> int | None:
    if not value:
        return None
    if not (value.isascii() and value.isdigit()):
        raise IdCardDecodeError(Fault.BAD_TEXT, f"field {key} is not a number")
    return int(value)


def card_type_of(block: bytes) -> CardType:
    if len(block) != TEXT_BLOCK_SIZE:
        raise IdCardDecodeError(
            Fault.BAD_TEXT, f"text block of {len(block)} bytes, expected {TEXT_BLOCK_SIZE}"
        )
    marker = block[CARD_TYPE_OFFSET : CARD_TYPE_OFFSET + 2]
    try:
        return CardType(marker.decode("utf-16-le"))
    except (UnicodeDecodeError, ValueError):
        raise IdCardDecodeError(Fault.UNKNOWN_CARD_TYPE, f"card type marker {marker.hex(' ')}") from None


def decode_text_block(block: bytes, photo_wlt: bytes = b"", fingerprint: bytes | None = None) -> IdDocument:
    card_type = card_type_of(block)
    layout = LAYOUTS[card_type]
    values = {key: _field(block, layout, key) for key in layout}
    if card_type is CardType.FOREIGN_PERMANENT_2023:
        # The English name runs on from byte 52 (35 chars) into byte 220 (11 more): join before
        # stripping, or a space at the seam would be lost.
        first = _field(block, layout, "english_name", strip=False)
        values["english_name"] = (first + _field(block, layout, "english_name_2", strip=False)).rstrip(
            " \x00"
        )
    try:
        gender = Gender(values["gender"])
    except ValueError:
        raise IdCardDecodeError(Fault.BAD_TEXT, "field gender holds an unknown code") from None
    until = values["valid_until"]
    if not until:
        raise IdCardDecodeError(Fault.BAD_TEXT, "field valid_until is empty")
    return IdDocument(
        card_type=card_type,
        name=values["name"],
        english_name=values.get("english_name", ""),
        gender=gender,
        nation_code=values.get("nation", ""),
        birth_date=_date(values["birth"], "birth"),
        address=values.get("address", ""),
        number=values["number"],
        authority=values.get("authority", ""),
        valid_from=_date(values["valid_from"], "valid_from"),
        valid_until=None if until == LONG_TERM else _date(until, "valid_until"),
        pass_number=values.get("pass_number", ""),
        issue_count=_count(values.get("issue_count", ""), "issue_count"),
        nationality=values.get("nationality", ""),
        card_version=values.get("card_version", ""),
        old_number_link=values.get("old_number_link", ""),
        photo_wlt=photo_wlt,
        fingerprint=fingerprint,
    )


def _put(block: bytearray, layout: Layout, key: str, value: str) -> None:
    offset, size = layout[key]
    raw = value.encode("utf-16-le")
    if len(raw) > size:
        raise ValueError(f"field {key} takes at most {size // 2} characters")
    block[offset : offset + len(raw)] = raw


def _date_text(value: date | None) -> str:
    return value.strftime("%Y%m%d") if value is not None else ""


def encode_text_block(doc: IdDocument) -> bytes:
    """The text block a card of `doc`'s type carries (for the simulator and round-trip tests).
    Raises ValueError when a field does not fit its slot."""
    layout = LAYOUTS[doc.card_type]
    block = bytearray(" ".encode("utf-16-le") * (TEXT_BLOCK_SIZE // 2))
    issue_width = layout["issue_count"][1] // 2 if "issue_count" in layout else 0
    values = {
        "name": doc.name,
        "english_name": doc.english_name,
        "gender": doc.gender.value,
        "nation": doc.nation_code,
        "birth": _date_text(doc.birth_date),
        "address": doc.address,
        "number": doc.number,
        "authority": doc.authority,
        "valid_from": _date_text(doc.valid_from),
        "valid_until": LONG_TERM if doc.valid_until is None else _date_text(doc.valid_until),
        "pass_number": doc.pass_number,
        "issue_count": "" if doc.issue_count is None else str(doc.issue_count).zfill(issue_width),
        "nationality": doc.nationality,
        "card_version": doc.card_version,
        "old_number_link": doc.old_number_link,
    }
    if doc.card_type is CardType.FOREIGN_PERMANENT_2023:
        values["english_name"], values["english_name_2"] = doc.english_name[:35], doc.english_name[35:]
    for key in layout:
        _put(block, layout, key, values[key])
    _put(block, {"type": (CARD_TYPE_OFFSET, 2)}, "type", doc.card_type.value)
    return bytes(block)
