"""The points sources: every kind of record that earns points, one entry each.

A source is one rule of the rules file (`[ruleset.rules.NAME]`) and the records it counts.
Its entry says everything the scheme needs to know about it:
- `rule`: the rule's name in the rules file (and in point_entry.rule);
- `record_type`: what its entries name as their record (point_entry.record_type, shown by
  `points explain` as "visit 12"); two sources may count the same records (problems are
  collected and solved);
- `records`: a query over the record tables selecting, in this order, the id, the supervisor
  credited, the date, the enterprise (or None) and the kind (or None) of every record that
  qualifies. The third column is the source's date column: its entries are dated by it, and
  derive range-scans it, so it must lead an index (tests/points/test_sources.py checks);
- `describe`: a short text for each record, shown beside its entry by `points explain`;
- `per_enterprise`: its records name one enterprise, so `cap_per = "enterprise-month"` means
  something for it;
- `kinds`: the vocabulary its rule may give points by (`kinds = { lecture = 3 }`), if any.

The rules file's check (gridctl.points.rules), derive (sync, recompute), the standings and
`points explain` all read SOURCES; nothing else lists the sources.

To add a source:
1. Add one `Source(...)` to SOURCES below, its `records` and `describe` functions beside it.
2. If it needs a new table, or brings a new record type: a migration (the table, with an
   index on its date column; point_entry's record_type CHECK lists the record types,
   gridctl.ledger.models.points.RECORD_TYPES).
3. Say what it earns by default in default_rules.toml, which documents the rules for the
   station (a test checks the shipped rules name every source). If it takes `kinds`, the
   refusal of kinds elsewhere (detail.rules.kinds) names the rules that take them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, literal, select
from sqlmodel import Session

from gridctl import vocab
from gridctl.ledger.models import Enterprise, Problem, Visit
from gridctl.ledger.models.points import Activity, EffectivenessAward
from gridctl.ledger.models.sharing import WelfareClaim, WelfareProject
from gridctl.points.sql import table

# id, supervisor id, date, enterprise id, kind: see the module docstring.
Records = Select[Any, Any, Any, Any, Any]
Describe = Callable[[Session, Sequence[int]], Iterable[tuple[int, str]]]


@dataclass(frozen=True, slots=True)
class Source:
    """One kind of record that earns points under one rule."""

    rule: str
    record_type: str
    records: Callable[[], Records]
    describe: Describe
    per_enterprise: bool = False
    kinds: Mapping[str, str] | None = None


def _visits() -> Records:
    v = table(Visit).c
    return select(v.id, v.supervisor_id, v.date, v.enterprise_id, literal(None))


def _describe_visits(session: Session, ids: Sequence[int]) -> Iterable[tuple[int, str]]:
    v, e = table(Visit).c, table(Enterprise).c
    query = select(v.id, e.name).join_from(table(Visit), table(Enterprise), e.id == v.enterprise_id)
    return ((rid, name) for rid, name in session.execute(query.where(v.id.in_(ids))))


def _problems_collected() -> Records:
    p = table(Problem).c
    query = select(p.id, p.supervisor_id, p.opened, p.enterprise_id, literal(None))
    return query.where(p.opened.is_not(None))


def _problems_solved() -> Records:
    # Credited to who solved it, on the day it was solved.
    p = table(Problem).c
    query = select(p.id, p.resolved_by_id, p.closed_on, p.enterprise_id, literal(None))
    return query.where(p.status == "solved", p.resolved_by_id.is_not(None))


def _describe_problems(session: Session, ids: Sequence[int]) -> Iterable[tuple[int, str]]:
    p, e = table(Problem).c, table(Enterprise).c
    query = select(p.id, e.name, p.description).join_from(
        table(Problem), table(Enterprise), e.id == p.enterprise_id
    )
    rows = session.execute(query.where(p.id.in_(ids)))
    return ((rid, f"{name}: {text}") for rid, name, text in rows)


def _activities() -> Records:
    a = table(Activity).c
    return select(a.id, a.supervisor_id, a.date, literal(None), a.kind)


def _describe_activities(session: Session, ids: Sequence[int]) -> Iterable[tuple[int, str]]:
    a = table(Activity).c
    rows = session.execute(select(a.id, a.title, a.kind).where(a.id.in_(ids)))
    return ((rid, f"{title} ({kind})") for rid, title, kind in rows)


def _awards() -> Records:
    w = table(EffectivenessAward).c
    return select(w.id, w.supervisor_id, w.date, w.enterprise_id, w.kind)


def _describe_awards(session: Session, ids: Sequence[int]) -> Iterable[tuple[int, str]]:
    w = table(EffectivenessAward).c
    rows = session.execute(select(w.id, w.kind, w.reason).where(w.id.in_(ids)))
    return ((rid, f"{kind}: {reason}") for rid, kind, reason in rows)


def _welfare() -> Records:
    # A completed welfare claim counts for the supervisor who looks after the enterprise
    # (its contact supervisor), on the day it was completed.
    c, e = table(WelfareClaim).c, table(Enterprise).c
    query = select(c.id, e.supervisor_id, c.completed_on, c.enterprise_id, literal(None))
    query = query.join_from(table(WelfareClaim), table(Enterprise), e.id == c.enterprise_id)
    return query.where(c.completed_on.is_not(None), e.supervisor_id.is_not(None))


def _describe_welfare(session: Session, ids: Sequence[int]) -> Iterable[tuple[int, str]]:
    c, w, e = table(WelfareClaim).c, table(WelfareProject).c, table(Enterprise).c
    query = (
        select(c.id, w.name, e.name)
        .join_from(table(WelfareClaim), table(WelfareProject), w.id == c.project_id)
        .join(table(Enterprise), e.id == c.enterprise_id)
    )
    rows = session.execute(query.where(c.id.in_(ids)))
    return ((rid, f"{project}: {name}") for rid, project, name in rows)


# In the order the rules file's check lists them.
SOURCES = (
    Source(
        rule="visit",
        record_type="visit",
        records=_visits,
        describe=_describe_visits,
        per_enterprise=True,
    ),
    Source(
        rule="problem-collected",
        record_type="problem",
        records=_problems_collected,
        describe=_describe_problems,
        per_enterprise=True,
    ),
    Source(
        rule="problem-solved",
        record_type="problem",
        records=_problems_solved,
        describe=_describe_problems,
        per_enterprise=True,
    ),
    Source(
        rule="activity",
        record_type="activity",
        records=_activities,
        describe=_describe_activities,
        kinds=vocab.ACTIVITY_KIND,
    ),
    Source(
        rule="award",
        record_type="award",
        records=_awards,
        describe=_describe_awards,
        kinds=vocab.AWARD_KIND,
    ),
    Source(
        rule="welfare",
        record_type="welfare",
        records=_welfare,
        describe=_describe_welfare,
        per_enterprise=True,
    ),
)
# The source of each rule.
BY_RULE = {s.rule: s for s in SOURCES}
