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

from gridctl.i18n import t
from gridctl.imports.refs import Refs
from gridctl.imports.spec import Chunks, Column, Counts, Row, Spec, WriteCtx, count
from gridctl.imports.spec import name as name_
from gridctl.imports.spec import text as text_
from gridctl.imports.upsert import apply_changes, records, rows_by
from gridctl.ledger.models import Enterprise
from gridctl.ledger.models.organisation import Brand
from gridctl.organisation import brands


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
    return apply_changes(
        session,
        Brand.__table__,  # type: ignore[arg-type]
        records(chunks),
        rows_by(session, query, lambda r: r["name"]),
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
