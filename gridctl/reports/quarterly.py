"""The figures of the quarterly report for the group leaders' meeting (组长季度工作例会): each
month of the quarter, the quarter, and the quarter before it to compare with."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from gridctl.dates import Period, previous
from gridctl.reports.monthly import MonthlyData, monthly_data
from gridctl.work.schedule import due_rows


@dataclass(frozen=True, slots=True)
class QuarterlyData:
    """The quarter's figures, month by month and whole, the quarter before, and how many
    enterprises are overdue for a visit on the quarter's report day."""

    period: Period
    months: list[MonthlyData]
    quarter: MonthlyData
    before: MonthlyData
    overdue: int


@dataclass(frozen=True, slots=True)
class Best:
    """The highest figure and who has it; ties share the place, names joined."""

    names: str
    value: float


def quarterly_data(session: Session, *, period: Period, today: date | None = None) -> QuarterlyData:
    """The quarter's figures as of `today` (its last day once it is over)."""
    made = today or date.today()
    quarter = monthly_data(session, period=period, today=made)
    return QuarterlyData(
        period=period,
        months=[monthly_data(session, period=m, today=made) for m in period.months()],
        quarter=quarter,
        before=monthly_data(session, period=previous(period), today=made),
        overdue=len(due_rows(session, as_of=quarter.as_of)),
    )


def best(scored: Sequence[tuple[str, float | None]]) -> Best | None:
    """The highest of the (name, figure) pairs; None when no figure is above zero."""
    found = [(name, value) for name, value in scored if value]
    if not found:
        return None
    top = max(value for _, value in found if value is not None)
    return Best("、".join(name for name, value in found if value == top), top)
