"""Registered party members over time (党员人数): each enterprise's dated member history.

One truth for registered members: the dated history in member_count. Every change of an
existing enterprise's count is a dated row, however it is made: `funding members N --from
D`, `enterprise update --members N [--members-from D]` (default today), the member_changes
import, and the enterprises import (a row whose count differs from the count in force on
the import day records a change effective that day; unchanged rows write nothing). The
first recorded change of an enterprise also keeps the register's count from before it as
the baseline row (no date: in force since records began). `enterprise add --members N` and
a new enterprise of an import set that baseline and write no history row; an enterprise
with no recorded change counts its register figure (enterprise.members).

enterprise.members is a cache of the count in force today, refreshed by every change. What
the register shows (enterprise list/show, the enterprises export, and what an import
compares with) is computed as the count in force today from the history, so a future-dated
change does not show until its day, and a cache that a future change has overtaken is never
shown or exported. Member changes are recorded in the audit trail (member_count is watched).
The yearly allocation counts the members in force on 1 January (gridctl.funding.allocation).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from datetime import date
from typing import Any, TypedDict

from sqlalchemy import ColumnElement, bindparam, func, insert, or_, update
from sqlmodel import Session, col, select

from gridctl.errors import Invalid
from gridctl.i18n import t
from gridctl.ledger.models import Enterprise
from gridctl.ledger.models.funding import MemberCount
from gridctl.ledger.models.typed import id_of, table_of
from gridctl.registers.lookup import find_enterprise


def _since(on: date) -> ColumnElement[bool]:
    """SQL: a history row in force on a day (the baseline, or effective by then)."""
    since = col(MemberCount.effective_from)
    return or_(since <= on, since.is_(None))


def members_in_force(on: date) -> ColumnElement[int]:
    """SQL: an enterprise's members in force on a day (correlated on Enterprise.id)."""
    latest = (
        select(MemberCount.members)
        .where(MemberCount.enterprise_id == Enterprise.id, _since(on))
        .order_by(col(MemberCount.effective_from).desc().nulls_last())
        .limit(1)
        .scalar_subquery()
    )
    return func.coalesce(latest, Enterprise.members)


def members_today() -> ColumnElement[int]:
    """SQL: the count the register shows, in force today (correlated on Enterprise.id)."""
    return members_in_force(date.today()).label("members")


def _in_force(session: Session, firm: Enterprise, on: date) -> int:
    return int(session.exec(select(members_in_force(on)).where(Enterprise.id == firm.id)).one())


def check_members(members: int) -> int:
    """A count of registered members: 0 or more."""
    if members < 0:
        raise Invalid("members", members, t("detail.not_negative"))
    return members


@dataclass(frozen=True)
class MemberChange:
    enterprise: str
    members: int
    effective_from: date
    action: str  # "recorded", "corrected" or "unchanged"
    in_force_today: int


def set_members(
    session: Session,
    *,
    enterprise: str | Enterprise,
    members: int,
    effective_from: date,
    today: date | None = None,
    skip_same: bool = False,
) -> MemberChange:
    """Record the registered members of an enterprise's organisation from a date on.

    With `skip_same` (enterprise update), a count equal to the one already in force on that
    day writes nothing (action "unchanged") unless it corrects a row of that very day.
    """
    firm = (
        enterprise if isinstance(enterprise, Enterprise) else find_enterprise(session, enterprise)
    )
    check_members(members)
    today = today or date.today()
    firm_id = id_of(firm)
    rows = session.exec(select(MemberCount).where(MemberCount.enterprise_id == firm_id)).all()
    same_day = next((r for r in rows if r.effective_from == effective_from), None)
    if same_day is None and skip_same and members == _in_force(session, firm, effective_from):
        return MemberChange(
            firm.name, members, effective_from, "unchanged", _in_force(session, firm, today)
        )
    if not rows:
        session.add(MemberCount(enterprise_id=firm_id, members=firm.members, effective_from=None))
    if same_day is None:
        session.add(
            MemberCount(enterprise_id=firm_id, members=members, effective_from=effective_from)
        )
        action = "recorded"
    elif same_day.members == members:
        action = "unchanged"
    else:
        same_day.members = members
        session.add(same_day)
        action = "corrected"
    session.flush()
    now = _in_force(session, firm, today)
    # The register's cache: the count in force today.
    if firm.members != now:
        firm.members = now
        session.add(firm)
        session.flush()
    return MemberChange(firm.name, members, effective_from, action, now)


@dataclass(frozen=True)
class InForce:
    """An enterprise's recorded history as it stands on a day."""

    members: int  # in force on the day
    same_day: int | None  # id of the row effective that very day, if any


def history_on(session: Session, on: date) -> dict[int, InForce]:
    """Every enterprise with a recorded history: its count in force on a day (one query).

    An enterprise missing from the result has no history: its register count is in force.
    """
    query = select(
        MemberCount.enterprise_id,
        col(MemberCount.effective_from),
        MemberCount.members,
        col(MemberCount.id),
    ).where(_since(on))
    latest: dict[int, tuple[date, int, int | None]] = {}
    floor = date.min
    for firm_id, since, members, row_id in session.exec(query):
        key = since or floor
        kept = latest.get(firm_id)
        if kept is None or key >= kept[0]:
            latest[firm_id] = (key, members, row_id)
    return {
        firm_id: InForce(members, row_id if key == on else None)
        for firm_id, (key, members, row_id) in latest.items()
    }


def record_changes(
    session: Session,
    changes: list[tuple[int, int, int]],
    *,
    day: date,
    history: dict[int, InForce],
    now: dt.datetime,
) -> None:
    """Bulk form of set_members for an import: (enterprise id, register count, new count)
    changes effective `day`, each differing from the count in force that day. Core
    executemany; the import run is the audit trail's entry. The caller updates the register.
    """
    new_rows: list[dict[str, Any]] = []
    corrected: list[dict[str, Any]] = []
    for firm_id, register, members in changes:
        known = history.get(firm_id)
        if known is None:  # the first change keeps the register's count as the baseline
            new_rows.append(_history_row(firm_id, register, None, now))
        if known is not None and known.same_day is not None:
            corrected.append({"b_id": known.same_day, "b_members": members})
        else:
            new_rows.append(_history_row(firm_id, members, day, now))
    table = table_of(MemberCount)
    if new_rows:
        session.execute(insert(table), new_rows)
    if corrected:
        stmt = (
            update(table)
            .where(table.c.id == bindparam("b_id"))
            .values(members=bindparam("b_members"))
        )
        session.execute(stmt, corrected)


def _history_row(
    firm_id: int, members: int, since: date | None, now: dt.datetime
) -> dict[str, Any]:
    return {
        "enterprise_id": firm_id,
        "members": members,
        "effective_from": since,
        "recorded_at": now,
    }


# A step of the history is keyed "from", as it is shown and exported: a Python keyword, so
# the rows are typed dicts rather than dataclasses.
MemberStep = TypedDict("MemberStep", {"from": str, "members": int})
EnterpriseMemberStep = TypedDict(
    "EnterpriseMemberStep", {"enterprise": str, "from": str, "members": int}
)


def member_history(session: Session, *, enterprise: str) -> list[EnterpriseMemberStep]:
    """`funding members ENTERPRISE`: one enterprise's members over time, named."""
    firm = find_enterprise(session, enterprise)
    return [
        {"enterprise": firm.name, "from": step["from"], "members": step["members"]}
        for step in history_of(session, firm)
    ]


def history_of(session: Session, firm: Enterprise) -> list[MemberStep]:
    """One enterprise's members over time, oldest first: `from` is "" for the baseline (in
    force since records began), else the day the count took effect."""
    rows = session.exec(
        select(MemberCount)
        .where(MemberCount.enterprise_id == firm.id)
        .order_by(col(MemberCount.effective_from).asc().nulls_first())
    ).all()
    if not rows:
        return [{"from": "", "members": firm.members}]
    return [
        {"from": r.effective_from.isoformat() if r.effective_from else "", "members": r.members}
        for r in rows
    ]
