"""check-in desk: admissions, scans, information-change requests (issue 4)

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('absence',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('candidate_id', sa.Uuid(), nullable=False),
    sa.Column('sitting_id', sa.Uuid(), nullable=False),
    sa.Column('room_id', sa.Uuid(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('desk', sa.String(length=64), nullable=False),
    sa.Column('staff_name', sa.String(length=100), nullable=False),
    sa.Column('retention_class', sa.Enum('room_record_6m', 'video_6m', 'paper_room_video_90d', 'serious_2y', 'electronic_5y', name='retentionclass', native_enum=False, length=32), nullable=False),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidate.id'], name=op.f('fk_absence_candidate_id_candidate')),
    sa.ForeignKeyConstraint(['room_id'], ['room.id'], name=op.f('fk_absence_room_id_room')),
    sa.ForeignKeyConstraint(['sitting_id'], ['sitting.id'], name=op.f('fk_absence_sitting_id_sitting')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_absence')),
    sa.UniqueConstraint('candidate_id', 'sitting_id', name=op.f('uq_absence_candidate_id_sitting_id'))
    )
    op.create_table('admission',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('candidate_id', sa.Uuid(), nullable=False),
    sa.Column('sitting_id', sa.Uuid(), nullable=False),
    sa.Column('room_id', sa.Uuid(), nullable=False),
    sa.Column('seat_number', sa.Integer(), nullable=False),
    sa.Column('admitted_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('desk', sa.String(length=64), nullable=False),
    sa.Column('staff_id', sa.Uuid(), nullable=True),
    sa.Column('staff_name', sa.String(length=100), nullable=False),
    sa.Column('cosigner_id', sa.Uuid(), nullable=True),
    sa.Column('cosigner_name', sa.String(length=100), nullable=True),
    sa.Column('method', sa.String(length=24), nullable=False),
    sa.Column('check_reason', sa.Text(), nullable=False),
    sa.Column('retention_class', sa.Enum('room_record_6m', 'video_6m', 'paper_room_video_90d', 'serious_2y', 'electronic_5y', name='retentionclass', native_enum=False, length=32), nullable=False),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidate.id'], name=op.f('fk_admission_candidate_id_candidate')),
    sa.ForeignKeyConstraint(['room_id'], ['room.id'], name=op.f('fk_admission_room_id_room')),
    sa.ForeignKeyConstraint(['sitting_id'], ['sitting.id'], name=op.f('fk_admission_sitting_id_sitting')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_admission')),
    sa.UniqueConstraint('candidate_id', 'sitting_id', name=op.f('uq_admission_candidate_id_sitting_id'))
    )
    op.create_table('checkin_scan',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('desk', sa.String(length=64), nullable=False),
    sa.Column('staff_id', sa.Uuid(), nullable=True),
    sa.Column('staff_name', sa.String(length=100), nullable=False),
    sa.Column('sitting_id', sa.Uuid(), nullable=False),
    sa.Column('desk_room_id', sa.Uuid(), nullable=True),
    sa.Column('candidate_id', sa.Uuid(), nullable=True),
    sa.Column('ticket_number', sa.String(length=64), nullable=False),
    sa.Column('document_masked', sa.String(length=40), nullable=False),
    sa.Column('inputs', sa.String(length=64), nullable=False),
    sa.Column('verdict', sa.String(length=8), nullable=False),
    sa.Column('reason', sa.String(length=40), nullable=False),
    sa.Column('detail_json', sa.Text(), nullable=False),
    sa.Column('manual_reason', sa.Text(), nullable=False),
    sa.Column('retention_class', sa.Enum('room_record_6m', 'video_6m', 'paper_room_video_90d', 'serious_2y', 'electronic_5y', name='retentionclass', native_enum=False, length=32), nullable=False),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidate.id'], name=op.f('fk_checkin_scan_candidate_id_candidate')),
    sa.ForeignKeyConstraint(['desk_room_id'], ['room.id'], name=op.f('fk_checkin_scan_desk_room_id_room')),
    sa.ForeignKeyConstraint(['sitting_id'], ['sitting.id'], name=op.f('fk_checkin_scan_sitting_id_sitting')),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_checkin_scan')),
    sa.UniqueConstraint('id', name=op.f('uq_checkin_scan_id'))
    )
    op.create_index(op.f('ix_checkin_scan_at'), 'checkin_scan', ['at'], unique=False)
    op.create_index(op.f('ix_checkin_scan_sitting_id'), 'checkin_scan', ['sitting_id'], unique=False)
    op.create_table('info_change_request',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('candidate_id', sa.Uuid(), nullable=False),
    sa.Column('field', sa.String(length=24), nullable=False),
    sa.Column('registered_masked', sa.String(length=100), nullable=False),
    sa.Column('observed_masked', sa.String(length=100), nullable=False),
    sa.Column('observed_enc', sa.LargeBinary(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('requested_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('desk', sa.String(length=64), nullable=False),
    sa.Column('staff_id', sa.Uuid(), nullable=True),
    sa.Column('staff_name', sa.String(length=100), nullable=False),
    sa.Column('cosigner_id', sa.Uuid(), nullable=True),
    sa.Column('cosigner_name', sa.String(length=100), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('retention_class', sa.Enum('room_record_6m', 'video_6m', 'paper_room_video_90d', 'serious_2y', 'electronic_5y', name='retentionclass', native_enum=False, length=32), nullable=False),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidate.id'], name=op.f('fk_info_change_request_candidate_id_candidate')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_info_change_request'))
    )
    with op.batch_alter_table("candidate") as batch:
        batch.add_column(sa.Column("withdrawn", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("candidate") as batch:
        batch.drop_column("withdrawn")
    for table in ("info_change_request", "checkin_scan", "admission", "absence"):
        op.drop_table(table)
