"""Point entries derived from the records: `sync` brings them up to date, `recompute` re-derives.

How entries are kept current, and why:
- Entries are *derived*, never typed: each names its rule, the rule set (its `effective`
  date) and the record that earned it, so every point is traceable and the whole table can be
  rebuilt from the records.
- `sync` runs first in every command that reads points (`points show/explain/subsidy/
  notice`, and the service functions `standings` and `subsidy_rows`). It inserts entries
  only for records that have none, each with the rule set in force on the record's date. It
  never touches an existing entry, so editing the rules file does not silently rewrite last
  quarter's points: the station asks for that with `points recompute --from DATE`, which
  deletes the derived entries dated from DATE on and derives them again.
- `gridctl visit add` does not pay for any of this (start-up time, typed all day): a visit
  earns its entry the next time points are read. Imports likewise.
- Caps (at most N points per window) are applied in record order (date, then id) against
  the points already entered in the same window (`cap_key`). A record over the cap gets a
  0-point entry noted "capped", so `points explain` shows it and sync does not look at it
  again. The points a window earns are min(sum, cap) whatever the order; only which record
  carries them can differ when a backdated record arrives late, and recompute makes that
  canonical again.
- Records with no rule in force on their date (before the first rule set, or a rule set
  without that rule) get no entry, and sync does not look at those days at all (`spans`).
Entries for records that were deleted are removed by recompute, not by sync (sync stays an
insert-only anti-join, cheap enough to run before every read).

At scale (100,000 enterprises, 5,000 supervisors, 10,000,000 visits; bench/points.py):
- A read of a period syncs only that period (`sync_period`, `sync(start=, end=)`): each
  record table is range-scanned on its indexed date column (visit.date, problem.opened,
  problem.closed_on, activity.date, effectiveness_award.date) and each record probed in
  point_entry's unique (rule, record_id) index. The span is first widened to whole cap
  windows of the widest cap the rule has in any rule set (a month read of a rule capped per
  quarter derives that quarter), so every window sync touches is derived completely in the
  same (date, id) order as an all-time sync: bounded syncs in any order, then an all-time
  one, give exactly the entries of one all-time derivation (tests/test_points_scale.py).
  The cost is that of the period's records, not of the ledger: a month of 10M visits is
  about 170,000 probes. All-time reads (`points show` without a period, `recompute`) still
  look at every record: a full index scan, linear in the ledger, no Python per record.
- Entries are derived set-based: one INSERT ... SELECT per rule set span and cap window,
  with the anti-join in SQL. Capped rules use a window function: in integer cents, a
  record's points are min(run, R+) - min(run - wanted, R+), where run is the running sum of
  wanted points in the window in (date, id) order and R the cap less the points the window
  already holds; that is exactly granting records one by one while no value is negative. A
  capped rule with a negative value (order-dependent beyond a running sum) takes the
  record-by-record Python path (`_missing`/`_apply_cap`), which gives the same entries
  otherwise (tested against each other).
- Rejected: a stored high-water mark (last record id synced). Ids are not committed in id
  order on PostgreSQL (a transaction holding id 10 can commit after one holding id 11), and
  backdated or edited records would be missed; an anti-join over an indexed range is exact
  without any bookkeeping. Comparing counts per period is not exact either (entries of
  deleted records stay until recompute).
- Revision 0006 adds the indexes this relies on: problem.closed_on, point_entry (date,
  supervisor_id, area, points) so a period's totals are summed from the index alone, and
  (supervisor_id, date) for `points explain`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import (
    ColumnElement,
    Date,
    DateTime,
    Integer,
    String,
    and_,
    case,
    cast,
    delete,
    func,
    insert,
    literal,
    literal_column,
    null,
    or_,
    select,
)
from sqlmodel import Session

from gridctl.dates import Period, quarter_of
from gridctl.ledger.models import Problem, Visit
from gridctl.ledger.models.points import Activity, EffectivenessAward, PointEntry
from gridctl.points import rules as rules_mod
from gridctl.points.rules import Rule, Rules, RuleSet

BATCH = 20_000
ZERO = Decimal("0")


@dataclass(frozen=True)
class Source:
    """One kind of record that earns points under one rule."""

    rule: str
    record_type: str

    def query(self):  # type: ignore[no-untyped-def]
        """id, supervisor, date, enterprise, kind of every record that qualifies."""
        if self.rule == "visit":
            v = Visit.__table__.c
            return select(v.id, v.supervisor_id, v.date, v.enterprise_id, literal(None)), v
        if self.rule == "problem-collected":
            p = Problem.__table__.c
            cols = (p.id, p.supervisor_id, p.opened, p.enterprise_id, literal(None))
            return select(*cols).where(p.opened.is_not(None)), p
        if self.rule == "problem-solved":
            p = Problem.__table__.c
            cols = (p.id, p.resolved_by_id, p.closed_on, p.enterprise_id, literal(None))
            query = select(*cols).where(p.status == "solved", p.resolved_by_id.is_not(None))
            return query, p
        if self.rule == "activity":
            a = Activity.__table__.c
            return select(a.id, a.supervisor_id, a.date, literal(None), a.kind), a
        if self.rule == "welfare":
            # A completed welfare claim counts for the supervisor who looks after the
            # enterprise (its contact supervisor), on the day it was completed.
            from gridctl.ledger.models import Enterprise
            from gridctl.ledger.models.sharing import WelfareClaim

            c, e = WelfareClaim.__table__.c, Enterprise.__table__.c
            cols = (c.id, e.supervisor_id, c.completed_on, c.enterprise_id, literal(None))
            query = (
                select(*cols)
                .join(Enterprise.__table__, e.id == c.enterprise_id)
                .where(c.completed_on.is_not(None), e.supervisor_id.is_not(None))
            )
            return query, c
        w = EffectivenessAward.__table__.c
        return select(w.id, w.supervisor_id, w.date, w.enterprise_id, w.kind), w


SOURCES = (
    Source("visit", "visit"),
    Source("problem-collected", "problem"),
    Source("problem-solved", "problem"),
    Source("activity", "activity"),
    Source("award", "award"),
    Source("welfare", "welfare"),
)
# The date column each source's entries are dated by (for paging in date order).
_DATE_COL = {
    "visit": "date",
    "problem-collected": "opened",
    "problem-solved": "closed_on",
    "activity": "date",
    "award": "date",
    "welfare": "completed_on",
}


def sync(
    session: Session,
    rules: Rules | None = None,
    *,
    start: date | None = None,
    end: date | None = None,
) -> dict[str, int]:
    """Insert entries for records that have none; returns how many per rule.

    With `start`/`end` (a read's period [start, end)), only records dated in that span,
    widened to whole cap windows, are looked at: see the module docstring.
    """
    rules = rules or rules_mod.for_session(session)
    counts = {}
    for source in SOURCES:
        counts[source.rule] = _sync_source(session, rules, source, start, end)
    session.flush()
    return counts


def sync_period(session: Session, period: Period | None, rules: Rules | None = None) -> None:
    """What every read runs first: sync the period's entries, or all of them (period None)."""
    if period is None:
        sync(session, rules)
    else:
        sync(session, rules, start=period.start, end=period.end)


def recompute(session: Session, *, since: date, rules: Rules | None = None) -> dict[str, int]:
    """Delete the derived entries dated `since` or later and derive them again."""
    rules = rules or rules_mod.for_session(session)
    table = PointEntry.__table__
    removed = session.execute(delete(table).where(table.c.date >= since)).rowcount or 0
    counts = sync(session, rules)
    return {"removed": removed, "inserted": sum(counts.values())}


def forget(session: Session, *, rule: str, record_id: int) -> int:
    """Delete the entries one record earned under `rule`, because the record went away or
    changed what it earns by (e.g. a welfare claim reopened, re-dated or deleted). The next
    read derives it again if it still qualifies; the other entries of its cap window stay as
    they are until `points recompute`."""
    table = PointEntry.__table__
    query = delete(table).where(table.c.rule == rule, table.c.record_id == record_id)
    return session.execute(query).rowcount or 0


# --- which records to look at -------------------------------------------------------------

_GRAIN = {"month": 1, "enterprise-month": 1, "quarter": 3, "year": 12}


def _floor(day: date, months: int) -> date:
    return date(day.year, (day.month - 1) // months * months + 1, 1)


def _ceil(day: date, months: int) -> date:
    first = _floor(day, months)
    if first == day:
        return day
    m = first.month - 1 + months
    return date(first.year + m // 12, m % 12 + 1, 1)


def spans(
    rules: Rules, rule: str, start: date | None = None, end: date | None = None
) -> list[tuple[date, date | None, RuleSet]]:
    """The date spans [from, to) to look at for `rule`, each with the rule set in force.

    Only days on which a rule set holding `rule` is in force (other records earn nothing
    and are not looked at again and again). A bounded span is first widened to whole cap
    windows of the widest cap this rule has in any rule set (windows are calendar months,
    quarters or years, so a year holds whole quarters and months): sync then derives every
    window it touches completely, in the same (date, id) order as an all-time sync would.
    """
    if start is not None or end is not None:
        grain = max(
            (_GRAIN[s.rules[rule].cap_per] for s in rules.sets if rule in s.rules),
            default=1,
        )
        start = _floor(start, grain) if start is not None else None
        end = _ceil(end, grain) if end is not None else None
    out = []
    for i, rule_set in enumerate(rules.sets):
        if rule not in rule_set.rules:
            continue
        lo = rule_set.effective
        hi = rules.sets[i + 1].effective if i + 1 < len(rules.sets) else None
        if start is not None and start > lo:
            lo = start
        if end is not None and (hi is None or end < hi):
            hi = end
        if hi is None or lo < hi:
            out.append((lo, hi, rule_set))
    return out


def _missing(session: Session, source: Source, lo: date, hi: date | None) -> Iterator[list[tuple]]:
    """Pages of qualifying records dated [lo, hi) without an entry for this rule, in
    (date, id) order: an index range scan of the record table's date, each probed in
    point_entry's unique (rule, record_id) index."""
    query, cols = source.query()
    entry = PointEntry.__table__.c
    day, ident = cols[_DATE_COL[source.rule]], cols.id
    query = query.outerjoin(
        PointEntry.__table__, and_(entry.rule == source.rule, entry.record_id == ident)
    ).where(entry.id.is_(None))
    if hi is not None:
        query = query.where(day < hi)
    query = query.order_by(day, ident).limit(BATCH)
    after: tuple[date, int] | None = None
    while True:
        if after is None:
            page_query = query.where(day >= lo)
        else:
            # `day >= d` first so the date index seeks there instead of scanning from lo.
            page_query = query.where(day >= after[0], or_(day > after[0], ident > after[1]))
        page = list(session.execute(page_query).all())
        if not page:
            return
        yield page
        after = (page[-1][2], page[-1][0])


def _window(rule: Rule, day: date, enterprise_id: int | None) -> str:
    if rule.cap_per == "year":
        return f"{day.year:04d}"
    if rule.cap_per == "quarter":
        return quarter_of(day).label
    month = f"{day.year:04d}-{day.month:02d}"
    return f"{month}:e{enterprise_id}" if rule.cap_per == "enterprise-month" else month


# Set-based derivation (INSERT ... SELECT) unless a capped rule has negative points, whose
# greedy cap is order-dependent beyond what a running sum expresses (then the Python path).
SET_BASED = True


def _sync_source(
    session: Session, rules: Rules, source: Source, start: date | None, end: date | None
) -> int:
    inserted = 0
    used: dict[str, Decimal] = {}
    now = datetime.now(UTC)
    for lo, hi, rule_set in spans(rules, source.rule, start, end):
        rule = rule_set.rules[source.rule]
        if SET_BASED and (rule.cap is None or min(_values(rule)) >= 0):
            inserted += _insert_select(session, source, rule_set, rule, lo, hi, now)
            used.clear()  # entries changed behind the Python path's cache
            continue
        for page in _missing(session, source, lo, hi):
            plans = [_plan(rule_set, rule, source, row) for row in page]
            _load_used(session, used, {p["cap_key"] for p in plans if p["cap_key"]})
            for p in plans:
                _apply_cap(p, used, rule)
                p["derived_at"] = now
            session.execute(insert(PointEntry.__table__), plans)
            inserted += len(plans)
    return inserted


def _values(rule: Rule) -> list[Decimal]:
    return [rule.points, *rule.kinds.values()]


def _cents(value: Decimal) -> int:
    return int(value * 100)


def _windows(rule: Rule, lo: date, hi: date) -> Iterator[tuple[date, date]]:
    """[lo, hi) cut at the rule's cap windows (the whole of it when uncapped)."""
    if rule.cap is None:
        yield lo, hi
        return
    grain = _GRAIN[rule.cap_per]
    while lo < hi:
        nxt = min(_ceil(lo + timedelta(days=1), grain), hi)
        yield lo, nxt
        lo = nxt


def _insert_select(
    session: Session,
    source: Source,
    rule_set: RuleSet,
    rule: Rule,
    lo: date,
    hi: date | None,
    now: datetime,
) -> int:
    """Derive the span's missing entries in SQL, one cap window per statement.

    Points are worked in integer cents: wanted (by kind), the window's running sum of
    wanted in (date, id) order, what the window already holds (R = cap - held). A record
    gets min(run, R+) - min(run - wanted, R+), which is what granting records one by one
    in that order gives when no value is negative.
    """
    query, cols = source.query()
    entry = PointEntry.__table__
    pe = entry.c
    day = cols[_DATE_COL[source.rule]]
    record_id, supervisor_id, _, enterprise_id, kind = query.selected_columns
    if hi is None:
        last = session.execute(select(func.max(day)).where(day >= lo)).scalar()
        if last is None:
            return 0
        hi = last + timedelta(days=1)
    wanted: ColumnElement = literal(_cents(rule.points))
    if rule.kinds:
        whens = [(kind == k, literal(_cents(v))) for k, v in rule.kinds.items()]
        wanted = case(*whens, else_=literal(_cents(rule.points)))
    missing = query.outerjoin(entry, and_(pe.rule == source.rule, pe.record_id == record_id)).where(
        pe.id.is_(None)
    )
    fixed = {
        "area": literal(rule.area),
        "rule": literal(rule.name),
        "rule_set": literal(rule_set.effective, Date),
        "record_type": literal(source.record_type),
        "derived_at": literal(now, DateTime(timezone=True)),
    }
    hundred = literal_column("100.0")
    inserted = 0
    for wlo, whi in _windows(rule, lo, hi):
        rows = missing.where(day >= wlo, day < whi)
        if rule.cap is None:
            select_ = rows.with_only_columns(
                supervisor_id.label("supervisor_id"),
                day.label("date"),
                record_id.label("record_id"),
                (wanted / hundred).label("points"),
                null().label("cap_key"),
                null().label("note"),
                *(v.label(k) for k, v in fixed.items()),
            )
        else:
            label = _window(rule, wlo, None).split(":")[0]
            key = literal(f"{rule.name}:") + cast(supervisor_id, String) + literal(f":{label}")
            if rule.cap_per == "enterprise-month":
                key = key + literal(":e") + cast(enterprise_id, String)
            order = (day, record_id)
            ranked = rows.with_only_columns(
                supervisor_id.label("sid"),
                day.label("day"),
                record_id.label("rid"),
                wanted.label("w"),
                key.label("k"),
                func.sum(wanted).over(partition_by=key, order_by=order).label("run"),
            ).subquery()
            held = select(func.coalesce(func.sum(pe.points), 0)).where(pe.cap_key == ranked.c.k)
            held_cents = cast(func.round(held.scalar_subquery() * 100), Integer)
            room = literal(_cents(rule.cap)) - held_cents
            room = case((room > 0, room), else_=0)
            before = ranked.c.run - ranked.c.w
            granted = _least(ranked.c.run, room) - _least(before, room)
            note = f"capped: {rule.cap} per {rule.cap_per}"
            select_ = select(
                ranked.c.sid.label("supervisor_id"),
                ranked.c.day.label("date"),
                ranked.c.rid.label("record_id"),
                (granted / hundred).label("points"),
                ranked.c.k.label("cap_key"),
                case((granted != ranked.c.w, literal(note)), else_=null()).label("note"),
                *(v.label(k) for k, v in fixed.items()),
            )
        names = [c.name for c in select_.selected_columns]
        statement = insert(entry).from_select(names, select_)
        # rowcount of an INSERT ... SELECT is kept only when asked for (psycopg gives -1).
        result = session.execute(statement.execution_options(preserve_rowcount=True))
        inserted += result.rowcount or 0
    return inserted


def _least(a: ColumnElement, b: ColumnElement) -> ColumnElement:
    """min(a, b) in portable SQL (SQLite's min() is PostgreSQL's least())."""
    return case((a < b, a), else_=b)


def _plan(rule_set: RuleSet, rule: Rule, source: Source, row: tuple) -> dict:
    record_id, supervisor_id, day, enterprise_id, kind = row
    cap_key = None
    if rule.cap is not None:
        cap_key = f"{rule.name}:{supervisor_id}:{_window(rule, day, enterprise_id)}"
    return {
        "supervisor_id": supervisor_id,
        "date": day,
        "area": rule.area,
        "rule": rule.name,
        "rule_set": rule_set.effective,
        "record_type": source.record_type,
        "record_id": record_id,
        "points": rule.points_for(kind),
        "cap_key": cap_key,
        "note": None,
    }


def _load_used(session: Session, used: dict[str, Decimal], keys: set[str]) -> None:
    """Points already entered in each cap window not seen yet."""
    todo = sorted(k for k in keys if k not in used)
    entry = PointEntry.__table__.c
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


def _apply_cap(plan: dict, used: dict[str, Decimal], rule: Rule) -> None:
    cap, per = rule.cap, rule.cap_per
    key = plan["cap_key"]
    if key is None or cap is None:
        return
    wanted = plan["points"]
    granted = max(ZERO, min(wanted, cap - used[key])) if wanted > 0 else wanted
    if granted != wanted:
        plan["points"] = granted
        plan["note"] = f"capped: {cap} per {per}"
    used[key] += granted
