"""Tables of the points scheme (量化积分): activities, effectiveness awards, point entries,
manual adjustments.

Point entries are derived from the records (visits, problems, activities, awards) by
gridctl.points.derive; each names the rule and the record that earned it. Adjustments are
typed by the station, with a reason, who and when, and sit beside them.
"""

import datetime as dt
from decimal import Decimal

from sqlalchemy import CheckConstraint, Column, Index, Numeric, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from gridctl.ledger.models.registers import _in

AREAS = ["problems", "activities", "effectiveness"]
ACTIVITY_KINDS = [
    "theme-day",
    "lecture",
    "training",
    "joint-building",
    "public-welfare",
    "volunteer",
    "other",
]


def _points_column() -> Column[Decimal]:
    # Exact decimal points (half points exist); never float.
    return Column(Numeric(10, 2), nullable=False)


class Activity(SQLModel, table=True):
    """An activity a supervisor organised (组织开展活动), with enterprises or on its own."""

    __tablename__ = "activity"
    __table_args__ = (
        CheckConstraint(_in("kind", ACTIVITY_KINDS), name="kind"),
        CheckConstraint("participants IS NULL OR participants >= 0", name="participants"),
        UniqueConstraint("supervisor_id", "date", "title"),
    )

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=300)
    supervisor_id: int = Field(foreign_key="supervisor.id", index=True)
    date: dt.date = Field(index=True)
    kind: str = Field(default="other", max_length=32)
    participants: int | None = Field(default=None)
    source: str = Field(default="cli", max_length=300)
    recorded_at: dt.datetime = Field(default_factory=lambda: dt.datetime.now(dt.UTC))


class ActivityEnterprise(SQLModel, table=True):
    """An enterprise taking part in an activity."""

    __tablename__ = "activity_enterprise"

    activity_id: int = Field(foreign_key="activity.id", primary_key=True)
    enterprise_id: int = Field(foreign_key="enterprise.id", primary_key=True, index=True)


class EffectivenessAward(SQLModel, table=True):
    """A result the station credits to a supervisor (党建工作成效): a party organisation
    founded, an enterprise commended... Its points come from the rules, not from here."""

    __tablename__ = "effectiveness_award"

    id: int | None = Field(default=None, primary_key=True)
    supervisor_id: int = Field(foreign_key="supervisor.id", index=True)
    kind: str = Field(max_length=32)
    date: dt.date = Field(index=True)
    enterprise_id: int | None = Field(default=None, foreign_key="enterprise.id")
    reason: str = Field(sa_column=Column(Text, nullable=False))
    recorded_by: str = Field(max_length=100)
    recorded_at: dt.datetime = Field(default_factory=lambda: dt.datetime.now(dt.UTC))


# What earns points (revision 0009 added completed welfare claims).
RECORD_TYPES = ["visit", "problem", "activity", "award", "welfare"]


class PointEntry(SQLModel, table=True):
    """Points one record earned under one rule (derived; recomputable from the records)."""

    __tablename__ = "point_entry"
    __table_args__ = (
        CheckConstraint(_in("area", AREAS), name="area"),
        CheckConstraint(_in("record_type", RECORD_TYPES), name="record_type"),
        # One entry per rule per record: sync can run again and add nothing. Also the index
        # sync's anti-join probes for every record it looks at.
        UniqueConstraint("rule", "record_id"),
        # Revision 0006 (bench/points.py): a period's totals read this index alone (no table
        # rows), and `points explain` finds one supervisor's entries of a period directly.
        Index(
            "ix_point_entry_date_supervisor_id_area_points",
            "date",
            "supervisor_id",
            "area",
            "points",
        ),
        Index("ix_point_entry_supervisor_id_date", "supervisor_id", "date"),
    )

    id: int | None = Field(default=None, primary_key=True)
    supervisor_id: int = Field(foreign_key="supervisor.id")
    # The day the record earned it (visit date, problem opened or solved, ...).
    date: dt.date = Field(index=True)
    area: str = Field(max_length=16)
    # The rule: visit, problem-collected, problem-solved, activity, award.
    rule: str = Field(max_length=32)
    # The rule set used: its `effective` date in the rules file.
    rule_set: dt.date
    record_type: str = Field(max_length=16)
    record_id: int
    points: Decimal = Field(sa_column=_points_column())
    # The cap window this entry counts against (rule:supervisor:window), if the rule has one.
    cap_key: str | None = Field(default=None, max_length=100, index=True)
    # Why the points differ from the rule's (e.g. "capped"), for `points explain`.
    note: str | None = Field(default=None, max_length=200)
    derived_at: dt.datetime = Field(default_factory=lambda: dt.datetime.now(dt.UTC))


class PointAdjustment(SQLModel, table=True):
    """A manual adjustment by the station: reason required, who and when recorded."""

    __tablename__ = "point_adjustment"
    __table_args__ = (
        CheckConstraint(_in("area", AREAS), name="area"),
        CheckConstraint("points <> 0", name="points_not_zero"),
    )

    id: int | None = Field(default=None, primary_key=True)
    supervisor_id: int = Field(foreign_key="supervisor.id", index=True)
    # The day it counts on (which month and quarter it falls in).
    date: dt.date = Field(index=True)
    area: str = Field(max_length=16)
    points: Decimal = Field(sa_column=_points_column())
    reason: str = Field(sa_column=Column(Text, nullable=False))
    recorded_by: str = Field(max_length=100)
    recorded_at: dt.datetime = Field(default_factory=lambda: dt.datetime.now(dt.UTC))
