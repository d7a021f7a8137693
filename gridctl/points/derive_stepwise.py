"""Deriving entries record by record, in Python: the path of capped rules with a negative
value, whose greedy cap depends on the order beyond what a running sum expresses.

Records come in pages in (date, id) order; each is granted what its cap window has room for
(`used`: the points already entered per cap_key, loaded from point_entry as windows are
met). Without negative values it gives exactly the entries of gridctl.points.derive_sql.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Row, and_, func, insert, or_, select
from sqlmodel import Session

from gridctl.ledger.models.points import PointEntry
from gridctl.points.ruleset import Rule, RuleSet
from gridctl.points.sources import Source
from gridctl.points.sql import table
from gridctl.points.windows import label

BATCH = 20_000
ZERO = Decimal("0")


@dataclass(slots=True)
class Plan:
    """The point_entry row one record is to get (its points and note settled by the cap)."""

    supervisor_id: int
    date: dt.date
    area: str
    rule: str
    rule_set: dt.date
    record_type: str
    record_id: int
    points: Decimal
    cap_key: str | None
    note: str | None = None
    derived_at: dt.datetime | None = None


def derive_stepwise(
    session: Session,
    source: Source,
    rule_set: RuleSet,
    rule: Rule,
    span: tuple[dt.date, dt.date | None],
    now: dt.datetime,
    used: dict[str, Decimal],
    keep: Mapping[int, int] | None = None,
) -> int:
    """Derive the missing entries of `source` dated in `span` under `rule`; how many.
    Records named in `keep` are credited to the supervisor it gives (welfare claims keep
    the supervisor credited on their completion day)."""
    inserted = 0
    for page in _missing(session, source, *span):
        plans = [_plan(rule_set, rule, source, row, now, keep) for row in page]
        _load_used(session, used, {p.cap_key for p in plans if p.cap_key})
        for p in plans:
            _apply_cap(p, used, rule)
        session.execute(insert(table(PointEntry)), [asdict(p) for p in plans])
        inserted += len(plans)
    return inserted


def _missing(
    session: Session, source: Source, lo: dt.date, hi: dt.date | None
) -> Iterator[Sequence[Row[*tuple[Any, ...]]]]:
    """Pages of qualifying records dated [lo, hi) without an entry for this rule, in
    (date, id) order: an index range scan of the record table's date, each probed in
    point_entry's unique (rule, record_id) index."""
    query = source.records()
    ident, _supervisor, day, _enterprise, _kind = query.selected_columns
    entry = table(PointEntry)
    query = query.outerjoin(
        entry, and_(entry.c.rule == source.rule, entry.c.record_id == ident)
    ).where(entry.c.id.is_(None))
    if hi is not None:
        query = query.where(day < hi)
    query = query.order_by(day, ident).limit(BATCH)
    after: tuple[dt.date, int] | None = None
    while True:
        if after is None:
            page_query = query.where(day >= lo)
        else:
            # `day >= d` first so the date index seeks there instead of scanning from lo.
            page_query = query.where(day >= after[0], or_(day > after[0], ident > after[1]))
        page = session.execute(page_query).all()
        if not page:
            return
        yield page
        after = (page[-1][2], page[-1][0])


def _plan(
    rule_set: RuleSet,
    rule: Rule,
    source: Source,
    row: Row[*tuple[Any, ...]],
    now: dt.datetime,
    keep: Mapping[int, int] | None = None,
) -> Plan:
    record_id, supervisor_id, day, enterprise_id, kind = row
    if keep is not None:
        supervisor_id = keep.get(record_id, supervisor_id)
    cap_key = None
    if rule.cap is not None:
        cap_key = f"{rule.name}:{supervisor_id}:{label(rule, day, enterprise_id)}"
    return Plan(
        supervisor_id=supervisor_id,
        date=day,
        area=rule.area,
        rule=rule.name,
        rule_set=rule_set.effective,
        record_type=source.record_type,
        record_id=record_id,
        points=rule.points_for(kind),
        cap_key=cap_key,
        derived_at=now,
    )


def _load_used(session: Session, used: dict[str, Decimal], keys: set[str]) -> None:
    """Points already entered in each cap window not seen yet."""
    todo = sorted(k for k in keys if k not in used)
    entry = table(PointEntry).c
    for i in range(0, len(todo), 500):
        chunk = todo[i : i + 500]
        for key in chunk:
            used[key] = ZERO
        rows = session.execute(
            select(entry.cap_key, func.sum(entry.points))
            .where(entry.cap_key.in_(chunk))
            .group_by(entry.cap_key)
        ).all()
        for key, total in rows:
            used[key] = Decimal(total or 0)


def _apply_cap(plan: Plan, used: dict[str, Decimal], rule: Rule) -> None:
    cap, per = rule.cap, rule.cap_per
    key = plan.cap_key
    if key is None or cap is None:
        return
    wanted = plan.points
    granted = max(ZERO, min(wanted, cap - used[key])) if wanted > 0 else wanted
    if granted != wanted:
        plan.points = granted
        plan.note = f"capped: {cap} per {per}"
    used[key] += granted
