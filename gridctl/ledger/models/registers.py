"""The registers: grids, guidance groups, supervisors, enterprises."""

import datetime as dt
from datetime import UTC, datetime

from sqlalchemy import (
    CheckConstraint,
    Column,
    ForeignKey,
    Integer,
)
from sqlmodel import Field, SQLModel


def _in(column: str, values: list[str]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Grid(SQLModel, table=True):
    """A level-1 grid, or a level-2 grid inside one (its parent)."""

    __tablename__ = "grid"
    __table_args__ = (
        CheckConstraint("level IN (1, 2)", name="level"),
        CheckConstraint(
            "(level = 1 AND parent_id IS NULL) OR (level = 2 AND parent_id IS NOT NULL)",
            name="parent_matches_level",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, max_length=32)
    name: str = Field(max_length=100)
    level: int
    parent_id: int | None = Field(default=None, foreign_key="grid.id", index=True)


class GuidanceGroup(SQLModel, table=True):
    """A guidance group (指导组): works one level-1 grid, led by one of its supervisors."""

    __tablename__ = "guidance_group"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=100)
    grid_id: int | None = Field(default=None, foreign_key="grid.id", index=True)
    # The FK to supervisor is added after that table exists (the two refer to each other).
    leader_id: int | None = Field(
        default=None,
        sa_column=Column(
            Integer,
            ForeignKey(
                "supervisor.id", use_alter=True, name="fk_guidance_group_leader_id_supervisor"
            ),
            nullable=True,
        ),
    )


SUPERVISOR_KINDS = ["full-time", "part-time"]


class Supervisor(SQLModel, table=True):
    """A party-building guidance supervisor (指导员), known by a code since names repeat."""

    __tablename__ = "supervisor"
    __table_args__ = (CheckConstraint(_in("kind", SUPERVISOR_KINDS), name="kind"),)

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, max_length=32)
    name: str = Field(max_length=100, index=True)
    kind: str = Field(default="full-time", max_length=16)
    group_id: int = Field(foreign_key="guidance_group.id", index=True)
    phone: str | None = Field(default=None, max_length=32)
    active: bool = Field(default=True)


PARTY_ORGS = ["none", "committee", "general-branch", "branch", "joint-branch"]
ENTERPRISE_STATUSES = ["active", "moved", "closed"]


class Enterprise(SQLModel, table=True):
    """A non-public enterprise of the park; one file per enterprise hangs off this row."""

    __tablename__ = "enterprise"
    __table_args__ = (
        CheckConstraint(_in("party_org", PARTY_ORGS), name="party_org"),
        CheckConstraint(_in("status", ENTERPRISE_STATUSES), name="status"),
        CheckConstraint("members >= 0", name="members_not_negative"),
        CheckConstraint(
            "credit_code IS NULL OR length(credit_code) = 18", name="credit_code_length"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=200)
    credit_code: str | None = Field(default=None, unique=True, max_length=18)
    # Set when a code failing the GB 32100 check was accepted deliberately: why, and when.
    bad_check_reason: str | None = Field(default=None, max_length=500)
    grid_id: int = Field(foreign_key="grid.id", index=True)
    chain: str | None = Field(default=None, max_length=64)
    party_org: str = Field(default="none", max_length=32)
    members: int = Field(default=0)
    supervisor_id: int | None = Field(default=None, foreign_key="supervisor.id", index=True)
    visit_class: str | None = Field(default=None, max_length=32)
    is_core: bool = Field(default=False)
    # Codes of the same enterprise in the merged grid networks (多网融合).
    safety_grid: str | None = Field(default=None, max_length=32)
    order_grid: str | None = Field(default=None, max_length=32)
    market_grid: str | None = Field(default=None, max_length=32)
    status: str = Field(default="active", max_length=16)
    created_at: datetime = Field(default_factory=lambda: datetime.now(UTC))


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
