"""Identity-document numbers (art. 30(一)): GB 11643 MOD 11-2 for resident IDs, HK/Macao/Taiwan
permits and 2023 foreign permanent-residence cards; format only for 2017 foreign cards."""

from __future__ import annotations

import random

import pytest

from app.domain import DocumentType, Gender
from app.package.people import person
from app.rules.identity import check_character, document_number_problem, gender_of, has_valid_checksum

R, HKMT, F17, F23 = (DocumentType.RESIDENT_ID, DocumentType.HKMT_PERMIT, DocumentType.FOREIGN_PERMANENT_2017,
                     DocumentType.FOREIGN_PERMANENT_2023)


@pytest.mark.parametrize("number", ["11010219781027232X", "810000197810272327", "830000197810272320"])
def test_gb11643_published_examples_verify(number: str) -> None:
    assert has_valid_checksum(number)
    assert check_character(number[:17]) == number[17]


def test_gb11643_x_check_character_accepts_lower_case_and_spaces() -> None:
    assert document_number_problem(R, " 11010219781027232x ") is None


@pytest.mark.parametrize(
    ("doc", "number", "problem"),
    [
        (R, "110102197810272321", "checksum"),
        (R, "11010219781027232", "length"),
        (R, "1101021978102723XX", "format"),
        (R, "110102197813272329", "birth_date"),
        (HKMT, "11010219781027232X", "prefix"),
        (HKMT, "810000197810272327", None),
        (HKMT, "830000197810272320", None),
        (F17, "USA320101120001", None),
        (F17, "US3320101120001", "format"),
        (F17, "USA32010112000", "length"),
        (F23, "11010219781027232X", "prefix"),
        (DocumentType.SOCIAL_SECURITY, "11010219781027232X", None),
    ],
)
def test_document_number_problem_names_the_fault(doc: DocumentType, number: str, problem: str | None) -> None:
    assert document_number_problem(doc, number) == problem


def test_foreign_2023_cards_use_the_same_checksum() -> None:
    first17 = "932840" + "19850612" + "031"
    assert document_number_problem(F23, first17 + check_character(first17)) is None
    wrong = "0" if check_character(first17) != "0" else "1"
    assert document_number_problem(F23, first17 + wrong) == "checksum"


def test_digit_17_gives_the_gender() -> None:
    assert gender_of(R, "11010219781027232X") == Gender.FEMALE
    assert gender_of(F17, "USA320101120001") is None
    assert gender_of(R, "110102197810272321") is None


@pytest.mark.parametrize("doc", [R, HKMT, F17, F23])
def test_generated_demo_people_are_valid_and_gender_consistent(doc: DocumentType) -> None:
    rng = random.Random(11)
    for _ in range(300):
        p = person(rng, doc)
        assert document_number_problem(doc, p.document_number) is None
        assert gender_of(doc, p.document_number) in (None, p.gender)
        if doc is not F17:
            assert 1970 <= int(p.document_number[6:10]) <= 2003
