"""The figures of the monthly report for a guidance group's meeting (指导组月度例会): per
supervisor, per group and for all groups, with the points scheme's columns."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlmodel import Session

from gridctl.dates import Period
from gridctl.ledger.models import GuidanceGroup
from gridctl.registers.lookup import find_group
from gridctl.reports import figures as fig
from gridctl.reports.points_figures import points_link, with_points


@dataclass(frozen=True, slots=True)
class MonthlyData:
    """A period's figures as of a day (its last, or today while it runs), made on `made`."""

    period: Period
    as_of: date
    made: date
    group: GuidanceGroup | None
    supervisors: list[fig.SupervisorFigures]
    groups: list[fig.GroupFigures]
    totals: fig.ParkFigures


@dataclass(frozen=True, slots=True)
class SummaryLine:
    """A group's line of the summary, as the command prints it (a table or JSON)."""

    group: str
    supervisors: int
    enterprises: int
    visited: int
    coverage: float | None
    visits: int
    problems_raised: int
    problems_solved: int
    problems_open: int
    activities: int
    points: Decimal


def monthly_data(
    session: Session, *, period: Period, group: str | None = None, today: date | None = None
) -> MonthlyData:
    """The period's figures, for one group (by name) or all of them."""
    made = today or date.today()
    team = find_group(session, group) if group else None
    gid = team.id if team else None
    people = fig.supervisor_figures(session, period=period, group_id=gid)
    points = points_link(session, period=period, group=team.name if team else None)
    people = with_points(people, points)
    groups = fig.group_figures(session, period=period, group_id=gid, supervisors=people)
    return MonthlyData(
        period=period,
        as_of=fig.as_of_for(period, made),
        made=made,
        group=team,
        # Supervisors who left and did no work in the period are not listed (fig.listed).
        supervisors=[p for p in people if fig.listed(p)],
        groups=groups,
        totals=fig.park_figures(groups),
    )


def summary_records(data: MonthlyData) -> list[SummaryLine]:
    """The summary's figures with stable English keys, coverage to four places."""
    return [
        SummaryLine(
            group=g.group,
            supervisors=g.supervisors,
            enterprises=g.enterprises,
            visited=g.visited,
            coverage=None if g.coverage is None else round(g.coverage, 4),
            visits=g.visits,
            problems_raised=g.problems_raised,
            problems_solved=g.problems_solved,
            problems_open=g.problems_open,
            activities=g.activities,
            points=g.points,
        )
        for g in data.groups
    ]
