"""Fictitious but well-formed people for the demo: common Chinese names, and identity numbers of
all four reader layouts whose check characters, birth dates and gender digits are consistent."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from app.domain import DocumentType, Gender
from app.rules.identity import check_character

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁"
            "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔汤")
MALE_GIVEN = "伟强磊军洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林峰建国志文博晨阳睿哲翔"
FEMALE_GIVEN = "芳娜敏静丽艳娟霞燕玲婷雪慧颖倩琳洁晶欣佳萍红丹莉蕾瑶怡悦梅月璐岚"
# Real county-level codes (GB/T 2260), mostly around the demo venue in Nanjing.
REGIONS = ("320102", "320104", "320105", "320106", "320111", "320113", "320114", "320115", "320116",
           "320205", "320211", "320505", "320506", "321002", "321102", "320311", "320412", "340102",
           "340104", "370102", "330106", "410105", "420106", "510107", "440106", "110101", "310104")
HKMT_PREFIXES = ("810000", "820000", "830000")
# (ISO alpha-3, ISO numeric, a Chinese rendering of a typical name: male, female)
FOREIGN = (("USA", "840", "约翰·史密斯", "艾米莉·琼斯"), ("GBR", "826", "詹姆斯·布朗", "索菲·泰勒"),
           ("JPN", "392", "佐藤健", "铃木美咲"), ("KOR", "410", "金敏俊", "朴智妍"),
           ("DEU", "276", "卢卡斯·穆勒", "安娜·施密特"), ("SGP", "702", "陈志明", "林慧玲"),
           ("CAN", "124", "诺亚·马丁", "奥利维亚·罗伊"), ("AUS", "036", "杰克·威尔逊", "夏洛特·怀特"))


@dataclass(frozen=True)
class Person:
    name: str
    gender: Gender
    document_type: DocumentType
    document_number: str
    born: date


def chinese_name(rng: random.Random, female: bool) -> str:
    given = FEMALE_GIVEN if female else MALE_GIVEN
    return rng.choice(SURNAMES) + "".join(rng.choice(given) for _ in range(rng.choice((1, 2, 2))))


def birth_date(rng: random.Random, first: int = 1970, last: int = 2003) -> date:
    start = date(first, 1, 1)
    return start + timedelta(days=rng.randrange((date(last, 12, 31) - start).days + 1))


def _sequence(rng: random.Random, female: bool) -> str:
    # The third sequence digit is digit 17 of the number: odd for men, even for women.
    return f"{rng.randrange(100):02d}{rng.choice('02468' if female else '13579')}"


def eighteen(prefix6: str, born: date, rng: random.Random, female: bool) -> str:
    first17 = prefix6 + born.strftime("%Y%m%d") + _sequence(rng, female)
    return first17 + check_character(first17)


def person(rng: random.Random, document_type: DocumentType) -> Person:
    female = rng.random() < 0.52
    gender = Gender.FEMALE if female else Gender.MALE
    born = birth_date(rng)
    if document_type in (DocumentType.RESIDENT_ID, DocumentType.SOCIAL_SECURITY):
        number = eighteen(rng.choice(REGIONS), born, rng, female)
        return Person(chinese_name(rng, female), gender, document_type, number, born)
    if document_type is DocumentType.HKMT_PERMIT:
        number = eighteen(rng.choice(HKMT_PREFIXES), born, rng, female)
        return Person(chinese_name(rng, female), gender, document_type, number, born)
    alpha3, numeric, male_name, female_name = rng.choice(FOREIGN)
    name = female_name if female else male_name
    if document_type is DocumentType.FOREIGN_PERMANENT_2023:
        # "9" + province of acceptance + nationality + birth date + sequence + check.
        number = eighteen("932" + numeric, born, rng, female)
        return Person(name, gender, document_type, number, born)
    # 2017 card: nationality letters + 12 digits (province, YYMMDD, sequence); no public check rule.
    number = alpha3 + "32" + born.strftime("%y%m%d") + f"{rng.randrange(10000):04d}"
    return Person(name, gender, document_type, number, born)


def phone(rng: random.Random) -> str:
    return rng.choice(("139", "138", "137", "136", "135", "158", "159", "188", "187", "151", "152", "189",
                       "180", "133", "177", "186")) + f"{rng.randrange(10**8):08d}"
