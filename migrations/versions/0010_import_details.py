"""Imports: the log says how a file was read (a CSV's encoding, an xlsx's sheet)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01

A file read in the wrong encoding stores mojibake without a word, so `import log` shows the
encoding a CSV was read as and the sheet an xlsx was read from. Both are nullable: runs logged
before this revision did not record them.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("import_run", schema=None) as batch_op:
        batch_op.add_column(sa.Column("encoding", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("sheet", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("import_run", schema=None) as batch_op:
        batch_op.drop_column("sheet")
        batch_op.drop_column("encoding")
