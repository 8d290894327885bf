"""the audit trail anchored outside its own table (issue 13)

Signed checkpoints (append-only like the events), the outbox's tie to the audit event that created
each row, and SQLite's guard against INSERT OR REPLACE, which passed the UPDATE/DELETE triggers.

Revision ID: 0007
Revises: 0006
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

AUDIT_REFUSAL = "audit_event is append-only"
CHECKPOINT_REFUSAL = "audit_checkpoint is append-only"


def upgrade() -> None:
    op.create_table(
        "audit_checkpoint",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("at_utc", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("signature", sa.String(length=128), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_checkpoint")),
    )
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("audit_seq", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("audit_hash", sa.String(length=64), nullable=True))
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        # REPLACE deletes the conflicting row without firing DELETE triggers (recursive_triggers is
        # off), so an INSERT that would collide with a stored event is refused before it happens.
        op.execute(
            "CREATE TRIGGER audit_event_no_replace BEFORE INSERT ON audit_event "
            "WHEN EXISTS (SELECT 1 FROM audit_event WHERE seq = NEW.seq OR id = NEW.id OR hash = NEW.hash) "
            f"BEGIN SELECT RAISE(ABORT, '{AUDIT_REFUSAL}'); END"
        )
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_checkpoint_no_{verb.lower()} BEFORE {verb} ON audit_checkpoint "
                f"BEGIN SELECT RAISE(ABORT, '{CHECKPOINT_REFUSAL}'); END"
            )
        op.execute(
            "CREATE TRIGGER audit_checkpoint_no_replace BEFORE INSERT ON audit_checkpoint "
            "WHEN EXISTS (SELECT 1 FROM audit_checkpoint WHERE seq = NEW.seq) "
            f"BEGIN SELECT RAISE(ABORT, '{CHECKPOINT_REFUSAL}'); END"
        )
    else:
        # PostgreSQL has no REPLACE; ON CONFLICT DO UPDATE fires the UPDATE trigger and is refused.
        op.execute(
            "CREATE TRIGGER audit_checkpoint_no_change BEFORE UPDATE OR DELETE ON audit_checkpoint "
            "FOR EACH ROW EXECUTE FUNCTION audit_event_refuse()"
        )
        op.execute(
            "CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint "
            "FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse()"
        )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for name in ("audit_event_no_replace", "audit_checkpoint_no_update", "audit_checkpoint_no_delete",
                     "audit_checkpoint_no_replace"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("audit_hash")
        batch.drop_column("audit_seq")
    op.drop_table("audit_checkpoint")
