"""The groups import kind: guidance groups by name, with their level-1 grid and leader.

A leader must already be a supervisor of the group (a new group gets its leader from a later
import, once its supervisors are in).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlmodel import Session

from gridctl.errors import Invalid
from gridctl.i18n import t
from gridctl.imports.cells import code as code_
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
from gridctl.ledger.models.typed import table_of
from gridctl.registers.groups import check_group_grid, check_leader, list_groups


def _resolve_group(row: Row, refs: Refs) -> dict[str, Any] | None:
    """The group's column values the file gives."""
    name = row.get("name")
    rec: dict[str, Any] = {"name": name}
    if row.has("grid"):
        grid = row.ref("grid", refs.grid, "grid") if row.get("grid") else None
        if grid is not None:
            try:
                check_group_grid(grid.code, grid.level)
            except Invalid:  # the rule as the file's reader is told it
                row.error("grid", t("imp.group.grid_level"), grid.code)
        rec["grid_id"] = grid.id if grid else None
    if row.has("leader"):
        leader = row.ref("leader", refs.supervisor, "supervisor") if row.get("leader") else None
        group = refs.group_or_none(name) if name else None
        if leader is not None:
            try:
                check_leader(
                    row.get("leader"),
                    leader_group=leader.group_id,
                    group_id=group.id if group else None,
                    group=name,
                )
            except Invalid as exc:
                row.blame(exc, default="leader")
        rec["leader_id"] = leader.id if leader else None
    return None if row.errors else rec


def _write_groups(session: Session, chunks: Chunks, ctx: WriteCtx) -> Counts:
    current = current_rows(session, GuidanceGroup, "name", ["name", "grid_id", "leader_id"])
    return upsert(
        session,
        table_of(GuidanceGroup),
        records(chunks),
        match=lambda r: current.get(r["name"]),
        defaults=lambda r: {},
        dry_run=ctx.dry_run,
    )


def _export_groups(session: Session) -> Iterator[dict[str, object]]:
    for group in list_groups(session):
        yield {"name": group.name, "grid": group.grid, "leader": group.leader}


GROUPS = Spec(
    kind="groups",
    columns=(
        Column("name", "名称", True, name_(100)),
        Column("grid", "网格", False, code_(32)),
        Column("leader", "组长", False, name_()),
    ),
    resolve=_resolve_group,
    keys=(("name", lambda r: r["name"]),),
    write=_write_groups,
    export=_export_groups,
)
