"""Translated labels of the incident categories of `app.rules.misconduct` (context "Misconduct")."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

LABELS: dict[str, str] = {
    "art6.1": QT_TRANSLATE_NOOP("Misconduct", "Art. 6(1) phone or forbidden item at the seat, not corrected after a warning"),
    "art6.2": QT_TRANSLATE_NOOP("Misconduct", "Art. 6(2) identity or exam information not filled in after a warning"),
    "art6.3": QT_TRANSLATE_NOOP("Misconduct", "Art. 6(3) own information or marks outside the allowed places"),
    "art6.4": QT_TRANSLATE_NOOP("Misconduct", "Art. 6(4) not in the assigned seat or leaving without permission"),
    "art6.5": QT_TRANSLATE_NOOP("Misconduct", "Art. 6(5) not the required paper and pen, or inconsistent handwriting"),
    "art6.6": QT_TRANSLATE_NOOP("Misconduct", "Art. 6(6) answering before the start or after the end signal"),
    "art6.7": QT_TRANSLATE_NOOP("Misconduct", "Art. 6(7) taking papers or answer sheets out of the room"),
    "art6.8": QT_TRANSLATE_NOOP("Misconduct", "Art. 6(8) damaging papers, answer sheets or exam computers"),
    "art6.9": QT_TRANSLATE_NOOP("Misconduct", "Art. 6(9) not using the exam system as required after a warning"),
    "art6.10": QT_TRANSLATE_NOOP("Misconduct", "Art. 6(10) other"),
    "art7.1": QT_TRANSLATE_NOOP("Misconduct", "Art. 7(1) copying or helping others copy"),
    "art7.2": QT_TRANSLATE_NOOP("Misconduct", "Art. 7(2) passing papers, answer sheets or scratch paper"),
    "art7.3": QT_TRANSLATE_NOOP("Misconduct", "Art. 7(3) sitting with a forged document"),
    "art7.4": QT_TRANSLATE_NOOP("Misconduct", "Art. 7(4) spreading questions or answers before the end"),
    "art7.5": QT_TRANSLATE_NOOP("Misconduct", "Art. 7(5) using a phone or forbidden electronics"),
    "art7.6": QT_TRANSLATE_NOOP("Misconduct", "Art. 7(6) other"),
    "art8.1": QT_TRANSLATE_NOOP("Misconduct", "Art. 8(1) collusion or organised cheating"),
    "art8.2": QT_TRANSLATE_NOOP("Misconduct", "Art. 8(2) sitting for someone else"),
    "art8.3": QT_TRANSLATE_NOOP("Misconduct", "Art. 8(3) other especially serious case"),
    "art9": QT_TRANSLATE_NOOP("Misconduct", "Art. 9 disturbing order or obstructing staff"),
    "identity_mismatch": QT_TRANSLATE_NOOP("Misconduct", "Identity mismatch at check-in"),
    "late_refused": QT_TRANSLATE_NOOP("Misconduct", "Late candidate refused entry"),
    "illness": QT_TRANSLATE_NOOP("Misconduct", "Candidate fell ill"),
    "emergency_exit": QT_TRANSLATE_NOOP("Misconduct", "Emergency exit while sealed"),
    "seat_change": QT_TRANSLATE_NOOP("Misconduct", "Seat change forced by a fault"),
    "paper_error": QT_TRANSLATE_NOOP("Misconduct", "Wrong, missing or extra papers"),
    "seal_broken": QT_TRANSLATE_NOOP("Misconduct", "Seal found broken"),
    "device_failure": QT_TRANSLATE_NOOP("Misconduct", "Computer, camera or monitoring failure"),
    "confiscation": QT_TRANSLATE_NOOP("Misconduct", "Device or material confiscated"),
    "power_network_fire": QT_TRANSLATE_NOOP("Misconduct", "Power, network or fire emergency"),
    "custody_discrepancy": QT_TRANSLATE_NOOP("Misconduct", "Paper custody discrepancy"),
    "paper_leak": QT_TRANSLATE_NOOP("Misconduct", "Leaked papers"),
    "collusion": QT_TRANSLATE_NOOP("Misconduct", "Collusion"),
    "mass_interruption": QT_TRANSLATE_NOOP("Misconduct", "Mass interruption of the exam"),
    "answer_data_loss": QT_TRANSLATE_NOOP("Misconduct", "Batch loss of answer data"),
    "public_opinion": QT_TRANSLATE_NOOP("Misconduct", "Incident damaging public opinion"),
    "other_serious": QT_TRANSLATE_NOOP("Misconduct", "Other serious problem"),
    "other": QT_TRANSLATE_NOOP("Misconduct", "Other incident"),
}


def category_label(code: str) -> str:
    source = LABELS.get(code)
    return QCoreApplication.translate("Misconduct", source) if source else code
