"""Keeping point entries equal to a derivation from nothing, whatever changed and in what order.

Entries are derived into whole cap windows (a rule's calendar month, quarter or year). A
window is *dirty* when its entries are no longer what deriving it from nothing would give:
- an entry's record is gone, no longer qualifies (a problem reopened), or moved: another
  date or another supervisor (a problem re-dated, its solver or collector changed);
- a record dated in the window carries an entry dated elsewhere (it was re-dated into it);
- a record without an entry sorts before the window's last entry in (date, id) order: a
  late record, which must take its share of the cap before the records dated after it.
A dirty window is derived again whole: its entries of that rule are deleted and the window's
records granted in (date, id) order, so the caps are filled in record-date order however
the records arrived (a window with new records only at its end just gets them appended).

`heal` finds and re-derives the dirty windows of a span: sync runs it before inserting, so
every read is fresh. `refresh` re-derives the windows holding given days: the write paths
call it in their own transaction with the old and new dates of what they changed, so the
stored entries are right before anyone reads (and `db check` finds nothing); it also covers
what `heal` cannot see, an activity whose kind changed (editing a rule's points in the rules
file must change nothing until `points recompute`, so heal does not compare points).

Welfare points stay with the supervisor credited on the day the claim was completed: an
entry's supervisor is not compared, and re-deriving a window keeps each claim's credited
supervisor (`credit`); only a claim without an entry is credited to the enterprise's
contact supervisor of today.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import and_, delete, exists, func, literal, or_, select
from sqlmodel import Session

from gridctl.ledger.models.points import PointEntry
from gridctl.points.derive_sql import insert_select
from gridctl.points.derive_stepwise import derive_stepwise
from gridctl.points.ruleset import Rule, Rules
from gridctl.points.sources import BY_RULE, SOURCES, Records, Source
from gridctl.points.sql import table
from gridctl.points.windows import GRAIN, ceil, floor, spans

# Set-based derivation (INSERT ... SELECT) unless a capped rule has negative points, whose
# greedy cap is order-dependent beyond what a running sum expresses (then record by record).
SET_BASED = True
# How derive notes a capped entry ("capped: 5 per month").
CAPPED = "capped: "
# The rule whose entries keep the supervisor they were credited to.
PINNED = "welfare"

Window = tuple[date, date]


def grain(rules: Rules, rule: str) -> int:
    """Months in the widest cap window `rule` has in any rule set (1 when never capped)."""
    return max(
        (GRAIN[s.rules[rule].cap_per] for s in rules.sets if rule in s.rules and s.rules[rule].cap),
        default=1,
    )


def window_of(rules: Rules, rule: str, day: date) -> Window:
    months = grain(rules, rule)
    lo = floor(day, months)
    return lo, ceil(date.fromordinal(lo.toordinal() + 1), months)


def credit(session: Session) -> dict[int, int]:
    """Each welfare claim's credited supervisor, as its entry says."""
    pe = table(PointEntry).c
    rows = session.execute(select(pe.record_id, pe.supervisor_id).where(pe.rule == PINNED))
    return {rid: sid for rid, sid in rows}


def refresh(
    session: Session,
    days: Iterable[date | None],
    only: Iterable[str] | None = None,
    rules: Rules | None = None,
    without: int | None = None,
) -> None:
    """Re-derive, for every rule (or the rules `only` names), the cap windows holding `days`
    (the old and new dates of the records a write changed; None is skipped). `without`: a
    record about to be deleted, derived as if it were gone already."""
    from gridctl.points import rules as rules_mod

    rules = rules or rules_mod.for_session(session)
    wanted = {d for d in days if d is not None}
    if not wanted:
        return
    names = set(only) if only is not None else {s.rule for s in SOURCES}
    dirty = {r: {window_of(rules, r, d) for d in wanted} for r in sorted(names)}
    rederive(session, rules, dirty, without)


def heal(session: Session, rules: Rules, start: date | None, end: date | None) -> int:
    """Re-derive the dirty windows of [start, end) (all time when None); how many."""
    dirty: dict[str, set[Window]] = {}
    for source in SOURCES:
        found: set[Window] = set()
        for lo, hi, _rule_set in spans(rules, source.rule, start, end):
            days = _moved(session, source, lo, hi) | _late(session, rules, source, lo, hi)
            days |= _short(session, source.rule, lo, hi)
            found |= {window_of(rules, source.rule, d) for d in days}
        if found:
            dirty[source.rule] = found
    rederive(session, rules, dirty)
    return sum(len(w) for w in dirty.values())


def rederive(
    session: Session, rules: Rules, dirty: Mapping[str, set[Window]], without: int | None = None
) -> None:
    """Delete the entries of each rule's windows (and of the records dated in them) and
    derive the windows again, in (date, id) order."""
    if not dirty:
        return
    entry = table(PointEntry)
    pe = entry.c
    pinned = credit(session) if PINNED in dirty else {}
    now = datetime.now(UTC)
    for rule, windows in dirty.items():
        source = BY_RULE[rule] if without is None else _without(BY_RULE[rule], without)
        query = source.records()
        rid, _sid, day = query.selected_columns[:3]
        for lo, hi in sorted(windows):
            inside = query.with_only_columns(rid).where(day >= lo, day < hi)
            session.execute(
                delete(entry).where(
                    pe.rule == rule,
                    or_(and_(pe.date >= lo, pe.date < hi), pe.record_id.in_(inside)),
                )
            )
        for lo, hi in sorted(windows):
            derive_span(session, rules, source, lo, hi, now, pinned)
    session.flush()


def derive_span(
    session: Session,
    rules: Rules,
    source: Source,
    start: date | None,
    end: date | None,
    now: datetime,
    pinned: Mapping[int, int] | None = None,
) -> int:
    """Insert the missing entries of `source` dated [start, end); how many. Welfare claims
    named in `pinned` keep their credited supervisor (record by record)."""
    inserted = 0
    used: dict[str, Decimal] = {}
    for lo, hi, rule_set in spans(rules, source.rule, start, end):
        rule = rule_set.rules[source.rule]
        keep = pinned if source.rule == PINNED and pinned else None
        if SET_BASED and keep is None and (rule.cap is None or min(_values(rule)) >= 0):
            inserted += insert_select(session, source, rule_set, rule, lo, hi, now)
            used.clear()  # entries changed behind the record-by-record path's cache
            continue
        inserted += derive_stepwise(session, source, rule_set, rule, (lo, hi), now, used, keep)
    return inserted


def _without(source: Source, record_id: int) -> Source:
    def records() -> Records:
        query = source.records()
        return query.where(query.selected_columns[0] != record_id)

    return replace(source, records=records)


def _values(rule: Rule) -> list[Decimal]:
    return [rule.points, *rule.kinds.values()]


def _moved(session: Session, source: Source, lo: date, hi: date | None) -> set[date]:
    """Days of entries in [lo, hi) whose record is gone or moved, and the old days of
    records dated in [lo, hi) whose entry lies elsewhere."""
    entry = table(PointEntry)
    pe = entry.c
    query = source.records()
    rid, sid, day = query.selected_columns[:3]
    same = [rid == pe.record_id, day == pe.date]
    if source.rule != PINNED:
        same.append(sid == pe.supervisor_id)
    gone = (
        select(pe.date)
        .distinct()
        .where(
            pe.rule == source.rule,
            pe.date >= lo,
            ~exists(query.with_only_columns(literal(1)).where(*same)),
        )
    )
    if hi is not None:
        gone = gone.where(pe.date < hi)
    differ = [pe.date != day]
    if source.rule != PINNED:
        differ.append(pe.supervisor_id != sid)
    moved = (
        query.with_only_columns(pe.date, day)
        .join(entry, and_(pe.rule == source.rule, pe.record_id == rid))
        .where(day >= lo, or_(*differ))
    )
    if hi is not None:
        moved = moved.where(day < hi)
    days = set(session.execute(gone).scalars())
    for old, new in session.execute(moved):
        days |= {old, new}
    return days


def _late(session: Session, rules: Rules, source: Source, lo: date, hi: date | None) -> set[date]:
    """Days of records without an entry that sort before the last entry of their window."""
    if not any(s.rules[source.rule].cap for s in rules.sets if source.rule in s.rules):
        return set()
    entry = table(PointEntry)
    pe = entry.c
    query = source.records()
    rid, _sid, day = query.selected_columns[:3]
    missing = query.outerjoin(entry, and_(pe.rule == source.rule, pe.record_id == rid)).where(
        pe.id.is_(None), day >= lo
    )
    if hi is not None:
        missing = missing.where(day < hi)
    last = _last(session, source.rule, lo, hi)
    if last is None:
        return set()
    candidates = missing.where(day <= last[0]).with_only_columns(day).distinct()
    windows = {window_of(rules, source.rule, d) for d in session.execute(candidates).scalars()}
    late: set[date] = set()
    for wlo, whi in sorted(windows):
        end = _last(session, source.rule, wlo, whi)
        in_window = missing.where(day >= wlo, day < whi).with_only_columns(day, rid)
        first = session.execute(in_window.order_by(day, rid).limit(1)).first()
        if end is not None and first is not None and (first[0], first[1]) < end:
            late.add(wlo)
    return late


def _short(session: Session, rule: str, lo: date, hi: date | None) -> set[date]:
    """Days of cap windows holding a capped entry but fewer points than that cap: a record
    that took room in it was deleted or changed. The cap is the one the note names (the cap
    the window was derived with), so raising a cap in the rules file changes nothing until
    `points recompute`."""
    pe = table(PointEntry).c
    capped = select(pe.cap_key).where(
        pe.rule == rule, pe.date >= lo, pe.note.like(f"{CAPPED}%"), pe.points >= 0
    )
    if hi is not None:
        capped = capped.where(pe.date < hi)
    query = (
        select(pe.cap_key, func.sum(pe.points), func.max(pe.note), func.min(pe.date))
        .where(pe.rule == rule, pe.cap_key.in_(capped.distinct()))
        .group_by(pe.cap_key)
    )
    days = set()
    for _key, total, note, first in session.execute(query):
        cap = _noted_cap(note)
        if cap is not None and Decimal(total or 0) < cap:
            days.add(first)
    return days


def _noted_cap(note: str | None) -> Decimal | None:
    """The cap in a note "capped: 5 per month"."""
    try:
        return Decimal((note or "").removeprefix(CAPPED).split()[0])
    except (IndexError, ArithmeticError):
        return None


def _last(session: Session, rule: str, lo: date, hi: date | None) -> tuple[date, int] | None:
    pe = table(PointEntry).c
    query = select(pe.date, pe.record_id).where(pe.rule == rule, pe.date >= lo)
    if hi is not None:
        query = query.where(pe.date < hi)
    row = session.execute(query.order_by(pe.date.desc(), pe.record_id.desc()).limit(1)).first()
    return None if row is None else (row[0], row[1])


Derived = dict[tuple[str, int], tuple[int, date, Decimal]]


def from_nothing(session: Session, rules: Rules | None = None) -> Derived:
    """Every entry a derivation into an empty ledger gives, by (rule, record): supervisor,
    date, points. It writes in the session's transaction: the caller rolls it back."""
    from gridctl.points import rules as rules_mod

    rules = rules or rules_mod.for_session(session)
    pinned = credit(session)
    session.execute(delete(table(PointEntry)))
    now = datetime.now(UTC)
    for source in SOURCES:
        derive_span(session, rules, source, None, None, now, pinned)
    return stored(session)


def stored(session: Session) -> Derived:
    """The derived entries as the ledger holds them, by (rule, record)."""
    pe = table(PointEntry).c
    rows = session.execute(select(pe.rule, pe.record_id, pe.supervisor_id, pe.date, pe.points))
    return {(r, rid): (sid, d, Decimal(p)) for r, rid, sid, d, p in rows}
