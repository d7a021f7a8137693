"""The monthly notice (通报): plain text to paste into the group's chat.

The ranking, the top and bottom of each group, supervisors with no visit in the month, and
problems still open at the month's end that were opened more than 30 days before it.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from sqlalchemy import or_, select
from sqlmodel import Session, col

from gridctl.dates import Period
from gridctl.i18n import t
from gridctl.ledger.models import Enterprise, GuidanceGroup, Problem, Supervisor, Visit
from gridctl.points.derive import sync_period
from gridctl.points.standings import Standing, standings

OVERDUE_DAYS = 30


def show_points(value: Decimal) -> str:
    """2 for 2.00, 2.5 for 2.50."""
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


def notice(session: Session, *, month: Period) -> str:
    sync_period(session, month)
    rows = standings(session, period=month, sync_first=False)
    lines = [t("notice.title", month=month.label), ""]
    lines += _ranking(rows)
    lines += [""] + _groups(rows)
    lines += [""] + _no_visits(session, month)
    lines += [""] + _overdue(session, month)
    return "\n".join(lines).rstrip() + "\n"


def _ranking(rows: list[Standing]) -> list[str]:
    out = [t("notice.ranking")]
    for r in rows:
        out.append(
            t(
                "notice.rank_line",
                rank=r.rank,
                code=r.supervisor,
                name=r.name,
                group=r.group,
                total=show_points(r.total),
                problems=show_points(r.problems),
                activities=show_points(r.activities),
                effectiveness=show_points(r.effectiveness),
            )
        )
    if not rows:
        out.append(t("none_found"))
    return out


def _who(rows: list[Standing]) -> str:
    return t("notice.sep").join(f"{r.supervisor} {r.name}" for r in rows)


def _groups(rows: list[Standing]) -> list[str]:
    out = [t("notice.groups")]
    by_group: dict[str, list[Standing]] = {}
    for r in rows:
        by_group.setdefault(r.group, []).append(r)
    for group in sorted(by_group):
        members = by_group[group]
        high = max(r.total for r in members)
        low = min(r.total for r in members)
        out.append(
            t(
                "notice.group_line",
                group=group,
                top=_who([r for r in members if r.total == high]),
                top_points=show_points(high),
                bottom=_who([r for r in members if r.total == low]),
                bottom_points=show_points(low),
            )
        )
    if not by_group:
        out.append(t("none_found"))
    return out


def _no_visits(session: Session, month: Period) -> list[str]:
    day = col(Visit.date)
    visited = select(col(Visit.supervisor_id)).where(day >= month.start, day < month.end).distinct()
    query = (
        select(col(Supervisor.code), col(Supervisor.name), col(GuidanceGroup.name))
        .join(GuidanceGroup, col(GuidanceGroup.id) == col(Supervisor.group_id))
        .where(col(Supervisor.active), col(Supervisor.id).not_in(visited))
        .order_by(col(Supervisor.code))
    )
    people = session.execute(query).all()
    out = [t("notice.no_visits", count=len(people))]
    out += [t("notice.person_line", code=c, name=n, group=g) for c, n, g in people]
    if not people:
        out.append(t("none_found"))
    return out


def _overdue(session: Session, month: Period) -> list[str]:
    last_day = month.end - timedelta(days=1)
    cutoff = last_day - timedelta(days=OVERDUE_DAYS)
    closed_on = col(Problem.closed_on)
    query = (
        select(Problem, col(Enterprise.name), col(Supervisor.code), col(Supervisor.name))
        .join(Enterprise, col(Enterprise.id) == col(Problem.enterprise_id))
        .join(Supervisor, col(Supervisor.id) == col(Problem.supervisor_id))
        .where(col(Problem.opened) < cutoff, or_(closed_on.is_(None), closed_on > last_day))
        .order_by(col(Problem.opened), col(Problem.id))
    )
    found = session.execute(query).all()
    out = [t("notice.overdue", count=len(found), day=last_day.isoformat(), days=OVERDUE_DAYS)]
    for p, ename, scode, sname in found:
        out.append(
            t(
                "notice.problem_line",
                id=p.id,
                enterprise=ename,
                code=scode,
                name=sname,
                opened=p.opened.isoformat(),
                age=(last_day - p.opened).days,
                description=p.description,
            )
        )
    if not found:
        out.append(t("none_found"))
    return out
