"""The month's records listed in full for the monthly report: every visit (streamed, so a big
ledger's month does not sit in memory) and every problem still open at the month's end."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlmodel import Session, col

from gridctl.dates import Period
from gridctl.ledger.models import Enterprise, GuidanceGroup, Problem, Supervisor, Visit
from gridctl.reports.figures import open_at_end, within
from gridctl.work.problems import OPEN_STATES

# Rows fetched from the database at a time while streaming the visits.
STREAM_BATCH = 5000


@dataclass(frozen=True, slots=True)
class VisitLine:
    """A visit of the period, with who made it and where."""

    id: int
    date: date
    supervisor: str
    supervisor_name: str
    group: str
    enterprise: str
    credit_code: str | None
    category: str | None
    notes: str | None


@dataclass(frozen=True, slots=True)
class OpenProblem:
    """A problem still open at the period's end, with its age on the report's day."""

    id: int
    opened: date
    age_days: int
    status: str
    description: str
    enterprise: str
    supervisor: str
    supervisor_name: str
    group: str


def visit_stream(
    session: Session, *, period: Period, group_id: int | None = None
) -> Iterator[VisitLine]:
    """The period's visits, oldest first, fetched in batches."""
    # SQLAlchemy's select: sqlmodel types selects of at most four columns.
    query = (
        select(
            col(Visit.id),
            col(Visit.date),
            col(Supervisor.code),
            col(Supervisor.name),
            col(GuidanceGroup.name),
            col(Enterprise.name),
            col(Enterprise.credit_code),
            col(Visit.category),
            col(Visit.notes),
        )
        .join(Supervisor, col(Supervisor.id) == col(Visit.supervisor_id))
        .join(GuidanceGroup, col(GuidanceGroup.id) == col(Supervisor.group_id))
        .join(Enterprise, col(Enterprise.id) == col(Visit.enterprise_id))
        .where(within(Visit.date, period))
        .order_by(col(Visit.date), col(Visit.id))
    )
    if group_id is not None:
        query = query.where(col(Supervisor.group_id) == group_id)
    for row in session.execute(query.execution_options(yield_per=STREAM_BATCH)):
        yield VisitLine(*row)


def open_problem_rows(
    session: Session, *, period: Period, as_of: date, group_id: int | None = None
) -> list[OpenProblem]:
    """Problems open at the period's end, oldest first."""
    query = (
        select(
            col(Problem.id),
            col(Problem.opened),
            col(Problem.status),
            col(Problem.description),
            col(Enterprise.name),
            col(Supervisor.code),
            col(Supervisor.name),
            col(GuidanceGroup.name),
        )
        .join(Enterprise, col(Enterprise.id) == col(Problem.enterprise_id))
        .join(Supervisor, col(Supervisor.id) == col(Problem.supervisor_id))
        .join(GuidanceGroup, col(GuidanceGroup.id) == col(Supervisor.group_id))
        .where(open_at_end(period))
        .order_by(col(Problem.opened), col(Problem.id))
    )
    if group_id is not None:
        query = query.where(col(Supervisor.group_id) == group_id)
    return [
        OpenProblem(
            id=pid,
            opened=opened,
            age_days=max((as_of - opened).days, 0),
            # Solved or dropped since the period ended: it was open then.
            status=status if status in OPEN_STATES else "open",
            description=text,
            enterprise=ename,
            supervisor=scode,
            supervisor_name=sname,
            group=gname,
        )
        for pid, opened, status, text, ename, scode, sname, gname in session.execute(query).all()
    ]
