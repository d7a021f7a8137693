"""Points scheme: activities, effectiveness awards, point entries, adjustments (issue 4)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

AREAS = "area IN ('problems', 'activities', 'effectiveness')"


def upgrade() -> None:
    op.create_table(
        "activity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("supervisor_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("participants", sa.Integer(), nullable=True),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "kind IN ('theme-day', 'lecture', 'training', 'joint-building', 'public-welfare', "
            "'volunteer', 'other')",
            name=op.f("ck_activity_kind"),
        ),
        sa.CheckConstraint(
            "participants IS NULL OR participants >= 0", name=op.f("ck_activity_participants")
        ),
        sa.ForeignKeyConstraint(
            ["supervisor_id"], ["supervisor.id"], name=op.f("fk_activity_supervisor_id_supervisor")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity")),
        sa.UniqueConstraint(
            "supervisor_id", "date", "title", name=op.f("uq_activity_supervisor_id_date_title")
        ),
    )
    op.create_index(op.f("ix_activity_date"), "activity", ["date"])
    op.create_index(op.f("ix_activity_supervisor_id"), "activity", ["supervisor_id"])

    op.create_table(
        "activity_enterprise",
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("enterprise_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activity.id"],
            name=op.f("fk_activity_enterprise_activity_id_activity"),
        ),
        sa.ForeignKeyConstraint(
            ["enterprise_id"],
            ["enterprise.id"],
            name=op.f("fk_activity_enterprise_enterprise_id_enterprise"),
        ),
        sa.PrimaryKeyConstraint(
            "activity_id", "enterprise_id", name=op.f("pk_activity_enterprise")
        ),
    )
    op.create_index(
        op.f("ix_activity_enterprise_enterprise_id"), "activity_enterprise", ["enterprise_id"]
    )

    op.create_table(
        "effectiveness_award",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("supervisor_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("enterprise_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["enterprise_id"],
            ["enterprise.id"],
            name=op.f("fk_effectiveness_award_enterprise_id_enterprise"),
        ),
        sa.ForeignKeyConstraint(
            ["supervisor_id"],
            ["supervisor.id"],
            name=op.f("fk_effectiveness_award_supervisor_id_supervisor"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_effectiveness_award")),
    )
    op.create_index(op.f("ix_effectiveness_award_date"), "effectiveness_award", ["date"])
    op.create_index(
        op.f("ix_effectiveness_award_supervisor_id"), "effectiveness_award", ["supervisor_id"]
    )

    op.create_table(
        "point_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("supervisor_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("area", sa.String(length=16), nullable=False),
        sa.Column("rule", sa.String(length=32), nullable=False),
        sa.Column("rule_set", sa.Date(), nullable=False),
        sa.Column("record_type", sa.String(length=16), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("points", sa.Numeric(10, 2), nullable=False),
        sa.Column("cap_key", sa.String(length=100), nullable=True),
        sa.Column("note", sa.String(length=200), nullable=True),
        sa.Column("derived_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(AREAS, name=op.f("ck_point_entry_area")),
        sa.CheckConstraint(
            "record_type IN ('visit', 'problem', 'activity', 'award')",
            name=op.f("ck_point_entry_record_type"),
        ),
        sa.ForeignKeyConstraint(
            ["supervisor_id"],
            ["supervisor.id"],
            name=op.f("fk_point_entry_supervisor_id_supervisor"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_point_entry")),
        sa.UniqueConstraint("rule", "record_id", name=op.f("uq_point_entry_rule_record_id")),
    )
    op.create_index(op.f("ix_point_entry_cap_key"), "point_entry", ["cap_key"])
    op.create_index(op.f("ix_point_entry_date"), "point_entry", ["date"])
    op.create_index(op.f("ix_point_entry_supervisor_id"), "point_entry", ["supervisor_id"])

    op.create_table(
        "point_adjustment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("supervisor_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("area", sa.String(length=16), nullable=False),
        sa.Column("points", sa.Numeric(10, 2), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(AREAS, name=op.f("ck_point_adjustment_area")),
        sa.CheckConstraint("points <> 0", name=op.f("ck_point_adjustment_points_not_zero")),
        sa.ForeignKeyConstraint(
            ["supervisor_id"],
            ["supervisor.id"],
            name=op.f("fk_point_adjustment_supervisor_id_supervisor"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_point_adjustment")),
    )
    op.create_index(op.f("ix_point_adjustment_date"), "point_adjustment", ["date"])
    op.create_index(
        op.f("ix_point_adjustment_supervisor_id"), "point_adjustment", ["supervisor_id"]
    )


def downgrade() -> None:
    for table in (
        "point_adjustment",
        "point_entry",
        "effectiveness_award",
        "activity_enterprise",
        "activity",
    ):
        op.drop_table(table)
