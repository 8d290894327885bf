"""The shipped list of common credentials (`resources/security/common-credentials.txt`), and how it
is made: from the patterns people use, not from any leaked data set. Regenerate with
`python -m app.security.common_credentials` after changing a pattern.

Only entries of at least 8 characters are kept: shorter ones are refused by length anyway.
"""

from __future__ import annotations

from itertools import product
from pathlib import Path

from app.resources import resources_dir

MIN_LENGTH = 8

_WORDS = (
    "password", "passw0rd", "p@ssword", "p@ssw0rd", "admin", "administrator", "root", "user", "guest", "test",
    "login", "welcome", "letmein", "hello", "iloveyou", "qwerty", "abc", "abcd", "abcde", "abcdef", "abcdefg",
    "monkey", "dragon", "master", "sunshine", "princess", "football", "baseball", "shadow", "superman",
    "batman", "michael", "jennifer", "computer", "internet", "secret", "changeme", "default", "system",
    "woaini", "wojiaoni", "aini", "love", "china", "zhongguo", "beijing", "shanghai", "guangzhou",
    "shenzhen", "zhang", "wang", "li", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun",
    "ma", "zhu", "hu", "guo", "he", "lin", "luo", "gao", "kaoshi", "kaowu", "kaodian", "jiankao",
    "zhukao", "exam", "venue", "staff", "teacher", "laoshi", "xuesheng", "student", "school", "xuexiao",
    "baobei", "tiantian", "qq", "wechat", "weixin", "taobao", "mima", "woshishui", "nihao",
)
_SUFFIXES = (
    "", "1", "12", "123", "1234", "12345", "123456", "1234567", "12345678", "!", "!!", "@", "#", "@123",
    "123!", "!@#", "000", "111", "666", "888", "999", "520", "1314", "5201314", "2020", "2021", "2022",
    "2023", "2024", "2025", "2026", "2027", "01", "007", "321", "abc",
)
_WALKS = (
    "qwertyui", "qwertyuiop", "asdfghjk", "asdfghjkl", "zxcvbnm,", "zxcvbnm123", "1qaz2wsx", "1qaz2wsx3edc",
    "qazwsxedc", "qazwsx123", "1q2w3e4r", "1q2w3e4r5t", "1q2w3e4r5t6y", "q1w2e3r4", "qwer1234", "asdf1234",
    "zxcv1234", "1234qwer", "1234asdf", "qweasdzxc", "qweasd123", "!qaz2wsx", "!qaz@wsx", "zaq12wsx",
    "poiuytre", "mnbvcxz1", "asdfasdf", "qwerqwer", "zxczxczx", "123qweasd", "123qwe!@#", "abc12345",
    "aa123456", "a1234567", "a12345678", "a123456789", "qq123456", "abcd1234", "abc123456", "a1b2c3d4",
    "1a2b3c4d", "aaa111aaa", "woaini1314", "woaini520",
)


def _digit_runs() -> set[str]:
    found: set[str] = set()
    up, down = "0123456789012345", "9876543210987654"
    for length in range(MIN_LENGTH, 13):
        for start in range(10):
            found.add(up[start:start + length])
            found.add(down[start:start + length])
    for unit in ("12", "123", "1234", "520", "1314", "168", "666", "888", "5201314", "159", "147", "258", "369"):
        found.add((unit * (MIN_LENGTH // len(unit) + 1))[:max(MIN_LENGTH, len(unit) * 2)])
        found.add(unit * max(2, -(-MIN_LENGTH // len(unit))))
    for a, b in product("0123456789", repeat=2):  # 11223344, 12341234, 11112222 and the like
        found.add(a * 4 + b * 4)
        found.add((a + b) * 4)
    for four in ("1234", "4321", "1122", "1212", "6688", "5678", "2580", "1357", "2468", "0000", "8888", "6666"):
        found.add(four * 2)
        found.add(four * 3)
    found.update({"11223344", "112233445566", "123123123", "147258369", "159357159", "1qaz1qaz",
                  "5201314520", "13141314", "52013145", "09876543", "147852369", "123654789", "963852741"})
    return found


def generate() -> list[str]:
    found = _digit_runs() | set(_WALKS)
    for word, suffix in product(_WORDS, _SUFFIXES):
        for form in (word, word.capitalize()):
            found.add(form + suffix)
    found.update(w * 2 for w in _WORDS)
    return sorted(c.lower() for c in found if len(c) >= MIN_LENGTH)


def list_path() -> Path:
    return resources_dir() / "security" / "common-credentials.txt"


if __name__ == "__main__":
    out = list_path()
    out.parent.mkdir(parents=True, exist_ok=True)
    entries = sorted(set(generate()))
    out.write_text("\n".join(entries) + "\n", encoding="utf-8")
    print(f"{len(entries)} entries written to {out}")
