"""Park work: meetings, funding, welfare claims, the resource map, chains, brands, belt (issue 7)

Money columns hold whole cents (integers): exact on SQLite and PostgreSQL alike.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "welfare_project",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=64), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_welfare_project")),
        sa.UniqueConstraint("name", name=op.f("uq_welfare_project_name")),
    )
    op.create_table(
        "meeting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=True),
        sa.Column("topics", sa.Text(), nullable=True),
        sa.Column("decisions", sa.Text(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "(kind = 'group-monthly') = (group_id IS NOT NULL)",
            name=op.f("ck_meeting_group_for_group_meeting"),
        ),
        sa.CheckConstraint(
            "kind IN ('group-monthly', 'leader-quarterly', 'joint')", name=op.f("ck_meeting_kind")
        ),
        sa.ForeignKeyConstraint(
            ["group_id"], ["guidance_group.id"], name=op.f("fk_meeting_group_id_guidance_group")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting")),
    )
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meeting_date"), ["date"], unique=False)
        batch_op.create_index(batch_op.f("ix_meeting_group_id"), ["group_id"], unique=False)

    op.create_table(
        "meeting_attendee",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("supervisor_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_meeting_attendee_meeting_id_meeting")
        ),
        sa.ForeignKeyConstraint(
            ["supervisor_id"],
            ["supervisor.id"],
            name=op.f("fk_meeting_attendee_supervisor_id_supervisor"),
        ),
        sa.PrimaryKeyConstraint("meeting_id", "supervisor_id", name=op.f("pk_meeting_attendee")),
    )
    with op.batch_alter_table("meeting_attendee", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_meeting_attendee_supervisor_id"), ["supervisor_id"], unique=False
        )

    op.create_table(
        "belt_site",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("belt", sa.String(length=100), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("enterprise_id", sa.Integer(), nullable=False),
        sa.Column("feature", sa.Text(), nullable=True),
        sa.CheckConstraint("position >= 1", name=op.f("ck_belt_site_position_positive")),
        sa.ForeignKeyConstraint(
            ["enterprise_id"], ["enterprise.id"], name=op.f("fk_belt_site_enterprise_id_enterprise")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_belt_site")),
        sa.UniqueConstraint("belt", "enterprise_id", name=op.f("uq_belt_site_belt_enterprise_id")),
        sa.UniqueConstraint("belt", "position", name=op.f("uq_belt_site_belt_position")),
    )
    with op.batch_alter_table("belt_site", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_belt_site_enterprise_id"), ["enterprise_id"], unique=False
        )

    op.create_table(
        "brand",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("enterprise_id", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("since_year", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["enterprise_id"], ["enterprise.id"], name=op.f("fk_brand_enterprise_id_enterprise")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_brand")),
        sa.UniqueConstraint("name", name=op.f("uq_brand_name")),
    )
    with op.batch_alter_table("brand", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_brand_enterprise_id"), ["enterprise_id"], unique=False)

    op.create_table(
        "chain",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("lead_enterprise_id", sa.Integer(), nullable=True),
        sa.Column("secretary", sa.String(length=100), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["lead_enterprise_id"],
            ["enterprise.id"],
            name=op.f("fk_chain_lead_enterprise_id_enterprise"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chain")),
        sa.UniqueConstraint("code", name=op.f("uq_chain_code")),
    )
    op.create_table(
        "funding_allocation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("enterprise_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("members", sa.Integer(), nullable=False),
        sa.Column("rate_cents", sa.BigInteger(), nullable=False),
        sa.Column("amount_cents", sa.BigInteger(), nullable=False),
        sa.Column("allocated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "amount_cents = members * rate_cents",
            name=op.f("ck_funding_allocation_amount_is_members_x_rate"),
        ),
        sa.CheckConstraint("members >= 0", name=op.f("ck_funding_allocation_members_not_negative")),
        sa.CheckConstraint("rate_cents > 0", name=op.f("ck_funding_allocation_rate_positive")),
        sa.ForeignKeyConstraint(
            ["enterprise_id"],
            ["enterprise.id"],
            name=op.f("fk_funding_allocation_enterprise_id_enterprise"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_funding_allocation")),
        sa.UniqueConstraint(
            "enterprise_id", "year", name=op.f("uq_funding_allocation_enterprise_id_year")
        ),
    )
    with op.batch_alter_table("funding_allocation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_funding_allocation_enterprise_id"), ["enterprise_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_funding_allocation_year"), ["year"], unique=False)

    op.create_table(
        "funding_spending",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("enterprise_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("amount_cents", sa.BigInteger(), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("amount_cents > 0", name=op.f("ck_funding_spending_amount_positive")),
        sa.ForeignKeyConstraint(
            ["enterprise_id"],
            ["enterprise.id"],
            name=op.f("fk_funding_spending_enterprise_id_enterprise"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_funding_spending")),
    )
    with op.batch_alter_table("funding_spending", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_funding_spending_date"), ["date"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_funding_spending_enterprise_id"), ["enterprise_id"], unique=False
        )

    op.create_table(
        "funding_support",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("enterprise_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("amount_cents", sa.BigInteger(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("granted_on", sa.Date(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("amount_cents > 0", name=op.f("ck_funding_support_amount_positive")),
        sa.ForeignKeyConstraint(
            ["enterprise_id"],
            ["enterprise.id"],
            name=op.f("fk_funding_support_enterprise_id_enterprise"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_funding_support")),
    )
    with op.batch_alter_table("funding_support", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_funding_support_enterprise_id"), ["enterprise_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_funding_support_year"), ["year"], unique=False)

    op.create_table(
        "member_count",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("enterprise_id", sa.Integer(), nullable=False),
        sa.Column("members", sa.Integer(), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("members >= 0", name=op.f("ck_member_count_members_not_negative")),
        sa.ForeignKeyConstraint(
            ["enterprise_id"],
            ["enterprise.id"],
            name=op.f("fk_member_count_enterprise_id_enterprise"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member_count")),
        sa.UniqueConstraint(
            "enterprise_id",
            "effective_from",
            name=op.f("uq_member_count_enterprise_id_effective_from"),
        ),
    )
    with op.batch_alter_table("member_count", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_member_count_enterprise_id"), ["enterprise_id"], unique=False
        )

    op.create_table(
        "resource",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("grid_id", sa.Integer(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=True),
        sa.Column("terms", sa.Text(), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "kind IN ('service-centre', 'studio', 'live-stream', 'meeting-room', "
            "'activity-room', 'exhibition', 'other')",
            name=op.f("ck_resource_kind"),
        ),
        sa.CheckConstraint(
            "capacity IS NULL OR capacity >= 1", name=op.f("ck_resource_capacity_positive")
        ),
        sa.ForeignKeyConstraint(["grid_id"], ["grid.id"], name=op.f("fk_resource_grid_id_grid")),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["enterprise.id"], name=op.f("fk_resource_owner_id_enterprise")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resource")),
        sa.UniqueConstraint("name", name=op.f("uq_resource_name")),
    )
    with op.batch_alter_table("resource", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_resource_grid_id"), ["grid_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_resource_owner_id"), ["owner_id"], unique=False)

    op.create_table(
        "welfare_claim",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("enterprise_id", sa.Integer(), nullable=False),
        sa.Column("claimed_on", sa.Date(), nullable=False),
        sa.Column("completed_on", sa.Date(), nullable=True),
        sa.Column("participants", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "(completed_on IS NULL) = (participants IS NULL)",
            name=op.f("ck_welfare_claim_participants_when_done"),
        ),
        sa.CheckConstraint(
            "completed_on IS NULL OR completed_on >= claimed_on",
            name=op.f("ck_welfare_claim_completed_after_claimed"),
        ),
        sa.CheckConstraint(
            "participants IS NULL OR participants >= 1",
            name=op.f("ck_welfare_claim_participants_positive"),
        ),
        sa.ForeignKeyConstraint(
            ["enterprise_id"],
            ["enterprise.id"],
            name=op.f("fk_welfare_claim_enterprise_id_enterprise"),
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["welfare_project.id"],
            name=op.f("fk_welfare_claim_project_id_welfare_project"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_welfare_claim")),
    )
    with op.batch_alter_table("welfare_claim", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_welfare_claim_enterprise_id"), ["enterprise_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_welfare_claim_project_id"), ["project_id"], unique=False
        )

    op.create_table(
        "resource_use",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("resource_id", sa.Integer(), nullable=False),
        sa.Column("enterprise_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("participants", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "participants IS NULL OR participants >= 1",
            name=op.f("ck_resource_use_participants_positive"),
        ),
        sa.ForeignKeyConstraint(
            ["enterprise_id"],
            ["enterprise.id"],
            name=op.f("fk_resource_use_enterprise_id_enterprise"),
        ),
        sa.ForeignKeyConstraint(
            ["resource_id"], ["resource.id"], name=op.f("fk_resource_use_resource_id_resource")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resource_use")),
    )
    with op.batch_alter_table("resource_use", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_resource_use_date"), ["date"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_resource_use_enterprise_id"), ["enterprise_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_resource_use_resource_id"), ["resource_id"], unique=False
        )

    op.create_table(
        "meeting_problem",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("problem_id", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=True),
        sa.Column("outcome_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_meeting_problem_meeting_id_meeting")
        ),
        sa.ForeignKeyConstraint(
            ["problem_id"], ["problem.id"], name=op.f("fk_meeting_problem_problem_id_problem")
        ),
        sa.PrimaryKeyConstraint("meeting_id", "problem_id", name=op.f("pk_meeting_problem")),
    )
    with op.batch_alter_table("meeting_problem", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_meeting_problem_problem_id"), ["problem_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("meeting_problem", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_problem_problem_id"))

    op.drop_table("meeting_problem")
    with op.batch_alter_table("resource_use", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_resource_use_resource_id"))
        batch_op.drop_index(batch_op.f("ix_resource_use_enterprise_id"))
        batch_op.drop_index(batch_op.f("ix_resource_use_date"))

    op.drop_table("resource_use")
    with op.batch_alter_table("welfare_claim", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_welfare_claim_project_id"))
        batch_op.drop_index(batch_op.f("ix_welfare_claim_enterprise_id"))

    op.drop_table("welfare_claim")
    with op.batch_alter_table("resource", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_resource_owner_id"))
        batch_op.drop_index(batch_op.f("ix_resource_grid_id"))

    op.drop_table("resource")
    with op.batch_alter_table("member_count", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_member_count_enterprise_id"))

    op.drop_table("member_count")
    with op.batch_alter_table("funding_support", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_funding_support_year"))
        batch_op.drop_index(batch_op.f("ix_funding_support_enterprise_id"))

    op.drop_table("funding_support")
    with op.batch_alter_table("funding_spending", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_funding_spending_enterprise_id"))
        batch_op.drop_index(batch_op.f("ix_funding_spending_date"))

    op.drop_table("funding_spending")
    with op.batch_alter_table("funding_allocation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_funding_allocation_year"))
        batch_op.drop_index(batch_op.f("ix_funding_allocation_enterprise_id"))

    op.drop_table("funding_allocation")
    op.drop_table("chain")
    with op.batch_alter_table("brand", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_brand_enterprise_id"))

    op.drop_table("brand")
    with op.batch_alter_table("belt_site", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_belt_site_enterprise_id"))

    op.drop_table("belt_site")
    with op.batch_alter_table("meeting_attendee", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_attendee_supervisor_id"))

    op.drop_table("meeting_attendee")
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_group_id"))
        batch_op.drop_index(batch_op.f("ix_meeting_date"))

    op.drop_table("meeting")
    op.drop_table("welfare_project")
