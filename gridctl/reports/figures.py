"""The figures behind the reports, aggregated in SQL (GROUP BY), never by loading the ledger.

Definitions (the README repeats them):
- a group's enterprises are the active enterprises whose contact supervisor is in the group;
  visited = those of them with at least one visit in the period (by anyone);
  coverage = visited / enterprises.
- visits, problems raised (opened in the period), solved (solved in the period) and open (still
  open at the end of the period) count against the supervisor who made the visit or collected
  the problem, and so against that supervisor's group.
- activities: organised in the period, counted for the supervisor who organised them.
- a supervisor who left (not active) is in a period's report, counted among the group's
  supervisors, listed, ranked and paid like anyone else, only if they worked in it: a
  visit, a problem raised or solved, an activity, or points dated in the period (`listed`).
  One who did none of these is not counted, listed or ranked; the enterprises still in
  their care and the problems they left open still count for their group
  (`departed_enterprises`, `departed_open` say how many of the group's figures are theirs).
- points, ranks, subsidy and reward tiers come from the points scheme (gridctl.points)
  through reports.points_figures, the one place the reports call it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, and_, distinct, func, or_
from sqlmodel import Session, col, select

from gridctl.dates import Period
from gridctl.ledger.models import Enterprise, GuidanceGroup, Problem, Supervisor, Visit
from gridctl.ledger.models.points import Activity
from gridctl.ledger.models.typed import id_of

# A supervisor who left is still listed while one of these is not zero.
SUPERVISOR_FIGURES = (
    "visits",
    "covered",
    "enterprises",
    "problems_raised",
    "problems_solved",
    "problems_open",
)


@dataclass(frozen=True, slots=True)
class SupervisorFigures:
    """One supervisor's period: the work counted in SQL and, when the supervisor is in the
    points standings, the points scheme's figures (None otherwise; subsidy, tier and reward
    only for months and quarters)."""

    id: int
    supervisor: str
    supervisor_name: str
    group_id: int
    group: str
    kind: str
    visits: int
    covered: int
    enterprises: int
    problems_raised: int
    problems_solved: int
    problems_open: int
    activities: int
    points_problems: Decimal | None = None
    points_activities: Decimal | None = None
    points_effectiveness: Decimal | None = None
    points_total: Decimal | None = None
    rank: int | None = None
    subsidy: Decimal | None = None
    tier: str | None = None
    reward: Decimal | None = None
    active: bool = True


def listed(row: SupervisorFigures) -> bool:
    """Whether a supervisor is in the period's report: active, or worked in the period."""
    worked = row.visits or row.problems_raised or row.problems_solved or row.activities
    return row.active or bool(worked) or row.points_total is not None


@dataclass(frozen=True, slots=True)
class GroupFigures:
    """One guidance group's period: its supervisors' figures summed, and its coverage."""

    group_id: int
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
    # Of the enterprises and open problems: those of supervisors who left and are not listed.
    departed_enterprises: int = 0
    departed_open: int = 0


@dataclass(frozen=True, slots=True)
class ParkFigures:
    """The groups' figures summed, coverage from its parts (all None: no group to sum)."""

    supervisors: int | None = None
    enterprises: int | None = None
    visited: int | None = None
    visits: int | None = None
    problems_raised: int | None = None
    problems_solved: int | None = None
    problems_open: int | None = None
    activities: int | None = None
    points: Decimal | None = None
    coverage: float | None = None


def as_of_for(period: Period, today: date | None = None) -> date:
    """The day a period's report looks from: its last day, or today while it is running."""
    return min(period.end - timedelta(days=1), today or date.today())


def within(column: Any, period: Period) -> ColumnElement[bool]:
    """SQL: the column's day falls in the period."""
    return and_(column >= period.start, column < period.end)


def counts(session: Session, query: Any) -> dict[int, Any]:
    """Rows of (id, figure...) as {id: figure} or {id: (figures...)}."""
    return {row[0]: row[1:] if len(row) > 2 else row[1] for row in session.exec(query).all()}


def open_at_end(period: Period) -> ColumnElement[bool]:
    """Problems still open when the period ended (whatever happened to them since)."""
    return and_(
        col(Problem.opened) < period.end,
        or_(col(Problem.closed_on).is_(None), col(Problem.closed_on) >= period.end),
    )


def supervisor_figures(
    session: Session, *, period: Period, group_id: int | None = None
) -> list[SupervisorFigures]:
    """One row per supervisor of the group (or all groups): the period's work in counts."""
    base = (
        select(Supervisor, col(GuidanceGroup.name))
        .join(GuidanceGroup, col(GuidanceGroup.id) == col(Supervisor.group_id))
        .order_by(col(GuidanceGroup.id), col(Supervisor.code))
    )
    if group_id is not None:
        base = base.where(col(Supervisor.group_id) == group_id)
    visits = counts(
        session,
        select(Visit.supervisor_id, func.count(), func.count(distinct(col(Visit.enterprise_id))))
        .where(within(Visit.date, period))
        .group_by(col(Visit.supervisor_id)),
    )
    assigned = counts(
        session,
        select(Enterprise.supervisor_id, func.count())
        .where(col(Enterprise.status) == "active", col(Enterprise.supervisor_id).is_not(None))
        .group_by(col(Enterprise.supervisor_id)),
    )
    raised = _problem_counts(session, within(Problem.opened, period))
    solved = _problem_counts(
        session, and_(col(Problem.status) == "solved", within(Problem.closed_on, period))
    )
    still_open = _problem_counts(session, open_at_end(period))
    activities = activity_counts(session, period=period)
    out = []
    for person, gname in session.exec(base).all():
        sid = id_of(person)
        n_visits, n_covered = visits.get(sid, (0, 0))
        row = SupervisorFigures(
            id=sid,
            supervisor=person.code,
            supervisor_name=person.name,
            group_id=person.group_id,
            group=gname,
            kind=person.kind,
            visits=n_visits,
            covered=n_covered,
            enterprises=assigned.get(sid, 0),
            problems_raised=raised.get(sid, 0),
            problems_solved=solved.get(sid, 0),
            problems_open=still_open.get(sid, 0),
            activities=activities.get(sid, 0),
            active=person.active,
        )
        if person.active or any(getattr(row, k) for k in SUPERVISOR_FIGURES):
            out.append(row)
    return out


def _problem_counts(session: Session, where: ColumnElement[bool]) -> dict[int, int]:
    return counts(
        session,
        select(Problem.supervisor_id, func.count())
        .where(where)
        .group_by(col(Problem.supervisor_id)),
    )


def group_figures(
    session: Session,
    *,
    period: Period,
    supervisors: Sequence[SupervisorFigures],
    group_id: int | None = None,
) -> list[GroupFigures]:
    """One row per group: its supervisors' figures summed, plus coverage of its enterprises.
    `supervisors` holds everyone supervisor_figures gave (listed or not): the count is of
    the listed ones, the enterprises and open problems of all."""
    groups = select(GuidanceGroup).order_by(col(GuidanceGroup.id))
    if group_id is not None:
        groups = groups.where(col(GuidanceGroup.id) == group_id)
    visited = counts(
        session,
        select(Supervisor.group_id, func.count(distinct(col(Visit.enterprise_id))))
        .select_from(Visit)
        .join(Enterprise, col(Enterprise.id) == col(Visit.enterprise_id))
        .join(Supervisor, col(Supervisor.id) == col(Enterprise.supervisor_id))
        .where(within(Visit.date, period), col(Enterprise.status) == "active")
        .group_by(col(Supervisor.group_id)),
    )
    out = []
    for team in session.exec(groups).all():
        gid = id_of(team)
        mine = [p for p in supervisors if p.group_id == gid]
        enterprises = sum(p.enterprises for p in mine)
        gone = [p for p in mine if not listed(p)]
        out.append(
            GroupFigures(
                group_id=gid,
                group=team.name,
                supervisors=sum(1 for p in mine if listed(p)),
                enterprises=enterprises,
                visited=visited.get(gid, 0),
                coverage=ratio(visited.get(gid, 0), enterprises),
                visits=sum(p.visits for p in mine),
                problems_raised=sum(p.problems_raised for p in mine),
                problems_solved=sum(p.problems_solved for p in mine),
                problems_open=sum(p.problems_open for p in mine),
                activities=sum(p.activities for p in mine),
                # A supervisor who left and earned nothing in the period has no points.
                points=sum((p.points_total or Decimal(0) for p in mine), Decimal(0)),
                departed_enterprises=sum(p.enterprises for p in gone),
                departed_open=sum(p.problems_open for p in gone),
            )
        )
    return out


def park_figures(groups: Sequence[GroupFigures]) -> ParkFigures:
    """The groups' figures summed, coverage recomputed from the sums."""
    if not groups:
        return ParkFigures()
    enterprises = sum(g.enterprises for g in groups)
    visited = sum(g.visited for g in groups)
    return ParkFigures(
        supervisors=sum(g.supervisors for g in groups),
        enterprises=enterprises,
        visited=visited,
        visits=sum(g.visits for g in groups),
        problems_raised=sum(g.problems_raised for g in groups),
        problems_solved=sum(g.problems_solved for g in groups),
        problems_open=sum(g.problems_open for g in groups),
        activities=sum(g.activities for g in groups),
        points=sum((g.points for g in groups), Decimal(0)),
        coverage=ratio(visited, enterprises),
    )


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def activity_counts(session: Session, *, period: Period) -> dict[int, int]:
    """Activities organised in the period per supervisor id."""
    return counts(
        session,
        select(Activity.supervisor_id, func.count())
        .where(within(Activity.date, period))
        .group_by(col(Activity.supervisor_id)),
    )
