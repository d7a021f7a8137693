"""Deriving a span's missing entries in SQL: one INSERT ... SELECT per cap window.

Points are worked in integer cents: wanted (by kind), the window's running sum of wanted in
(date, id) order (a window function), what the window already holds (R = cap - held). A
record gets min(run, R+) - min(run - wanted, R+), which is exactly granting records one by
one in that order while no value is negative (capped rules with a negative value take the
record-by-record path, gridctl.points.derive_stepwise). The anti-join against point_entry's
unique (rule, record_id) index is in the statement, so only records without an entry are
looked at.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    DateTime,
    Integer,
    Select,
    String,
    and_,
    case,
    cast,
    func,
    insert,
    literal,
    literal_column,
    null,
    select,
)
from sqlmodel import Session

from gridctl.ledger.models.points import PointEntry
from gridctl.points.ruleset import Rule, RuleSet
from gridctl.points.sources import Source
from gridctl.points.sql import least, rowcount, table
from gridctl.points.windows import cut, label

# Cents back to points, as a decimal division in SQL.
_HUNDRED: ColumnElement[Any] = literal_column("100.0")


def insert_select(
    session: Session,
    source: Source,
    rule_set: RuleSet,
    rule: Rule,
    lo: date,
    hi: date | None,
    now: datetime,
) -> int:
    """Derive the missing entries of `source` dated [lo, hi) under `rule`; how many."""
    query = source.records()
    record_id, supervisor_id, day, enterprise_id, kind = query.selected_columns
    if hi is None:
        last = session.execute(select(func.max(day)).where(day >= lo)).scalar()
        if last is None:
            return 0
        hi = last + timedelta(days=1)
    wanted: ColumnElement[Any] = literal(_cents(rule.points))
    if rule.kinds:
        whens = [(kind == k, literal(_cents(v))) for k, v in rule.kinds.items()]
        wanted = case(*whens, else_=literal(_cents(rule.points)))
    entry = table(PointEntry)
    pe = entry.c
    missing = query.outerjoin(entry, and_(pe.rule == source.rule, pe.record_id == record_id))
    missing = missing.where(pe.id.is_(None))
    fixed: dict[str, ColumnElement[Any]] = {
        "area": literal(rule.area),
        "rule": literal(rule.name),
        "rule_set": literal(rule_set.effective, Date),
        "record_type": literal(source.record_type),
        "derived_at": literal(now, DateTime(timezone=True)),
    }
    inserted = 0
    for wlo, whi in cut(rule, lo, hi):
        rows = missing.where(day >= wlo, day < whi)
        if rule.cap is None:
            select_: Select[*tuple[Any, ...]] = rows.with_only_columns(
                supervisor_id.label("supervisor_id"),
                day.label("date"),
                record_id.label("record_id"),
                (wanted / _HUNDRED).label("points"),
                null().label("cap_key"),
                null().label("note"),
                *(v.label(k) for k, v in fixed.items()),
            )
        else:
            select_ = _capped(rows, rule, wlo, wanted, fixed)
        names = [c.name for c in select_.selected_columns]
        statement = insert(entry).from_select(names, select_)
        # rowcount of an INSERT ... SELECT is kept only when asked for (psycopg gives -1).
        result = session.execute(statement.execution_options(preserve_rowcount=True))
        inserted += rowcount(result)
    return inserted


def _capped(
    rows: Select[Any, Any, Any, Any, Any],
    rule: Rule,
    wlo: date,
    wanted: ColumnElement[Any],
    fixed: dict[str, ColumnElement[Any]],
) -> Select[*tuple[Any, ...]]:
    """The entries of one cap window's missing records: each record's share of the room."""
    assert rule.cap is not None
    record_id, supervisor_id, day, enterprise_id, _kind = rows.selected_columns
    window = label(rule, wlo, None).split(":")[0]
    key = literal(f"{rule.name}:") + cast(supervisor_id, String) + literal(f":{window}")
    if rule.cap_per == "enterprise-month":
        key = key + literal(":e") + cast(enterprise_id, String)
    pe = table(PointEntry).c
    ranked = rows.with_only_columns(
        supervisor_id.label("sid"),
        day.label("day"),
        record_id.label("rid"),
        wanted.label("w"),
        key.label("k"),
        func.sum(wanted).over(partition_by=key, order_by=(day, record_id)).label("run"),
    ).subquery()
    held = select(func.coalesce(func.sum(pe.points), 0)).where(pe.cap_key == ranked.c.k)
    held_cents = cast(func.round(held.scalar_subquery() * 100), Integer)
    room: ColumnElement[Any] = literal(_cents(rule.cap)) - held_cents
    room = case((room > 0, room), else_=0)
    before = ranked.c.run - ranked.c.w
    granted = least(ranked.c.run, room) - least(before, room)
    note = f"capped: {rule.cap} per {rule.cap_per}"
    return select(
        ranked.c.sid.label("supervisor_id"),
        ranked.c.day.label("date"),
        ranked.c.rid.label("record_id"),
        (granted / _HUNDRED).label("points"),
        ranked.c.k.label("cap_key"),
        case((granted != ranked.c.w, literal(note)), else_=null()).label("note"),
        *(v.label(k) for k, v in fixed.items()),
    )


def _cents(value: Decimal) -> int:
    return int(value * 100)
