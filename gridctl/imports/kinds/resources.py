"""Import kind `resources`: the park resource map, one row per venue or facility.

Natural key: the resource's name. A resource without an owner enterprise needs its grid; one
with an owner and no grid is where its owner is. A new resource is added through
resources.add_resource (the rules of `gridctl resource add`); a resource already on the map
is updated in the fields its file gives (an absent column leaves the field alone; an empty
cell clears it).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from gridctl import vocab
from gridctl.errors import GridctlError
from gridctl.i18n import t
from gridctl.imports.cells import code as code_
from gridctl.imports.cells import ref as ref_
from gridctl.imports.refs import Refs
from gridctl.imports.spec import Chunks, Column, Counts, Row, Spec, WriteCtx, choice, count
from gridctl.imports.spec import name as name_
from gridctl.imports.spec import text as text_
from gridctl.imports.upsert import apply_changes, records, rows_by
from gridctl.ledger.models import Enterprise, Grid
from gridctl.ledger.models.sharing import Resource
from gridctl.ledger.models.typed import table_of
from gridctl.sharing import resources


@dataclass(frozen=True)
class ResourceRecord:
    """A checked row: the resource's name, add_resource's arguments for a new resource, and
    the fields of the resource table the file gives for one already on the map."""

    name: str
    new: dict[str, Any]
    fields: dict[str, Any]


def _resolve_resource(row: Row, refs: Refs) -> ResourceRecord | None:
    owner = row.ref("owner", refs.enterprise, "enterprise") if row.get("owner") else None
    grid = row.ref("grid", refs.grid, "grid") if row.get("grid") else None
    capacity = row.get("capacity")
    try:
        resources.check_capacity(capacity)
    except GridctlError as exc:
        row.blame(exc, default="capacity")
    if owner is None and grid is None and not row.errors:
        row.error("grid" if row.has("grid") else "owner", t("imp.resource.needs_grid"), "")
    if row.errors:
        return None
    if grid is not None:
        grid_id = grid.id
    elif owner is not None:
        grid_id = _grid_of(refs, owner.id)
    else:
        return None  # refused above: it needs its grid
    name = row.get("name")
    fields: dict[str, Any] = {"kind": row.get("kind"), "grid_id": grid_id}
    if row.has("owner"):
        fields["owner_id"] = owner.id if owner else None
    for key in ("capacity", "terms", "address"):
        if row.has(key):
            fields[key] = row.get(key) if row.get(key) != "" else None
    new = {
        "name": name,
        "kind": row.get("kind"),
        "owner": owner.name if owner else None,
        "grid": grid.code if grid else None,
        "capacity": capacity,
        "terms": row.get("terms"),
        "address": row.get("address"),
    }
    return ResourceRecord(name, new, fields)


def _grid_of(refs: Refs, enterprise_id: int) -> int:
    """Where an owner enterprise is: a resource without a grid of its own is there."""
    return refs.session.exec(select(Enterprise.grid_id).where(Enterprise.id == enterprise_id)).one()


def _write_resources(session: Session, chunks: Chunks, ctx: WriteCtx) -> Counts:
    query = sa_select(
        col(Resource.id),
        col(Resource.name),
        col(Resource.kind),
        col(Resource.owner_id),
        col(Resource.grid_id),
        col(Resource.capacity),
        col(Resource.terms),
        col(Resource.address),
    )
    return apply_changes(
        session,
        table_of(Resource),
        records(chunks),
        rows_by(session, query, lambda r: r["name"]),
        lambda s, new: resources.add_resource(s, **new),
        ctx,
    )


def _export_resources(session: Session) -> Iterator[dict[str, object]]:
    query = (
        select(Resource, Enterprise.name, Grid.code)
        .join(Grid, col(Grid.id) == col(Resource.grid_id))
        .outerjoin(Enterprise, col(Enterprise.id) == col(Resource.owner_id))
        .order_by(col(Resource.name))
    )
    for r, owner, grid in session.exec(query):
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
        Column("owner", "提供企业", False, ref_()),
        Column("grid", "网格", False, code_()),
        Column("capacity", "容纳人数", False, count),
        Column("terms", "开放方式", False, text_()),
        Column("address", "地址", False, text_(300)),
    ),
    resolve=_resolve_resource,
    keys=(("name", lambda r: r.name),),
    write=_write_resources,
    export=_export_resources,
)
