"""Work records: visits, problems, diary entries."""

import datetime as dt

from sqlalchemy import CheckConstraint, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from gridctl.ledger.models.registers import _in


class Visit(SQLModel, table=True):
    """A supervisor's visit to an enterprise; its natural key is who, where, when and what."""

    __tablename__ = "visit"
    __table_args__ = (
        UniqueConstraint("supervisor_id", "enterprise_id", "date", "category"),
        # A period's visits by supervisor and enterprise (reports, subsidies) are read from
        # the index alone; its prefix serves every date-range filter a plain date index did.
        Index(
            "ix_visit_date_supervisor_id_enterprise_id", "date", "supervisor_id", "enterprise_id"
        ),
        # An enterprise's visits by date (revision 0008): its last visit before a day is one
        # index seek (visit due, the reports' overdue lists), not a scan of every visit.
        Index("ix_visit_enterprise_id_date", "enterprise_id", "date"),
    )

    id: int | None = Field(default=None, primary_key=True)
    supervisor_id: int = Field(foreign_key="supervisor.id", index=True)
    enterprise_id: int = Field(foreign_key="enterprise.id")
    date: dt.date
    category: str = Field(default="routine", max_length=32)
    notes: str | None = Field(default=None, sa_type=Text)
    # Where the row came from: "cli", or "import:<file name>".
    source: str = Field(default="cli", max_length=300)
    recorded_at: dt.datetime = Field(default_factory=lambda: dt.datetime.now(dt.UTC))


PROBLEM_STATUSES = ["open", "in-progress", "solved", "closed"]


class Problem(SQLModel, table=True):
    """A problem an enterprise raised, tracked from open to solved (or closed unsolved)."""

    __tablename__ = "problem"
    __table_args__ = (
        CheckConstraint(_in("status", PROBLEM_STATUSES), name="status"),
        CheckConstraint(
            "(status IN ('solved', 'closed')) = (closed_on IS NOT NULL)", name="closed_when_done"
        ),
        CheckConstraint("closed_on IS NULL OR closed_on >= opened", name="closed_after_opened"),
    )

    id: int | None = Field(default=None, primary_key=True)
    visit_id: int | None = Field(default=None, foreign_key="visit.id", index=True)
    enterprise_id: int = Field(foreign_key="enterprise.id", index=True)
    # Who collected it.
    supervisor_id: int = Field(foreign_key="supervisor.id", index=True)
    description: str = Field(sa_type=Text)
    category: str | None = Field(default=None, max_length=32)
    status: str = Field(default="open", max_length=16)
    opened: dt.date = Field(index=True)
    # Indexed (revision 0006): points sync looks up the problems solved in a period.
    closed_on: dt.date | None = Field(default=None, index=True)
    resolution: str | None = Field(default=None, sa_type=Text)
    # Who solved or closed it.
    resolved_by_id: int | None = Field(default=None, foreign_key="supervisor.id")
    recorded_at: dt.datetime = Field(default_factory=lambda: dt.datetime.now(dt.UTC))


class DiaryEntry(SQLModel, table=True):
    """A dated entry of a supervisor's work diary (工作日记) not tied to a visit."""

    __tablename__ = "diary_entry"

    id: int | None = Field(default=None, primary_key=True)
    supervisor_id: int = Field(foreign_key="supervisor.id", index=True)
    date: dt.date = Field(index=True)
    content: str = Field(sa_type=Text)
    recorded_at: dt.datetime = Field(default_factory=lambda: dt.datetime.now(dt.UTC))
