"""Import spec of activities (组织开展活动): one row per activity, its enterprises in one cell.

The natural key is supervisor + date + title (the ledger's unique constraint). A row whose
kind, participants or enterprise list differs from the ledger's is an update; an absent
column leaves that field alone. Each row passes the same rules as `gridctl activity add`
(gridctl.activities.check_activity); names resolve as `activity add` resolves them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlmodel import Session

from gridctl import vocab
from gridctl.errors import GridctlError
from gridctl.imports.cells import EXPORT_SEP, resolve_list, split_list
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
from gridctl.work.activities import check_activity

FIELD_COLUMN = {
    "TITLE": "title",
    "--date": "date",
    "--kind": "kind",
    "--participants": "participants",
}


def _resolve(row: Row, refs: Refs) -> dict[str, Any] | None:
    person = row.ref("supervisor", refs.supervisor, "supervisor")
    firms = resolve_list(row, "enterprises", refs.enterprise, "enterprise")
    day, title = row.get("date"), row.get("title")
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
            row.error(FIELD_COLUMN.get(exc.field, "title"), exc.detail, exc.value)
    if row.errors:
        return None
    rec: dict[str, Any] = {"supervisor_id": person.id, "date": day, "title": title}
    if row.has("kind"):
        rec["kind"] = kind
    if row.has("participants"):
        rec["participants"] = row.get("participants")
    if firms is not None:
        rec["_enterprises"] = tuple(sorted({f.id for f in firms}))
    return rec


KEY = ("supervisor_id", "date", "title")


def _key(rec: dict[str, Any]) -> tuple:
    return tuple(rec[k] for k in KEY)


def _existing(session: Session, recs: list[dict[str, Any]]) -> dict[tuple, dict[str, Any]]:
    """The ledger's activities of these supervisors on these days, with their enterprises."""
    people = sorted({r["supervisor_id"] for r in recs})
    days = sorted({r["date"] for r in recs})
    out: dict[tuple, dict[str, Any]] = {}
    if not recs:
        return out
    query = select(
        Activity.id,
        Activity.supervisor_id,
        Activity.date,
        Activity.title,
        Activity.kind,
        Activity.participants,
    ).where(
        Activity.supervisor_id.in_(people),  # type: ignore[attr-defined]
        Activity.date.in_(days),  # type: ignore[attr-defined]
    )
    by_id = {}
    for aid, sid, day, title, kind, n in session.execute(query):
        row = {"id": aid, "kind": kind, "participants": n, "_enterprises": []}
        out[(sid, day, title)] = by_id[aid] = row
    ids = list(by_id)
    for start in range(0, len(ids), 500):
        links = select(ActivityEnterprise.activity_id, ActivityEnterprise.enterprise_id).where(
            ActivityEnterprise.activity_id.in_(ids[start : start + 500])  # type: ignore[attr-defined]
        )
        for aid, eid in session.execute(links):
            by_id[aid]["_enterprises"].append(eid)
    for row in by_id.values():
        row["_enterprises"] = tuple(sorted(row["_enterprises"]))
    return out


def _write(session: Session, chunks: Chunks, ctx: WriteCtx) -> Counts:
    recs = records(chunks)
    counts = Counts()
    existing = _existing(session, recs)
    new, changed = [], []
    for rec in recs:
        old = existing.get(_key(rec))
        if old is None:
            new.append(rec)
        elif any(old[k] != v for k, v in rec.items() if k in old):
            changed.append((old["id"], rec, old))
    counts.inserted = len(new)
    counts.updated = len(changed)
    counts.unchanged = len(recs) - len(new) - len(changed)
    if ctx.dry_run:
        return counts
    table = Activity.__table__  # type: ignore[attr-defined]
    links = ActivityEnterprise.__table__  # type: ignore[attr-defined]
    if new:
        session.execute(
            insert(table),
            [
                {
                    **{k: r[k] for k in KEY},
                    "kind": r.get("kind", "other"),
                    "participants": r.get("participants"),
                    "source": ctx.source,
                    "recorded_at": ctx.now,
                }
                for r in new
            ],
        )
        ids = _existing(session, new)
        pairs = [
            {"activity_id": ids[_key(r)]["id"], "enterprise_id": e}
            for r in new
            for e in r.get("_enterprises", ())
        ]
        if pairs:
            session.execute(insert(links), pairs)
    for aid, rec, old in changed:
        fields = {k: rec[k] for k in ("kind", "participants") if k in rec}
        if any(old[k] != v for k, v in fields.items()):
            session.execute(update(table).where(table.c.id == aid).values(fields))
        if "_enterprises" in rec and rec["_enterprises"] != old["_enterprises"]:
            session.execute(delete(links).where(links.c.activity_id == aid))
            if rec["_enterprises"]:
                session.execute(
                    insert(links),
                    [{"activity_id": aid, "enterprise_id": e} for e in rec["_enterprises"]],
                )
    return counts


def _export(session: Session) -> Iterator[dict[str, object]]:
    query = (
        select(Activity, Supervisor.code)
        .join(Supervisor, Supervisor.id == Activity.supervisor_id)
        .order_by(Activity.date, Supervisor.code, Activity.title)
    )
    found = session.execute(query).all()
    names: dict[int, list[str]] = {}
    ids = [a.id for a, _ in found]
    for start in range(0, len(ids), 500):
        links = (
            select(ActivityEnterprise.activity_id, Enterprise.name)
            .join(Enterprise, Enterprise.id == ActivityEnterprise.enterprise_id)
            .where(ActivityEnterprise.activity_id.in_(ids[start : start + 500]))  # type: ignore[attr-defined]
            .order_by(Enterprise.name)
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
        Column("supervisor", "指导员", True, name_()),
        Column("date", "活动日期", True, DATE),
        Column("kind", "活动类型", False, choice(vocab.ACTIVITY_KIND), vocab=vocab.ACTIVITY_KIND),
        Column("enterprises", "参与企业", False, split_list),
        Column("participants", "参与人数", False, count),
    ),
    resolve=_resolve,
    keys=(("title", _key),),
    write=_write,
    export=_export,
)
