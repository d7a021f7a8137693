"""Point entries derived from the records: `sync` brings them up to date, `recompute` re-derives.

How entries are kept current, and why:
- Entries are *derived*, never typed: each names its rule, the rule set (its `effective`
  date) and the record that earned it, so every point is traceable and the whole table can be
  rebuilt from the records. What earns points is the points sources (gridctl.points.sources).
- `sync` runs first in every command that reads points (`points show/explain/subsidy/
  notice`, and the service functions `standings` and `subsidy_rows`). It inserts entries
  only for records that have none, each with the rule set in force on the record's date. It
  never touches an existing entry, so editing the rules file does not silently rewrite last
  quarter's points: the station asks for that with `points recompute --from DATE`, which
  deletes the derived entries dated from DATE on and derives them again.
- `gridctl visit add` does not pay for any of this (start-up time, typed all day): a visit
  earns its entry the next time points are read. Imports likewise.
- Caps (at most N points per window) are filled in record order (date, then id) against
  the points already entered in the same window (`cap_key`). A record over the cap gets a
  0-point entry noted "capped", so `points explain` shows it and sync does not look at it
  again.
- Sync first re-derives the span's *dirty* cap windows (gridctl.points.fresh): an entry whose
  record is gone or moved, a record re-dated into the window, a late record before the
  window's last entry, a capped window short of its cap. So the entries always equal a
  derivation from nothing, whichever order records arrived in and whichever path changed
  them; the imports re-derive what they touch at once (fresh.refresh).
- Records with no rule in force on their date (before the first rule set, or a rule set
  without that rule) get no entry, and sync does not look at those days at all
  (gridctl.points.windows.spans).

At scale (100,000 enterprises, 5,000 supervisors, 10,000,000 visits; bench/points.py):
- A read of a period syncs only that period (`sync_period`, `sync(start=, end=)`): each
  source's records are range-scanned on their indexed date column and each record probed in
  point_entry's unique (rule, record_id) index. The span is first widened to whole cap
  windows of the widest cap the rule has in any rule set (a month read of a rule capped per
  quarter derives that quarter), so every window sync touches is derived completely in the
  same (date, id) order as an all-time sync: bounded syncs in any order, then an all-time
  one, give exactly the entries of one all-time derivation (tests/points/test_scale.py).
  The cost is that of the period's records, not of the ledger: a month of 10M visits is
  about 170,000 probes. All-time reads (`points show` without a period, `recompute`) still
  look at every record: a full index scan, linear in the ledger, no Python per record.
- Entries are derived set-based, one INSERT ... SELECT per rule set span and cap window
  (gridctl.points.derive_sql). A capped rule with a negative value (order-dependent beyond a
  running sum) takes the record-by-record path (gridctl.points.derive_stepwise), which gives
  the same entries otherwise (tested against each other).
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

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import delete, select
from sqlmodel import Session

from gridctl.dates import Period
from gridctl.ledger.models.points import PointEntry
from gridctl.points import fresh
from gridctl.points import rules as rules_mod
from gridctl.points.ruleset import Rules
from gridctl.points.sources import BY_RULE, SOURCES
from gridctl.points.sql import rowcount, table


def sync(
    session: Session,
    rules: Rules | None = None,
    *,
    start: date | None = None,
    end: date | None = None,
    pinned: Mapping[int, int] | None = None,
) -> dict[str, int]:
    """Re-derive the span's dirty windows, then insert entries for records that have none;
    returns how many were inserted per rule.

    With `start`/`end` (a read's period [start, end)), only records dated in that span,
    widened to whole cap windows, are looked at: see the module docstring.
    """
    rules = rules or rules_mod.for_session(session)
    fresh.heal(session, rules, start, end)
    counts = {}
    now = datetime.now(UTC)
    for source in SOURCES:
        counts[source.rule] = fresh.derive_span(session, rules, source, start, end, now, pinned)
    session.flush()
    return counts


def sync_period(session: Session, period: Period | None, rules: Rules | None = None) -> None:
    """What every read runs first: sync the period's entries, or all of them (period None)."""
    if period is None:
        sync(session, rules)
    else:
        sync(session, rules, start=period.start, end=period.end)


@dataclass(frozen=True, slots=True)
class Recomputed:
    """What `recompute` did: entries removed, entries derived again."""

    removed: int
    inserted: int


def recompute(session: Session, *, since: date, rules: Rules | None = None) -> Recomputed:
    """Delete the derived entries dated `since` or later and derive them again (welfare
    claims keep the supervisor they were credited to)."""
    rules = rules or rules_mod.for_session(session)
    entry = table(PointEntry)
    pinned = fresh.credit(session)
    removed = rowcount(session.execute(delete(entry).where(entry.c.date >= since)))
    counts = sync(session, rules, pinned=pinned)
    return Recomputed(removed=removed, inserted=sum(counts.values()))


def forget(session: Session, *, rule: str, record_id: int) -> int:
    """Delete the entries one record earned under `rule`, because the record goes away or
    changed what it earns by (e.g. a welfare claim reopened, re-dated or deleted), and
    re-derive the cap windows of its old and new dates as if it were gone. The next read
    derives it again if it still qualifies (a late record: its window is derived again)."""
    entry = table(PointEntry)
    days = (
        session.execute(
            select(entry.c.date).where(entry.c.rule == rule, entry.c.record_id == record_id)
        )
        .scalars()
        .all()
    )
    query = delete(entry).where(entry.c.rule == rule, entry.c.record_id == record_id)
    removed = rowcount(session.execute(query))
    source = BY_RULE[rule]
    records = source.records()
    rid, _sid, day = records.selected_columns[:3]
    now_dated = session.execute(records.with_only_columns(day).where(rid == record_id)).scalars()
    fresh.refresh(session, [*days, *now_dated], only=(rule,), without=record_id)
    return removed
