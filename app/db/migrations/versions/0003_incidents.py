"""incidents and exam-day control (issue 5)

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "incident",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("sitting_id", sa.Uuid(), nullable=True),
        sa.Column("room_id", sa.Uuid(), nullable=True),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("serious", sa.Boolean(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("facts", sa.Text(), nullable=False),
        sa.Column("action_taken", sa.Text(), nullable=False),
        sa.Column("desk", sa.String(length=64), nullable=False),
        sa.Column("recorded_by_id", sa.Uuid(), nullable=True),
        sa.Column("recorded_by_name", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("retention_class", sa.String(length=32), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("confirmed_by_id", sa.Uuid(), nullable=True),
        sa.Column("confirmed_by_name", sa.String(length=100), nullable=True),
        sa.Column("reported_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reported_via", sa.String(length=100), nullable=False),
        sa.Column("reported_to", sa.String(length=200), nullable=False),
        sa.Column("reported_by_name", sa.String(length=100), nullable=True),
        sa.ForeignKeyConstraint(["sitting_id"], ["sitting.id"], name=op.f("fk_incident_sitting_id_sitting")),
        sa.ForeignKeyConstraint(["room_id"], ["room.id"], name=op.f("fk_incident_room_id_room")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident")),
    )
    op.create_table(
        "incident_candidate",
        sa.Column("incident_id", sa.Uuid(), nullable=False),
        sa.Column("candidate_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"], ["incident.id"], name=op.f("fk_incident_candidate_incident_id_incident")
        ),
        sa.ForeignKeyConstraint(
            ["candidate_id"], ["candidate.id"], name=op.f("fk_incident_candidate_candidate_id_candidate")
        ),
        sa.PrimaryKeyConstraint("incident_id", "candidate_id", name=op.f("pk_incident_candidate")),
    )

    op.create_table(
        "incident_signature",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("incident_id", sa.Uuid(), nullable=False),
        sa.Column("candidate_id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("witness1_id", sa.Uuid(), nullable=True),
        sa.Column("witness1_name", sa.String(length=100), nullable=False),
        sa.Column("witness2_id", sa.Uuid(), nullable=True),
        sa.Column("witness2_name", sa.String(length=100), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["incident_id"], ["incident.id"], name=op.f("fk_incident_signature_incident_id_incident")),
        sa.ForeignKeyConstraint(
            ["candidate_id"], ["candidate.id"], name=op.f("fk_incident_signature_candidate_id_candidate")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_signature")),
        sa.UniqueConstraint("incident_id", "candidate_id", name=op.f("uq_incident_signature_incident_id_candidate_id")),
    )
    op.create_index(op.f("ix_incident_signature_incident_id"), "incident_signature", ["incident_id"])
    op.create_table(
        "incident_evidence",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("incident_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("original_name", sa.String(length=255), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("stored_path", sa.Text(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("added_by_name", sa.String(length=100), nullable=False),
        sa.Column("retention_class", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["incident_id"], ["incident.id"], name=op.f("fk_incident_evidence_incident_id_incident")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_evidence")),
        sa.UniqueConstraint("incident_id", "sha256", name=op.f("uq_incident_evidence_incident_id_sha256")),
    )
    op.create_index(op.f("ix_incident_evidence_incident_id"), "incident_evidence", ["incident_id"])
    op.create_table(
        "incident_amendment",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("incident_id", sa.Uuid(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("before_json", sa.Text(), nullable=False),
        sa.Column("after_json", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("by_id", sa.Uuid(), nullable=True),
        sa.Column("by_name", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(["incident_id"], ["incident.id"], name=op.f("fk_incident_amendment_incident_id_incident")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_amendment")),
        sa.UniqueConstraint("incident_id", "revision", name=op.f("uq_incident_amendment_incident_id_revision")),
    )
    op.create_index(op.f("ix_incident_amendment_incident_id"), "incident_amendment", ["incident_id"])
    op.create_table(
        "room_sitting",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("sitting_id", sa.Uuid(), nullable=False),
        sa.Column("room_id", sa.Uuid(), nullable=False),
        sa.Column("room_inspected", sa.Boolean(), nullable=False),
        sa.Column("monitoring_works", sa.Boolean(), nullable=False),
        sa.Column("seal_tested", sa.Boolean(), nullable=True),
        sa.Column("checklist_note", sa.Text(), nullable=False),
        sa.Column("checklist_signed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("checklist_signed_by", sa.String(length=100), nullable=True),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("opened_by", sa.String(length=100), nullable=True),
        sa.Column("collected_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("collected_by", sa.String(length=100), nullable=True),
        sa.Column("record_signed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("retention_class", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["sitting_id"], ["sitting.id"], name=op.f("fk_room_sitting_sitting_id_sitting")),
        sa.ForeignKeyConstraint(["room_id"], ["room.id"], name=op.f("fk_room_sitting_room_id_room")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_room_sitting")),
        sa.UniqueConstraint("sitting_id", "room_id", name=op.f("uq_room_sitting_sitting_id_room_id")),
    )
    op.create_table(
        "candidate_exit",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("sitting_id", sa.Uuid(), nullable=False),
        sa.Column("room_id", sa.Uuid(), nullable=False),
        sa.Column("candidate_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("staff_name", sa.String(length=100), nullable=False),
        sa.Column("incident_id", sa.Uuid(), nullable=True),
        sa.Column("retention_class", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["sitting_id"], ["sitting.id"], name=op.f("fk_candidate_exit_sitting_id_sitting")),
        sa.ForeignKeyConstraint(["room_id"], ["room.id"], name=op.f("fk_candidate_exit_room_id_room")),
        sa.ForeignKeyConstraint(["candidate_id"], ["candidate.id"], name=op.f("fk_candidate_exit_candidate_id_candidate")),
        sa.ForeignKeyConstraint(["incident_id"], ["incident.id"], name=op.f("fk_candidate_exit_incident_id_incident")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_candidate_exit")),
        sa.UniqueConstraint("candidate_id", "sitting_id", name=op.f("uq_candidate_exit_candidate_id_sitting_id")),
    )
    op.create_table(
        "invigilator_draw",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("sitting_id", sa.Uuid(), nullable=False),
        sa.Column("seed", sa.String(length=24), nullable=False),
        sa.Column("inputs_json", sa.Text(), nullable=False),
        sa.Column("inputs_sha256", sa.String(length=64), nullable=False),
        sa.Column("result_json", sa.Text(), nullable=False),
        sa.Column("drawn_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("drawn_by", sa.String(length=100), nullable=False),
        sa.Column("confirmed_by", sa.String(length=100), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("superseded_by_id", sa.Uuid(), nullable=True),
        sa.Column("retention_class", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["sitting_id"], ["sitting.id"], name=op.f("fk_invigilator_draw_sitting_id_sitting")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invigilator_draw")),
    )
    op.create_index(op.f("ix_invigilator_draw_sitting_id"), "invigilator_draw", ["sitting_id"])
    op.create_table(
        "invigilator_assignment",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("draw_id", sa.Uuid(), nullable=False),
        sa.Column("room_id", sa.Uuid(), nullable=False),
        sa.Column("staff_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["draw_id"], ["invigilator_draw.id"], name=op.f("fk_invigilator_assignment_draw_id_invigilator_draw")
        ),
        sa.ForeignKeyConstraint(["room_id"], ["room.id"], name=op.f("fk_invigilator_assignment_room_id_room")),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name=op.f("fk_invigilator_assignment_staff_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invigilator_assignment")),
        sa.UniqueConstraint("draw_id", "staff_id", name=op.f("uq_invigilator_assignment_draw_id_staff_id")),
    )
    op.create_index(op.f("ix_invigilator_assignment_draw_id"), "invigilator_assignment", ["draw_id"])
    op.create_table(
        "room_record_signature",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("sitting_id", sa.Uuid(), nullable=False),
        sa.Column("room_id", sa.Uuid(), nullable=False),
        sa.Column("staff_id", sa.Uuid(), nullable=False),
        sa.Column("staff_name", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["sitting_id"], ["sitting.id"], name=op.f("fk_room_record_signature_sitting_id_sitting")),
        sa.ForeignKeyConstraint(["room_id"], ["room.id"], name=op.f("fk_room_record_signature_room_id_room")),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name=op.f("fk_room_record_signature_staff_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_room_record_signature")),
        sa.UniqueConstraint(
            "sitting_id", "room_id", "staff_id", name=op.f("uq_room_record_signature_sitting_id_room_id_staff_id")
        ),
    )


def downgrade() -> None:
    op.drop_table("room_record_signature")
    op.drop_index(op.f("ix_invigilator_assignment_draw_id"), table_name="invigilator_assignment")
    op.drop_table("invigilator_assignment")
    op.drop_index(op.f("ix_invigilator_draw_sitting_id"), table_name="invigilator_draw")
    op.drop_table("invigilator_draw")
    op.drop_table("candidate_exit")
    op.drop_table("room_sitting")
    op.drop_index(op.f("ix_incident_amendment_incident_id"), table_name="incident_amendment")
    op.drop_table("incident_amendment")
    op.drop_index(op.f("ix_incident_evidence_incident_id"), table_name="incident_evidence")
    op.drop_table("incident_evidence")
    op.drop_index(op.f("ix_incident_signature_incident_id"), table_name="incident_signature")
    op.drop_table("incident_signature")
    op.drop_table("incident_candidate")
    op.drop_table("incident")
