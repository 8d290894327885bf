"""custody handovers and the secure paper room (issue 6)

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('custody_reconciliation',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('desk', sa.String(length=64), nullable=False),
    sa.Column('staff_id', sa.Uuid(), nullable=True),
    sa.Column('staff_name', sa.String(length=100), nullable=False),
    sa.Column('received', sa.Integer(), nullable=False),
    sa.Column('accounted', sa.Integer(), nullable=False),
    sa.Column('complete', sa.Boolean(), nullable=False),
    sa.Column('detail_json', sa.Text(), nullable=False),
    sa.Column('retention_class', sa.Enum('room_record_6m', 'video_6m', 'paper_room_video_90d', 'serious_2y', 'electronic_5y', name='retentionclass', native_enum=False, length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_custody_reconciliation'))
    )
    op.create_table('paper_room_duty_gap',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('on_duty', sa.Integer(), nullable=False),
    sa.Column('items_in_room', sa.Integer(), nullable=False),
    sa.Column('retention_class', sa.Enum('room_record_6m', 'video_6m', 'paper_room_video_90d', 'serious_2y', 'electronic_5y', name='retentionclass', native_enum=False, length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_paper_room_duty_gap'))
    )
    op.create_index(op.f('ix_paper_room_duty_gap_started_at'), 'paper_room_duty_gap', ['started_at'], unique=False)
    op.create_table('paper_room_event',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('camera', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('snapshot_path', sa.String(length=500), nullable=False),
    sa.Column('alert', sa.Boolean(), nullable=False),
    sa.Column('retention_class', sa.Enum('room_record_6m', 'video_6m', 'paper_room_video_90d', 'serious_2y', 'electronic_5y', name='retentionclass', native_enum=False, length=32), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_paper_room_event')),
    sa.UniqueConstraint('id', name=op.f('uq_paper_room_event_id'))
    )
    op.create_index(op.f('ix_paper_room_event_at'), 'paper_room_event', ['at'], unique=False)
    op.create_table('paper_room_evidence',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('camera', sa.String(length=64), nullable=True),
    sa.Column('start_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('end_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('marked_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('staff_id', sa.Uuid(), nullable=True),
    sa.Column('staff_name', sa.String(length=100), nullable=False),
    sa.Column('retention_class', sa.Enum('room_record_6m', 'video_6m', 'paper_room_video_90d', 'serious_2y', 'electronic_5y', name='retentionclass', native_enum=False, length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_paper_room_evidence'))
    )
    op.create_table('paper_room_segment',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('camera', sa.String(length=64), nullable=False),
    sa.Column('path', sa.String(length=500), nullable=False),
    sa.Column('start_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('end_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('frames', sa.Integer(), nullable=False),
    sa.Column('bytes', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('retention_class', sa.Enum('room_record_6m', 'video_6m', 'paper_room_video_90d', 'serious_2y', 'electronic_5y', name='retentionclass', native_enum=False, length=32), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_paper_room_segment')),
    sa.UniqueConstraint('path', name=op.f('uq_paper_room_segment_path'))
    )
    op.create_index(op.f('ix_paper_room_segment_camera'), 'paper_room_segment', ['camera'], unique=False)
    op.create_index(op.f('ix_paper_room_segment_start_at'), 'paper_room_segment', ['start_at'], unique=False)
    op.create_table('paper_room_duty',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('staff_id', sa.Uuid(), nullable=False),
    sa.Column('staff_name', sa.String(length=100), nullable=False),
    sa.Column('on_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('off_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('desk', sa.String(length=64), nullable=False),
    sa.Column('retention_class', sa.Enum('room_record_6m', 'video_6m', 'paper_room_video_90d', 'serious_2y', 'electronic_5y', name='retentionclass', native_enum=False, length=32), nullable=False),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_paper_room_duty_staff_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_paper_room_duty'))
    )
    op.create_index(op.f('ix_paper_room_duty_staff_id'), 'paper_room_duty', ['staff_id'], unique=False)
    op.create_table('custody_handover',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('sitting_id', sa.Uuid(), nullable=True),
    sa.Column('from_place', sa.String(length=40), nullable=False),
    sa.Column('to_place', sa.String(length=40), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('desk', sa.String(length=64), nullable=False),
    sa.Column('recorded_by_id', sa.Uuid(), nullable=True),
    sa.Column('recorded_by_name', sa.String(length=100), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('discrepancy_json', sa.Text(), nullable=False),
    sa.Column('incident_id', sa.Uuid(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('retention_class', sa.Enum('room_record_6m', 'video_6m', 'paper_room_video_90d', 'serious_2y', 'electronic_5y', name='retentionclass', native_enum=False, length=32), nullable=False),
    sa.ForeignKeyConstraint(['incident_id'], ['incident.id'], name=op.f('fk_custody_handover_incident_id_incident')),
    sa.ForeignKeyConstraint(['sitting_id'], ['sitting.id'], name=op.f('fk_custody_handover_sitting_id_sitting')),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_custody_handover')),
    sa.UniqueConstraint('id', name=op.f('uq_custody_handover_id'))
    )
    op.create_index(op.f('ix_custody_handover_at'), 'custody_handover', ['at'], unique=False)
    op.create_table('custody_handover_line',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('handover_id', sa.Uuid(), nullable=False),
    sa.Column('item_id', sa.Uuid(), nullable=True),
    sa.Column('barcode', sa.String(length=64), nullable=False),
    sa.Column('expected', sa.Boolean(), nullable=False),
    sa.Column('present', sa.Boolean(), nullable=False),
    sa.Column('counted', sa.Integer(), nullable=True),
    sa.Column('seal_intact', sa.Boolean(), nullable=True),
    sa.Column('seal_number_seen', sa.String(length=64), nullable=False),
    sa.Column('problems', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['handover_id'], ['custody_handover.id'], name=op.f('fk_custody_handover_line_handover_id_custody_handover')),
    sa.ForeignKeyConstraint(['item_id'], ['custody_item.id'], name=op.f('fk_custody_handover_line_item_id_custody_item')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_custody_handover_line')),
    sa.UniqueConstraint('handover_id', 'barcode', name=op.f('uq_custody_handover_line_handover_id_barcode'))
    )
    op.create_index(op.f('ix_custody_handover_line_handover_id'), 'custody_handover_line', ['handover_id'], unique=False)
    op.create_index(op.f('ix_custody_handover_line_item_id'), 'custody_handover_line', ['item_id'], unique=False)
    op.create_table('custody_signer',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('handover_id', sa.Uuid(), nullable=False),
    sa.Column('side', sa.String(length=10), nullable=False),
    sa.Column('staff_id', sa.Uuid(), nullable=False),
    sa.Column('staff_number', sa.String(length=32), nullable=False),
    sa.Column('staff_name', sa.String(length=100), nullable=False),
    sa.Column('confirmed_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['handover_id'], ['custody_handover.id'], name=op.f('fk_custody_signer_handover_id_custody_handover')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_custody_signer_staff_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_custody_signer')),
    sa.UniqueConstraint('handover_id', 'staff_id', name=op.f('uq_custody_signer_handover_id_staff_id'))
    )
    op.create_index(op.f('ix_custody_signer_handover_id'), 'custody_signer', ['handover_id'], unique=False)


def downgrade() -> None:
    # Children before the tables they refer to; their indexes go with them.
    for table in (
        "custody_handover_line",
        "custody_signer",
        "custody_handover",
        "custody_reconciliation",
        "paper_room_duty",
        "paper_room_duty_gap",
        "paper_room_segment",
        "paper_room_evidence",
        "paper_room_event",
    ):
        op.drop_table(table)
