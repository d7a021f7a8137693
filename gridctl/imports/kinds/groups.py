"""Import specs of the registers: grids, groups, supervisors, enterprises."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlmodel import Session

from gridctl.i18n import t
from gridctl.imports.refs import Refs
from gridctl.imports.spec import (
    Chunks,
    Column,
    Counts,
    Row,
    Spec,
    WriteCtx,
)
from gridctl.imports.spec import name as name_
from gridctl.imports.upsert import current_rows, records, upsert
from gridctl.ledger.models import GuidanceGroup
from gridctl.registers.groups import list_groups


def _resolve_group(row: Row, refs: Refs) -> dict[str, Any] | None:
    rec: dict[str, Any] = {"name": row.get("name")}
    if row.has("grid"):
        grid = row.ref("grid", refs.grid, "grid") if row.get("grid") else None
        if grid is not None and grid.level != 1:
            row.error("grid", t("imp.group.grid_level"), grid.code)
        rec["grid_id"] = grid.id if grid else None
    if row.has("leader"):
        leader = row.ref("leader", refs.supervisor, "supervisor") if row.get("leader") else None
        group = refs.group_or_none(rec["name"]) if rec["name"] else None
        if leader is not None and (group is None or leader.group_id != group.id):
            row.error("leader", t("imp.group.leader", group=rec["name"]), row.get("leader"))
        rec["leader_id"] = leader.id if leader else None
    return None if row.errors else rec


def _write_groups(session: Session, chunks: Chunks, ctx: WriteCtx) -> Counts:
    current = current_rows(session, GuidanceGroup, "name", ["name", "grid_id", "leader_id"])
    return upsert(
        session,
        GuidanceGroup.__table__,  # type: ignore[arg-type]
        records(chunks),
        match=lambda r: current.get(r["name"]),
        defaults=lambda r: {},
        dry_run=ctx.dry_run,
    )


def _export_groups(session: Session) -> Iterator[dict[str, object]]:
    for rec in list_groups(session):
        yield {"name": rec["name"], "grid": rec["grid"], "leader": rec["leader"]}


GROUPS = Spec(
    kind="groups",
    columns=(
        Column("name", "名称", True, name_(100)),
        Column("grid", "网格", False, name_(32)),
        Column("leader", "组长", False, name_()),
    ),
    resolve=_resolve_group,
    keys=(("name", lambda r: r["name"]),),
    write=_write_groups,
    export=_export_groups,
)
