"""Import specs of the registers: grids, groups, supervisors, enterprises."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlmodel import Session

from gridctl import vocab
from gridctl.i18n import t
from gridctl.imports.refs import Refs
from gridctl.imports.spec import (
    Chunks,
    Column,
    Counts,
    Row,
    Spec,
    WriteCtx,
    choice,
    yes_no,
)
from gridctl.imports.spec import name as name_
from gridctl.imports.upsert import current_rows, records, upsert
from gridctl.ledger.models import Supervisor
from gridctl.registers.supervisors import supervisor_rows


def _resolve_supervisor(row: Row, refs: Refs) -> dict[str, Any] | None:
    rec: dict[str, Any] = {"code": row.get("code"), "name": row.get("name")}
    group = row.ref("group", refs.group, "group")
    if group is not None:
        rec["group_id"] = group.id
        existing = refs.supervisor_or_none(rec["code"]) if rec["code"] else None
        leads = [g for g in refs.group_by_id().values() if existing and g.leader_id == existing.id]
        if leads and leads[0].id != group.id:
            row.error("group", t("imp.supervisor.leads", group=leads[0].name), row.get("group"))
    if row.has("kind"):
        rec["kind"] = row.get("kind", "full-time")
    if row.has("phone"):
        rec["phone"] = row.get("phone")
    if row.has("active"):
        rec["active"] = row.get("active", True)
    return None if row.errors else rec


def _write_supervisors(session: Session, chunks: Chunks, ctx: WriteCtx) -> Counts:
    fields = ["code", "name", "group_id", "kind", "phone", "active"]
    current = current_rows(session, Supervisor, "code", fields)
    return upsert(
        session,
        Supervisor.__table__,  # type: ignore[arg-type]
        records(chunks),
        match=lambda r: current.get(r["code"]),
        defaults=lambda r: {"kind": "full-time", "phone": None, "active": True},
        dry_run=ctx.dry_run,
    )


def _export_supervisors(session: Session) -> Iterator[dict[str, object]]:
    for rec in supervisor_rows(session):
        yield {k: rec[k] for k in ("code", "name", "group", "kind", "phone", "active")}


SUPERVISORS = Spec(
    kind="supervisors",
    columns=(
        Column("code", "编号", True, name_(32)),
        Column("name", "姓名", True, name_(100)),
        Column("group", "指导组", True, name_(100)),
        Column("kind", "类型", False, choice(vocab.SUPERVISOR_KIND), vocab=vocab.SUPERVISOR_KIND),
        Column("phone", "电话", False, name_(32)),
        Column("active", "在岗", False, yes_no),
    ),
    resolve=_resolve_supervisor,
    keys=(("code", lambda r: r["code"]),),
    write=_write_supervisors,
    export=_export_supervisors,
)
