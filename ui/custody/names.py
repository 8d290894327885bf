"""Words for custody places, package kinds, problems and alerts, in the user's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.domain import CustodyKind
from app.rules.alerts import Alert
from app.rules.custody import ESCORT, EXAM_OFFICE, SECURE_ROOM, LineProblem, room_code


def place_name(place: str | None) -> str:
    if place is None:
        return QCoreApplication.translate("Custody", "not received")
    code = room_code(place)
    if code is not None:
        return QCoreApplication.translate("Custody", "Room {code}").format(code=code)
    return {
        ESCORT: QCoreApplication.translate("Custody", "Escort (province)"),
        SECURE_ROOM: QCoreApplication.translate("Custody", "Secure paper room"),
        EXAM_OFFICE: QCoreApplication.translate("Custody", "Exam office"),
    }.get(place, place)


def kind_name(kind: CustodyKind | str) -> str:
    return {
        CustodyKind.QUESTION_PAPERS.value: QCoreApplication.translate("Custody", "Question papers"),
        CustodyKind.ANSWER_SHEETS.value: QCoreApplication.translate("Custody", "Answer sheets"),
        CustodyKind.DISC.value: QCoreApplication.translate("Custody", "Disc"),
    }.get(str(kind), str(kind))


def problem_name(problem: LineProblem | str) -> str:
    return {
        LineProblem.MISSING.value: QCoreApplication.translate("Custody", "missing"),
        LineProblem.EXTRA.value: QCoreApplication.translate("Custody", "not expected here"),
        LineProblem.UNKNOWN.value: QCoreApplication.translate("Custody", "unknown barcode"),
        LineProblem.COUNT.value: QCoreApplication.translate("Custody", "wrong count"),
        LineProblem.SEAL_BROKEN.value: QCoreApplication.translate("Custody", "seal broken"),
        LineProblem.SEAL_NUMBER.value: QCoreApplication.translate("Custody", "other seal number"),
    }.get(str(problem), str(problem))


def summarise(problems: list[tuple[str, tuple[LineProblem, ...]]], shown: int = 4) -> str:
    """One short clause per kind of problem: "missing 55: 26S1…, 26S1…, …" (a whole room missing
    must not fill the screen with barcodes)."""
    by_kind: dict[LineProblem, list[str]] = {}
    for code, kinds in problems:
        for kind in kinds:
            by_kind.setdefault(kind, []).append(code)
    clauses = []
    for kind, codes in by_kind.items():
        listed = ", ".join(codes[:shown]) + (", …" if len(codes) > shown else "")
        clauses.append(f"{problem_name(kind)} {len(codes)}: {listed}")
    return "; ".join(clauses)


def camera_event_name(kind: str) -> str:
    return {
        "motion": QCoreApplication.translate("Custody", "motion"),
        "covered": QCoreApplication.translate("Custody", "camera covered"),
        "defocused": QCoreApplication.translate("Custody", "camera out of focus"),
        "moved": QCoreApplication.translate("Custody", "camera moved"),
        "signal_lost": QCoreApplication.translate("Custody", "signal lost"),
        "recovered": QCoreApplication.translate("Custody", "back to normal"),
        "recording_failed": QCoreApplication.translate("Custody", "recording failed"),
    }.get(kind, kind)


def alert_text(a: Alert) -> str:
    """An alert's sentence, translated like an error (context "Errors"), placeholders filled after."""
    params = dict(a.params)
    for key in ("place", "from_place", "to_place", "found_at", "last_known"):
        if key in params and isinstance(params[key], str) and params[key] not in ("", "-"):
            params[key] = place_name(params[key])
    if a.code == "paper_room.tamper":
        params["kind"] = camera_event_name(str(params.get("kind", "")))
    text = QCoreApplication.translate("Errors", a.english)
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        return a.english_text()
