"""The points columns of the reports: the one place the reports call the points scheme."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from sqlmodel import Session

from gridctl.dates import Period
from gridctl.points.standings import standings
from gridctl.points.subsidy import subsidy_rows
from gridctl.reports.figures import SupervisorFigures


@dataclass(frozen=True, slots=True)
class Pay:
    """A supervisor's subsidy, reward tier and reward for a month or a quarter."""

    subsidy: Decimal
    tier: str
    reward: Decimal


@dataclass(frozen=True, slots=True)
class SupervisorPoints:
    """A supervisor's points in each area, total and rank; pay for months and quarters."""

    points_problems: Decimal
    points_activities: Decimal
    points_effectiveness: Decimal
    points_total: Decimal
    rank: int
    pay: Pay | None = None


def points_link(
    session: Session, *, period: Period, group: str | None = None
) -> dict[str, SupervisorPoints]:
    """Per supervisor code: the points figures of the period.

    Ranks come from `standings` (within the group when one is given); subsidy, reward tier
    and reward from `subsidy_rows` (rules for all groups, months and quarters only).
    """
    # The command synced the derived entries of its whole span just before (cli/report.py),
    # in its own short write transaction; a quarterly report asks for five periods.
    ranked = standings(session, period=period, group=group, sync_first=False)
    pay: dict[str, Pay] = {}
    if len(period.months()) in (1, 3):
        for row in subsidy_rows(session, period=period, sync_first=False):
            pay[row.supervisor] = Pay(row.subsidy, row.reward_tier, row.reward)
    return {
        row.supervisor: SupervisorPoints(
            points_problems=row.problems,
            points_activities=row.activities,
            points_effectiveness=row.effectiveness,
            points_total=row.total,
            rank=row.rank,
            pay=pay.get(row.supervisor),
        )
        for row in ranked
    }


def with_points(
    people: Sequence[SupervisorFigures], points: dict[str, SupervisorPoints]
) -> list[SupervisorFigures]:
    """The supervisors' figures with their points (those not in the standings as they are)."""
    out = []
    for person in people:
        mine = points.get(person.supervisor)
        if mine is not None:
            person = replace(
                person,
                points_problems=mine.points_problems,
                points_activities=mine.points_activities,
                points_effectiveness=mine.points_effectiveness,
                points_total=mine.points_total,
                rank=mine.rank,
            )
            if mine.pay is not None:
                person = replace(
                    person, subsidy=mine.pay.subsidy, tier=mine.pay.tier, reward=mine.pay.reward
                )
        out.append(person)
    return out
