"""Core ledger: registers and work records

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "grid",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "(level = 1 AND parent_id IS NULL) OR (level = 2 AND parent_id IS NOT NULL)",
            name=op.f("ck_grid_parent_matches_level"),
        ),
        sa.CheckConstraint("level IN (1, 2)", name=op.f("ck_grid_level")),
        sa.ForeignKeyConstraint(["parent_id"], ["grid.id"], name=op.f("fk_grid_parent_id_grid")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_grid")),
        sa.UniqueConstraint("code", name=op.f("uq_grid_code")),
    )
    with op.batch_alter_table("grid", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_grid_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "guidance_group",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("grid_id", sa.Integer(), nullable=True),
        sa.Column("leader_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["grid_id"], ["grid.id"], name=op.f("fk_guidance_group_grid_id_grid")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_guidance_group")),
        sa.UniqueConstraint("name", name=op.f("uq_guidance_group_name")),
    )
    with op.batch_alter_table("guidance_group", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_guidance_group_grid_id"), ["grid_id"], unique=False)

    op.create_table(
        "supervisor",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("phone", sa.String(length=32), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.CheckConstraint("kind IN ('full-time', 'part-time')", name=op.f("ck_supervisor_kind")),
        sa.ForeignKeyConstraint(
            ["group_id"], ["guidance_group.id"], name=op.f("fk_supervisor_group_id_guidance_group")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supervisor")),
        sa.UniqueConstraint("code", name=op.f("uq_supervisor_code")),
    )
    with op.batch_alter_table("supervisor", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_supervisor_group_id"), ["group_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_supervisor_name"), ["name"], unique=False)

    # Groups and supervisors refer to each other: the leader's key comes once both exist.
    with op.batch_alter_table("guidance_group", schema=None) as batch_op:
        batch_op.create_foreign_key(
            "fk_guidance_group_leader_id_supervisor", "supervisor", ["leader_id"], ["id"]
        )

    op.create_table(
        "diary_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("supervisor_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["supervisor_id"],
            ["supervisor.id"],
            name=op.f("fk_diary_entry_supervisor_id_supervisor"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_diary_entry")),
    )
    with op.batch_alter_table("diary_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_diary_entry_date"), ["date"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_diary_entry_supervisor_id"), ["supervisor_id"], unique=False
        )

    op.create_table(
        "enterprise",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("credit_code", sa.String(length=18), nullable=True),
        sa.Column("bad_check_reason", sa.String(length=500), nullable=True),
        sa.Column("grid_id", sa.Integer(), nullable=False),
        sa.Column("chain", sa.String(length=64), nullable=True),
        sa.Column("party_org", sa.String(length=32), nullable=False),
        sa.Column("members", sa.Integer(), nullable=False),
        sa.Column("supervisor_id", sa.Integer(), nullable=True),
        sa.Column("visit_class", sa.String(length=32), nullable=True),
        sa.Column("is_core", sa.Boolean(), nullable=False),
        sa.Column("safety_grid", sa.String(length=32), nullable=True),
        sa.Column("order_grid", sa.String(length=32), nullable=True),
        sa.Column("market_grid", sa.String(length=32), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "party_org IN ('none', 'committee', 'general-branch', 'branch', 'joint-branch')",
            name=op.f("ck_enterprise_party_org"),
        ),
        sa.CheckConstraint(
            "status IN ('active', 'moved', 'closed')", name=op.f("ck_enterprise_status")
        ),
        sa.CheckConstraint(
            "credit_code IS NULL OR length(credit_code) = 18",
            name=op.f("ck_enterprise_credit_code_length"),
        ),
        sa.CheckConstraint("members >= 0", name=op.f("ck_enterprise_members_not_negative")),
        sa.ForeignKeyConstraint(["grid_id"], ["grid.id"], name=op.f("fk_enterprise_grid_id_grid")),
        sa.ForeignKeyConstraint(
            ["supervisor_id"],
            ["supervisor.id"],
            name=op.f("fk_enterprise_supervisor_id_supervisor"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enterprise")),
        sa.UniqueConstraint("credit_code", name=op.f("uq_enterprise_credit_code")),
        sa.UniqueConstraint("name", name=op.f("uq_enterprise_name")),
    )
    with op.batch_alter_table("enterprise", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_enterprise_grid_id"), ["grid_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_enterprise_supervisor_id"), ["supervisor_id"], unique=False
        )

    op.create_table(
        "visit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("supervisor_id", sa.Integer(), nullable=False),
        sa.Column("enterprise_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["enterprise_id"], ["enterprise.id"], name=op.f("fk_visit_enterprise_id_enterprise")
        ),
        sa.ForeignKeyConstraint(
            ["supervisor_id"], ["supervisor.id"], name=op.f("fk_visit_supervisor_id_supervisor")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit")),
        sa.UniqueConstraint(
            "supervisor_id",
            "enterprise_id",
            "date",
            "category",
            name=op.f("uq_visit_supervisor_id_enterprise_id_date_category"),
        ),
    )
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_visit_date"), ["date"], unique=False)
        batch_op.create_index(batch_op.f("ix_visit_enterprise_id"), ["enterprise_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_visit_supervisor_id"), ["supervisor_id"], unique=False)

    op.create_table(
        "problem",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=True),
        sa.Column("enterprise_id", sa.Integer(), nullable=False),
        sa.Column("supervisor_id", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("opened", sa.Date(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("resolution", sa.Text(), nullable=True),
        sa.Column("resolved_by_id", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "(status IN ('solved', 'closed')) = (closed_on IS NOT NULL)",
            name=op.f("ck_problem_closed_when_done"),
        ),
        sa.CheckConstraint(
            "status IN ('open', 'in-progress', 'solved', 'closed')", name=op.f("ck_problem_status")
        ),
        sa.CheckConstraint(
            "closed_on IS NULL OR closed_on >= opened", name=op.f("ck_problem_closed_after_opened")
        ),
        sa.ForeignKeyConstraint(
            ["enterprise_id"], ["enterprise.id"], name=op.f("fk_problem_enterprise_id_enterprise")
        ),
        sa.ForeignKeyConstraint(
            ["resolved_by_id"], ["supervisor.id"], name=op.f("fk_problem_resolved_by_id_supervisor")
        ),
        sa.ForeignKeyConstraint(
            ["supervisor_id"], ["supervisor.id"], name=op.f("fk_problem_supervisor_id_supervisor")
        ),
        sa.ForeignKeyConstraint(["visit_id"], ["visit.id"], name=op.f("fk_problem_visit_id_visit")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_problem")),
    )
    with op.batch_alter_table("problem", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_problem_enterprise_id"), ["enterprise_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_problem_opened"), ["opened"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_problem_supervisor_id"), ["supervisor_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_problem_visit_id"), ["visit_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("problem", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_problem_visit_id"))
        batch_op.drop_index(batch_op.f("ix_problem_supervisor_id"))
        batch_op.drop_index(batch_op.f("ix_problem_opened"))
        batch_op.drop_index(batch_op.f("ix_problem_enterprise_id"))

    op.drop_table("problem")
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_visit_supervisor_id"))
        batch_op.drop_index(batch_op.f("ix_visit_enterprise_id"))
        batch_op.drop_index(batch_op.f("ix_visit_date"))

    op.drop_table("visit")
    with op.batch_alter_table("enterprise", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_enterprise_supervisor_id"))
        batch_op.drop_index(batch_op.f("ix_enterprise_grid_id"))

    op.drop_table("enterprise")
    with op.batch_alter_table("diary_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_diary_entry_supervisor_id"))
        batch_op.drop_index(batch_op.f("ix_diary_entry_date"))

    op.drop_table("diary_entry")
    with op.batch_alter_table("supervisor", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_supervisor_name"))
        batch_op.drop_index(batch_op.f("ix_supervisor_group_id"))

    with op.batch_alter_table("guidance_group", schema=None) as batch_op:
        batch_op.drop_constraint("fk_guidance_group_leader_id_supervisor", type_="foreignkey")
    op.drop_table("supervisor")
    with op.batch_alter_table("guidance_group", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_guidance_group_grid_id"))

    op.drop_table("guidance_group")
    with op.batch_alter_table("grid", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_grid_parent_id"))

    op.drop_table("grid")
