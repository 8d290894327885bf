"""The incident taxonomy: misconduct under 人社部令第31号 arts. 6–9, item by item, and the other
incidents a venue logs (shared reference misconduct.md). A venue records facts; the exam
authority decides. Labels live in the GUI (translated); here is what the rules need.

`serious` marks what arts. 32 and 46 of the exam-administration rules require to be reported
at once (leaks, organised cheating, collusion, mass interruption, batch loss of answer data,
damage to public opinion, other serious problems)."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain import RetentionClass


@dataclass(frozen=True)
class Category:
    code: str  # "art6.1" … "art9", or an other-incident code such as "identity_mismatch"
    article: int | None  # the misconduct article (6–9), None for other incidents
    item: int | None
    serious: bool = False  # art. 32, 46: report now
    needs_signature: bool = False  # misconduct: the candidate signs, or two staff witness a refusal

    @property
    def misconduct(self) -> bool:
        return self.article is not None


def _art(article: int, items: int, serious_items: frozenset[int] = frozenset()) -> list[Category]:
    return [Category(f"art{article}.{i}", article, i, i in serious_items, True) for i in range(1, items + 1)]


MISCONDUCT: tuple[Category, ...] = (
    *_art(6, 10),
    *_art(7, 6),
    # Art. 8(1) colluding or organised cheating is what art. 46 names: report at once.
    *_art(8, 3, frozenset({1, 3})),
    Category("art9", 9, None, False, True),
)

OTHER: tuple[Category, ...] = (
    Category("identity_mismatch", None, None),
    Category("late_refused", None, None),
    Category("illness", None, None),
    Category("emergency_exit", None, None),  # leaving during sealing (art. 30(三))
    Category("seat_change", None, None),  # a computer or paper fault forced a seat change (art. 20(一))
    Category("paper_error", None, None),  # wrong, missing or extra papers
    Category("seal_broken", None, None),
    Category("device_failure", None, None),  # computer, camera, paper-room monitoring
    Category("confiscation", None, None),  # art. 31: a device or material taken away
    Category("power_network_fire", None, None),
    Category("custody_discrepancy", None, None),
    # Art. 32, 46: report at once.
    Category("paper_leak", None, None, True),
    Category("collusion", None, None, True),
    Category("mass_interruption", None, None, True),
    Category("answer_data_loss", None, None, True),
    Category("public_opinion", None, None, True),
    Category("other_serious", None, None, True),
    Category("other", None, None),
)

CATEGORIES: dict[str, Category] = {c.code: c for c in (*MISCONDUCT, *OTHER)}


def category(code: str) -> Category | None:
    return CATEGORIES.get(code)


def is_serious(code: str) -> bool:
    c = CATEGORIES.get(code)
    return bool(c and c.serious)


def retention_for(code: str, serious: bool) -> RetentionClass:
    """Art. 25: serious cases (and misconduct records, which may found a sanction) keep 2 years;
    other incidents are part of the room record (6 months after scores are published)."""
    c = CATEGORIES.get(code)
    if serious or (c is not None and c.misconduct):
        return RetentionClass.SERIOUS
    return RetentionClass.ROOM_RECORD
