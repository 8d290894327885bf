"""The 256-byte text block of each card type, the GB 11643 checksum, and nation codes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from devices.idcard import idnumber
from devices.idcard.document import CardType, Gender, IdDocument
from devices.idcard.errors import Fault, IdCardDecodeError
from devices.idcard.nations import NATIONS, nation_name
from devices.idcard.samples import SAMPLES
from devices.idcard.textblock import decode_text_block, encode_text_block


def block_with(fields: dict[int, str], card_type: str) -> bytes:
    """A text block built straight from devices.md's offsets, independent of the encoder."""
    block = bytearray(" ".encode("utf-16-le") * 128)
    for offset, text in {**fields, 248: card_type}.items():
        raw = text.encode("utf-16-le")
        block[offset : offset + len(raw)] = raw
    return bytes(block)


def test_resident_card_fields_sit_at_the_documented_offsets() -> None:
    block = block_with(
        {
            0: "张三",
            30: "2",
            32: "01",
            36: "19781027",
            52: "北京市西城区",
            122: "11010219781027232X",
            158: "北京市公安局西城分局",
            188: "20150301",
            204: "长期",
        },
        " ",
    )
    doc = decode_text_block(block)
    assert doc.card_type is CardType.RESIDENT
    assert (doc.name, doc.gender, doc.nation_code, doc.nation_name) == ("张三", Gender.FEMALE, "01", "汉")
    assert (doc.birth_date, doc.address, doc.number) == (
        date(1978, 10, 27),
        "北京市西城区",
        "11010219781027232X",
    )
    assert (doc.authority, doc.valid_from, doc.valid_until) == (
        "北京市公安局西城分局",
        date(2015, 3, 1),
        None,
    )
    assert doc.number_checksum_ok is True


def test_hkmt_permit_carries_pass_number_and_issue_count_and_no_nation() -> None:
    block = block_with(
        {
            0: "陈小明",
            30: "1",
            36: "19781027",
            52: "深圳",
            122: "810000197810272327",
            158: "深圳市公安局",
            188: "20190601",
            204: "20240601",
            220: "H01234567",
            238: "03",
        },
        "J",
    )
    doc = decode_text_block(block)
    assert doc.card_type is CardType.HKMT_RESIDENCE_PERMIT
    assert (doc.pass_number, doc.issue_count, doc.nation_code, doc.nation_name) == ("H01234567", 3, "", None)
    assert (doc.gender, doc.valid_until) == (Gender.MALE, date(2024, 6, 1))


def test_foreign_2017_card_has_english_name_first_and_a_15_char_number() -> None:
    block = block_with(
        {
            0: "SMITH, JOHN",
            120: "1",
            122: "USA110080011501",
            152: "USA",
            158: "史密斯",
            188: "20180502",
            204: "20280501",
            220: "19800115",
            236: "01",
            240: "1500",
        },
        "I",
    )
    doc = decode_text_block(block)
    assert doc.card_type is CardType.FOREIGN_PERMANENT_2017
    assert (doc.english_name, doc.name, doc.number, doc.nationality) == (
        "SMITH, JOHN",
        "史密斯",
        "USA110080011501",
        "USA",
    )
    assert (doc.birth_date, doc.card_version, doc.authority) == (date(1980, 1, 15), "01", "1500")
    assert doc.number_checksum_ok is None


def test_foreign_2023_english_name_runs_from_byte_52_into_byte_220() -> None:
    name = "GARCIA LOPEZ, MARIA DE LOS ANGELES FERNANDA"  # 43 chars: 35 + 8
    block = block_with(
        {
            0: "玛丽亚",
            30: "2",
            32: "00",
            36: "19850709",
            52: name[:35],
            122: "930000198507099340",
            188: "20231201",
            204: "20331130",
            220: name[35:],
            242: "ESP",
            250: "AB",
        },
        "Y",
    )
    doc = decode_text_block(block)
    assert doc.card_type is CardType.FOREIGN_PERMANENT_2023
    assert (doc.english_name, doc.name, doc.issue_count, doc.nationality) == (name, "玛丽亚", 0, "ESP")
    assert (doc.old_number_link, doc.number_checksum_ok) == ("AB", True)


def test_space_at_the_seam_of_a_2023_english_name_is_kept() -> None:
    doc = replace(SAMPLES[CardType.FOREIGN_PERMANENT_2023], english_name="A" * 34 + " " + "BCD")
    assert decode_text_block(encode_text_block(doc), doc.photo_wlt) == doc


@pytest.mark.parametrize("card_type", list(CardType))
def test_each_sample_document_round_trips_through_its_text_block(card_type: CardType) -> None:
    doc = SAMPLES[card_type]
    block = encode_text_block(doc)
    assert len(block) == 256 and block[248:250].decode("utf-16-le") == card_type.value
    assert decode_text_block(block, doc.photo_wlt) == doc


def test_nul_padding_is_treated_like_space_padding() -> None:
    block = bytearray(encode_text_block(SAMPLES[CardType.RESIDENT]))
    block[4:30] = bytes(26)  # name "张三" then NULs
    assert decode_text_block(bytes(block)).name == "张三"


@pytest.mark.parametrize(
    ("change", "fault"),
    [
        ({248: "Q"}, Fault.UNKNOWN_CARD_TYPE),
        ({30: "5"}, Fault.BAD_TEXT),
        ({36: "19781345"}, Fault.BAD_TEXT),
        ({188: "2015AB01"}, Fault.BAD_TEXT),
    ],
)
def test_bad_text_blocks_are_refused_with_a_named_fault(change: dict[int, str], fault: Fault) -> None:
    block = bytearray(encode_text_block(SAMPLES[CardType.RESIDENT]))
    for offset, text in change.items():
        raw = text.encode("utf-16-le")
        block[offset : offset + len(raw)] = raw
    with pytest.raises(IdCardDecodeError) as caught:
        decode_text_block(bytes(block))
    assert caught.value.fault is fault
    assert "1978" not in caught.value.detail  # names the field, never the data


def test_an_unpaired_surrogate_is_bad_text() -> None:
    block = bytearray(encode_text_block(SAMPLES[CardType.RESIDENT]))
    block[0:2] = b"\x00\xd8"
    with pytest.raises(IdCardDecodeError) as caught:
        decode_text_block(bytes(block))
    assert caught.value.fault is Fault.BAD_TEXT and "name" in caught.value.detail


def test_field_too_long_for_its_slot_is_refused_by_the_encoder() -> None:
    with pytest.raises(ValueError, match="name"):
        encode_text_block(replace(SAMPLES[CardType.RESIDENT], name="名" * 16))


@pytest.mark.parametrize("number", ["11010219781027232X", "810000197810272327", "830000197810272320"])
def test_gb11643_documented_examples_are_valid(number: str) -> None:
    assert idnumber.is_valid(number)
    assert idnumber.check_char(number[:17]) == number[17]


def test_gb11643_wrong_check_character_and_malformed_numbers_are_invalid() -> None:
    assert not idnumber.is_valid("110102197810272321")
    assert not idnumber.is_valid("11010219781027232")
    assert not idnumber.is_valid("1101021978102A232X")
    assert idnumber.is_valid("11010219781027232x")
    with pytest.raises(ValueError):
        idnumber.check_char("123")


def test_gb11643_digit_17_gives_the_gender() -> None:
    assert idnumber.gender_digit_is_male("11010219781027232X") is False
    assert idnumber.gender_digit_is_male("11010219781027231") is True


@given(first17=st.text(alphabet="0123456789", min_size=17, max_size=17))
def test_gb11643_computed_check_character_always_validates(first17: str) -> None:
    number = idnumber.with_check_char(first17)
    assert idnumber.is_valid(number)
    wrong = next(c for c in "0123456789X" if c != number[17])
    assert not idnumber.is_valid(first17 + wrong)


def test_number_is_masked_to_region_and_last_four() -> None:
    assert idnumber.mask("11010219781027232X") == "110102********232X"
    assert idnumber.mask("USA110080011501") == "USA110*****1501"
    assert "232X" in repr(SAMPLES[CardType.RESIDENT]) and "张三" not in repr(SAMPLES[CardType.RESIDENT])


def test_gb3304_has_56_nations_plus_97_and_98() -> None:
    assert len(NATIONS) == 58
    assert (nation_name("01"), nation_name("10"), nation_name("56")) == ("汉", "朝鲜", "基诺")
    assert (nation_name("97"), nation_name("98"), nation_name("57")) == ("其他", "外国血统中国籍人士", None)


# --- round-trip properties ---------------------------------------------------------------------

_cjk = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
_latin = st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ,-'")
_digits = "0123456789"


def _text(chars: st.SearchStrategy[str], max_size: int) -> st.SearchStrategy[str]:
    return st.text(chars, max_size=max_size)


_dates = st.dates(min_value=date(1900, 1, 1), max_value=date(9999, 12, 31))


@st.composite
def documents(draw: st.DrawFn) -> IdDocument:
    card_type = draw(st.sampled_from(list(CardType)))
    base: dict[str, Any] = {
        "card_type": card_type,
        "gender": draw(st.sampled_from(list(Gender))),
        "birth_date": draw(st.none() | _dates),
        "valid_from": draw(st.none() | _dates),
        "valid_until": draw(st.none() | _dates),
        "photo_wlt": draw(st.binary(min_size=1024, max_size=1024)),
    }
    if card_type in (CardType.RESIDENT, CardType.HKMT_RESIDENCE_PERMIT):
        base |= {
            "name": draw(_text(_cjk, 15)),
            "address": draw(_text(_cjk | st.sampled_from(_digits), 35)),
            "number": draw(st.text(_digits, min_size=17, max_size=17)) + draw(st.sampled_from("0123456789X")),
            "authority": draw(_text(_cjk, 15)),
        }
        if card_type is CardType.RESIDENT:
            base["nation_code"] = draw(st.sampled_from(sorted(NATIONS)))
        else:
            base["pass_number"] = draw(_text(_latin | st.sampled_from(_digits), 9))
            base["issue_count"] = draw(st.none() | st.integers(0, 99))
    elif card_type is CardType.FOREIGN_PERMANENT_2017:
        base |= {
            "english_name": draw(_text(_latin, 60)),
            "name": draw(_text(_cjk, 15)),
            "number": draw(_text(_latin | st.sampled_from(_digits), 15)),
            "nationality": draw(_text(_latin, 3)),
            "card_version": draw(_text(st.sampled_from(_digits), 2)),
            "authority": draw(_text(st.sampled_from(_digits), 4)),
        }
    else:
        base |= {
            "name": draw(_text(_cjk, 15)),
            "english_name": draw(_text(_latin, 46)),
            "number": draw(st.text(_digits, min_size=18, max_size=18)),
            "issue_count": draw(st.none() | st.integers(0, 99)),
            "nationality": draw(_text(_latin, 3)),
            "old_number_link": draw(_text(_latin | st.sampled_from(_digits), 3)),
        }
    return IdDocument(**base)


@given(doc=documents())
def test_any_document_round_trips_through_its_text_block(doc: IdDocument) -> None:
    assert decode_text_block(encode_text_block(doc), doc.photo_wlt) == doc


@given(block=st.binary(min_size=256, max_size=256))
def test_any_256_bytes_decode_or_fail_with_a_typed_error(block: bytes) -> None:
    try:
        decode_text_block(block)
    except IdCardDecodeError as exc:
        assert exc.fault in {Fault.BAD_TEXT, Fault.UNKNOWN_CARD_TYPE}
