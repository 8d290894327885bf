"""Alembic environment: migrations run on the connection that `app.db.migrate` hands in."""

from __future__ import annotations

from alembic import context

from app.db.schema import metadata

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through app.db.migrate, which supplies the connection")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode rebuilds tables instead
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
