"""Import spec of activities (组织开展活动): one row per activity, its enterprises in one cell.

The natural key is supervisor + date + title (the ledger's unique constraint). A row whose
kind, participants or enterprise list differs from the ledger's is an update; an absent
column leaves that field alone. Each row passes the same rules as `gridctl activity add`
(activities.check_activity); names resolve as `activity add` resolves them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy import delete, insert, select, update
from sqlmodel import Session, col

from gridctl import vocab
from gridctl.errors import GridctlError
from gridctl.imports.cells import EXPORT_SEP, resolve_list, split_list
from gridctl.imports.cells import ref as ref_
from gridctl.imports.refs import Refs
from gridctl.imports.spec import (
    DATE,
    Chunks,
    Column,
    Counts,
    Row,
    Spec,
    WriteCtx,
    choice,
    count,
)
from gridctl.imports.spec import name as name_
from gridctl.imports.upsert import records
from gridctl.ledger.models import Enterprise, Supervisor
from gridctl.ledger.models.points import Activity, ActivityEnterprise
from gridctl.ledger.models.typed import table_of
from gridctl.work.activities import check_activity

# supervisor, date, title
ActivityKey = tuple[int, dt.date, str]


@dataclass(frozen=True, slots=True)
class ActivityRec:
    """A checked row: the activity's natural key, and what the file gives of it."""

    supervisor_id: int
    date: dt.date
    title: str
    changes: dict[str, object]  # kind, participants: those the file has a column of
    enterprises: tuple[int, ...] | None  # ids, sorted; None: no enterprises column

    @property
    def key(self) -> ActivityKey:
        return (self.supervisor_id, self.date, self.title)


@dataclass
class Stored:
    """An activity the ledger holds: its id, the fields an import updates, its enterprises."""

    id: int
    kind: str
    participants: int | None
    enterprises: list[int] = field(default_factory=list)


def _resolve(row: Row, refs: Refs) -> ActivityRec | None:
    person = row.ref("supervisor", refs.supervisor, "supervisor")
    firms = resolve_list(row, "enterprises", refs.enterprise, "enterprise")
    day, title = row.get("date"), row.get("title")
    kind = "other"
    if day is not None and title is not None:
        try:
            title, kind = check_activity(
                title=title,
                day=day,
                kind=row.get("kind") or "other",
                participants=row.get("participants"),
                today=refs.today,
            )
        except GridctlError as exc:
            row.blame(exc, default="title")
    if row.errors:
        return None
    changes: dict[str, object] = {}
    if row.has("kind"):
        changes["kind"] = kind
    if row.has("participants"):
        changes["participants"] = row.get("participants")
    return ActivityRec(
        supervisor_id=person.id,
        date=day,
        title=title,
        changes=changes,
        enterprises=tuple(sorted({f.id for f in firms})) if firms is not None else None,
    )


def _existing(session: Session, recs: list[ActivityRec]) -> dict[ActivityKey, Stored]:
    """The ledger's activities of these supervisors on these days, with their enterprises."""
    out: dict[ActivityKey, Stored] = {}
    if not recs:
        return out
    people = sorted({r.supervisor_id for r in recs})
    days = sorted({r.date for r in recs})
    query = select(
        col(Activity.id),
        col(Activity.supervisor_id),
        col(Activity.date),
        col(Activity.title),
        col(Activity.kind),
        col(Activity.participants),
    ).where(col(Activity.supervisor_id).in_(people), col(Activity.date).in_(days))
    by_id: dict[int, Stored] = {}
    for aid, sid, day, title, kind, n in session.execute(query):
        if aid is not None:
            out[(sid, day, title)] = by_id[aid] = Stored(aid, kind, n)
    ids = list(by_id)
    for start in range(0, len(ids), 500):
        links = select(
            col(ActivityEnterprise.activity_id), col(ActivityEnterprise.enterprise_id)
        ).where(col(ActivityEnterprise.activity_id).in_(ids[start : start + 500]))
        for aid, eid in session.execute(links):
            by_id[aid].enterprises.append(eid)
    for stored in by_id.values():
        stored.enterprises.sort()
    return out


def _differs(rec: ActivityRec, old: Stored) -> bool:
    return any(getattr(old, k) != v for k, v in rec.changes.items()) or (
        rec.enterprises is not None and list(rec.enterprises) != old.enterprises
    )


def _write(session: Session, chunks: Chunks, ctx: WriteCtx) -> Counts:
    recs: list[ActivityRec] = records(chunks)
    counts = Counts()
    existing = _existing(session, recs)
    new, changed = [], []
    for rec in recs:
        old = existing.get(rec.key)
        if old is None:
            new.append(rec)
        elif _differs(rec, old):
            changed.append((rec, old))
    counts.inserted = len(new)
    counts.updated = len(changed)
    counts.unchanged = len(recs) - len(new) - len(changed)
    if not ctx.dry_run:
        _insert(session, new, ctx)
        _update(session, changed)
    if not ctx.dry_run and (new or changed):
        # A changed kind changes what the activity earns: re-derive its cap window now.
        from gridctl.points.fresh import refresh

        refresh(session, [r.date for r in new] + [r.date for r, _ in changed], only=("activity",))
    return counts


def _insert(session: Session, new: list[ActivityRec], ctx: WriteCtx) -> None:
    if not new:
        return
    rows = [
        {
            "supervisor_id": r.supervisor_id,
            "date": r.date,
            "title": r.title,
            "kind": r.changes.get("kind", "other"),
            "participants": r.changes.get("participants"),
            "source": ctx.source,
            "recorded_at": ctx.now,
        }
        for r in new
    ]
    session.execute(insert(table_of(Activity)), rows)
    ids = _existing(session, new)
    pairs = [
        {"activity_id": ids[r.key].id, "enterprise_id": e} for r in new for e in r.enterprises or ()
    ]
    if pairs:
        session.execute(insert(table_of(ActivityEnterprise)), pairs)


def _update(session: Session, changed: list[tuple[ActivityRec, Stored]]) -> None:
    table, links = table_of(Activity), table_of(ActivityEnterprise)
    for rec, old in changed:
        if any(getattr(old, k) != v for k, v in rec.changes.items()):
            session.execute(update(table).where(table.c.id == old.id).values(rec.changes))
        if rec.enterprises is not None and list(rec.enterprises) != old.enterprises:
            session.execute(delete(links).where(links.c.activity_id == old.id))
            if rec.enterprises:
                session.execute(
                    insert(links),
                    [{"activity_id": old.id, "enterprise_id": e} for e in rec.enterprises],
                )


def _export(session: Session) -> Iterator[dict[str, object]]:
    query = (
        select(Activity, col(Supervisor.code))
        .join(Supervisor, col(Supervisor.id) == col(Activity.supervisor_id))
        .order_by(col(Activity.date), col(Supervisor.code), col(Activity.title))
    )
    found = session.execute(query).all()
    names: dict[int, list[str]] = {}
    ids = [a.id for a, _ in found if a.id is not None]
    for start in range(0, len(ids), 500):
        links = (
            select(col(ActivityEnterprise.activity_id), col(Enterprise.name))
            .join(Enterprise, col(Enterprise.id) == col(ActivityEnterprise.enterprise_id))
            .where(col(ActivityEnterprise.activity_id).in_(ids[start : start + 500]))
            .order_by(col(Enterprise.name))
        )
        for aid, name in session.execute(links):
            names.setdefault(aid, []).append(name)
    for a, scode in found:
        yield {
            "title": a.title,
            "supervisor": scode,
            "date": a.date,
            "kind": a.kind,
            "enterprises": EXPORT_SEP.join(names.get(a.id, [])),
            "participants": "" if a.participants is None else a.participants,
        }


ACTIVITIES = Spec(
    kind="activities",
    columns=(
        Column("title", "活动名称", True, name_(300)),
        Column("supervisor", "指导员", True, ref_()),
        Column("date", "活动日期", True, DATE),
        Column("kind", "活动类型", False, choice(vocab.ACTIVITY_KIND), vocab=vocab.ACTIVITY_KIND),
        Column("enterprises", "参与企业", False, split_list),
        Column("participants", "参与人数", False, count),
    ),
    resolve=_resolve,
    keys=(("title", lambda r: r.key),),
    write=_write,
    export=_export,
)
