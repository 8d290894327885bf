"""A realistic, signed demo exam package, deterministic from a seed.

Two days in November 2026 at a Nanjing venue, four sittings (two paper, one computer-based of
2.5 hours, one audio/video), rooms of seats filled by the province's random draw, candidates with
well-formed fictitious identity numbers of all four reader layouts, drawn registration photos,
staff in every role, declared relations (art. 49) and the custody items the venue will receive.

Room kinds: every demo room is a computer lab with headsets and cameras (kind audio_video), so
each one may host paper, computer-based and audio/video sittings (see `content.ROOM_HOSTS`).
"""

from __future__ import annotations

import random
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.domain import DocumentType, EmployerType, Role
from app.package.keys import DEMO_KEY_ID, demo_private_key
from app.package.people import chinese_name, person, phone
from app.package.photos import portrait
from app.package.writer import write_package

SHANGHAI = ZoneInfo("Asia/Shanghai")
EXAM = {"code": "2026-JJZJ", "name": "2026年度经济专业技术资格考试（中级）", "ticket_pattern": r"^26\d{12}$"}
VENUE = {"code": "320107", "name": "南京市金陵职业技术学院考点", "district": "南京市考区",
         "address": "南京市玄武区示范路 100 号（演示）"}
# (code, subject, day, start, end, mode, early seal release)
SITTINGS = (
    ("S1", "经济基础知识", "2026-11-14", "09:00", "11:00", "paper", False),
    ("S2", "工商管理专业知识和实务", "2026-11-14", "14:00", "16:30", "computer", False),
    ("S3", "经济专业英语听说", "2026-11-15", "09:00", "10:30", "audio_video", False),
    ("S4", "人力资源管理专业知识和实务", "2026-11-15", "14:00", "16:00", "paper", False),
)
RELATIONS = ("配偶", "子女", "兄弟姐妹", "父母", "其他近亲属")
PUBLIC_EMPLOYERS = ("南京市第一中学", "南京市金陵中学", "南京市第十三中学", "南京市中华中学", "南京师范大学附属中学",
                    "南京市人力资源和社会保障局", "玄武区人力资源和社会保障局", "南京市人事考试中心")


def _document_type(index: int) -> DocumentType:
    # The first few candidates cover every layout even in a tiny test package; beyond them
    # about 3 % are HK/Macao/Taiwan permits and 2 % foreign permanent residents.
    if index in (1, 2, 3):
        return (DocumentType.HKMT_PERMIT, DocumentType.FOREIGN_PERMANENT_2017, DocumentType.FOREIGN_PERMANENT_2023)[index - 1]
    slot = index % 100
    if slot in (7, 41, 73):
        return DocumentType.HKMT_PERMIT
    if slot == 19:
        return DocumentType.FOREIGN_PERMANENT_2017
    if slot == 57:
        return DocumentType.FOREIGN_PERMANENT_2023
    return DocumentType.RESIDENT_ID


def _staff(rng: random.Random, venue_code: str, rooms: int) -> list[dict[str, Any]]:
    plan = ([Role.CHIEF_EXAMINER] + [Role.DEPUTY] * 2 + [Role.INVIGILATOR] * (2 * rooms)
            + [Role.ROVING_INVIGILATOR] * max(2, rooms // 5) + [Role.SYSTEM_ADMINISTRATOR] * max(2, rooms // 8)
            + [Role.SECURITY_STAFF] * max(4, rooms // 5))
    staff = []
    for i, role in enumerate(plan, start=1):
        female = rng.random() < 0.5
        employer_type = EmployerType.CIVIL_SERVICE if role in (Role.CHIEF_EXAMINER, Role.DEPUTY) \
            else rng.choice((EmployerType.PUBLIC_INSTITUTION, EmployerType.PUBLIC_INSTITUTION, EmployerType.CIVIL_SERVICE))
        employer = "南京市人事考试中心" if role is Role.CHIEF_EXAMINER else rng.choice(PUBLIC_EMPLOYERS)
        staff.append({"staff_number": f"T{venue_code}{i:03d}", "name": chinese_name(rng, female), "role": role.value,
                      "employer": employer, "employer_type": employer_type.value,
                      "computer_skills": role is Role.SYSTEM_ADMINISTRATOR or (role is Role.INVIGILATOR and i % 2 == 0),
                      "trained": i % 23 != 5})
    # Art. 20(二) bars volunteers and public recruits from invigilating, not from other duties:
    # the roster check must accept these and would refuse them as invigilators.
    helpers = [s for s in staff if s["role"] in (Role.SECURITY_STAFF.value, Role.SYSTEM_ADMINISTRATOR.value)]
    for s, kind, who in zip(helpers[-3:], ("volunteer", "volunteer", "public_recruitment"),
                            ("南京大学青年志愿者协会", "南京师范大学青年志愿者协会", "南京某人力资源服务有限公司"), strict=False):
        s["employer_type"], s["employer"] = kind, who
    return staff


def demo_content(
    seed: int = 2026, rooms: int = 30, seats_per_room: int = 30, candidates_per_sitting: int = 900,
    first_start: datetime | None = None,
) -> tuple[dict[str, Any], dict[str, bytes]]:
    """data.json's content and the photos, before signing (tests modify these and re-sign).
    `first_start` moves the whole timetable so that the first sitting starts then (a live demo)."""
    if candidates_per_sitting > rooms * seats_per_room:
        raise ValueError("more candidates per sitting than seats")
    rng = random.Random(seed)
    room_codes = [f"{r:02d}" for r in range(1, rooms + 1)]
    sittings = [{"code": c, "subject": s, "starts_at": datetime.fromisoformat(f"{d}T{a}").replace(tzinfo=SHANGHAI).isoformat(),
                 "ends_at": datetime.fromisoformat(f"{d}T{b}").replace(tzinfo=SHANGHAI).isoformat(), "mode": m,
                 "early_seal_release": e} for c, s, d, a, b, m, e in SITTINGS]
    if first_start is not None:
        shift = first_start - datetime.fromisoformat(str(sittings[0]["starts_at"]))
        for sitting in sittings:
            for key in ("starts_at", "ends_at"):
                sitting[key] = (datetime.fromisoformat(str(sitting[key])) + shift).astimezone(SHANGHAI).isoformat()
    room_rows = [{"code": code, "name": f"第{code}考场（实训楼 {100 + int(code)} 室）", "kind": "audio_video",
                  "capacity": seats_per_room, "seats": list(range(1, seats_per_room + 1))} for code in room_codes]
    total = candidates_per_sitting * 3 // 2
    candidates: list[dict[str, Any]] = []
    photos: dict[str, bytes] = {}
    for i in range(1, total + 1):
        p = person(rng, _document_type(i))
        ticket = f"26{VENUE['code']}{i:06d}"
        photo = None if i % 150 == 149 else f"photos/{ticket}.jpg"  # a few registered without a photo
        if photo:
            photos[photo] = portrait(rng, p.gender.value == "female")
        candidates.append({"ticket_number": ticket, "name": p.name, "gender": p.gender.value,
                           "document_type": p.document_type.value, "document_number": p.document_number,
                           "phone": phone(rng) if rng.random() < 0.85 else None, "photo": photo})
    order: list[str] = [c["ticket_number"] for c in candidates]
    rng.shuffle(order)
    assignments = []
    for k, sitting in enumerate(sittings):
        # Overlapping windows over the shuffled list: every candidate sits at least one subject.
        start = k * total // 4
        chosen = [order[(start + j) % total] for j in range(candidates_per_sitting)]
        rng.shuffle(chosen)  # the province's random seat draw (art. 20(一))
        for j, ticket in enumerate(chosen):
            assignments.append({"ticket_number": ticket, "sitting": sitting["code"],
                                "room": room_codes[j // seats_per_room], "seat": j % seats_per_room + 1})
    staff = _staff(rng, VENUE["code"], rooms)
    invigilators = [s["staff_number"] for s in staff if s["role"] == Role.INVIGILATOR.value]
    relations = [{"staff_number": s, "ticket_number": t, "relation": rng.choice(RELATIONS)}
                 for s, t in zip(rng.sample(invigilators, max(1, rooms // 8)),
                                 rng.sample(order, max(1, rooms // 8)), strict=True)]
    return {"exam": dict(EXAM), "venue": dict(VENUE), "sittings": sittings, "rooms": room_rows,
            "candidates": candidates, "seat_assignments": assignments, "staff": staff,
            "staff_relations": relations, "custody_items": _custody(rng, sittings, room_codes, seats_per_room)}, photos


def _custody(rng: random.Random, sittings: list[dict[str, Any]], rooms: list[str], seats: int) -> list[dict[str, Any]]:
    items = []

    def item(kind: str, sitting: str, room: str | None, count: int, tag: str) -> None:
        items.append({"barcode": f"26{sitting}{room or 'SP'}{tag}{rng.randrange(10**6):06d}", "kind": kind,
                      "seal_number": f"F{rng.randrange(10**8):08d}", "expected_count": count, "sitting": sitting,
                      "room": room})

    for s in sittings:
        code = s["code"]
        if s["mode"] == "computer":
            for room in rooms:  # the paper for computer-based rooms arrives on disc (art. 24)
                item("disc", code, room, 1, "D")
            item("disc", code, None, 1, "D")  # the spare disc
            continue
        for room in rooms:
            item("question_papers", code, room, seats, "Q")
            item("answer_sheets", code, room, seats, "A")
        item("question_papers", code, None, 5, "Q")  # the spare papers kept in the exam office
    return items


def make_demo(
    out: Path, *, seed: int = 2026, rooms: int = 30, seats_per_room: int = 30, candidates_per_sitting: int = 900,
    revision: int = 1, signing_key: Ed25519PrivateKey | None = None, key_id: str = DEMO_KEY_ID,
    first_start: datetime | None = None,
) -> Path:
    """Write the signed demo package to `out` (e.g. demo.vopkg) and return its path."""
    data, photos = demo_content(seed, rooms, seats_per_room, candidates_per_sitting, first_start)
    created = datetime(2026, 10, 20, 10, 0, tzinfo=SHANGHAI)
    return write_package(out, data, photos, revision=revision, created_at=created,
                         signing_key=signing_key or demo_private_key(), key_id=key_id)
