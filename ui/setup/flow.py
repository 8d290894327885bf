"""Runs the first-run wizard for the composition root and hands back the settings it wrote."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from app.config import Settings
from app.security.keystore import secure_keyring_available
from app.services import setup
from app.services.setup import SetupAnswers, SetupResult
from ui.runner import OpRunner
from ui.setup.wizard import SetupServices, SetupWizard


def _configure_sync(session: Any, actor: Any, desk: str, url: str, venue_code: str, now: Any) -> None:
    """The provincial server's address goes where the sync client reads it (the venue database)."""
    from sync.config import configure

    configure(session, actor, desk, url, venue_code, None, now=now)


def services_for(base: Settings, settings_file: Path, **apply_options: Any) -> SetupServices:
    def apply(answers: SetupAnswers) -> SetupResult:
        return setup.apply_setup(answers, base, settings_file, configure_sync=_configure_sync, **apply_options)

    return SetupServices(
        check_venue=setup.check_venue, check_province=setup.check_province,
        check_chief=functools.partial(setup.check_chief, policy=apply_options.get("policy")),
        postgres_url=setup.postgres_url, check_database=setup.check_database,
        database_state=setup.database_state, apply=apply,
        sqlite_path=str(base.data_dir / "venue.sqlite"), desk_name=base.desk_name,
        keyring_available=base.allow_plaintext_keys or secure_keyring_available(),
    )


def run_setup(translations: Any, base: Settings, settings_file: Path) -> Settings | None:
    """Shows the wizard (the QApplication exists); the new settings, or None when it was cancelled."""
    runner = OpRunner()
    wizard = SetupWizard(runner, services_for(base, settings_file), translations.language)
    wizard.language_requested.connect(translations.apply)
    wizard.exec()
    runner.wait()
    result = wizard.result_value
    return None if result is None else result.settings
