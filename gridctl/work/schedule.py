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
from datetime import date, datetime

from sqlalchemy import func
from sqlmodel import Session, select

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


def due_rows(session: Session, *, as_of: date, group: str | None = None) -> list[dict[str, object]]:
    """Enterprises due or overdue on `as_of`, most overdue first."""
    # One index seek per enterprise (ix_visit_enterprise_id_date), whatever the ledger's size.
    last_seen = (
        select(func.max(Visit.date))
        .where(Visit.enterprise_id == Enterprise.id, Visit.date <= as_of)
        .correlate(Enterprise)
        .scalar_subquery()
        .label("last_visit")
    )
    query = (
        select(
            Enterprise.name,
            Enterprise.credit_code,
            Enterprise.visit_class,
            Enterprise.party_org,
            Enterprise.created_at,
            last_seen,
            Supervisor.code,
            Supervisor.name,
            GuidanceGroup.name,
        )
        .outerjoin(Supervisor, Supervisor.id == Enterprise.supervisor_id)
        .outerjoin(GuidanceGroup, GuidanceGroup.id == Supervisor.group_id)
        .where(Enterprise.status == "active")
    )
    if group:
        query = query.where(Supervisor.group_id == find_group(session, group).id)
    months = visit_class_months(session)
    out = []
    for name, code, vclass, org, created, last_visit, scode, sname, gname in session.exec(query):
        row = _due_row(as_of, months, _class_of(vclass, org), _day(last_visit), _day(created))
        if row is None:
            continue
        row.update(
            enterprise=name,
            credit_code=code or "",
            supervisor=scode or "",
            supervisor_name=sname or "",
            group=gname or "",
        )
        out.append(row)
    out.sort(key=lambda r: (-int(r["days_overdue"]), str(r["enterprise"])))  # type: ignore[call-overload]
    return [_ordered(r) for r in out]


def _due_row(
    as_of: date,
    frequency: dict[str, int],
    visit_class: str,
    last_visit: date | None,
    registered: date | None,
) -> dict[str, object] | None:
    months = frequency.get(visit_class)
    reference = last_visit or registered
    if months is None or reference is None or reference > as_of:
        return None
    due = add_months(reference, months)
    if due > as_of:
        return None
    return {
        "visit_class": visit_class,
        "every_months": months,
        "last_visit": last_visit,
        "due_date": due,
        "days_overdue": (as_of - due).days,
    }


KEYS = (
    "enterprise",
    "credit_code",
    "visit_class",
    "every_months",
    "last_visit",
    "due_date",
    "days_overdue",
    "supervisor",
    "supervisor_name",
    "group",
)


def _ordered(row: dict[str, object]) -> dict[str, object]:
    return {k: row[k] for k in KEYS}
