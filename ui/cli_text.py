"""The command line's sentences, translated like the GUI's (context "CLI")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def cli_text(key: str) -> str:
    texts = {
        "demo_written": QCoreApplication.translate("CLI", "Demo exam package written: {path}"),
        "db_revision": QCoreApplication.translate("CLI", "Database is at revision {rev}."),
        "backup_written": QCoreApplication.translate("CLI", "Backup written: {path}"),
        "package_unchanged": QCoreApplication.translate(
            "CLI", "This package (revision {rev}) is already imported; nothing changed."),
        "package_imported": QCoreApplication.translate(
            "CLI", "Imported revision {rev}: {candidates} candidates, {rooms} rooms, {staff} staff."),
        "audit_intact": QCoreApplication.translate("CLI", "Audit trail intact: {n} events."),
        "audit_broken": QCoreApplication.translate("CLI", "Audit trail BROKEN at event {seq}: {problem}"),
        "new_credential": QCoreApplication.translate("CLI", "New credential: "),
        "chief_enrolled": QCoreApplication.translate("CLI", "Chief examiner {number} can now sign in."),
        "restored": QCoreApplication.translate("CLI", "Database restored from {path}."),
        "staff_number_prompt": QCoreApplication.translate("CLI", "Your staff number: "),
        "staff_credential_prompt": QCoreApplication.translate("CLI", "Your credential: "),
        "credential_changed": QCoreApplication.translate("CLI", "Staff member {number} has a new credential."),
        "credential_set": QCoreApplication.translate(
            "CLI", "Credential of staff member {number} set; they must set their own before confirming for others."),
        "activated": QCoreApplication.translate("CLI", "Staff account {number} is active again."),
        "deactivated": QCoreApplication.translate("CLI", "Staff account {number} is deactivated; its sessions have ended."),
    }
    return texts[key]
