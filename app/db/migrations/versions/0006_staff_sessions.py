"""staff sessions end on deactivation or reset; a reset credential must be replaced (issue 13)

Revision ID: 0006
Revises: 0005
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("staff") as batch:
        batch.add_column(sa.Column("session_epoch", sa.Integer(), server_default="0", nullable=False))
        batch.add_column(sa.Column("credential_reset", sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("staff") as batch:
        batch.drop_column("credential_reset")
        batch.drop_column("session_epoch")
