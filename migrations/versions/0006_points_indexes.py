"""Points at scale: indexes for period reads and the problems solved in a period

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25

- ix_point_entry_date_supervisor_id_area_points: a period's totals (standings, subsidy,
  notice) are summed from this index alone, without reading table rows;
- ix_point_entry_supervisor_id_date replaces ix_point_entry_supervisor_id (its prefix still
  serves the foreign key): `points explain SUPERVISOR --month M`;
- ix_problem_closed_on: sync of a period finds the problems solved in it by range.
See gridctl/points/scoring.py and bench/points.py.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        op.f("ix_point_entry_date_supervisor_id_area_points"),
        "point_entry",
        ["date", "supervisor_id", "area", "points"],
    )
    op.create_index(
        op.f("ix_point_entry_supervisor_id_date"), "point_entry", ["supervisor_id", "date"]
    )
    op.drop_index(op.f("ix_point_entry_supervisor_id"), table_name="point_entry")
    op.create_index(op.f("ix_problem_closed_on"), "problem", ["closed_on"])


def downgrade() -> None:
    op.drop_index(op.f("ix_problem_closed_on"), table_name="problem")
    op.create_index(op.f("ix_point_entry_supervisor_id"), "point_entry", ["supervisor_id"])
    op.drop_index(op.f("ix_point_entry_supervisor_id_date"), table_name="point_entry")
    op.drop_index(op.f("ix_point_entry_date_supervisor_id_area_points"), table_name="point_entry")
