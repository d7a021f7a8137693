"""Points: completed welfare claims can earn points in the activities area

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-24

A rule `welfare` in the rules file gives a completed public-welfare claim points in the
activities area (the park's scheme: claims feed the activities area where the rules say so), so
point_entry's record_type also allows 'welfare'. Points sync range-scans the claims by
completion date: welfare_claim.completed_on is indexed, as every other source's date is.
On SQLite the CHECK is changed by batch mode (the table is copied; gridctl init runs it with
foreign keys off, because a batch copy with them on deletes the child rows).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD = "record_type IN ('visit', 'problem', 'activity', 'award')"
NEW = "record_type IN ('visit', 'problem', 'activity', 'award', 'welfare')"


def _record_types(condition: str) -> None:
    with op.batch_alter_table("point_entry", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_point_entry_record_type"), type_="check")
        batch_op.create_check_constraint(op.f("ck_point_entry_record_type"), condition)


def upgrade() -> None:
    _record_types(NEW)
    op.create_index(op.f("ix_welfare_claim_completed_on"), "welfare_claim", ["completed_on"])


def downgrade() -> None:
    op.drop_index(op.f("ix_welfare_claim_completed_on"), table_name="welfare_claim")
    op.execute("DELETE FROM point_entry WHERE record_type = 'welfare'")
    _record_types(OLD)
