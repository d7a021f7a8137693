"""The audit trail: one row per change to the registers, points adjustment or import run.

Rows form a hash chain (gridctl/audit.py): `seq` counts 1, 2, 3 ... without gaps, each row
stores the previous row's hash and its own, so an edit, a deletion or an insertion made
behind the tool's back breaks the chain at that row. The database refuses UPDATE and DELETE
on this table (triggers in revision 0005); the chain catches whoever drops the triggers.
"""

from datetime import UTC, datetime

from sqlalchemy import Column, DateTime, Integer, String, Text
from sqlmodel import Field, SQLModel


class AuditEntry(SQLModel, table=True):
    """One recorded change: who, when, which table and key, and the row before and after."""

    __tablename__ = "audit_entry"

    # The position in the chain, assigned by gridctl (previous + 1), not by the database.
    seq: int = Field(sa_column=Column(Integer, primary_key=True, autoincrement=False))
    at: datetime = Field(
        default_factory=lambda: datetime.now(UTC),
        sa_column=Column(DateTime(timezone=True), nullable=False, index=True),
    )
    actor: str = Field(max_length=100)
    # insert, update, delete (registers), adjust (points), import (one per import run).
    action: str = Field(max_length=16)
    table_name: str = Field(max_length=64, index=True)
    row_key: str = Field(max_length=200)
    # Canonical JSON text of the row before and after (None for an insert / a delete).
    before: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    after: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    prev_hash: str = Field(sa_column=Column(String(64), nullable=False))
    hash: str = Field(sa_column=Column(String(64), nullable=False, unique=True))
