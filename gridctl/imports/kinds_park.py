"""Import specs of the park's own records (issue 7) that have a natural key: member changes,
brands, welfare projects, resources.

These files are small (tens of rows), so each record is matched with plain queries. A new
record is created through its service (gridctl.funding, brands, welfare, resources), which
applies the same rules as the command that records one; a changed record is updated in the
fields its file gives (an absent column leaves the field alone). The rules that can fail are
checked per row first, so a bad file is refused whole with FILE:LINE reports.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy import Table, select, update
from sqlmodel import Session

from gridctl import vocab
from gridctl.i18n import t
from gridctl.imports.refs import Refs
from gridctl.imports.spec import DATE, Chunks, Column, Counts, Row, Spec, WriteCtx, choice, count
from gridctl.imports.spec import name as name_
from gridctl.imports.spec import text as text_
from gridctl.imports.upsert import records
from gridctl.ledger.models import Enterprise, Grid
from gridctl.ledger.models.funding import MemberCount
from gridctl.ledger.models.organisation import Brand
from gridctl.ledger.models.sharing import Resource, WelfareProject
from gridctl.organisation import brands
from gridctl.registers.members import set_members
from gridctl.sharing import resources, welfare

Current = dict[Any, dict[str, Any]]


def _apply(
    session: Session,
    table: Table,
    recs: list[dict[str, Any]],
    current: Current,
    create: Callable[[Session, dict[str, Any]], object],
    ctx: WriteCtx,
) -> Counts:
    """Create the new records through their service, update the changed fields of the rest.

    A record: "_key" (natural key), "_new" (the service's arguments), and the table fields
    its file gives, compared with `current` (the ledger's, by natural key, with "id").
    """
    counts = Counts()
    for rec in recs:
        old = current.get(rec["_key"])
        fields = {k: v for k, v in rec.items() if not k.startswith("_")}
        if old is None:
            counts.inserted += 1
            if not ctx.dry_run:
                create(session, rec["_new"])
        elif any(old.get(k) != v for k, v in fields.items()):
            counts.updated += 1
            if not ctx.dry_run:
                session.execute(update(table).where(table.c.id == old["id"]).values(fields))
        else:
            counts.unchanged += 1
    return counts


def _rows_by(session: Session, query: Any, key: Callable[[dict[str, Any]], Any]) -> Current:
    out = {}
    for row in session.execute(query).mappings():
        out[key(dict(row))] = dict(row)
    return out


# --- member changes (funding members) ---------------------------------------------------


def _resolve_members(row: Row, refs: Refs) -> dict[str, Any] | None:
    firm = row.ref("enterprise", refs.enterprise, "enterprise")
    if row.errors:
        return None
    day, members = row.get("from"), row.get("members")
    return {"_key": (firm.id, day), "_name": firm.name, "members": members, "_day": day}


def _write_members(session: Session, chunks: Chunks, ctx: WriteCtx) -> Counts:
    """Through funding.set_members, as `gridctl funding members` records a change."""
    counts = Counts()
    for rec in records(chunks):
        if ctx.dry_run:
            firm_id, day = rec["_key"]
            old = session.execute(
                select(MemberCount.members).where(
                    MemberCount.enterprise_id == firm_id, MemberCount.effective_from == day
                )
            ).scalar_one_or_none()
            action = (
                "recorded" if old is None else "unchanged" if old == rec["members"] else "corrected"
            )
        else:
            action = set_members(
                session, enterprise=rec["_name"], members=rec["members"], effective_from=rec["_day"]
            ).action
        if action == "recorded":
            counts.inserted += 1
        elif action == "corrected":
            counts.updated += 1
        else:
            counts.unchanged += 1
    return counts


def _export_members(session: Session) -> Iterator[dict[str, object]]:
    query = (
        select(Enterprise.name, MemberCount.members, MemberCount.effective_from)
        .join(Enterprise, Enterprise.id == MemberCount.enterprise_id)
        .where(MemberCount.effective_from.is_not(None))  # type: ignore[union-attr]
        .order_by(Enterprise.name, MemberCount.effective_from)
    )
    for name, members, day in session.execute(query):
        yield {"enterprise": name, "members": members, "from": day}


MEMBER_CHANGES = Spec(
    kind="member_changes",
    columns=(
        Column("enterprise", "企业", True, name_()),
        Column("members", "党员人数", True, count),
        Column("from", "生效日期", True, DATE),
    ),
    resolve=_resolve_members,
    keys=(("from", lambda r: r["_key"]),),
    write=_write_members,
    export=_export_members,
)


# --- brands -----------------------------------------------------------------------------


def _resolve_brand(row: Row, refs: Refs) -> dict[str, Any] | None:
    firm = row.ref("enterprise", refs.enterprise, "enterprise")
    name, since = row.get("name"), row.get("since")
    if since is not None and not 1921 <= since <= 9999:
        row.error("since", t("imp.brand.since"), since)
    if firm is not None and name:
        owner = refs.session.execute(
            select(Enterprise.name)
            .join(Brand, Brand.enterprise_id == Enterprise.id)
            .where(Brand.name == name, Enterprise.id != firm.id)
        ).scalar_one_or_none()
        if owner is not None:
            row.error("name", t("imp.brand.taken", enterprise=owner), name)
    if row.errors:
        return None
    rec: dict[str, Any] = {"_key": name, "enterprise_id": firm.id}
    if row.has("since"):
        rec["since_year"] = since
    if row.has("description"):
        rec["description"] = row.get("description") or None
    rec["_new"] = {
        "enterprise": firm.name,
        "name": name,
        "since_year": since,
        "description": row.get("description"),
    }
    return rec


def _write_brands(session: Session, chunks: Chunks, ctx: WriteCtx) -> Counts:
    query = select(Brand.id, Brand.name, Brand.enterprise_id, Brand.since_year, Brand.description)
    return _apply(
        session,
        Brand.__table__,  # type: ignore[arg-type]
        records(chunks),
        _rows_by(session, query, lambda r: r["name"]),
        lambda s, new: brands.add_brand(s, **new),
        ctx,
    )


def _export_brands(session: Session) -> Iterator[dict[str, object]]:
    for row in brands.brand_rows(session):
        yield {
            "enterprise": row["enterprise"],
            "name": row["name"],
            "since": "" if row["since"] is None else row["since"],
            "description": row["description"],
        }


BRANDS = Spec(
    kind="brands",
    columns=(
        Column("enterprise", "企业", True, name_()),
        Column("name", "品牌名称", True, name_(200)),
        Column("since", "创建年份", False, count),
        Column("description", "说明", False, text_()),
    ),
    resolve=_resolve_brand,
    keys=(("name", lambda r: r["_key"]),),
    write=_write_brands,
    export=_export_brands,
)


# --- welfare projects -------------------------------------------------------------------


def _resolve_project(row: Row, refs: Refs) -> dict[str, Any] | None:
    name = row.get("name")
    rec: dict[str, Any] = {"_key": name}
    for key in ("category", "description"):
        if row.has(key):
            rec[key] = row.get(key) or None
    rec["_new"] = {
        "name": name,
        "category": row.get("category"),
        "description": row.get("description"),
    }
    return None if row.errors else rec


def _write_projects(session: Session, chunks: Chunks, ctx: WriteCtx) -> Counts:
    query = select(
        WelfareProject.id,
        WelfareProject.name,
        WelfareProject.category,
        WelfareProject.description,
    )
    return _apply(
        session,
        WelfareProject.__table__,  # type: ignore[arg-type]
        records(chunks),
        _rows_by(session, query, lambda r: r["name"]),
        lambda s, new: welfare.add_project(s, **new),
        ctx,
    )


def _export_projects(session: Session) -> Iterator[dict[str, object]]:
    query = select(WelfareProject).order_by(WelfareProject.name)
    for (p,) in session.execute(query):
        yield {"name": p.name, "category": p.category or "", "description": p.description or ""}


WELFARE_PROJECTS = Spec(
    kind="welfare_projects",
    columns=(
        Column("name", "名称", True, name_(200)),
        Column("category", "类别", False, text_(64)),
        Column("description", "说明", False, text_()),
    ),
    resolve=_resolve_project,
    keys=(("name", lambda r: r["_key"]),),
    write=_write_projects,
    export=_export_projects,
)


# --- resources --------------------------------------------------------------------------


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
    return _apply(
        session,
        Resource.__table__,  # type: ignore[arg-type]
        records(chunks),
        _rows_by(session, query, lambda r: r["name"]),
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
