"""Classified visiting (分类走访制度): which enterprises are due or overdue for a visit.

Each visit class has a required frequency in months, from the rules file's `[visit_classes]`
(gridctl.points.rules; by default monthly 1, quarterly 3). An enterprise is due once its
reference day plus that many calendar months has come: the reference day is its last visit on
or before the as-of day, or, when it was never visited, the day it was registered
(created_at). So a new enterprise is treated as if it had been visited the day it joined: it
has one full period to get its first visit, and is not reported overdue the day it is
registered. Moved or closed enterprises are never due; a class the rules do not list is never
due either.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlmodel import Session, col

from gridctl.ledger.models import Enterprise, GuidanceGroup, Supervisor, Visit
from gridctl.registers.lookup import find_group


def visit_class_months(session: Session) -> dict[str, int]:
    """Required visit frequency of each class of classified visiting, in calendar months."""
    from gridctl.points.rules import visit_classes

    return visit_classes(session)


def add_months(day: date, months: int) -> date:
    """The same day `months` calendar months later, clamped to the month's last day."""
    years, index = divmod(day.month - 1 + months, 12)
    year, month = day.year + years, index + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _day(value: date | datetime | str | None) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _class_of(visit_class: str | None, party_org: str) -> str:
    if visit_class:
        return visit_class
    return "quarterly" if party_org == "none" else "monthly"


@dataclass(frozen=True, slots=True)
class DueRow:
    """An enterprise due (or overdue) for a visit, and whose care it is in."""

    enterprise: str
    credit_code: str
    visit_class: str
    every_months: int
    last_visit: date | None
    due_date: date
    days_overdue: int
    supervisor: str
    supervisor_name: str
    group: str


def due_rows(session: Session, *, as_of: date, group: str | None = None) -> list[DueRow]:
    """Enterprises due or overdue on `as_of`, most overdue first."""
    # One index seek per enterprise (ix_visit_enterprise_id_date), whatever the ledger's size.
    last_seen = (
        select(func.max(Visit.date))
        .where(col(Visit.enterprise_id) == col(Enterprise.id), col(Visit.date) <= as_of)
        .correlate(Enterprise)
        .scalar_subquery()
        .label("last_visit")
    )
    query = (
        select(
            col(Enterprise.name),
            col(Enterprise.credit_code),
            col(Enterprise.visit_class),
            col(Enterprise.party_org),
            col(Enterprise.created_at),
            last_seen,
            col(Supervisor.code),
            col(Supervisor.name),
            col(GuidanceGroup.name),
        )
        .outerjoin(Supervisor, col(Supervisor.id) == col(Enterprise.supervisor_id))
        .outerjoin(GuidanceGroup, col(GuidanceGroup.id) == col(Supervisor.group_id))
        .where(col(Enterprise.status) == "active")
    )
    if group:
        query = query.where(col(Supervisor.group_id) == find_group(session, group).id)
    months = visit_class_months(session)
    out = []
    for name, code, vclass, org, created, last_visit, scode, sname, gname in session.execute(query):
        visit_class = _class_of(vclass, org)
        last = _day(last_visit)
        due = _due_date(as_of, months.get(visit_class), last, _day(created))
        if due is None:
            continue
        out.append(
            DueRow(
                enterprise=name,
                credit_code=code or "",
                visit_class=visit_class,
                every_months=months[visit_class],
                last_visit=last,
                due_date=due,
                days_overdue=(as_of - due).days,
                supervisor=scode or "",
                supervisor_name=sname or "",
                group=gname or "",
            )
        )
    out.sort(key=lambda r: (-r.days_overdue, r.enterprise))
    return out


def _due_date(
    as_of: date, months: int | None, last_visit: date | None, registered: date | None
) -> date | None:
    """The day a visit fell due, if it has by `as_of` (None: not due, or never due)."""
    reference = last_visit or registered
    if months is None or reference is None or reference > as_of:
        return None
    due = add_months(reference, months)
    return None if due > as_of else due
