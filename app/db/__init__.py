"""The database: models, engines and sessions, migrations. Every session notes what its committed
transactions wrote (`app.db.changes`), so the GUI hears what changed without being told by hand."""

from app.db import changes as _changes  # noqa: F401  (installs the session hooks)
