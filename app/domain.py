"""The exam's own vocabulary as enums (glossary: shared reference rules-digest)."""

from __future__ import annotations

import enum


class SittingMode(enum.StrEnum):
    """场次的考试形式."""

    PAPER = "paper"  # 纸笔考试
    COMPUTER = "computer"  # 电子化考试
    AUDIO_VIDEO = "audio_video"  # 语音视频类考试


class RoomKind(enum.StrEnum):
    PAPER = "paper"
    COMPUTER = "computer"
    AUDIO_VIDEO = "audio_video"


class DocumentType(enum.StrEnum):
    """Identity documents accepted at entry (art. 30(一)), with the reader's card-type codes."""

    RESIDENT_ID = "resident_id"  # 居民身份证, card type ' '
    HKMT_PERMIT = "hkmt_permit"  # 港澳台居民居住证, card type 'J'
    FOREIGN_PERMANENT_2017 = "foreign_2017"  # 外国人永久居留身份证 (2017), card type 'I'
    FOREIGN_PERMANENT_2023 = "foreign_2023"  # 外国人永久居留身份证 (2023), card type 'Y'
    SOCIAL_SECURITY = "social_security"  # 社会保障卡


# Names in the venue's official records (incident facts, room records), which are Chinese documents
# whatever language a screen is shown in.
# Keyed by value: the package's document types and what a desk is presented (passports too).
RECORD_NAMES: dict[str, str] = {
    DocumentType.RESIDENT_ID.value: "居民身份证",
    DocumentType.HKMT_PERMIT.value: "港澳台居民居住证",
    DocumentType.FOREIGN_PERMANENT_2017.value: "外国人永久居留身份证",
    DocumentType.FOREIGN_PERMANENT_2023.value: "外国人永久居留身份证",
    DocumentType.SOCIAL_SECURITY.value: "社会保障卡",
    "passport": "护照",
    "driving_licence": "驾驶证",
}


class Gender(enum.StrEnum):
    UNKNOWN = "unknown"
    MALE = "male"
    FEMALE = "female"
    UNSTATED = "unstated"


class Role(enum.StrEnum):
    """Venue roles (art. 18)."""

    CHIEF_EXAMINER = "chief_examiner"  # 主考
    DEPUTY = "deputy"  # 副主考
    INVIGILATOR = "invigilator"  # 监考
    ROVING_INVIGILATOR = "roving_invigilator"  # 流动监考
    SYSTEM_ADMINISTRATOR = "system_administrator"  # 系统管理员
    SECURITY_STAFF = "security_staff"  # 保密室值守


class EmployerType(enum.StrEnum):
    """Where a staff member is employed; art. 20(二) bars volunteers and public recruits from invigilating."""

    CIVIL_SERVICE = "civil_service"  # 机关
    PUBLIC_INSTITUTION = "public_institution"  # 事业单位
    STATE_ENTERPRISE = "state_enterprise"  # 国有企业
    VOLUNTEER = "volunteer"  # 志愿者
    PUBLIC_RECRUITMENT = "public_recruitment"  # 社会招聘


INELIGIBLE_INVIGILATOR_EMPLOYERS = frozenset({EmployerType.VOLUNTEER, EmployerType.PUBLIC_RECRUITMENT})


class CustodyKind(enum.StrEnum):
    QUESTION_PAPERS = "question_papers"  # 试卷袋
    ANSWER_SHEETS = "answer_sheets"  # 答卷袋
    DISC = "disc"  # 光盘


class RetentionClass(enum.StrEnum):
    """How long a record must be kept (art. 25, 29). Nothing is deleted before its class allows."""

    ROOM_RECORD = "room_record_6m"  # answer sheets, room records: 6 months after scores are published
    VIDEO = "video_6m"  # room video: 6 months after the exam
    PAPER_ROOM_VIDEO = "paper_room_video_90d"  # secure-room monitoring: 3 months (art. 22(五))
    SERIOUS = "serious_2y"  # serious cases and video used as evidence: 2 years
    ELECTRONIC = "electronic_5y"  # electronic copies: 5 years
