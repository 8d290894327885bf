"""Every table of the venue database, for Alembic and for the schema-drift test.

Each feature keeps its tables in its own module (`models_<feature>.py`); list it here."""

from __future__ import annotations

from app.db import models, models_checkin, models_control, models_custody, models_incidents, models_sync

metadata = models.Base.metadata
MODULES = (models, models_checkin, models_control, models_custody, models_incidents, models_sync)
