"""Import specs of the park's own records (issue 7) that have a natural key: member changes,
brands, welfare projects, resources.

These files are small (tens of rows), so each record is matched with plain queries. A new
record is created through its service (gridctl.funding, brands, welfare, resources), which
applies the same rules as the command that records one; a changed record is updated in the
fields its file gives (an absent column leaves the field alone). The rules that can fail are
checked per row first, so a bad file is refused whole with FILE:LINE reports.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from gridctl import vocab
from gridctl.i18n import t
from gridctl.imports.refs import Refs
from gridctl.imports.spec import Chunks, Column, Counts, Row, Spec, WriteCtx, choice, count
from gridctl.imports.spec import name as name_
from gridctl.imports.spec import text as text_
from gridctl.imports.upsert import apply_changes, records, rows_by
from gridctl.ledger.models import Enterprise, Grid
from gridctl.ledger.models.sharing import Resource
from gridctl.sharing import resources


def _resolve_resource(row: Row, refs: Refs) -> dict[str, Any] | None:
    owner = row.ref("owner", refs.enterprise, "enterprise") if row.get("owner") else None
    grid = row.ref("grid", refs.grid, "grid") if row.get("grid") else None
    capacity = row.get("capacity")
    if capacity is not None and capacity < 1:
        row.error("capacity", t("imp.resource.capacity"), capacity)
    if owner is None and grid is None and not row.errors:
        row.error("grid" if row.has("grid") else "owner", t("imp.resource.needs_grid"), "")
    if row.errors:
        return None
    name = row.get("name")
    grid_id = grid.id if grid is not None else _grid_of(refs, owner.id)
    rec: dict[str, Any] = {"_key": name, "kind": row.get("kind"), "grid_id": grid_id}
    if row.has("owner"):
        rec["owner_id"] = owner.id if owner else None
    for key in ("capacity", "terms", "address"):
        if row.has(key):
            rec[key] = row.get(key) if row.get(key) != "" else None
    rec["_new"] = {
        "name": name,
        "kind": row.get("kind"),
        "owner": owner.name if owner else None,
        "grid": grid.code if grid else None,
        "capacity": capacity,
        "terms": row.get("terms"),
        "address": row.get("address"),
    }
    return rec


def _grid_of(refs: Refs, enterprise_id: int) -> int:
    """Where an owner enterprise is: a resource without a grid of its own is there."""
    return refs.session.execute(
        select(Enterprise.grid_id).where(Enterprise.id == enterprise_id)
    ).scalar_one()


def _write_resources(session: Session, chunks: Chunks, ctx: WriteCtx) -> Counts:
    query = select(
        Resource.id,
        Resource.name,
        Resource.kind,
        Resource.owner_id,
        Resource.grid_id,
        Resource.capacity,
        Resource.terms,
        Resource.address,
    )
    return apply_changes(
        session,
        Resource.__table__,  # type: ignore[arg-type]
        records(chunks),
        rows_by(session, query, lambda r: r["name"]),
        lambda s, new: resources.add_resource(s, **new),
        ctx,
    )


def _export_resources(session: Session) -> Iterator[dict[str, object]]:
    query = (
        select(Resource, Enterprise.name, Grid.code)
        .join(Grid, Grid.id == Resource.grid_id)
        .outerjoin(Enterprise, Enterprise.id == Resource.owner_id)
        .order_by(Resource.name)
    )
    for r, owner, grid in session.execute(query):
        yield {
            "name": r.name,
            "kind": r.kind,
            "owner": owner or "",
            "grid": grid,
            "capacity": "" if r.capacity is None else r.capacity,
            "terms": r.terms or "",
            "address": r.address or "",
        }


RESOURCES = Spec(
    kind="resources",
    columns=(
        Column("name", "名称", True, name_(200)),
        Column("kind", "类型", True, choice(vocab.RESOURCE_KIND), vocab=vocab.RESOURCE_KIND),
        Column("owner", "提供企业", False, name_()),
        Column("grid", "网格", False, name_()),
        Column("capacity", "容纳人数", False, count),
        Column("terms", "开放方式", False, text_()),
        Column("address", "地址", False, text_(300)),
    ),
    resolve=_resolve_resource,
    keys=(("name", lambda r: r["_key"]),),
    write=_write_resources,
    export=_export_resources,
)
