"""The sentences of `venue-ops sync …`, translated like the GUI's (context "SyncCLI")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def sync_cli_text(key: str) -> str:
    texts = {
        "configured": QCoreApplication.translate("SyncCLI", "Venue {venue} now syncs with {url}."),
        "credential_stored": QCoreApplication.translate(
            "SyncCLI", "The sync credential is stored in this computer's keyring."),
        "status": QCoreApplication.translate(
            "SyncCLI", "Waiting to be sent: {pending} ({kinds}). Last success: {last}. Clock skew: {skew}. "
            "Last error: {error}."),
        "uploaded": QCoreApplication.translate(
            "SyncCLI", "Sent {records} records and {files} files; the province verified the audit trail. "
            "Not accepted: {refused}. Clock skew: {skew}."),
        "uploaded_unverified": QCoreApplication.translate(
            "SyncCLI", "Sent {records} records and {files} files, but the province could NOT verify the audit "
            "trail. Not accepted: {refused}. Clock skew: {skew}."),
        "exported": QCoreApplication.translate(
            "SyncCLI", "Results written to {path}: {records} records, {files} files (encrypted)."),
        "package_fetched": QCoreApplication.translate(
            "SyncCLI", "Exam package revision {rev} downloaded and imported: {candidates} candidates."),
        "package_unchanged": QCoreApplication.translate(
            "SyncCLI", "Exam package revision {rev} is already imported; nothing changed."),
        "credential_prompt": QCoreApplication.translate("SyncCLI", "Sync credential: "),
    }
    return texts[key]
