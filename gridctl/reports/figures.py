"""The figures behind the reports, aggregated in SQL (GROUP BY), never by loading the ledger.

Definitions (the README repeats them):
- a group's enterprises are the active enterprises whose contact supervisor is in the group;
  visited = those of them with at least one visit in the period (by anyone);
  coverage = visited / enterprises.
- visits, problems raised (opened in the period), solved (solved in the period) and open (still
  open at the end of the period) count against the supervisor who made the visit or collected
  the problem, and so against that supervisor's group.
- activities: organised in the period, counted for the supervisor who organised them.
- points, ranks, subsidy and reward tiers come from the points scheme (gridctl.points)
  through `points_link`, the one place the reports call it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, distinct, func, or_
from sqlmodel import Session, col, select

from gridctl.dates import Period
from gridctl.ledger.models import Enterprise, GuidanceGroup, Problem, Supervisor, Visit
from gridctl.ledger.models.points import Activity
from gridctl.points.standings import standings
from gridctl.points.subsidy import subsidy_rows
from gridctl.work.problems import OPEN_STATES

SUPERVISOR_FIGURES = (
    "visits",
    "covered",
    "enterprises",
    "problems_raised",
    "problems_solved",
    "problems_open",
)


def as_of_for(period: Period, today: date | None = None) -> date:
    """The day a period's report looks from: its last day, or today while it is running."""
    return min(period.end - timedelta(days=1), today or date.today())


def _in(column: Any, period: Period) -> Any:
    return and_(column >= period.start, column < period.end)


def _counts(session: Session, query: Any) -> dict[int, Any]:
    return {row[0]: row[1:] if len(row) > 2 else row[1] for row in session.exec(query).all()}


def open_at_end(period: Period) -> Any:
    """Problems still open when the period ended (whatever happened to them since)."""
    return and_(
        Problem.opened < period.end,
        or_(col(Problem.closed_on).is_(None), col(Problem.closed_on) >= period.end),
    )


def supervisor_figures(
    session: Session, *, period: Period, group_id: int | None = None
) -> list[dict[str, Any]]:
    """One row per supervisor of the group (or park): the period's work in plain counts."""
    base = (
        select(
            Supervisor.id,
            Supervisor.code,
            Supervisor.name,
            Supervisor.kind,
            Supervisor.active,
            GuidanceGroup.id,
            GuidanceGroup.name,
        )
        .join(GuidanceGroup, GuidanceGroup.id == Supervisor.group_id)
        .order_by(GuidanceGroup.id, Supervisor.code)
    )
    if group_id is not None:
        base = base.where(Supervisor.group_id == group_id)
    visits = _counts(
        session,
        select(Visit.supervisor_id, func.count(), func.count(distinct(Visit.enterprise_id)))
        .where(_in(Visit.date, period))
        .group_by(Visit.supervisor_id),
    )
    assigned = _counts(
        session,
        select(Enterprise.supervisor_id, func.count())
        .where(Enterprise.status == "active", col(Enterprise.supervisor_id).is_not(None))
        .group_by(Enterprise.supervisor_id),
    )
    raised = _problem_counts(session, _in(Problem.opened, period))
    solved = _problem_counts(
        session, and_(Problem.status == "solved", _in(Problem.closed_on, period))
    )
    still_open = _problem_counts(session, open_at_end(period))
    activities = activity_counts(session, period=period)
    out = []
    for sid, code, name, kind, active, gid, gname in session.exec(base).all():
        n_visits, n_covered = visits.get(sid, (0, 0))
        row: dict[str, Any] = {
            "id": sid,
            "supervisor": code,
            "supervisor_name": name,
            "group_id": gid,
            "group": gname,
            "kind": kind,
            "visits": n_visits,
            "covered": n_covered,
            "enterprises": assigned.get(sid, 0),
            "problems_raised": raised.get(sid, 0),
            "problems_solved": solved.get(sid, 0),
            "problems_open": still_open.get(sid, 0),
            "activities": activities.get(sid, 0),
        }
        if active or any(row[k] for k in SUPERVISOR_FIGURES):
            out.append(row)
    return out


def _problem_counts(session: Session, where: Any) -> dict[int, int]:
    return _counts(
        session,
        select(Problem.supervisor_id, func.count()).where(where).group_by(Problem.supervisor_id),
    )


def group_figures(
    session: Session,
    *,
    period: Period,
    group_id: int | None = None,
    supervisors: list[dict[str, Any]] | None = None,
) -> list[dict[str, Any]]:
    """One row per group: supervisors' figures summed, plus coverage of its enterprises."""
    people = supervisors
    if people is None:
        people = supervisor_figures(session, period=period, group_id=group_id)
    groups = select(GuidanceGroup.id, GuidanceGroup.name).order_by(GuidanceGroup.id)
    if group_id is not None:
        groups = groups.where(GuidanceGroup.id == group_id)
    visited = _counts(
        session,
        select(Supervisor.group_id, func.count(distinct(Visit.enterprise_id)))
        .select_from(Visit)
        .join(Enterprise, Enterprise.id == Visit.enterprise_id)
        .join(Supervisor, Supervisor.id == Enterprise.supervisor_id)
        .where(_in(Visit.date, period), Enterprise.status == "active")
        .group_by(Supervisor.group_id),
    )
    active = _counts(
        session,
        select(Supervisor.group_id, func.count())
        .where(col(Supervisor.active).is_(True))
        .group_by(Supervisor.group_id),
    )
    out = []
    for gid, gname in session.exec(groups).all():
        mine = [p for p in people if p["group_id"] == gid]
        row: dict[str, Any] = {"group_id": gid, "group": gname, "supervisors": active.get(gid, 0)}
        row["enterprises"] = sum(p["enterprises"] for p in mine)
        row["visited"] = visited.get(gid, 0)
        row["coverage"] = ratio(row["visited"], row["enterprises"])
        for key in ("visits", "problems_raised", "problems_solved", "problems_open", "activities"):
            row[key] = sum(p[key] for p in mine)
        # A supervisor who left and earned nothing in the period is not in the standings.
        row["points"] = sum((p.get("points_total", 0) for p in mine), Decimal(0))
        out.append(row)
    return out


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def totals(rows: list[dict[str, Any]], keys: tuple[str, ...]) -> dict[str, Any]:
    """Column sums of `keys` present in the rows (coverage recomputed from its parts)."""
    out: dict[str, Any] = {}
    for key in keys:
        values = [r[key] for r in rows if r.get(key) is not None]
        if any(key in r for r in rows):
            out[key] = sum(values, Decimal(0) if any(isinstance(v, Decimal) for v in values) else 0)
    if "visited" in out and "enterprises" in out:
        out["coverage"] = ratio(out["visited"], out["enterprises"])
    return out


# --- the month's visits and open problems, streamed -----------------------------------


def visit_stream(
    session: Session, *, period: Period, group_id: int | None = None
) -> Iterator[dict[str, Any]]:
    query = (
        select(
            Visit.id,
            Visit.date,
            Supervisor.code,
            Supervisor.name,
            GuidanceGroup.name,
            Enterprise.name,
            Enterprise.credit_code,
            Visit.category,
            Visit.notes,
        )
        .join(Supervisor, Supervisor.id == Visit.supervisor_id)
        .join(GuidanceGroup, GuidanceGroup.id == Supervisor.group_id)
        .join(Enterprise, Enterprise.id == Visit.enterprise_id)
        .where(_in(Visit.date, period))
        .order_by(Visit.date, Visit.id)
    )
    if group_id is not None:
        query = query.where(Supervisor.group_id == group_id)
    keys = (
        "id",
        "date",
        "supervisor",
        "supervisor_name",
        "group",
        "enterprise",
        "credit_code",
        "category",
        "notes",
    )
    for row in session.execute(query.execution_options(yield_per=5000)):
        yield dict(zip(keys, row, strict=True))


def open_problem_rows(
    session: Session, *, period: Period, as_of: date, group_id: int | None = None
) -> list[dict[str, Any]]:
    query = (
        select(
            Problem.id,
            Problem.opened,
            Problem.status,
            Problem.description,
            Enterprise.name,
            Supervisor.code,
            Supervisor.name,
            GuidanceGroup.name,
        )
        .join(Enterprise, Enterprise.id == Problem.enterprise_id)
        .join(Supervisor, Supervisor.id == Problem.supervisor_id)
        .join(GuidanceGroup, GuidanceGroup.id == Supervisor.group_id)
        .where(open_at_end(period))
        .order_by(Problem.opened, Problem.id)
    )
    if group_id is not None:
        query = query.where(Supervisor.group_id == group_id)
    return [
        {
            "id": pid,
            "opened": opened,
            "age_days": max((as_of - opened).days, 0),
            "status": status if status in OPEN_STATES else "open",
            "description": text,
            "enterprise": ename,
            "supervisor": scode,
            "supervisor_name": sname,
            "group": gname,
        }
        for pid, opened, status, text, ename, scode, sname, gname in session.exec(query).all()
    ]


# --- links to the points scheme (gridctl.points) --------------------------------------


@dataclass(frozen=True)
class PointsFigures:
    """Per supervisor code: points in each area, total, rank, subsidy and reward tier."""

    by_supervisor: dict[str, dict[str, Any]]


def points_link(session: Session, *, period: Period, group: str | None = None) -> PointsFigures:
    """The points columns of the reports: the one place the reports call the points scheme.

    Ranks come from `standings` (within the group when one is given); subsidy, reward tier
    and reward from `subsidy_rows` (park-wide rules, months and quarters only).
    """
    by: dict[str, dict[str, Any]] = {}
    # The command synced the derived entries of its whole span just before (cli/report.py),
    # in its own short write transaction; a quarterly report asks for five periods.
    for row in standings(session, period=period, group=group, sync_first=False):
        by[row["supervisor"]] = {
            "points_problems": row["problems"],
            "points_activities": row["activities"],
            "points_effectiveness": row["effectiveness"],
            "points_total": row["total"],
            "rank": row["rank"],
        }
    if len(period.months()) in (1, 3):
        for row in subsidy_rows(session, period=period, sync_first=False):
            if row["supervisor"] in by:
                by[row["supervisor"]].update(
                    subsidy=row["subsidy"], tier=row["reward_tier"], reward=row["reward"]
                )
    return PointsFigures(by)


def activity_counts(session: Session, *, period: Period) -> dict[int, int]:
    """Activities organised in the period per supervisor id."""
    return _counts(
        session,
        select(Activity.supervisor_id, func.count())
        .where(_in(Activity.date, period))
        .group_by(Activity.supervisor_id),
    )
