"""Who has how many points: each supervisor's points in each area and the total, ranked.

Points are the derived entries plus the station's adjustments, summed in SQL. Ties share a
rank (1, 1, 3). Every entry behind a figure: gridctl.points.explain.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlmodel import Session

from gridctl.dates import Period
from gridctl.ledger.models import GuidanceGroup, Supervisor
from gridctl.ledger.models.points import AREAS, PointAdjustment, PointEntry
from gridctl.points.derive import sync_period
from gridctl.points.sql import in_period, table
from gridctl.registers.lookup import find_group

ZERO = Decimal("0")
CENT = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class Standing:
    """One supervisor's points in a period (Decimal) and rank."""

    supervisor: str  # the supervisor's code
    name: str
    group: str
    problems: Decimal
    activities: Decimal
    effectiveness: Decimal
    total: Decimal
    rank: int


def standings(
    session: Session, *, period: Period | None, group: str | None = None, sync_first: bool = True
) -> list[Standing]:
    """Per supervisor: points in each area and the total, ranked (within the group if given).

    Active supervisors are all listed; one who left is listed only with points in the
    period. Syncs derived entries first (unless the caller just did: a report syncs its
    whole span once, then asks for many periods).
    """
    if sync_first:
        sync_period(session, period)
    totals = area_totals(session, period=period)
    found = []
    for sid, code, name, gname, active in _people(session, group):
        if not active and sid not in totals:
            continue
        areas = totals.get(sid, dict.fromkeys(AREAS, ZERO))
        found.append((code, name, gname, areas))
    return _ranked(found)


def area_totals(session: Session, *, period: Period | None) -> dict[int, dict[str, Decimal]]:
    """supervisor id -> area -> points (entries plus adjustments), summed in SQL."""
    out: dict[int, dict[str, Decimal]] = defaultdict(lambda: dict.fromkeys(AREAS, ZERO))
    for model in (PointEntry, PointAdjustment):
        c = table(model).c
        query = select(c.supervisor_id, c.area, func.sum(c.points))
        query = in_period(query.group_by(c.supervisor_id, c.area), c.date, period)
        for sup, area, total in session.execute(query).all():
            out[sup][area] += Decimal(total or 0).quantize(CENT)
    return out


def _people(session: Session, group: str | None) -> list[tuple[int, str, str, str, bool]]:
    s, g = table(Supervisor).c, table(GuidanceGroup).c
    query = select(s.id, s.code, s.name, g.name, s.active)
    query = query.join_from(table(Supervisor), table(GuidanceGroup), g.id == s.group_id)
    if group:
        query = query.where(s.group_id == find_group(session, group, "group").id)
    rows = session.execute(query.order_by(s.code)).all()
    return [(sid, code, name, gname, active) for sid, code, name, gname, active in rows]


def _ranked(found: list[tuple[str, str, str, dict[str, Decimal]]]) -> list[Standing]:
    """Sorted by total descending (then code) and numbered; ties share a rank (1, 1, 3)."""
    summed = [(sum(a.values(), ZERO), code, name, g, a) for code, name, g, a in found]
    summed.sort(key=lambda r: (-r[0], r[1]))
    rows: list[Standing] = []
    for i, (total, code, name, gname, areas) in enumerate(summed):
        tied = i > 0 and rows[i - 1].total == total
        rank = rows[i - 1].rank if tied else i + 1
        problems, activities, effectiveness = (areas[a] for a in AREAS)
        rows.append(Standing(code, name, gname, problems, activities, effectiveness, total, rank))
    return rows
